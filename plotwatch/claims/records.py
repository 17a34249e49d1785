"""Stored claims as export records (TAXONOMY.md ``claims-jsonl``), and disagreements between figures.

Two figures disagree when they count the same thing (their units share a head noun, or heads
listed as synonyms in ``data/claims.yaml``) over the same period (both sentences say "this
year", or the same year), come from different articles, and differ in value. Figures whose
sentence states no period are not compared: "450 attacks" over four decades does not
contradict "two attacks in 2018".
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from importlib import resources
from typing import Any

from sqlalchemy import select

from plotwatch import yamlfile
from plotwatch.store.db import Store
from plotwatch.store.models import Article, Claim

_WORD = re.compile(r"[A-Za-z]+")
_PREP = re.compile(r"\s(?:of|against|in|from|at|on|for|with|to|across|by|since|during)\s")
_THIS_YEAR = re.compile(
    r"\b(this year|past year|last twelve months|past twelve months|so far this year)\b", re.I
)
_YEAR = re.compile(r"\b(?:in|during|since)\s+((?:19|20)\d\d)\b")


def time_scope(text: str) -> str | None:
    """The period a figure covers, when its sentence says: "this-year" or an explicit year."""
    if _THIS_YEAR.search(text):
        return "this-year"
    m = _YEAR.search(text)
    return m.group(1) if m else None


def _synonyms() -> dict[str, str]:
    data = yamlfile.load((resources.files("plotwatch.data") / "claims.yaml").read_text(encoding="utf-8"))
    out: dict[str, str] = {}
    for group in data.get("same_thing", []):
        for word in group["words"]:
            out[word] = group["name"]
    return out


def unit_key(unit: str | None) -> str | None:
    """What a figure counts, reduced to a comparable head word ("separate terror plots" → "plot")."""
    head = unit_head(unit)
    return _synonyms().get(head, head) if head else None


def unit_head(unit: str | None) -> str | None:
    """The head word of a unit, singular, before synonyms are folded."""
    if not unit:
        return None
    words = _WORD.findall(_PREP.split(unit.lower(), maxsplit=1)[0])
    if not words:
        return None
    head = words[-1]
    return head[:-1] if head.endswith("s") and not head.endswith("ss") else head


def list_claims(store: Store, kind: str | None = None, query: str | None = None) -> list[dict[str, Any]]:
    """Every stored claim as a ``claims-jsonl`` record, in article and text order."""
    with store.session() as s:
        q = select(Claim, Article.source_id).join(Article, Article.id == Claim.article_id)
        if kind:
            q = q.where(Claim.kind == kind)
        rows = s.execute(q.order_by(Article.source_id, Claim.start)).all()
    out = []
    for claim, source_id in rows:
        if query and query.lower() not in f"{claim.text} {claim.speaker or ''}".lower():
            continue
        value: float | int | None = claim.value
        if value is not None and float(value).is_integer():
            value = int(value)
        record: dict[str, Any] = {
            "id": f"claim-{claim.id}",
            "kind": claim.kind,
            "value": value,
            "unit": claim.unit,
            "text": claim.text,
            "speaker": claim.speaker,
            "article_id": source_id,
            "start": claim.start,
            "end": claim.end,
        }
        out.append(record)
    return out


def figure_contradictions(claims: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Figures about the same thing whose values differ between articles."""
    groups: dict[str, dict[Any, set[str]]] = defaultdict(lambda: defaultdict(set))
    for c in claims:
        key = unit_key(c.get("unit"))
        scope = time_scope(c.get("text") or "")
        if c.get("kind") == "figure" and key and scope and c.get("value") is not None:
            groups[f"{key}|{scope}"][c["value"]].add(c["article_id"])
    out = []
    for group, values in sorted(groups.items()):
        articles = set().union(*values.values())
        key, scope = group.split("|")
        if len(values) > 1 and len(articles) > 1:
            period = "this year" if scope == "this-year" else f"in {scope}"
            out.append(
                {
                    "id": f"contradiction-{key}-{scope}",
                    "kind": "contradiction",
                    "field": f"number of {key}s {period}",
                    "values": [
                        {"value": v, "article_ids": sorted(ids)} for v, ids in sorted(values.items(), key=str)
                    ],
                }
            )
    return out
