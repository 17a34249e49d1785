"""Re-apply stored analyst decisions after fusion has rebuilt the incidents table.

Fusion (``pipeline.refuse``) replaces every incident; incident ids are stable, so reviews
(accept/reject) re-attach by themselves. Merges, splits, field edits and entity merges are
replayed here, in the order the analysts made them, by the same operations the actions use.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select

from plotwatch.review import ops
from plotwatch.store.db import Store
from plotwatch.store.models import (
    Entity,
    EntityMerge,
    Incident,
    IncidentMerge,
    IncidentOverride,
    MentionSplit,
)
from plotwatch.store.queries import regrade


def reapply(store: Store) -> None:
    """Replay entity merges, incident merges and splits (in time order), then field edits."""
    touched: set[str] = set()
    with store.transaction() as s:
        for em in s.scalars(select(EntityMerge).order_by(EntityMerge.at, EntityMerge.id)):
            source, target = s.get(Entity, em.source_id), s.get(Entity, _final(em.target_id, s))
            if source is not None and target is not None and source.id != target.id:
                ops.merge_entity(s, source, target)
        events: list[tuple[Any, int, str, Any]] = []
        for m in s.scalars(select(IncidentMerge)):
            events.append((m.at, m.id, "merge", m))
        groups: dict[str, list[MentionSplit]] = {}
        for sp in s.scalars(select(MentionSplit).order_by(MentionSplit.id)):
            groups.setdefault(sp.new_incident_id, []).append(sp)
        for new_id, rows in groups.items():
            events.append((min(r.at for r in rows), min(r.id for r in rows), "split", (new_id, rows)))
        for _, _, kind, item in sorted(events, key=lambda e: (e[0], e[2], e[1])):
            if kind == "merge":
                gone, kept = s.get(Incident, item.source_id), s.get(Incident, item.target_id)
                if gone is not None and kept is not None and gone.id != kept.id:
                    ops.merge_incident(s, gone, kept)
                    touched.add(kept.id)
            else:
                new_id, rows = item
                keys = [ops.MentionKey(r.article_source_id, r.sentence_start, r.type) for r in rows]
                mentions = ops.mention_rows(s, keys)
                if mentions:
                    touched.update(m.incident_id for m in mentions if m.incident_id)
                    ops.split_incident(s, mentions, new_id)
                    touched.add(new_id)
        by_incident: dict[str, dict[str, Any]] = {}
        for o in s.scalars(select(IncidentOverride).order_by(IncidentOverride.at)):
            by_incident.setdefault(o.incident_id, {})[o.field] = (
                None if o.value is None else json.loads(o.value)
            )
        for incident_id, fields in by_incident.items():
            inc = s.get(Incident, incident_id)
            if inc is not None:
                ops.apply_fields(inc, fields)
    still_there = _existing(store, touched)
    if still_there:
        regrade(store, sorted(still_there))


def _final(entity_id: str, s: Any) -> str:
    """Follow entity merge records to the entity that is kept."""
    seen = {entity_id}
    while True:
        nxt = s.scalar(select(EntityMerge.target_id).where(EntityMerge.source_id == entity_id))
        if nxt is None or nxt in seen:
            return entity_id
        seen.add(nxt)
        entity_id = nxt


def _existing(store: Store, ids: set[str]) -> set[str]:
    if not ids:
        return set()
    with store.session() as s:
        return set(s.scalars(select(Incident.id).where(Incident.id.in_(sorted(ids)))))
