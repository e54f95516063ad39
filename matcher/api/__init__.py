"""The HTTP API (FastAPI, versioned under ``/api/v1``): ``create_app`` in :mod:`.main`."""
