"""Birth dates and nationalities: what adjusts a name score, and reading entities from a store.

Both sides must know a fact for it to count; a missing fact neither helps nor hurts.

====================================  ======
birth date identical (day precision)  +0.05
birth year identical                  +0.03
birth years one apart                 −0.05
birth years further apart             −0.2
nationality identical                 +0.02
nationality differs                   −0.1
====================================  ======
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

import pycountry

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
MAX_BONUS = 0.05 + 0.02  # the most :func:`adjust` adds: same birth date and same nationality


@dataclass(frozen=True)
class Details:
    """What is known about a person besides the name: ISO birth date (or year), nationality."""

    birth_date: str | None = None
    nationality: str | None = None  # ISO alpha-2 when recognisable, else the text folded

    @classmethod
    def of(cls, birth_date: str | None, nationality: str | None) -> Details | None:
        """Validated details (None when both are empty); ValueError for a malformed date."""
        birth_date = (birth_date or "").strip() or None
        if birth_date and not _DATE.match(birth_date):
            raise ValueError(f"birth date must look like 1964 or 1964-03-01, not {birth_date!r}")
        if birth_date and len(birth_date) > 4:
            try:
                date.fromisoformat(birth_date if len(birth_date) == 10 else birth_date + "-01")
            except ValueError:
                raise ValueError(f"birth date {birth_date!r} is not a calendar date") from None
        nat = country_code(nationality) if nationality and nationality.strip() else None
        if birth_date is None and nat is None:
            return None
        return cls(birth_date, nat)


@lru_cache(maxsize=4096)
def country_code(value: str) -> str:
    """ISO alpha-2 for "IR", "IRN", "Iran" or "Iran, Islamic Republic of"; else the text folded."""
    text = value.strip()
    if len(text) == 2 and text.isalpha():
        return text.upper()
    try:
        return str(pycountry.countries.lookup(text).alpha_2)
    except LookupError:
        try:
            found = pycountry.countries.search_fuzzy(text)
        except LookupError:
            return text.casefold()
        return str(found[0].alpha_2) if len(found) == 1 else text.casefold()


def adjust(score: float, query: Details | None, entity: Details | None) -> tuple[float, list[str]]:
    """``score`` adjusted for the facts both sides know, with one line per adjustment."""
    if query is None or entity is None:
        return score, []
    notes: list[str] = []
    delta = 0.0
    a, b = query.birth_date, entity.birth_date
    if a and b:
        ya, yb = int(a[:4]), int(b[:4])
        if len(a) == len(b) == 10 and a == b:
            delta += 0.05
            notes.append(f"birth date matches ({a}): +0.05")
        elif ya == yb:
            delta += 0.03
            notes.append(f"birth year matches ({ya}): +0.03")
        elif abs(ya - yb) == 1:
            delta -= 0.05
            notes.append(f"birth year differs by one ({ya}/{yb}): -0.05")
        else:
            delta -= 0.2
            notes.append(f"birth year differs ({ya}/{yb}): -0.2")
    if query.nationality and entity.nationality:
        if query.nationality == entity.nationality:
            delta += 0.02
            notes.append(f"nationality matches ({entity.nationality}): +0.02")
        else:
            delta -= 0.1
            notes.append(f"nationality differs ({query.nationality}/{entity.nationality}): -0.1")
    return max(0.0, min(1.0, score + delta)), notes


def entity_rows(
    store: Any, origins: Iterable[str] | None = None
) -> tuple[list[tuple[str, str, str]], dict[str, Details], dict[str, tuple[str | None, str | None]]]:
    """(entity_id, name, entity name) for every entity name and alias in ``store``; each
    entity's details (its country as nationality) and (origin, kind)."""
    from sqlalchemy import select

    from plotwatch.store.models import Alias, Entity

    wanted = set(origins) if origins is not None else None
    names: list[tuple[str, str, str]] = []
    details: dict[str, Details] = {}
    info: dict[str, tuple[str | None, str | None]] = {}
    with store.session() as s:
        entity_names: dict[str, str] = {}
        for eid, name, kind, country, origin in s.execute(
            select(Entity.id, Entity.name, Entity.kind, Entity.country, Entity.origin).order_by(Entity.id)
        ):
            if wanted is not None and origin not in wanted:
                continue
            entity_names[eid] = name
            names.append((eid, name, name))
            info[eid] = (origin, kind)
            if country:
                details[eid] = Details(None, country_code(country))
        for eid, alias in s.execute(select(Alias.entity_id, Alias.alias).order_by(Alias.id)):
            if eid in entity_names:
                names.append((eid, alias, entity_names[eid]))
    return names, details, info
