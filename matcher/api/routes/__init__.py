"""Thin routers: parse input, call one use case, return a wire model."""
