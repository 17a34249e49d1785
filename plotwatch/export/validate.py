"""Checking a dict against the incident export contract (``docs/TAXONOMY.md``).

:func:`validate_incident` returns a list of problems, each naming the offending key path
(``"date.precision: 'week' is not one of day, month, year, none"``); an empty list means the
dict honours the contract. It checks:

- the required keys: id, type, status, date, location, agent_state, actors, mentions,
  corroboration, credibility;
- ``type`` is in the taxonomy; ``status`` is null for responses and, for hostile acts, one of
  planned, foiled, failed, executed (or null when unknown);
- ``date.start``/``end`` are real "YYYY", "YYYY-MM" or "YYYY-MM-DD" dates (or null), the
  precision is day/month/year/none and agrees with the length of ``start``, end ≥ start;
- ``location.precision`` is place/admin1/country/none, country an alpha-2 code or "EU",
  lat/lon finite numbers in range;
- every actor has a name and a role in perpetrator, sponsor, target, victim, responder,
  instrument; aliases a list of strings;
- every mention has an article id, a quote and integer offsets with 0 ≤ start < end;
- corroboration counts are non-negative integers (or null), credibility 1–6 (or null);
- contradictions, when present, are ``{"field", "values": [{"value", "article_ids"}]}``.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any

from plotwatch.types import EVENT_TYPES, HOSTILE_TYPES, ROLES, STATUSES

REQUIRED_KEYS: tuple[str, ...] = (
    "id",
    "type",
    "status",
    "date",
    "location",
    "agent_state",
    "actors",
    "mentions",
    "corroboration",
    "credibility",
)
DATE_PRECISIONS: tuple[str, ...] = ("day", "month", "year", "none")
LOCATION_PRECISIONS: tuple[str, ...] = ("place", "admin1", "country", "none")
_COUNTRY_RE = re.compile(r"^[A-Z]{2}$")
_DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_PRECISIONS = {4: "year", 7: "month", 10: "day"}


def valid_partial_date(value: str) -> bool:
    """True for a real calendar date written "YYYY", "YYYY-MM" or "YYYY-MM-DD"."""
    if not _DATE_RE.match(value):
        return False
    padded = value + "-01-01"[len(value) - 4 :] if len(value) < 10 else value
    try:
        dt.date.fromisoformat(padded)
    except ValueError:
        return False
    return True


def date_precision(value: str | None) -> str:
    """Precision of a partial date string: "day", "month", "year" or "none"."""
    return _PRECISIONS.get(len(value), "none") if value else "none"


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value: Any) -> bool:
    return (_is_int(value) or isinstance(value, float)) and math.isfinite(value)


def _opt_str(value: Any) -> bool:
    return value is None or isinstance(value, str)


def _one_of(path: str, value: Any, allowed: tuple[str, ...]) -> list[str]:
    return [] if value in allowed else [f"{path}: {value!r} is not one of {', '.join(allowed)}"]


def _check_date(date: Any) -> list[str]:
    if not isinstance(date, dict):
        return [f"date: expected an object, got {date!r}"]
    problems = _one_of("date.precision", date.get("precision"), DATE_PRECISIONS)
    for key in ("start", "end"):
        value = date.get(key)
        if value is not None and (not isinstance(value, str) or not valid_partial_date(value)):
            problems.append(f"date.{key}: {value!r} is not YYYY, YYYY-MM, YYYY-MM-DD or null")
            return problems
    start, end = date.get("start"), date.get("end")
    precision = date.get("precision")
    if precision in DATE_PRECISIONS and date_precision(start) != precision:
        problems.append(f"date.precision: {precision!r} does not fit start {start!r}")
    if start and end and end[: len(start)] < start[: len(end)]:
        problems.append(f"date.end: {end!r} is before start {start!r}")
    return problems


def _check_location(loc: Any) -> list[str]:
    if not isinstance(loc, dict):
        return [f"location: expected an object, got {loc!r}"]
    problems = _one_of("location.precision", loc.get("precision"), LOCATION_PRECISIONS)
    country = loc.get("country")
    if country is not None and (not isinstance(country, str) or not _COUNTRY_RE.match(country)):
        problems.append(f"location.country: {country!r} is not an ISO alpha-2 code or 'EU'")
    if not _opt_str(loc.get("place")):
        problems.append(f"location.place: {loc.get('place')!r} is not a string or null")
    for key, limit in (("lat", 90), ("lon", 180)):
        value = loc.get(key)
        if value is not None and (not _is_number(value) or abs(value) > limit):
            problems.append(f"location.{key}: {value!r} is not a number within ±{limit}")
    return problems


def _check_actors(actors: Any) -> list[str]:
    if not isinstance(actors, list):
        return [f"actors: expected a list, got {actors!r}"]
    problems = []
    for i, actor in enumerate(actors):
        path = f"actors[{i}]"
        if not isinstance(actor, dict):
            problems.append(f"{path}: expected an object")
            continue
        if not isinstance(actor.get("name"), str) or not actor["name"].strip():
            problems.append(f"{path}.name: missing or empty")
        problems += _one_of(f"{path}.role", actor.get("role"), ROLES)
        aliases = actor.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            problems.append(f"{path}.aliases: expected a list of strings")
    return problems


def _check_mentions(mentions: Any) -> list[str]:
    if not isinstance(mentions, list):
        return [f"mentions: expected a list, got {mentions!r}"]
    if not mentions:
        return ["mentions: an incident needs at least one mention"]
    problems = []
    for i, mention in enumerate(mentions):
        path = f"mentions[{i}]"
        if not isinstance(mention, dict):
            problems.append(f"{path}: expected an object")
            continue
        if not isinstance(mention.get("article_id"), str) or not mention["article_id"]:
            problems.append(f"{path}.article_id: missing or empty")
        if not isinstance(mention.get("quote"), str):
            problems.append(f"{path}.quote: expected a string")
        start: Any = mention.get("start")
        end: Any = mention.get("end")
        if not _is_int(start) or not _is_int(end):
            problems.append(f"{path}: start/end must be integers, got {start!r}, {end!r}")
        elif not 0 <= start < end:
            problems.append(f"{path}: offsets must satisfy 0 <= start < end, got {start}, {end}")
    return problems


def _check_grading(incident: dict[str, Any]) -> list[str]:
    problems = []
    corr = incident.get("corroboration")
    if not isinstance(corr, dict):
        problems.append(f"corroboration: expected an object, got {corr!r}")
    else:
        for key in ("articles", "outlets", "independent_sources"):
            value = corr.get(key)
            if value is not None and (not _is_int(value) or value < 0):
                problems.append(f"corroboration.{key}: {value!r} is not a count")
    cred = incident.get("credibility")
    if cred is not None and (not _is_int(cred) or not 1 <= cred <= 6):
        problems.append(f"credibility: {cred!r} is not an integer 1–6 or null")
    return problems


def _check_contradictions(contradictions: Any) -> list[str]:
    if not isinstance(contradictions, list):
        return [f"contradictions: expected a list, got {contradictions!r}"]
    problems = []
    for i, c in enumerate(contradictions):
        values = c.get("values") if isinstance(c, dict) else None
        if (
            not isinstance(c, dict)
            or not isinstance(c.get("field"), str)
            or not isinstance(values, list)
            or not all(isinstance(v, dict) and "value" in v for v in values)
        ):
            problems.append(f"contradictions[{i}]: expected {{field, values: [{{value, ...}}]}}")
            continue
        for j, v in enumerate(values):
            ids = v.get("article_ids")
            if not isinstance(ids, list) or not all(isinstance(a, str) for a in ids):
                problems.append(f"contradictions[{i}].values[{j}].article_ids: expected strings")
    return problems


def validate_incident(d: Any) -> list[str]:
    """Problems with ``d`` as an export-contract incident; empty when it is valid."""
    if not isinstance(d, dict):
        return [f"expected an object, got {type(d).__name__}"]
    missing = [k for k in REQUIRED_KEYS if k not in d]
    problems = [f"{k}: missing" for k in missing]
    if "id" not in missing and (not isinstance(d["id"], str) or not d["id"]):
        problems.append(f"id: {d['id']!r} is not a non-empty string")
    etype, status = d.get("type"), d.get("status")
    if "type" not in missing:
        problems += _one_of("type", etype, EVENT_TYPES)
    if etype in HOSTILE_TYPES and status is not None:
        problems += _one_of("status", status, STATUSES)
    elif etype in EVENT_TYPES and status is not None:
        problems.append(f"status: must be null for a response ({etype}), got {status!r}")
    if "date" not in missing:
        problems += _check_date(d["date"])
    if "location" not in missing:
        problems += _check_location(d["location"])
    if "agent_state" not in missing and not _opt_str(d["agent_state"]):
        problems.append(f"agent_state: {d['agent_state']!r} is not a string or null")
    if "actors" not in missing:
        problems += _check_actors(d["actors"])
    if "mentions" not in missing:
        problems += _check_mentions(d["mentions"])
    if "corroboration" not in missing:
        problems += _check_grading(d)
    elif "credibility" not in missing:
        problems += [p for p in _check_grading(d) if p.startswith("credibility")]
    if "contradictions" in d:
        problems += _check_contradictions(d["contradictions"])
    return problems
