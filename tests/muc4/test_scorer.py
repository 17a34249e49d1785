"""The MUC-4 metric on hand-made gold/prediction pairs, and on the real test split."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from plotwatch.errors import InputError
from plotwatch.muc4 import ROLES
from plotwatch.muc4.data import load_split, numeric_docid, read_predictions
from plotwatch.muc4.scorer import normalize, score, score_document
from tests.conftest import need_shared


def tpl(itype: str, **roles: list[list[str]]) -> dict[str, Any]:
    return {"incident_type": itype, **{r: roles.get(r, []) for r in ROLES}}


GOLD = [
    tpl(
        "attack",
        PerpInd=[["guerrillas", "guerrilla column"]],
        PerpOrg=[["guatemalan national revolutionary unity", "urng"]],
        Target=[["presidential farm"]],
        Victim=[["cerezo"]],
    ),
    tpl("arson", PerpInd=[["guerrillas"]], Target=[["facilities"]]),
]


def test_normalize_drops_case_punctuation_articles_and_extra_space() -> None:
    assert normalize('  The "Santo Tomas"  presidential farm. ') == "santo tomas presidential farm"
    assert normalize("an ak-47 and a bomb") == "ak47 and bomb"
    assert normalize("theatre") == "theatre"  # only whole-word articles go


def test_perfect_prediction_scores_one() -> None:
    sc = score_document(GOLD, GOLD).micro
    assert (sc.p_num, sc.p_den, sc.r_num, sc.r_den) == (8, 8, 8, 8)
    assert sc.f1 == 1.0


def test_empty_prediction_scores_zero_with_full_recall_denominator() -> None:
    sc = score_document([], GOLD)
    assert sc.micro.p_den == 0 and sc.micro.r_num == 0
    assert sc.micro.r_den == 8  # 2 incident types + 6 entities
    assert sc.micro.f1 == 0.0
    assert sc.slots["PerpInd"].r_den == 2


def test_prediction_on_a_document_without_gold_costs_precision_only() -> None:
    sc = score_document([tpl("attack", PerpInd=[["men"]])], []).micro
    assert (sc.p_num, sc.p_den, sc.r_num, sc.r_den) == (0, 2, 0, 0)


def test_partial_prediction_counts() -> None:
    pred = [tpl("attack", PerpInd=[["the Guerrillas"]], Target=[["farm"]], Victim=[["cerezo"], ["isaacs"]])]
    sc = score_document(pred, GOLD)
    # mapped to the attack template: type 1/1, PerpInd 1/1, Target 0/1, Victim 1/2
    assert sc.slots["incident_type"].as_dict()["p_num"] == 1
    assert (sc.slots["PerpInd"].p_num, sc.slots["PerpInd"].p_den) == (1, 1)
    assert (sc.slots["Target"].p_num, sc.slots["Target"].p_den) == (0, 1)
    assert (sc.slots["Victim"].p_num, sc.slots["Victim"].p_den) == (1, 2)
    m = sc.micro
    assert (m.p_num, m.p_den) == (3, 5)
    # recall: the attack template has 5 slots (3 found), the unmapped arson template 3
    assert (m.r_num, m.r_den) == (3, 8)
    assert m.f1 == pytest.approx(2 * (3 / 5) * (3 / 8) / (3 / 5 + 3 / 8))


def test_any_alternative_mention_matches_but_every_predicted_mention_must() -> None:
    gold = [tpl("attack", PerpOrg=[["guatemalan national revolutionary unity", "urng"]])]
    one = score_document([tpl("attack", PerpOrg=[["URNG"]])], gold).slots["PerpOrg"]
    assert (one.p_num, one.r_num) == (1, 1)
    both = score_document(
        [tpl("attack", PerpOrg=[["urng", "the guatemalan national revolutionary unity"]])], gold
    )
    assert both.slots["PerpOrg"].p_num == 1
    bad = score_document([tpl("attack", PerpOrg=[["urng", "fmln"]])], gold).slots["PerpOrg"]
    assert (bad.p_num, bad.p_den, bad.r_num) == (0, 1, 0)
    # two predicted entities for two mentions of one gold entity: both precise, one recalled
    two = score_document(
        [tpl("attack", PerpOrg=[["urng"], ["guatemalan national revolutionary unity"]])], gold
    )
    assert (two.slots["PerpOrg"].p_num, two.slots["PerpOrg"].p_den, two.slots["PerpOrg"].r_num) == (2, 2, 1)


def test_incident_type_must_be_a_substring_of_the_gold_type() -> None:
    gold = [tpl("bombing / attack", Weapon=[["bomb"]])]
    assert score_document([tpl("attack", Weapon=[["bomb"]])], gold).micro.f1 == 1.0
    assert score_document([tpl("bombing", Weapon=[["bomb"]])], gold).micro.f1 == 1.0
    wrong = score_document([tpl("kidnapping", Weapon=[["bomb"]])], gold).micro
    assert (wrong.p_num, wrong.p_den, wrong.r_num, wrong.r_den) == (0, 2, 0, 2)


def test_best_one_to_one_mapping_is_chosen() -> None:
    # predictions in the opposite order of the gold templates, same types
    gold = [tpl("attack", Victim=[["a1"]]), tpl("attack", Victim=[["b1"]], Target=[["bus"]])]
    pred = [tpl("attack", Victim=[["b1"]], Target=[["bus"]]), tpl("attack", Victim=[["a1"]])]
    assert score_document(pred, gold).micro.f1 == 1.0
    # one prediction cannot be mapped to two gold templates
    single = score_document([tpl("attack", Victim=[["a1"], ["b1"]])], gold).micro
    assert (single.p_num, single.p_den) == (2, 3)
    assert (single.r_num, single.r_den) == (2, 5)


def test_score_sums_documents_and_treats_missing_documents_as_empty() -> None:
    golds = {"1": GOLD, "2": [tpl("kidnapping", Victim=[["x"]])]}
    total = score({"1": GOLD}, golds).micro
    assert (total.p_num, total.p_den, total.r_num, total.r_den) == (8, 8, 8, 10)


def test_numeric_docids() -> None:
    assert numeric_docid("TST3-MUC4-0001") == "30001"
    assert numeric_docid("TST1-MUC3-0100") == "10100"
    assert numeric_docid("DEV-MUC3-0005") == "5"
    with pytest.raises(ValueError, match="not a MUC-4 document id"):
        numeric_docid("nonsense")


def test_bad_prediction_files_name_the_file_and_problem(tmp_path: Path) -> None:
    missing = tmp_path / "none.json"
    with pytest.raises(InputError, match="no such file"):
        read_predictions(missing)
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(InputError, match="not JSON"):
        read_predictions(bad)
    shape = tmp_path / "shape.json"
    shape.write_text(json.dumps({"30001": {"pred_templates": [{"incident_type": "attack", "Victim": "x"}]}}))
    with pytest.raises(InputError, match="Victim must be a list of lists of strings"):
        read_predictions(shape)


def test_one_attack_template_per_document_matches_the_published_reference() -> None:
    folder = need_shared() / "benchmarks" / "muc4"
    if not folder.exists():
        pytest.skip(f"MUC-4 benchmark not found at {folder}")
    docs = load_split("test", folder)
    golds = {d.docid: d.templates for d in docs}
    preds = {d.docid: [tpl("attack")] for d in docs}
    # README of the benchmark: 17.6 F1 on test for this trivial system
    assert round(100 * score(preds, golds).micro.f1, 1) == 17.6
    assert score(golds, golds).micro.f1 == 1.0
