"""``python -m matcher`` runs the command line."""

from matcher.cli import app

app()
