"""The second-stage relevance model: features, and trees exported from scikit-learn."""

from __future__ import annotations

import random

import pytest

from plotwatch.muc4 import INCIDENT_TYPES, ROLES
from plotwatch.muc4.model import DocScores, Settings, decode
from plotwatch.muc4.stack import TreeEnsemble, stack_features


def test_stack_features_read_scores_and_cues() -> None:
    types = dict.fromkeys(INCIDENT_TYPES, 0.01) | {"bombing": 0.9}
    spans = {r: [] for r in ROLES} | {"Weapon": [("dynamite", "dynamite", 0.8, 3), ("bomb", "bomb", 0.3, 9)]}
    text = "terrorists set off a dynamite bomb last night. in 1985 a similar attack was reported?"
    f = stack_features(0.7, types, spans, text)
    assert f["rel"] > 0 > f["type:attack"]
    assert f["top1:Weapon"] == 0.8 and f["top2:Weapon"] == 0.3 and f["top1:Victim"] == 0.0
    assert f["n05:Weapon"] > 0 and f["n02:Weapon"] > f["n05:Weapon"]
    assert f["trig0:bombing"] == 1.0 and f["trig0:kidnapping"] == 0.0
    assert f["h:oldyear"] > 0 and f["h:recent"] > 0 and f["h:question"] > 0 and f["h:trial"] == 0


def test_tree_ensemble_walks_nodes_and_round_trips() -> None:
    # one stump on feature "a" (threshold 0.5), one leaf-only tree
    te = TreeEnsemble(["a", "b"], -1.0, [[[0, 0.5, 1, 2], [-1.0], [3.0]], [[0.5]]])
    assert te.prob({"a": 0.2}) == pytest.approx(1 / (1 + 2.718281828459045**1.5))
    assert te.prob({"a": 0.9, "b": 5}) == pytest.approx(1 / (1 + 2.718281828459045**-2.5))
    assert TreeEnsemble.from_json(te.to_json()) == te


def test_trees_fitted_by_scikit_learn_predict_the_same() -> None:
    pytest.importorskip("sklearn")
    import numpy as np
    from sklearn.ensemble import HistGradientBoostingClassifier

    from plotwatch.muc4.train import TREE_PARAMS, fit_trees

    rnd = random.Random(3)
    rows = [{"a": rnd.gauss(0, 1), "b": rnd.gauss(0, 1), "c": float(rnd.random() > 0.5)} for _ in range(400)]
    labels = [int(r["a"] + r["b"] * r["c"] + rnd.gauss(0, 0.3) > 0) for r in rows]
    te = fit_trees(rows, labels)
    clf = HistGradientBoostingClassifier(**TREE_PARAMS)
    clf.fit(np.array([[r["a"], r["b"], r["c"]] for r in rows]), labels)
    expected = clf.predict_proba(np.array([[r["a"], r["b"], r["c"]] for r in rows]))[:, 1]
    assert [te.prob(r) for r in rows] == pytest.approx(list(expected), abs=1e-9)
    assert fit_trees(rows[:5], [1] * 5).prob(rows[0]) > 0.99  # one class only


def test_targets_victims_and_weapons_go_to_the_template_of_the_nearest_trigger() -> None:
    spans: dict[str, list[tuple[str, str, float, int]]] = {r: [] for r in ROLES}
    spans["PerpInd"] = [("guerrillas", "guerrillas", 0.9, 0)]
    spans["Target"] = [("bank", "bank", 0.9, 5), ("bus", "bus", 0.8, 40)]
    spans["Victim"] = [("mayor", "mayor", 0.9, 22), ("priest", "priest", 0.8, 99)]
    types = dict.fromkeys(INCIDENT_TYPES, 0.01) | {"bombing": 0.9, "kidnapping": 0.6}
    # a bomb word at token 4, kidnapping words at 20 and 42; "priest" sits as near one as the other
    triggers = {t: [] for t in INCIDENT_TYPES} | {"bombing": [4, 100], "kidnapping": [20, 98]}
    scores = DocScores(0.9, types, spans, triggers=triggers)
    settings = Settings(relevance=0.5, second_type=0.5, assign=True)
    bombing, kidnapping = decode(scores, settings)
    assert (bombing["incident_type"], kidnapping["incident_type"]) == ("bombing", "kidnapping")
    assert bombing["PerpInd"] == kidnapping["PerpInd"] == [["guerrillas"]]  # perpetrators shared
    assert bombing["Target"] == [["bank"]] and kidnapping["Target"] == [["bus"]]
    assert bombing["Victim"] == [["priest"]] and kidnapping["Victim"] == [["mayor"], ["priest"]]
    # without assignment every template has every filler
    settings.assign = False
    both = decode(scores, settings)
    assert both[0]["Target"] == both[1]["Target"] == [["bank"], ["bus"]]
