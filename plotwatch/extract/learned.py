"""A learned second opinion on the events the rules find no state for.

The rules keep a hostile act only when they can name the state behind it, and a response only
when they can name the state that took it (``records._to_event``): that keeps ordinary crime
out, but it also drops real incidents whose state the text gives in a way no rule reads ("A
King County Superior Court jury on Friday convicted …"), and the acts of a state's own police,
courts and killers at home in an article that names no state at all. For each such
dropped candidate a logistic model, trained on the gold of the opened evaluation sets
(:mod:`plotwatch.extract.training`), estimates how likely it is to be an incident that no
stated event of the article already gives; candidates at or above the model's threshold are
kept, with that probability as their confidence and no agent state (the text did not say);
a response kept so then takes the country its story is in, if the article has one
(``records._home_country``), as a guess marked ``state_inferred``.

The model is a JSON file of feature weights (``models/mention_filter.json`` in the data
directory, else the package's), so predicting needs only the standard library; fitting needs
scikit-learn. Features are plain facts about the candidate (its type, trigger lemma, which
roles and date the rules found) and about the article (how many of its acts and responses
have a stated state).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from plotwatch.errors import ConfigError

if TYPE_CHECKING:
    from plotwatch.extract.events import Candidate
    from plotwatch.types import EventMention

FORMAT = "plotwatch-mention-filter/2"  # /2: the sentence features of _context()
MODEL_NAME = "models/mention_filter.json"


@dataclass(frozen=True)
class ArticleFacts:
    """What the rules established about the whole article, after the fallback states."""

    stated_acts: int  # hostile acts with a state behind them
    stated_responses: int  # responses with a state that took them
    tokens: int

    @property
    def on_subject(self) -> bool:
        """Some event of the article has a stated state."""
        return self.stated_acts + self.stated_responses > 0


def on_subject(feats: dict[str, float]) -> bool:
    """The candidate's article has an event with a stated state (read from its features)."""
    return feats.get("stated_acts", 0.0) + feats.get("stated_responses", 0.0) > 0


def features(cand: Candidate, event: EventMention, article: ArticleFacts) -> dict[str, float]:
    """The model's inputs for one stateless candidate and the event it would become."""
    roles = {a.role for a in cand.actors}
    head = cand.head
    on_topic = article.stated_acts > 0
    return {
        f"type={cand.type}": 1.0,
        f"lemma={head.lemma_.lower()}": 1.0,
        f"pos={head.pos_}": 1.0,
        f"dep={head.dep_}": 1.0,
        f"date={event.date.precision}": 1.0,
        f"status={event.status}": 1.0,
        "hostile": float(cand.hostile),
        "date_inferred": float(event.date_inferred),
        "historical": float(event.historical),
        "place": float(event.place is not None),
        "country": float(event.country is not None),
        "perpetrator": float("perpetrator" in roles),
        "target": float("target" in roles),
        "responder": float("responder" in roles),
        "instrument": float("instrument" in roles),
        "n_actors": min(len(cand.actors), 5) / 5,
        "responder_named": float(cand.responder_named),
        "local_responder": float(cand.local_responder),
        "anonymous": float(cand.anonymous),
        "state_agent": float(cand.state_agent),
        "generic": float(cand.generic),
        "charged": float(cand.charged),
        "later": float(cand.later),
        "disclosure": float(cand.disclosure),
        "aimed_at_person": float(cand.aimed_at_person),
        "dateless": float(cand.dateless),
        "predicated": float(cand.predicated),
        "weak": float(cand.entry.weak),
        "passive": float(any(c.dep_ in ("nsubjpass", "auxpass") for c in head.children)),
        "on_topic": float(on_topic),
        "stated_acts": min(article.stated_acts, 10) / 10,
        "stated_responses": min(article.stated_responses, 10) / 10,
        "first_sentence": float(cand.sent.start < 60),
        "position": cand.sent.start / max(article.tokens, 1),
        "hostile_on_topic": float(cand.hostile and on_topic),
        "response_on_topic": float(not cand.hostile and on_topic),
    } | _context(cand)


