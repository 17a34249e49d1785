"""What the mentions fused into one incident say about each field, and where they disagree.

Every field keeps every value with the articles that state it (:func:`field_values`); a field
is *contradicted* (:func:`contradictions`) when two values cannot both be true:

* ``location.country``, ``agent_state``: two different values;
* ``location.place``: two places (of one country) farther apart than ``place_km``;
* ``date``: two dates incompatible beyond their precision ("2018" and "2018-06" agree;
  "2018-06" and "2018-07" do not; exact days within ``day_slack`` agree);
* ``status``: a pair listed in ``status_conflicts`` (executed vs foiled);
* ``figures.<what>`` (attendance, killed, …): two figures from different articles whose
  ranges do not overlap ("more than 100,000" vs "tens of thousands").

Settings are the ``contradictions`` block of ``data/fusion.yaml``.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from plotwatch.claims.quantities import Range, ranges_disagree
from plotwatch.types import PartialDate

FIELDS = ("type", "status", "date", "location.country", "location.place", "agent_state")


@dataclass(frozen=True)
class Fact:
    """What one mention says about its incident."""

    article_id: str
    type: str
    status: str | None
    date: str | None
    country: str | None
    place: str | None
    agent_state: str | None
    lat: float | None = None
    lon: float | None = None


@dataclass(frozen=True)
class FigureFact:
    """A figure about an incident ("more than 100,000" people attended)."""

    article_id: str
    field: str  # "figures.attendance"
    expression: str  # as written: "more than 100,000"
    range: Range | None


def field_values(facts: Iterable[Fact]) -> dict[str, dict[str, set[str]]]:
    """field → value → article ids stating it."""
    out: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for f in facts:
        for field, value in (
            ("type", f.type),
            ("status", f.status),
            ("date", f.date),
            ("location.country", f.country),
            ("location.place", f.place),
            ("agent_state", f.agent_state),
        ):
            if value:
                out[field][value].add(f.article_id)
    return out


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(h))


def _entry(values: dict[str, set[str]], keys: Sequence[str]) -> list[dict[str, Any]]:
    return [{"value": k, "article_ids": sorted(values[k])} for k in keys]


def contradictions(
    facts: Sequence[Fact], figures: Sequence[FigureFact] = (), settings: dict[str, Any] | None = None
) -> list[dict[str, Any]]:
    """The export contract's ``contradictions``: one entry per disputed field, in field order."""
    cfg = dict((settings or {}).get("contradictions", {}))
    day_slack = int((settings or {}).get("day_slack", 0))
    place_km = float(cfg.get("place_km", 50))
    default_conflicts = [["executed", "foiled"], ["executed", "failed"]]
    conflicts = {frozenset(p) for p in cfg.get("status_conflicts", default_conflicts)}
    values = field_values(facts)
    if len({f.article_id for f in facts}) < 2 and not figures:
        return []
    out: list[dict[str, Any]] = []
    for field in FIELDS:
        got = values.get(field, {})
        keys = sorted(got)
        if len(keys) < 2 or field == "type":
            continue
        if field == "agent_state" and all(f.agent_state == f.country for f in facts if f.agent_state):
            continue  # a response's acting state is its country: already reported there
        if field == "date":
            keys = [k for k in keys if not any(o != k and o.startswith(k) for o in keys)]
            dates = [PartialDate.parse(k) for k in keys]
            if all(a.compatible(b, day_slack) for a in dates for b in dates):
                continue
        elif field == "status":
            if not any(frozenset((a, b)) in conflicts for a in keys for b in keys if a != b):
                continue
        elif field == "location.place":
            coords: dict[str, tuple[float, float]] = {}
            for f in facts:
                if f.place and f.lat is not None and f.lon is not None:
                    coords.setdefault(f.place, (f.lat, f.lon))
            far = [
                (a, b)
                for a in keys
                for b in keys
                if a < b and a in coords and b in coords and _km(coords[a], coords[b]) > place_km
            ]
            if not far:
                continue
            keys = sorted({x for pair in far for x in pair})
        out.append({"field": field, "values": _entry(got, keys)})
    out.extend(figure_contradictions(figures))
    return out


def figure_contradictions(figures: Sequence[FigureFact]) -> list[dict[str, Any]]:
    """Figures about one incident whose ranges cannot both hold, from different articles."""
    by_field: dict[str, list[FigureFact]] = defaultdict(list)
    for f in figures:
        if f.range is not None:
            by_field[f.field].append(f)
    out = []
    for field in sorted(by_field):
        items = by_field[field]
        disputed = {
            x.expression
            for a in items
            for b in items
            if a.article_id != b.article_id and a.range and b.range and ranges_disagree(a.range, b.range)
            for x in (a, b)
        }
        if not disputed:
            continue
        values: dict[str, set[str]] = defaultdict(set)
        ranges: dict[str, Range | None] = {}
        for f in items:
            if f.expression in disputed:
                values[f.expression].add(f.article_id)
                ranges[f.expression] = f.range
        keys = sorted(values, key=lambda k: (ranges[k] or (0, 0))[0] or 0)
        entries = _entry(values, keys)
        for e in entries:
            low, high = ranges[e["value"]] or (None, None)
            e["range"] = [low, high]
        out.append({"field": field, "values": entries})
    return out
