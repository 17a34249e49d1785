"""Chains: which response answers which plot, and what followed what.

Works on export-contract incident dicts. A response (arrest, charge, extradition, conviction,
release, expulsion, sanction, diplomatic measure, investigation) is ``response_to`` the hostile
incident that shares the most named non-state actors with it (a person, agency or unit on
either side) and is not dated after it; ties go to the nearest earlier date. Responses to one
plot are then ordered by date, each ``follows`` the one before. States are left out of the
overlap: "Iran" is behind many plots, a named diplomat or agency behind few.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from itertools import pairwise
from typing import Any

from plotwatch.types import HOSTILE_TYPES


def _entities(inc: dict[str, Any]) -> set[str]:
    return {
        a["entity_id"]
        for a in inc.get("actors", [])
        if a.get("entity_id") and a.get("kind") not in {"state", "unknown"} and a.get("role") != "instrument"
    }


def _date(inc: dict[str, Any]) -> str:
    return (inc.get("date") or {}).get("start") or ""


def _not_after(hostile: str, response: str) -> bool:
    """True unless the hostile act is known to come after the response."""
    if not hostile or not response:
        return True
    n = len(hostile) if len(hostile) < len(response) else len(response)
    return hostile[:n] <= response[:n]


def link_chains(incidents: Iterable[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """For every incident id, its typed links to other incidents, in date order."""
    items = list(incidents)
    dates = {inc["id"]: _date(inc) for inc in items}
    by_entity: dict[str, list[tuple[str, str, dict[str, Any]]]] = defaultdict(list)
    for inc in items:
        if inc["type"] in HOSTILE_TYPES:
            for e in _entities(inc):
                by_entity[e].append((inc["id"], dates[inc["id"]], inc))
    answers: dict[str, list[dict[str, Any]]] = defaultdict(list)
    links: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for resp in items:
        if resp["type"] in HOSTILE_TYPES:
            continue
        rdate = dates[resp["id"]]
        counts: dict[str, int] = defaultdict(int)
        found: dict[str, tuple[str, dict[str, Any]]] = {}
        for e in _entities(resp):
            for hid, hdate, hostile in by_entity.get(e, ()):
                if _not_after(hdate, rdate):
                    counts[hid] += 1
                    found[hid] = (hdate, hostile)
        if not counts:
            continue
        best = max(counts, key=lambda hid: (counts[hid], found[hid][0], hid))
        plot = found[best][1]
        answers[plot["id"]].append(resp)
        links[resp["id"]].append(_link("response_to", plot))
        links[plot["id"]].append(_link("responded_by", resp))
    for responses in answers.values():
        ordered = sorted(responses, key=lambda r: (dates[r["id"]] or "9999", r["id"]))
        for before, after in pairwise(ordered):
            links[after["id"]].append(_link("follows", before))
            links[before["id"]].append(_link("followed_by", after))
    return {
        k: sorted(v, key=lambda x: (x["date"] or "9999", x["relation"], x["id"])) for k, v in links.items()
    }


def _link(relation: str, other: dict[str, Any]) -> dict[str, Any]:
    return {"relation": relation, "id": other["id"], "type": other["type"], "date": _date(other) or None}