def _context(cand: Candidate) -> dict[str, float]:
    """The trigger's sentence: its governing word, the words and entity kinds of its subject,
    object and agent, the kinds of actors the rules found, which kinds of named entity the
    sentence holds, and whether the trigger is negated, modal or quoted speech."""
    head = cand.head
    lemma = head.lemma_.lower()
    out = {
        f"gov={head.head.lemma_.lower()}": 1.0,
        f"type_lemma={cand.type}|{lemma}": 1.0,
        f"tag={head.tag_}": 1.0,
    }
    for a in cand.actors:
        out[f"{a.role}_kind={a.kind}"] = 1.0
        if a.country:
            out[f"{a.role}_country"] = 1.0
    for c in head.children:
        if c.dep_ in ("nsubj", "nsubjpass", "dobj", "agent", "pobj"):
            out[f"child={c.dep_}|{c.lemma_.lower()}"] = 1.0
            out[f"childent={c.dep_}|{c.ent_type_ or '-'}"] = 1.0
    labels = {e.label_ for e in cand.sent.ents}
    for label in ("PERSON", "GPE", "NORP", "ORG", "DATE", "CARDINAL"):
        out[f"sent_{label}"] = float(label in labels)
    out["sent_len"] = min(len(cand.sent), 60) / 60
    out["quoted"] = float(any(t.text in ('"', "“", "”") for t in cand.sent))
    out["modal"] = float(any(c.tag_ == "MD" for c in head.children))
    out["neg"] = float(any(c.dep_ == "neg" for c in head.children))
    return out


@dataclass
class MentionFilter:
    """Logistic weights over :func:`features`, and the probability needed to keep.

    ``off_subject``: the weights for candidates of articles where no event has a stated state
    (a state's police and courts at home, in an article naming no state; news on other
    subjects), fitted on every candidate; the main weights are fitted on the candidates of
    articles on the subject only, so the many of the background news do not move them.
    Without it, the filter is not asked in such articles."""

    weights: dict[str, float]
    bias: float
    threshold: float
    info: dict[str, Any] = field(default_factory=dict)
    off_subject: MentionFilter | None = None

    def asks(self, article: ArticleFacts) -> bool:
        return article.on_subject or self.off_subject is not None

    def probability(self, feats: dict[str, float]) -> float:
        if self.off_subject is not None and not on_subject(feats):
            return self.off_subject.probability(feats)
        z = self.bias + sum(self.weights.get(k, 0.0) * v for k, v in feats.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def to_dict(self) -> dict[str, Any]:
        out = {
            "format": FORMAT,
            "bias": self.bias,
            "threshold": self.threshold,
            "weights": dict(sorted(self.weights.items())),
            "info": self.info,
        }
        if self.off_subject is not None:
            off = self.off_subject
            out["off_subject"] = {
                "bias": off.bias,
                "weights": dict(sorted(off.weights.items())),
                "info": off.info,
            }
        return out

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(self.to_dict(), indent=1, ensure_ascii=False) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> MentionFilter:
        try:
            doc = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise ConfigError(f"{path}: cannot read the mention filter ({exc})") from exc
        if not isinstance(doc, dict) or doc.get("format") != FORMAT:
            found = doc.get("format") if isinstance(doc, dict) else None
            if isinstance(found, str) and found.split("/")[0] == FORMAT.split("/")[0]:
                raise ConfigError(
                    f"{path}: a mention filter of format {found!r}, fitted on other features than"
                    f" {FORMAT!r}; refit it with `plotwatch bench filter-train`"
                )
            raise ConfigError(f"{path}: not a mention filter (expected format {FORMAT!r})")
        try:
            weights = _weights(doc)
            bias, threshold = float(doc["bias"]), float(doc["threshold"])
            off = doc.get("off_subject")
            off_subject = (
                cls(
                    weights=_weights(off),
                    bias=float(off["bias"]),
                    threshold=threshold,
                    info=dict(off.get("info") or {}),
                )
                if off is not None
                else None
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise ConfigError(f"{path}: malformed mention filter ({exc})") from exc
        if not 0.0 <= threshold <= 1.0:
            raise ConfigError(f"{path}: threshold {threshold} is not a probability")
        info = dict(doc.get("info") or {})
        return cls(weights=weights, bias=bias, threshold=threshold, info=info, off_subject=off_subject)


def _weights(doc: dict[str, Any]) -> dict[str, float]:
    return {str(k): float(v) for k, v in dict(doc["weights"]).items()}
