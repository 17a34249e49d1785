"""Analyst decisions: accept/reject, edit, merge, split incidents; merge entities, add aliases.

Each action validates its input, changes the knowledge base, records the decision in its own
table (so :func:`plotwatch.review.reapply` can replay it after re-fusion) and writes an audit
entry with the state before and after, all in one transaction (``Store.transaction()``).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from plotwatch.errors import NotFoundError
from plotwatch.review import ops
from plotwatch.review.errors import ConflictError, InvalidEditError
from plotwatch.store.db import Store, normalize_name
from plotwatch.store.models import (
    Alias,
    Entity,
    EntityMerge,
    EventMentionRow,
    Incident,
    IncidentMerge,
    IncidentOverride,
    MentionSplit,
    Review,
    utcnow,
)
from plotwatch.store.queries import refresh_derived, regrade
from plotwatch.types import EVENT_TYPES, RESPONSE_TYPES, STATUSES

DECISIONS = ("accepted", "rejected")
_DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_COUNTRY_RE = re.compile(r"^([A-Z]{2}|EU)$")


def _incident(s: Session, incident_id: str) -> Incident:
    inc = s.get(Incident, incident_id)
    if inc is None:
        raise NotFoundError(f"no incident with id {incident_id!r}")
    return inc


def _entity(s: Session, entity_id: str) -> Entity:
    ent = s.get(Entity, entity_id)
    if ent is None:
        raise NotFoundError(f"no entity with id {entity_id!r}")
    return ent


def set_review(
    store: Store, incident_id: str, decision: str, *, actor: str, note: str | None = None
) -> dict[str, Any]:
    """Accept or reject an incident. A rejected incident leaves lists, exports and the map."""
    if decision not in DECISIONS:
        raise InvalidEditError(f"decision must be one of {', '.join(DECISIONS)}, not {decision!r}")
    with store.transaction() as s:
        _incident(s, incident_id)
        review = s.get(Review, incident_id)
        before = None if review is None else {"decision": review.decision, "note": review.note}
        if review is None:
            review = Review(incident_id=incident_id, decision=decision, by=actor, note=note)
            s.add(review)
        else:
            review.decision, review.by, review.note, review.at = decision, actor, note, utcnow()
        after = {"decision": decision, "note": note}
        store.audit(
            s,
            actor=actor,
            action=decision[:-2] if decision.endswith("ed") else decision,
            object_type="incident",
            object_id=incident_id,
            before=before,
            after=after,
        )
    refresh_derived(store)  # a rejected incident leaves its campaign and its chain
    return {"incident_id": incident_id, **after, "by": actor}


def clean_fields(fields: Mapping[str, Any], current_type: str) -> dict[str, Any]:
    """Validate and normalise edited field values (raises :class:`InvalidEditError`)."""
    out: dict[str, Any] = {}
    unknown = set(fields) - set(ops.EDITABLE_FIELDS)
    if unknown:
        raise InvalidEditError(
            f"cannot edit {', '.join(sorted(unknown))}; editable: {', '.join(ops.EDITABLE_FIELDS)}"
        )
    for name, raw in fields.items():
        value = raw.strip() if isinstance(raw, str) else raw
        if value == "":
            value = None
        if name == "type":
            if value not in EVENT_TYPES:
                raise InvalidEditError(f"type must be one of {', '.join(EVENT_TYPES)}, not {raw!r}")
        elif name == "status":
            if value is not None and value not in STATUSES:
                raise InvalidEditError(f"status must be one of {', '.join(STATUSES)} or empty, not {raw!r}")
        elif name == "date" and value is not None:
            if not isinstance(value, str) or not _DATE_RE.match(value) or not _real_date(value):
                raise InvalidEditError(f"date must look like 2018, 2018-06 or 2018-06-30, not {raw!r}")
        elif name in ("country", "agent_state") and value is not None:
            value = str(value).upper()
            if not _COUNTRY_RE.match(value):
                raise InvalidEditError(f"{name} must be an ISO alpha-2 code or EU, not {raw!r}")
        elif name == "place" and value is not None:
            value = str(value)[:200]
        elif name in ("lat", "lon") and value is not None:
            try:
                value = float(value)
            except (TypeError, ValueError):
                raise InvalidEditError(f"{name} must be a number, not {raw!r}") from None
            limit = 90 if name == "lat" else 180
            if not -limit <= value <= limit:
                raise InvalidEditError(f"{name} must be between -{limit} and {limit}")
        out[name] = value
    new_type = out.get("type", current_type)
    if new_type in RESPONSE_TYPES:
        if out.get("status") is not None:
            raise InvalidEditError(f"a {new_type} is a response and has no status")
        if "type" in out:
            out["status"] = None
    return out


def _real_date(value: str) -> bool:
    parts = [int(p) for p in value.split("-")] + [1, 1]
    try:
        dt.date(parts[0], parts[1], parts[2])
    except ValueError:
        return False
    return True


def edit_incident(store: Store, incident_id: str, fields: Mapping[str, Any], *, actor: str) -> dict[str, Any]:
    """Change fields of an incident; the new values are kept over any later fusion."""
    if not fields:
        raise InvalidEditError("nothing to edit: give at least one field")
    with store.transaction() as s:
        inc = _incident(s, incident_id)
        clean = clean_fields(fields, inc.type)
        before = ops.snapshot(inc)
        ops.apply_fields(inc, clean)
        after = ops.snapshot(inc)
        for name, value in clean.items():
            row = s.get(IncidentOverride, (incident_id, name))
            encoded = json.dumps(value)
            if row is None:
                s.add(IncidentOverride(incident_id=incident_id, field=name, value=encoded, by=actor))
            else:
                row.value, row.by, row.at = encoded, actor, utcnow()
        changed = {k for k in after if before[k] != after[k]}
        store.audit(
            s,
            actor=actor,
            action="edit",
            object_type="incident",
            object_id=incident_id,
            before={k: before[k] for k in sorted(changed)},
            after={k: after[k] for k in sorted(changed)},
        )
    refresh_derived(store)  # type, date or sponsor may have changed
    return {"id": incident_id, **after}


def merge_incidents(store: Store, source_id: str, target_id: str, *, actor: str) -> dict[str, Any]:
    """Merge incident ``source_id`` into ``target_id`` (its mentions and actors move over)."""
    if source_id == target_id:
        raise ConflictError("cannot merge an incident into itself")
    with store.transaction() as s:
        source, target = _incident(s, source_id), _incident(s, target_id)
        n_mentions = len(source.mentions)
        before = {"source": ops.snapshot(source), "target": ops.snapshot(target)}
        ops.merge_incident(s, source, target)
        for row in s.scalars(select(IncidentMerge).where(IncidentMerge.target_id == source_id)):
            row.target_id = target_id  # earlier merges into the source now point at the target
        existing = s.scalar(select(IncidentMerge).where(IncidentMerge.source_id == source_id))
        if existing is not None:
            existing.target_id, existing.by, existing.at = target_id, actor, utcnow()
        else:
            s.add(IncidentMerge(source_id=source_id, target_id=target_id, by=actor))
        after = {"merged_into": target_id, "mentions_moved": n_mentions}
        store.audit(
            s,
            actor=actor,
            action="merge",
            object_type="incident",
            object_id=source_id,
            before=before,
            after=after,
        )
        store.audit(
            s,
            actor=actor,
            action="absorb",
            object_type="incident",
            object_id=target_id,
            before=None,
            after={"absorbed": source_id, "mentions_moved": n_mentions},
        )
    regrade(store, [target_id])
    refresh_derived(store)  # campaigns and chains
    return {"source": source_id, "target": target_id, "mentions_moved": n_mentions}


def split_incident(
    store: Store, incident_id: str, mentions: Sequence[tuple[str, int, str | None]], *, actor: str
) -> dict[str, Any]:
    """Move the named mentions of an incident into a new incident; returns its id.

    ``mentions`` are (article id, sentence start, type or None) triples; None matches any type.
    """
    if not mentions:
        raise InvalidEditError("name at least one mention to split off")
    with store.transaction() as s:
        inc = _incident(s, incident_id)
        rows = list(s.scalars(select(EventMentionRow).where(EventMentionRow.incident_id == incident_id)))
        keyed = {row.id: ops.MentionKey(row.article.source_id, row.sentence_start, row.type) for row in rows}
        chosen: list[EventMentionRow] = []
        for article_id, start, mtype in mentions:
            hits = [
                r
                for r in rows
                if keyed[r.id].article_id == article_id
                and r.sentence_start == start
                and (mtype is None or r.type == mtype)
            ]
            if not hits:
                raise InvalidEditError(f"incident {incident_id} has no mention at {article_id}:{start}")
            chosen.extend(h for h in hits if h not in chosen)
        if len(chosen) == len(rows):
            raise ConflictError("a split must leave at least one mention in the incident")
        keys = [keyed[r.id] for r in chosen]
        new_id = ops.split_id(keys)
        before = {"incident": ops.snapshot(inc), "mentions": len(rows)}
        for k in keys:
            row = s.scalar(
                select(MentionSplit).where(
                    MentionSplit.article_source_id == k.article_id,
                    MentionSplit.sentence_start == k.start,
                    MentionSplit.type == k.type,
                )
            )
            if row is None:
                row = MentionSplit(article_source_id=k.article_id, sentence_start=k.start, type=k.type)
                s.add(row)
            row.new_incident_id, row.from_incident_id, row.by, row.at = new_id, incident_id, actor, utcnow()
        ops.split_incident(
            s, sorted(chosen, key=lambda r: (keyed[r.id].article_id, r.sentence_start)), new_id
        )
        after = {
            "new_incident": new_id,
            "mentions": [{"article_id": k.article_id, "start": k.start, "type": k.type} for k in keys],
        }
        store.audit(
            s,
            actor=actor,
            action="split",
            object_type="incident",
            object_id=incident_id,
            before=before,
            after=after,
        )
    regrade(store, [incident_id, new_id])
    refresh_derived(store)  # campaigns and chains
    return {"source": incident_id, "new_incident": new_id, "mentions_moved": len(keys)}


def merge_entities(store: Store, source_id: str, target_id: str, *, actor: str) -> dict[str, Any]:
    """Merge entity ``source_id`` into ``target_id``: its roles, relations and names move over."""
    if source_id == target_id:
        raise ConflictError("cannot merge an entity into itself")
    with store.transaction() as s:
        source, target = _entity(s, source_id), _entity(s, target_id)
        before = {"source": _entity_view(source), "target": _entity_view(target)}
        ops.merge_entity(s, source, target)
        for row in s.scalars(select(EntityMerge).where(EntityMerge.target_id == source_id)):
            row.target_id = target_id
        s.add(EntityMerge(source_id=source_id, target_id=target_id, by=actor))
        after = {"merged_into": target_id, "aliases": sorted(a.alias for a in target.aliases)}
        store.audit(
            s,
            actor=actor,
            action="merge",
            object_type="entity",
            object_id=source_id,
            before=before,
            after=after,
        )
    refresh_derived(store)  # targets are grouped by entity
    return {"source": source_id, "target": target_id, "aliases": after["aliases"]}


def _entity_view(ent: Entity) -> dict[str, Any]:
    return {"name": ent.name, "kind": ent.kind, "aliases": sorted(a.alias for a in ent.aliases)}


def add_alias(store: Store, entity_id: str, alias: str, *, actor: str) -> dict[str, Any]:
    """Give an entity another name (a spelling, a transliteration, an acronym)."""
    alias = " ".join(alias.split())
    if not alias or len(alias) > 300:
        raise InvalidEditError("an alias must be 1 to 300 characters")
    norm = normalize_name(alias)
    with store.transaction() as s:
        ent = _entity(s, entity_id)
        before = sorted(a.alias for a in ent.aliases)
        if norm in {a.normalized for a in ent.aliases}:
            raise ConflictError(f"{ent.name} already has the alias {alias!r}")
        s.add(Alias(entity_id=entity_id, alias=alias, normalized=norm))
        s.flush()
        after = sorted([*before, alias])
        store.audit(
            s,
            actor=actor,
            action="add_alias",
            object_type="entity",
            object_id=entity_id,
            before={"aliases": before},
            after={"aliases": after},
        )
        return {"entity_id": entity_id, "aliases": after}
