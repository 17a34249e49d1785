"""index on the names of incident actors (with the incident id), so that a text search reads
each distinct name once (a loose index scan) instead of every actor row

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("incident_actors", schema=None) as batch_op:
        batch_op.create_index("ix_incident_actors_name_incident", ["name", "incident_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("incident_actors", schema=None) as batch_op:
        batch_op.drop_index("ix_incident_actors_name_incident")
