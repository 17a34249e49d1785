"""Fitting the MUC-4 models on the train split and tuning thresholds on dev.

The first-stage models are fitted on all of train; the second-stage relevance model
(:mod:`plotwatch.muc4.stack`) on out-of-fold first-stage outputs of train (first-stage models
fitted on four fifths of train score the other fifth, so it learns from honest scores).
Needs scikit-learn (logistic regression, gradient-boosted trees), run on one thread.
Deterministic: same data, same model file.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc

from plotwatch.errors import ConfigError
from plotwatch.muc4 import INCIDENT_TYPES, ROLES
from plotwatch.muc4.data import Muc4Doc
from plotwatch.muc4.features import (
    Features,
    Lexicon,
    by_string,
    candidate_features,
    candidates,
    doc_features,
    doc_fillers,
    head_key,
)
from plotwatch.muc4.model import DocScores, LinearModel, Muc4Model, Settings, decode
from plotwatch.muc4.scorer import score
from plotwatch.muc4.stack import TreeEnsemble, stack_features

Progress = Callable[[str], None]


@dataclass
class TrainConfig:
    c_roles: float = 0.1
    c_doc: float = 2.0
    min_count: int = 2
    by_string: bool = True  # one example per distinct string, not per occurrence
    all_docs: bool = False  # fit the filler models on every document, not only relevant ones
    stack_folds: int = 5  # folds of train for the second-stage relevance model (0: none)


def build_lexicon(docs: Sequence[Muc4Doc]) -> Lexicon:
    """How many training documents have each string (and head word) as a filler of each role."""
    lex = Lexicon.empty()
    for d in docs:
        for role, strings in doc_fillers(d.spans).items():
            for s in strings:
                lex.strings[role][s] += 1
            for h in {head_key(s) for s in strings}:
                lex.heads[role][h] += 1
    return lex


def fit_linear(feats: Sequence[Features], labels: Sequence[int], c: float, min_count: int) -> LinearModel:
    try:
        from sklearn.feature_extraction import DictVectorizer
        from sklearn.linear_model import LogisticRegression
    except ImportError:
        raise ConfigError(
            "training the MUC-4 models needs scikit-learn (pip install 'plotwatch[muc4]')"
        ) from None
    counts: Counter[str] = Counter()
    for f in feats:
        counts.update(f.keys())
    keep = {k for k, n in counts.items() if n >= min_count}
    kept = [{k: v for k, v in f.items() if k in keep and k != "bias"} for f in feats]
    vec = DictVectorizer()
    x = vec.fit_transform(kept).tocsr()
    x.indices = x.indices.astype("int32")  # liblinear takes 32-bit indices only
    x.indptr = x.indptr.astype("int32")
    if len(set(labels)) < 2:
        return LinearModel(-10.0 if not any(labels) else 10.0, {})
    clf = LogisticRegression(C=c, solver="liblinear", max_iter=1000)
    clf.fit(x, list(labels))
    weights = {
        name: round(float(w), 4)
        for name, w in zip(vec.get_feature_names_out(), clf.coef_[0], strict=True)
        if abs(w) >= 1e-3
    }
    return LinearModel(float(clf.intercept_[0]), weights)


def _types_of(d: Muc4Doc) -> set[str]:
    found = set()
    for t in d.templates:
        for part in t["incident_type"].split("/"):
            if part.strip() in INCIDENT_TYPES:
                found.add(part.strip())
    return found


def fit(
    docs: Sequence[Muc4Doc], parsed: Sequence[Doc], cfg: TrainConfig, progress: Progress | None = None
) -> Muc4Model:
    say = progress or (lambda _m: None)
    lexicon = build_lexicon(docs)
    dfeats = [doc_features(p) for p in parsed]
    relevance = fit_linear(dfeats, [1 if d.templates else 0 for d in docs], cfg.c_doc, cfg.min_count)
    say("relevance model fitted")
    rel_idx = [i for i, d in enumerate(docs) if d.templates]
    types = {}
    for t in INCIDENT_TYPES:
        labels = [1 if t in _types_of(docs[i]) else 0 for i in rel_idx]
        types[t] = fit_linear([dfeats[i] for i in rel_idx], labels, cfg.c_doc, cfg.min_count)
    say("incident-type models fitted")
    feats: list[Features] = []
    labels_by_role: dict[str, list[int]] = {r: [] for r in ROLES}
    for i in range(len(docs)) if cfg.all_docs else rel_idx:
        own = doc_fillers(docs[i].spans)
        cands = candidates(parsed[i])
        cf = candidate_features(parsed[i], cands, lexicon, exclude=own)
        if cfg.by_string:
            cands, cf = by_string(cands, cf)
        feats.extend(cf)
        for r in ROLES:
            labels_by_role[r].extend(1 if c.norm in own[r] else 0 for c in cands)
    say(f"{len(feats):,} candidate spans in {len(rel_idx)} documents")
    roles = {}
    for r in ROLES:
        roles[r] = fit_linear(feats, labels_by_role[r], cfg.c_roles, cfg.min_count)
        say(f"{r} model fitted ({sum(labels_by_role[r]):,} positive spans)")
    return Muc4Model(relevance, types, roles, lexicon)


# the second stage's boosted trees (fixed, not tuned): small, slow-learning, deterministic
TREE_PARAMS: dict[str, Any] = {
    "max_iter": 150,
    "learning_rate": 0.05,
    "max_leaf_nodes": 8,
    "min_samples_leaf": 20,
    "l2_regularization": 1.0,
    "early_stopping": False,
    "random_state": 0,
}


def fit_trees(rows: Sequence[dict[str, float]], labels: Sequence[int]) -> TreeEnsemble:
    """Gradient-boosted trees (scikit-learn, fixed settings, one thread) as a TreeEnsemble."""
    try:
        import numpy as np
        from sklearn.ensemble import HistGradientBoostingClassifier
        from threadpoolctl import threadpool_limits
    except ImportError:
        raise ConfigError(
            "training the MUC-4 models needs scikit-learn (pip install 'plotwatch[muc4]')"
        ) from None
    names = sorted(rows[0])
    if len(set(labels)) < 2:
        return TreeEnsemble(names, 10.0 if any(labels) else -10.0, [])
    x = np.array([[r.get(n, 0.0) for n in names] for r in rows], dtype=np.float64)
    clf = HistGradientBoostingClassifier(**TREE_PARAMS)
    with threadpool_limits(1):
        clf.fit(x, np.array(labels))
    trees = []
    for (pred,) in clf._predictors:
        nodes = []
        for nd in pred.nodes:
            if nd["is_leaf"]:
                nodes.append([float(nd["value"])])
            else:
                nodes.append(
                    [int(nd["feature_idx"]), float(nd["num_threshold"]), int(nd["left"]), int(nd["right"])]
                )
        trees.append(nodes)
    return TreeEnsemble(names, float(clf._baseline_prediction.ravel()[0]), trees)


def out_of_fold(
    docs: Sequence[Muc4Doc], parsed: Sequence[Doc], cfg: TrainConfig, progress: Progress | None = None
) -> list[DocScores]:
    """First-stage scores of every train document from models fitted without its fold."""
    say = progress or (lambda _m: None)
    k = cfg.stack_folds
    out: list[DocScores | None] = [None] * len(docs)
    for fold in range(k):
        inside = [i for i in range(len(docs)) if i % k != fold]
        m = fit([docs[i] for i in inside], [parsed[i] for i in inside], cfg)
        m.info = {"config": {"by_string": cfg.by_string}}
        for i in range(fold, len(docs), k):
            out[i] = m.doc_scores(parsed[i])
        say(f"fold {fold + 1}/{k} scored")
    return [s for s in out if s is not None]


def fit_stackers(
    docs: Sequence[Muc4Doc], parsed: Sequence[Doc], cfg: TrainConfig, progress: Progress | None = None
) -> tuple[TreeEnsemble, dict[str, TreeEnsemble]]:
    """The second-stage relevance model (all documents) and incident-type models (relevant
    documents), fitted on out-of-fold first-stage outputs."""
    oof = out_of_fold(docs, parsed, cfg, progress)
    rows = [stack_features(s.relevance, s.types, s.spans, p.text) for s, p in zip(oof, parsed, strict=True)]
    relevance = fit_trees(rows, [1 if d.templates else 0 for d in docs])
    rel_idx = [i for i, d in enumerate(docs) if d.templates]
    types = {
        t: fit_trees([rows[i] for i in rel_idx], [1 if t in _types_of(docs[i]) else 0 for i in rel_idx])
        for t in INCIDENT_TYPES
    }
    return relevance, types


def _f1(model_scores: Sequence[DocScores], golds: dict[str, Any], ids: Sequence[str], s: Settings) -> float:
    preds = {i: decode(sc, s) for i, sc in zip(ids, model_scores, strict=True)}
    return score(preds, golds).micro.f1


def tune(model: Muc4Model, docs: Sequence[Muc4Doc], parsed: Sequence[Doc]) -> tuple[Settings, float]:
    """Coordinate ascent on dev micro F1 over the relevance threshold, each role's thresholds
    (best string, further strings), the entity limit and nested strings."""
    scores = [model.doc_scores(p) for p in parsed]
    golds = {d.docid: d.templates for d in docs}
    ids = [d.docid for d in docs]
    s = Settings(assign=True)
    grid = [round(0.05 * k, 2) for k in range(1, 19)]
    best = _f1(scores, golds, ids, s)

    def consider(trial: Settings) -> None:
        nonlocal best, s
        f = _f1(scores, golds, ids, trial)
        if f > best + 1e-9:
            best, s = f, trial

    for _round in range(2):
        for v in grid:
            trial = s.copy()
            trial.relevance = v
            consider(trial)
        for role in ROLES:
            for v in grid:
                trial = s.copy()
                trial.first[role] = v
                consider(trial)
            for v in grid:
                trial = s.copy()
                trial.roles[role] = v
                consider(trial)
        for n in (1, 2, 3, 4, 6):
            trial = s.copy()
            trial.max_per_role = n
            consider(trial)
        trial = s.copy()
        trial.nested = not s.nested
        consider(trial)
        trial = s.copy()
        trial.exclusive = not s.exclusive
        consider(trial)
        for v in [*grid, 1.01]:
            trial = s.copy()
            trial.second_type = v
            consider(trial)
        for v in [0.0, *grid]:
            trial = s.copy()
            trial.alone = v
            consider(trial)
    return s, best


def train(
    train_docs: Sequence[Muc4Doc],
    train_parsed: Sequence[Doc],
    dev_docs: Sequence[Muc4Doc],
    dev_parsed: Sequence[Doc],
    cfg: TrainConfig | None = None,
    progress: Progress | None = None,
) -> Muc4Model:
    cfg = cfg or TrainConfig()
    t0 = time.perf_counter()
    model = fit(train_docs, train_parsed, cfg, progress)
    model.info = {"config": {"by_string": cfg.by_string}}
    if cfg.stack_folds > 1:
        model.stacker, model.type_stackers = fit_stackers(train_docs, train_parsed, cfg, progress)
        if progress:
            progress("second-stage relevance and type models fitted")
    settings, dev_f1 = tune(model, dev_docs, dev_parsed)
    model.settings = settings
    model.info = {
        "train_documents": len(train_docs),
        "dev_documents": len(dev_docs),
        "dev_micro_f1": round(dev_f1, 4),
        "config": {
            "c_roles": cfg.c_roles,
            "c_doc": cfg.c_doc,
            "min_count": cfg.min_count,
            "by_string": cfg.by_string,
            "all_docs": cfg.all_docs,
            "stack_folds": cfg.stack_folds,
        },
        "fit_seconds": round(time.perf_counter() - t0, 1),
    }
    return model
