"""Synthetic demo data for a first start in development (filled in by the service work)."""
