"""Figures that are fields of an incident: attendance, people killed, injured, arrested.

A figure belongs to an incident when one of the field's cue words is at most eight words from
what it counts, it counts what the field counts, and a mention of the incident (of a type the
field applies to) is in the same sentence — or, when no mention at all is in the figure's sentence, in the
sentence just before ("… tried to bomb the gathering in Paris. The event was attended by tens
of thousands."). A figure that could belong to several incidents belongs to none. The fields
are listed under ``incident_figures`` in ``data/claims.yaml``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from plotwatch import yamlfile
from plotwatch.claims.quantities import expression, quantity_range
from plotwatch.claims.records import unit_head, unit_key
from plotwatch.fuse.contradictions import FigureFact
from plotwatch.types import HOSTILE_TYPES

GAP = 3  # characters of whitespace between a sentence and the next
CUE_WORDS = 8  # a cue ("attended", "killed") at most this many words from what is counted
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class MentionSpan:
    article: int  # article row id
    start: int
    end: int
    incident_id: str | None
    type: str


@dataclass(frozen=True)
class FigureSpan:
    article: int
    article_id: str  # the id the article was ingested under
    start: int
    end: int
    value: float | None
    qualifier: str | None
    unit: str | None
    text: str


@lru_cache(maxsize=1)
def figure_fields() -> dict[str, dict[str, Any]]:
    data = yamlfile.load((resources.files("plotwatch.data") / "claims.yaml").read_text(encoding="utf-8"))
    out: dict[str, dict[str, Any]] = {}
    for name, spec in (data.get("incident_figures") or {}).items():
        cues = [str(c).lower() for c in spec.get("cues", [])]
        out[name] = {
            "cues": re.compile(r"\b(?:" + "|".join(re.escape(c) for c in cues) + r")\b", re.I),
            "counts": {str(c).lower() for c in spec.get("counts", [])},
            "applies_to": spec.get("applies_to", "hostile"),
        }
    return out


def _near(text: str, unit: str | None, cues: re.Pattern[str]) -> bool:
    """A cue word at most ``CUE_WORDS`` words from what the figure counts."""
    if not unit:
        return False
    at = text.lower().find(unit.lower())
    if at < 0:
        at = text.lower().find(unit.split()[0].lower())
    if at < 0:
        return False
    end = at + len(unit)
    for m in cues.finditer(text):
        between = text[m.end() : at] if m.end() <= at else text[end : m.start()] if m.start() >= end else ""
        if len(_WORD.findall(between)) <= CUE_WORDS:
            return True
    return False


def _field_of(f: FigureSpan) -> str | None:
    if f.value is None and not f.qualifier:
        return None
    key, head = unit_key(f.unit), unit_head(f.unit)
    for name, spec in figure_fields().items():
        if (key in spec["counts"] or head in spec["counts"]) and _near(f.text, f.unit, spec["cues"]):
            return name
    return None


def _applies(field: str, type_: str) -> bool:
    target = figure_fields()[field]["applies_to"]
    return type_ in HOSTILE_TYPES if target == "hostile" else type_ in set(target)


def link_figures(
    mentions: Sequence[MentionSpan], figures: Sequence[FigureSpan]
) -> dict[str, list[FigureFact]]:
    """incident id → the figures that are its fields."""
    by_article: dict[int, list[MentionSpan]] = defaultdict(list)
    for m in mentions:
        by_article[m.article].append(m)
    out: dict[str, list[FigureFact]] = defaultdict(list)
    for f in figures:
        field = _field_of(f)
        if field is None:
            continue
        spans = by_article.get(f.article, [])
        here = [m for m in spans if m.start < f.end and f.start < m.end]
        if not here:
            here = [m for m in spans if 0 <= f.start - m.end <= GAP]
        owners = {m.incident_id for m in here if m.incident_id and _applies(field, m.type)}
        if len(owners) != 1:
            continue
        (owner,) = owners
        out[owner].append(
            FigureFact(
                article_id=f.article_id,
                field=f"figures.{field}",
                expression=expression(f.value, f.qualifier),
                range=quantity_range(f.value, f.qualifier),
            )
        )
    return out
