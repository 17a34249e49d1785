"""materialised incident chains (typed links between incidents); indexes for the web app
(incident actors by entity, incidents by credibility)

The table starts empty: incidents without a row have their chain linked when read, until the
next fusion or analyst decision rebuilds every chain.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "incident_chains",
        sa.Column("incident_id", sa.String(length=40), nullable=False),
        sa.Column("links", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("incident_id"),
    )
    with op.batch_alter_table("incident_actors", schema=None) as batch_op:
        batch_op.create_index(
            "ix_incident_actors_entity_incident", ["entity_id", "incident_id"], unique=False
        )
    with op.batch_alter_table("incidents", schema=None) as batch_op:
        batch_op.create_index("ix_incidents_credibility_id", ["credibility", "id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("incidents", schema=None) as batch_op:
        batch_op.drop_index("ix_incidents_credibility_id")
    with op.batch_alter_table("incident_actors", schema=None) as batch_op:
        batch_op.drop_index("ix_incident_actors_entity_incident")
    op.drop_table("incident_chains")
