"""The second-stage relevance model: boosted trees over the first stage's outputs.

The first-stage relevance model sees only the words of a document. Whether a document reports
a relevant incident also shows in how sure the other first-stage models are (the incident
types, the best filler of each role, how many candidates look like fillers) and in a few
surface cues (trigger words of each incident type, old years and "years ago", trials,
combat, interviews and communiques, denials). :func:`stack_features` turns those into a short
dense vector; :class:`TreeEnsemble` is a gradient-boosted tree classifier over it (fitted by
scikit-learn on out-of-fold first-stage outputs of the train split, see
:mod:`plotwatch.muc4.train`) stored as plain JSON node lists and evaluated with the standard
library.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from plotwatch.muc4 import INCIDENT_TYPES, ROLES

# Trigger words of each incident type (counted over the text, and in its first 400 characters).
TRIGGERS: dict[str, re.Pattern[str]] = {
    t: re.compile(p)
    for t, p in {
        "attack": r"\battack|\bkill|\bmurder|\bshot\b|\bshoot|\bassassin|\bmassacre|\bwound",
        "bombing": r"\bbomb|\bdynamite|\bexplo|\bblast|\bgrenade|\bdetonat|\bcar.bomb",
        "kidnapping": r"\bkidnap|\babduct|\bhostage|\bransom|\bcaptiv|\bseiz",
        "arson": r"\bburn|\bfire\b|\bset fire|\bblaze|\barson|\bflames|\btorch",
        "robbery": r"\brob|\bstole|\bsteal|\bloot|\bhold-?up|\bassault.*bank",
        "forced work stoppage": r"\bstrike\b|\bstoppage|\bparo|\bshutdown|\bparalyz",
    }.items()
}
# Cues of documents that are not reports of a recent terrorist act.
CUES: dict[str, re.Pattern[str]] = {
    k: re.compile(p)
    for k, p in {
        "oldyear": r"\b19[0-8]\d\b",
        "lastyear": r"\blast year\b|\byears ago\b|\bin 198[0-8]\b|\bmonths ago\b",
        "anniv": r"anniversar",
        "trial": r"\btrial\b|\bsentenc|\bconvict|\bjudge\b|\bcourt\b",
        "combat": r"\bclash|\bcombat|\bfighting\b|\bskirmish|\bengag|\boffensive\b",
        "question": r"\?",
        "indist": r"indistinct|\(passage omitted\)",
        "speaker": r"\(\w+\)",
        "communique": r"communique|general command|hereby",
        "recent": r"\btoday\b|\byesterday\b|\blast night\b|\bthis morning\b|\bearly today\b"
        r"|\bon (monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b",
        "peace": r"dialogue|peace talks|negotiat|peace process",
        "election": r"election|campaign",
        "deny": r"\bden(y|ied|ies)\b|\bfalse\b|\bunfounded\b",
    }.items()
}


def _logit(p: float) -> float:
    p = min(max(p, 1e-6), 1 - 1e-6)
    return math.log(p / (1 - p))


def stack_features(
    relevance: float,
    types: Mapping[str, float],
    spans: Mapping[str, Sequence[tuple[str, str, float, int]]],
    text: str,
) -> dict[str, float]:
    """The second-stage features of one document from its first-stage outputs and text."""
    f: dict[str, float] = {"rel": _logit(relevance)}
    for t in INCIDENT_TYPES:
        f["type:" + t] = _logit(types.get(t, 0.0))
    ranked = sorted((types.get(t, 0.0) for t in INCIDENT_TYPES), reverse=True)
    f["type_gap"] = _logit(ranked[0]) - _logit(ranked[1])
    total = 0.0
    for r in ROLES:
        ps = [x[2] for x in spans.get(r, ())]
        p1 = ps[0] if ps else 0.0
        f["top1:" + r] = p1
        f["top2:" + r] = ps[1] if len(ps) > 1 else 0.0
        f["n05:" + r] = math.log1p(sum(1 for p in ps if p >= 0.5))
        f["n02:" + r] = math.log1p(sum(1 for p in ps if p >= 0.2))
        total += p1
    f["sumtop1"] = total
    f["loglen"] = math.log(1 + len(text.split()))
    for k, pat in CUES.items():
        f["h:" + k] = math.log1p(len(pat.findall(text)))
    head = text[:400]
    for t, pat in TRIGGERS.items():
        f["trig:" + t] = math.log1p(len(pat.findall(text)))
        f["trig0:" + t] = 1.0 if pat.search(head) else 0.0
    return f


@dataclass
class TreeEnsemble:
    """A binary gradient-boosted tree classifier: probability = sigmoid(baseline + sum of
    the leaf values reached). A node is ``[feature, threshold, left, right]`` (go left when
    the feature value is at most the threshold) or ``[value]`` for a leaf."""

    features: list[str]
    baseline: float
    trees: list[list[list[float]]]

    def prob(self, f: Mapping[str, float]) -> float:
        x = [f.get(n, 0.0) for n in self.features]
        z = self.baseline
        for nodes in self.trees:
            node = nodes[0]
            while len(node) > 1:
                node = nodes[int(node[2] if x[int(node[0])] <= node[1] else node[3])]
            z += node[0]
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def to_json(self) -> dict[str, Any]:
        return {"features": self.features, "baseline": self.baseline, "trees": self.trees}

    @classmethod
    def from_json(cls, obj: Mapping[str, Any]) -> TreeEnsemble:
        return cls(
            [str(n) for n in obj["features"]],
            float(obj["baseline"]),
            [[[float(v) for v in node] for node in tree] for tree in obj["trees"]],
        )
