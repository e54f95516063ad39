"""Failed sign-ins per account key, for the brute-force limit on POST /api/v1/auth/token.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 13:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this revision."""
    op.create_table(
        "sign_in_failures",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("account_key", sa.String(length=64), nullable=False),
        sa.Column("failed_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sign_in_failures")),
    )
    op.create_index(
        op.f("ix_sign_in_failures_account_key"), "sign_in_failures", ["account_key"], unique=False
    )
    op.create_index(
        op.f("ix_sign_in_failures_failed_at"), "sign_in_failures", ["failed_at"], unique=False
    )


def downgrade() -> None:
    """Revert this revision."""
    op.drop_index(op.f("ix_sign_in_failures_failed_at"), table_name="sign_in_failures")
    op.drop_index(op.f("ix_sign_in_failures_account_key"), table_name="sign_in_failures")
    op.drop_table("sign_in_failures")
