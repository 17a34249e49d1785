"""users, API tokens, app settings and analyst decisions (overrides, merges, splits)

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23 00:08:31.196008
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "app_settings",
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )
    op.create_table(
        "entity_merges",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.String(length=120), nullable=False),
        sa.Column("target_id", sa.String(length=120), nullable=False),
        sa.Column("by", sa.String(length=100), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("source_id"),
    )
    with op.batch_alter_table("entity_merges", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_entity_merges_target_id"), ["target_id"], unique=False)

    op.create_table(
        "incident_merges",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.String(length=40), nullable=False),
        sa.Column("target_id", sa.String(length=40), nullable=False),
        sa.Column("by", sa.String(length=100), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("source_id"),
    )
    with op.batch_alter_table("incident_merges", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_incident_merges_target_id"), ["target_id"], unique=False)

    op.create_table(
        "incident_overrides",
        sa.Column("incident_id", sa.String(length=40), nullable=False),
        sa.Column("field", sa.String(length=40), nullable=False),
        sa.Column("value", sa.Text(), nullable=True),
        sa.Column("by", sa.String(length=100), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("incident_id", "field"),
    )
    op.create_table(
        "mention_splits",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_source_id", sa.String(length=500), nullable=False),
        sa.Column("sentence_start", sa.Integer(), nullable=False),
        sa.Column("type", sa.String(length=40), nullable=False),
        sa.Column("new_incident_id", sa.String(length=40), nullable=False),
        sa.Column("from_incident_id", sa.String(length=40), nullable=True),
        sa.Column("by", sa.String(length=100), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("article_source_id", "sentence_start", "type"),
    )
    with op.batch_alter_table("mention_splits", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_mention_splits_new_incident_id"), ["new_incident_id"], unique=False
        )

    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("password_hash", sa.String(length=300), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("name"),
    )
    op.create_table(
        "api_tokens",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("label", sa.String(length=200), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("last_used_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("token_hash"),
    )
    with op.batch_alter_table("api_tokens", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_api_tokens_user_id"), ["user_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("api_tokens", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_api_tokens_user_id"))

    op.drop_table("api_tokens")
    op.drop_table("users")
    with op.batch_alter_table("mention_splits", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_mention_splits_new_incident_id"))

    op.drop_table("mention_splits")
    op.drop_table("incident_overrides")
    with op.batch_alter_table("incident_merges", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_incident_merges_target_id"))

    op.drop_table("incident_merges")
    with op.batch_alter_table("entity_merges", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_entity_merges_target_id"))

    op.drop_table("entity_merges")
    op.drop_table("app_settings")
