"""Scoring predicted incidents against a gold file.

:func:`evaluate` matches predictions to required gold rows first (maximum one-to-one
assignment, best field agreement among equals, see :mod:`plotwatch.evaluate.matching`), then
matches what is left to the optional gold rows. Counting:

- a prediction matched to a required row is a true positive;
- a prediction matched to an optional row counts neither way (left out of precision);
- any other prediction is a false positive;
- a required row left unmatched is a false negative; an optional one is not counted.

Field accuracies and actor recall are taken over the required matched pairs. Rendering lives
in :mod:`plotwatch.evaluate.render`; nothing here prints.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from plotwatch.evaluate import matching as m
from plotwatch.evaluate.gold import GoldIncident, load_gold

if TYPE_CHECKING:
    from rich.console import Console

QUOTE_CHARS = 80
FIELDS: tuple[str, ...] = ("date", "status", "place", "agent_state")
_FIELD_CHECKS = {
    "date": m.date_right,
    "status": m.status_right,
    "place": m.place_right,
    "agent_state": m.agent_state_right,
}


@dataclass(frozen=True)
class Counts:
    """True positives, false positives and false negatives, with P/R/F1."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass(frozen=True)
class MatchedPair:
    """A gold row and the prediction matched to it, with what agreed."""

    gid: str
    pred_id: str
    optional: bool
    fields: dict[str, bool]
    actors_found: int
    actors_total: int


@dataclass
class EvalReport:
    """Everything :func:`evaluate` found; :meth:`to_dict` for JSON, :meth:`render` for people."""

    counts: Counts
    accuracy: dict[str, float | None]  # field -> share right over required pairs (None: none)
    actor_recall: float | None  # None when the matched gold rows name no actors
    actors_found: int
    actors_total: int
    per_type: dict[str, Counts]
    matches: list[MatchedPair] = field(default_factory=list)
    missed: list[dict[str, Any]] = field(default_factory=list)  # required gold rows unmatched
    false_positives: list[dict[str, Any]] = field(default_factory=list)
    optional_matched: int = 0
    optional_total: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.counts.to_dict(),
            "accuracy": {k: _round(v) for k, v in self.accuracy.items()},
            "actor_recall": _round(self.actor_recall),
            "actors_found": self.actors_found,
            "actors_total": self.actors_total,
            "optional_matched": self.optional_matched,
            "optional_total": self.optional_total,
            "per_type": {t: c.to_dict() for t, c in sorted(self.per_type.items())},
            "matches": [
                {
                    "gid": p.gid,
                    "id": p.pred_id,
                    "optional": p.optional,
                    "fields": p.fields,
                    "actors_found": p.actors_found,
                    "actors_total": p.actors_total,
                }
                for p in self.matches
            ],
            "missed": self.missed,
            "false_positives": self.false_positives,
        }

    def render(self, console: Console) -> None:
        """Print the report as Rich tables (see :mod:`plotwatch.evaluate.render`)."""
        from plotwatch.evaluate.render import render

        render(self, console)


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def _truncate(text: str, n: int = QUOTE_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def _first_quote(pred: dict[str, Any]) -> str:
    for mention in pred.get("mentions") or []:
        if isinstance(mention, dict) and mention.get("quote"):
            return _truncate(str(mention["quote"]))
    return ""


def _match(
    preds: Sequence[dict[str, Any]], golds: Sequence[GoldIncident], free: Sequence[int]
) -> list[tuple[int, int]]:
    """(prediction index, gold index) pairs among the ``free`` predictions."""
    edges = [
        (gi, pi, m.agreement(preds[p], g))
        for gi, g in enumerate(golds)
        for pi, p in enumerate(free)
        if m.compatible(preds[p], g)
    ]
    return [(free[pi], gi) for gi, pi in m.assign(len(golds), len(free), edges)]


def evaluate(incidents: Sequence[dict[str, Any]], gold: Sequence[GoldIncident] | Path | str) -> EvalReport:
    """Score export-contract ``incidents`` against ``gold`` (rows, or a gold file to load)."""
    golds = load_gold(gold) if isinstance(gold, str | os.PathLike) else list(gold)
    preds = list(incidents)
    required = [g for g in golds if not g.optional]
    optional = [g for g in golds if g.optional]

    req_pairs = _match(preds, required, range(len(preds)))
    used = {p for p, _ in req_pairs}
    opt_pairs = _match(preds, optional, [i for i in range(len(preds)) if i not in used])
    used |= {p for p, _ in opt_pairs}

    matches: list[MatchedPair] = []
    for pairs, rows, is_opt in ((req_pairs, required, False), (opt_pairs, optional, True)):
        for p, gi in pairs:
            pred, g = preds[p], rows[gi]
            found, total = m.actors_found(pred, g)
            checks = {name: check(pred, g) for name, check in _FIELD_CHECKS.items()}
            matches.append(MatchedPair(g.gid, str(pred.get("id")), is_opt, checks, found, total))

    matched_gold = {gi for _, gi in req_pairs}
    missed = [g for gi, g in enumerate(required) if gi not in matched_gold]
    fp_idx = [i for i in range(len(preds)) if i not in used]

    per_type: dict[str, Counts] = {}
    for t in sorted({g.type for g in required} | {str(preds[i].get("type")) for i in fp_idx}):
        per_type[t] = Counts(
            tp=sum(1 for _, gi in req_pairs if required[gi].type == t),
            fp=sum(1 for i in fp_idx if preds[i].get("type") == t),
            fn=sum(1 for g in missed if g.type == t),
        )

    scored = [p for p in matches if not p.optional]
    accuracy: dict[str, float | None] = {
        name: (sum(p.fields[name] for p in scored) / len(scored) if scored else None) for name in FIELDS
    }
    found = sum(p.actors_found for p in scored)
    total = sum(p.actors_total for p in scored)
    return EvalReport(
        counts=Counts(tp=len(req_pairs), fp=len(fp_idx), fn=len(missed)),
        accuracy=accuracy,
        actor_recall=found / total if total else None,
        actors_found=found,
        actors_total=total,
        per_type=per_type,
        matches=matches,
        missed=[
            {"gid": g.gid, "type": g.type, "country": g.country, "date": g.date, "note": g.note}
            for g in missed
        ],
        false_positives=[
            {
                "id": preds[i].get("id"),
                "type": preds[i].get("type"),
                "country": m.pred_country(preds[i]),
                "date": m.pred_date(preds[i]),
                "quote": _first_quote(preds[i]),
            }
            for i in fp_idx
        ],
        optional_matched=len(opt_pairs),
        optional_total=len(optional),
    )
