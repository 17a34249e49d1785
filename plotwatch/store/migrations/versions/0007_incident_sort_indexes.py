"""indexes for the incident list sorted newest, most reported or most independent sources
first: each holds the sort column (descending) and the id, so a page walks the index instead
of sorting every incident

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

INDEXES = {
    "ix_incidents_date_id": "date_value",
    "ix_incidents_articles_id": "n_articles",
    "ix_incidents_sources_id": "n_sources",
}


def upgrade() -> None:
    with op.batch_alter_table("incidents", schema=None) as batch_op:
        for name, column in INDEXES.items():
            batch_op.create_index(name, [sa.text(f"{column} DESC"), "id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("incidents", schema=None) as batch_op:
        for name in INDEXES:
            batch_op.drop_index(name)
