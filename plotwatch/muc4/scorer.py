"""The standard MUC-4 template-filling metric (as in the GTT evaluation).

- Mention strings are normalised: lower-cased, punctuation removed, the articles a/an/the
  removed, whitespace collapsed.
- Per document every one-to-one mapping of predicted templates to gold templates (or to
  nothing) is tried, in a fixed order, and the first mapping with the best document micro F1
  is kept. A pair counts as mapped only if the predicted incident type is a substring of the
  gold one ("attack" maps to "bombing / attack").
- In a mapped pair the incident type is one correct slot; a predicted entity is correct if
  each of its mentions is among the mentions of some gold entity of the same role; a gold
  entity is recalled if some predicted entity matches it. Unmapped templates put all their
  slots in the precision (predicted) or recall (gold) denominator.
- Counts are summed over documents; micro P/R/F1 over incident type + the five roles.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from plotwatch.muc4 import ROLES

SLOTS: tuple[str, ...] = ("incident_type", *ROLES)
MAX_PRED_TEMPLATES = 8  # beyond this the exhaustive mapping search is too slow

_ARTICLES = re.compile(r"\b(a|an|the)\b", re.UNICODE)
_PUNCT = str.maketrans("", "", string.punctuation)


def normalize(s: str) -> str:
    """Lower-case, drop ASCII punctuation, then the articles a/an/the, collapse whitespace."""
    return " ".join(_ARTICLES.sub(" ", s.lower().translate(_PUNCT)).split())


@dataclass
class Counts:
    p_num: int = 0
    p_den: int = 0
    r_num: int = 0
    r_den: int = 0

    def add(self, other: Counts) -> None:
        self.p_num += other.p_num
        self.p_den += other.p_den
        self.r_num += other.r_num
        self.r_den += other.r_den

    @property
    def precision(self) -> float:
        return self.p_num / self.p_den if self.p_den else 0.0

    @property
    def recall(self) -> float:
        return self.r_num / self.r_den if self.r_den else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float]:
        return {
            "p_num": self.p_num,
            "p_den": self.p_den,
            "r_num": self.r_num,
            "r_den": self.r_den,
            "p": self.precision,
            "r": self.recall,
            "f1": self.f1,
        }


@dataclass
class Score:
    slots: dict[str, Counts] = field(default_factory=lambda: {s: Counts() for s in SLOTS})

    @property
    def micro(self) -> Counts:
        total = Counts()
        for c in self.slots.values():
            total.add(c)
        return total

    def add(self, other: Score) -> None:
        for s in SLOTS:
            self.slots[s].add(other.slots[s])

    def as_dict(self) -> dict[str, dict[str, float]]:
        out = {s: self.slots[s].as_dict() for s in SLOTS}
        out["micro"] = self.micro.as_dict()
        return out


Template = Mapping[str, Any]


def _norm_template(t: Template) -> dict[str, Any]:
    itype = t.get("incident_type")
    out: dict[str, Any] = {"incident_type": itype if isinstance(itype, str) else "attack"}
    for role in ROLES:
        out[role] = [[normalize(m) for m in ent] for ent in (t.get(role) or [])]
    return out


def _matches(gold_entity: Sequence[str], pred_entity: Sequence[str]) -> bool:
    return all(m in gold_entity for m in pred_entity)


def _pair_score(pred: dict[str, Any], gold: dict[str, Any]) -> Score | None:
    """Counts for a predicted template mapped to a gold one; None if the types do not map."""
    if pred["incident_type"] not in gold["incident_type"]:
        return None
    sc = Score()
    sc.slots["incident_type"] = Counts(1, 1, 1, 1)
    for role in ROLES:
        c = sc.slots[role]
        for pe in pred[role]:
            c.p_den += 1
            if any(_matches(ge, pe) for ge in gold[role]):
                c.p_num += 1
        for ge in gold[role]:
            c.r_den += 1
            if any(_matches(ge, pe) for pe in pred[role]):
                c.r_num += 1
    return sc


def _alone(t: dict[str, Any], side: str) -> Score:
    sc = Score()
    for slot in SLOTS:
        n = 1 if slot == "incident_type" else len(t[slot])
        if side == "pred":
            sc.slots[slot].p_den += n
        else:
            sc.slots[slot].r_den += n
    return sc


def _mappings(n_pred: int, n_gold: int) -> Iterator[tuple[int, ...]]:
    """One-to-one partial mappings, pred index → gold index or -1, in the order of
    ``product(range(n_gold) + [-1], repeat=n_pred)`` (first prediction varies slowest)."""
    choices = [*range(n_gold), -1]

    def rec(i: int, used: frozenset[int]) -> Iterator[tuple[int, ...]]:
        if i == n_pred:
            yield ()
            return
        for g in choices:
            if g != -1 and g in used:
                continue
            for rest in rec(i + 1, used | {g} if g != -1 else used):
                yield (g, *rest)

    return rec(0, frozenset())


def score_document(pred: Sequence[Template], gold: Sequence[Template]) -> Score:
    """Best-mapping counts for one document."""
    if len(pred) > MAX_PRED_TEMPLATES:
        raise ValueError(
            f"{len(pred)} predicted templates in one document: at most {MAX_PRED_TEMPLATES} can be scored"
        )
    P = [_norm_template(t) for t in pred]
    G = [_norm_template(t) for t in gold]
    pair = {(i, j): _pair_score(p, g) for i, p in enumerate(P) for j, g in enumerate(G)}
    pred_alone = [_alone(p, "pred") for p in P]
    gold_alone = [_alone(g, "gold") for g in G]
    best: Score | None = None
    best_f1 = -1.0
    for mapping in _mappings(len(P), len(G)):
        sc = Score()
        mapped_gold: set[int] = set()
        for i, j in enumerate(mapping):
            ps = pair.get((i, j)) if j != -1 else None
            if ps is None:
                sc.add(pred_alone[i])
            else:
                sc.add(ps)
                mapped_gold.add(j)
        for j, ga in enumerate(gold_alone):
            if j not in mapped_gold:
                sc.add(ga)
        f = sc.micro.f1
        if best is None or f > best_f1:
            best, best_f1 = sc, f
    assert best is not None
    return best


def score(preds: Mapping[str, Sequence[Template]], golds: Mapping[str, Sequence[Template]]) -> Score:
    """Sum of best-mapping counts over the gold documents (a document missing from ``preds``
    counts as predicting nothing; predicted documents without gold are ignored)."""
    total = Score()
    for docid, gold in golds.items():
        total.add(score_document(preds.get(docid, []), gold))
    return total
