"""Precision and recall of the screener on labelled name pairs.

The pairs file is CSV with columns ``query, candidate, label, note`` (label 1: the names may
be the same person or organisation; 0: they are not). Every candidate is indexed in one
:class:`~plotwatch.screen.screener.Screener`, so blocking is evaluated as well as scoring: a
pair is predicted a match when its candidate is among the hits of its query.

    python -m plotwatch.screen.evaluate [PAIRS.csv] [--threshold 0.8] [--errors]
"""

from __future__ import annotations

import argparse
import csv
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from plotwatch.errors import EvalError
from plotwatch.screen.screener import DEFAULT_THRESHOLD, Screener

DEFAULT_PAIRS = Path(__file__).resolve().parents[1] / "data" / "screening" / "name_pairs.csv"


@dataclass(frozen=True)
class Pair:
    query: str
    candidate: str
    label: int
    note: str = ""


@dataclass
class Report:
    """Confusion counts at one threshold, and the pairs the screener got wrong."""

    threshold: float
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "threshold": self.threshold,
            "pairs": self.tp + self.fp + self.fn + self.tn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "tn": self.tn,
            "errors": self.errors,
        }


def load_pairs(path: str | Path = DEFAULT_PAIRS) -> list[Pair]:
    """Read a labelled pairs file; EvalError when it is missing or malformed."""
    try:
        with open(path, newline="", encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh))
    except OSError as exc:
        raise EvalError(f"cannot read name pairs {path}: {exc.strerror}") from None
    pairs = []
    for n, row in enumerate(rows, start=2):
        if not row.get("query") or not row.get("candidate") or row.get("label") not in ("0", "1"):
            raise EvalError(f"{path}:{n}: needs query, candidate and a label of 0 or 1")
        pairs.append(Pair(row["query"], row["candidate"], int(row["label"]), row.get("note") or ""))
    return pairs


def evaluate(pairs: list[Pair], threshold: float = DEFAULT_THRESHOLD) -> Report:
    """Screen every query against an index of every candidate; count hits on its own candidate."""
    candidates = sorted({p.candidate for p in pairs})
    screener = Screener(((c, c, c) for c in candidates), threshold)
    report = Report(threshold)
    for p in pairs:
        hits = {h.entity_id: h for h in screener.match(p.query, limit=len(candidates))}
        hit = hits.get(p.candidate)
        predicted = hit is not None
        if predicted and p.label:
            report.tp += 1
        elif predicted:
            report.fp += 1
        elif p.label:
            report.fn += 1
        else:
            report.tn += 1
        if predicted != bool(p.label):
            report.errors.append(
                {
                    "query": p.query,
                    "candidate": p.candidate,
                    "label": p.label,
                    "note": p.note,
                    "score": hit.score if hit else None,
                    "explanation": hit.explanation if hit else [],
                }
            )
    return report


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("pairs", nargs="?", default=str(DEFAULT_PAIRS))
    parser.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD)
    parser.add_argument("--errors", action="store_true", help="List the pairs the screener got wrong.")
    args = parser.parse_args(argv)
    report = evaluate(load_pairs(args.pairs), args.threshold)
    out = report.to_dict()
    if not args.errors:
        out.pop("errors")
    print(json.dumps(out, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
