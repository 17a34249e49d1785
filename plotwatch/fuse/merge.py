"""Merged fields of a cluster of mentions: date, place, status, states, actors, id."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Sequence

from plotwatch.types import ActorMention, IncidentDraft, PartialDate, SourcedMention

PRECISION_RANK = {"day": 3, "month": 2, "year": 1, "none": 0}


def incident_id(type_: str, mentions: Sequence[SourcedMention]) -> str:
    """ "inc-" + sha1 of the type and the earliest mention (article, sentence, trigger, and the
    country/state, which tell apart the events one list sentence expands into)."""
    first = min(
        (
            m.article_id,
            m.mention.sentence_start,
            m.mention.trigger_start or 0,
            m.mention.trigger,
            m.mention.country or "",
            m.mention.agent_state or "",
        )
        for m in mentions
    )
    digest = hashlib.sha1("|".join(map(str, (type_, *first))).encode()).hexdigest()
    return f"inc-{digest[:12]}"


def merged_date(mentions: Sequence[SourcedMention]) -> PartialDate:
    """The most precise date consistent with the others (explicit dates before inferred ones)."""
    for inferred in (False, True):
        dates = [
            m.mention.date for m in mentions if m.mention.date.value and m.mention.date_inferred == inferred
        ]
        if not dates:
            continue
        counts = Counter(d.value for d in dates)

        def support(d: PartialDate, dates: list[PartialDate] = dates) -> int:
            return sum(1 for o in dates if d.compatible(o))

        # ties go to the earlier date: a later article's context year is an upper bound
        return max(
            dates,
            key=lambda d: (
                support(d),
                PRECISION_RANK[d.precision],
                counts[d.value],
                [-ord(ch) for ch in d.value or ""],
            ),
        )
    return PartialDate.unknown()


def _mode(values: Sequence[str | None]) -> str | None:
    counts = Counter(v for v in values if v)
    if not counts:
        return None
    return max(sorted(counts), key=lambda v: counts[v])


def merged_status(mentions: Sequence[SourcedMention], priority: Sequence[str]) -> str | None:
    statuses = [m.mention.status for m in mentions if m.mention.status]
    for status in priority:
        if status in statuses:
            return status
    return statuses[0] if statuses else None


def merged_actors(mentions: Sequence[SourcedMention]) -> list[ActorMention]:
    out: list[ActorMention] = []
    seen: set[tuple[str, str]] = set()
    for sm in mentions:
        for a in sm.mention.actors:
            ident = (a.role, a.key or a.name.casefold().removeprefix("the ").strip())
            if ident not in seen:
                seen.add(ident)
                out.append(a)
    return out


def build_incident(type_: str, mentions: list[SourcedMention], priority: Sequence[str]) -> IncidentDraft:
    """An :class:`IncidentDraft` from a cluster of mentions of one incident."""
    mentions = sorted(
        mentions, key=lambda m: (m.article_id, m.mention.sentence_start, m.mention.trigger_start or 0)
    )
    evs = [m.mention for m in mentions]
    country = _mode([e.country for e in evs])
    placed = [e for e in evs if e.place and e.country == country]
    place = _mode([e.place for e in placed])
    where = next((e for e in placed if e.place == place), None)
    hostile = any(e.status for e in evs)
    return IncidentDraft(
        id=incident_id(type_, mentions),
        type=type_,
        status=merged_status(mentions, priority) if hostile else None,
        date=merged_date(mentions),
        country=country,
        place=place,
        lat=where.lat if where else None,
        lon=where.lon if where else None,
        place_precision="place" if place else ("country" if country else "none"),
        agent_state=_mode([e.agent_state for e in evs]),
        actors=merged_actors(mentions),
        mentions=mentions,
        historical=sum(e.historical for e in evs) * 2 >= len(evs),
    )
