"""materialised incident grades (articles, outlets, independent sources, credibility)

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("incidents", schema=None) as batch_op:
        batch_op.add_column(sa.Column("n_articles", sa.Integer(), nullable=False, server_default="0"))
        batch_op.add_column(sa.Column("n_outlets", sa.Integer(), nullable=False, server_default="0"))
        batch_op.add_column(sa.Column("n_sources", sa.Integer(), nullable=False, server_default="0"))
        batch_op.add_column(sa.Column("credibility", sa.Integer(), nullable=False, server_default="6"))
        batch_op.create_index(batch_op.f("ix_incidents_credibility"), ["credibility"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("incidents", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_incidents_credibility"))
        batch_op.drop_column("credibility")
        batch_op.drop_column("n_sources")
        batch_op.drop_column("n_outlets")
        batch_op.drop_column("n_articles")
