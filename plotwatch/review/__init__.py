"""Analyst review: decisions on incidents and entities, with an audit trail.

The web app, the API and the CLI call these functions; each records its decision in its own
table and writes an audit entry in the same transaction, and :func:`reapply` replays the
decisions after every re-fusion (``plotwatch.pipeline.refuse`` calls it), so a rejected
incident stays rejected, an edit stays, a merge stays merged and a split stays split.
"""

from __future__ import annotations

from plotwatch.review.actions import (
    DECISIONS,
    add_alias,
    clean_fields,
    edit_incident,
    merge_entities,
    merge_incidents,
    set_review,
    split_incident,
)
from plotwatch.review.errors import ConflictError, InvalidEditError, ReviewError
from plotwatch.review.ops import EDITABLE_FIELDS, MentionKey, split_id
from plotwatch.review.replay import reapply

__all__ = [
    "DECISIONS",
    "EDITABLE_FIELDS",
    "ConflictError",
    "InvalidEditError",
    "MentionKey",
    "ReviewError",
    "add_alias",
    "clean_fields",
    "edit_incident",
    "merge_entities",
    "merge_incidents",
    "reapply",
    "set_review",
    "split_id",
    "split_incident",
]
