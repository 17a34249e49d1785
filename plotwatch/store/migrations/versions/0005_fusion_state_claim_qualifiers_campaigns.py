"""fusion membership of mentions, claim qualifiers, campaigns

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("event_mentions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("fused_id", sa.String(length=40), nullable=True))
        batch_op.create_index(batch_op.f("ix_event_mentions_fused_id"), ["fused_id"], unique=False)
    with op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.add_column(sa.Column("qualifier", sa.String(length=40), nullable=True))
    op.create_table(
        "campaigns",
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.Column("sponsor_state", sa.String(length=8), nullable=False),
        sa.Column("target_entity_id", sa.String(length=120), nullable=False),
        sa.Column("target_name", sa.String(length=300), nullable=False),
        sa.Column("start", sa.String(length=10), nullable=True),
        sa.Column("end", sa.String(length=10), nullable=True),
        sa.Column("n_incidents", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("campaigns", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_campaigns_sponsor_state"), ["sponsor_state"], unique=False)
    op.create_table(
        "campaign_incidents",
        sa.Column("campaign_id", sa.String(length=40), nullable=False),
        sa.Column("incident_id", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(["campaign_id"], ["campaigns.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("campaign_id", "incident_id"),
    )
    with op.batch_alter_table("campaign_incidents", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_campaign_incidents_incident_id"), ["incident_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("campaign_incidents", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_campaign_incidents_incident_id"))
    op.drop_table("campaign_incidents")
    with op.batch_alter_table("campaigns", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_campaigns_sponsor_state"))
    op.drop_table("campaigns")
    with op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.drop_column("qualifier")
    with op.batch_alter_table("event_mentions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_event_mentions_fused_id"))
        batch_op.drop_column("fused_id")
