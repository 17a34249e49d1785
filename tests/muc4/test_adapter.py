"""The MUC-4 adapter end to end: predictions on a few dev documents, scoring, training."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import plotwatch.cli.main  # noqa: F401  (before the plugin module)
from plotwatch.cli.main import app
from plotwatch.muc4 import INCIDENT_TYPES, ROLES
from plotwatch.muc4.data import load_split, read_predictions
from plotwatch.muc4.model import MODEL_PATH, Muc4Model, load_spacy, parse
from plotwatch.muc4.scorer import score
from tests.conftest import need_shared

pytestmark = pytest.mark.slow
runner = CliRunner()


def muc4_dir() -> Path:
    folder = need_shared() / "benchmarks" / "muc4"
    if not folder.exists():
        pytest.skip(f"MUC-4 benchmark not found at {folder}")
    return folder


def test_bench_muc4_writes_a_valid_predictions_file_and_scores_it(tmp_path: Path) -> None:
    folder = muc4_dir()
    out = tmp_path / "preds.json"
    res = runner.invoke(
        app,
        [
            "bench",
            "muc4",
            "--split",
            "dev",
            "--limit",
            "6",
            "--data",
            str(folder),
            "--out",
            str(out),
            "--json",
        ],
    )
    assert res.exit_code == 0, res.output
    report = json.loads(res.output)
    assert report["documents"] == 6
    docs = load_split("dev", folder, limit=6)
    raw = json.loads(out.read_text(encoding="utf-8"))
    assert set(raw) == {d.docid for d in docs}
    texts = {d.docid: d.text for d in docs}
    n_templates = 0
    for docid, entry in raw.items():
        assert set(entry) == {"pred_templates"}
        for t in entry["pred_templates"]:
            n_templates += 1
            assert t["incident_type"] in INCIDENT_TYPES
            for role in ROLES:
                for entity in t[role]:
                    assert entity and all(isinstance(m, str) and m in texts[docid] for m in entity)
    assert n_templates == report["templates"]
    assert n_templates > 0  # these dev documents report incidents
    # the file reads back and scores the same through the scorer command
    preds = read_predictions(out)
    direct = score(preds, {d.docid: d.templates for d in docs}).as_dict()["micro"]
    assert report["scores"]["micro"]["f1"] == pytest.approx(direct["f1"])
    assert direct["p_num"] > 0  # the shipped model finds something right in six reports
    res2 = runner.invoke(
        app,
        ["bench", "muc4-score", str(out), "--split", "dev", "--limit", "6", "--data", str(folder), "--json"],
    )
    assert res2.exit_code == 0, res2.output
    assert json.loads(res2.output)["scores"]["micro"] == pytest.approx(direct)


def flat(output: str) -> str:
    """The output with line wrapping undone."""
    return " ".join(output.split())


def test_bench_muc4_errors_are_one_clear_line(tmp_path: Path) -> None:
    folder = muc4_dir()
    missing = tmp_path / "missing.json"
    res = runner.invoke(app, ["bench", "muc4-score", str(missing), "--split", "dev", "--data", str(folder)])
    assert res.exit_code == 1
    assert "missing.json:nosuchfile" in "".join(res.output.split())  # wrapping may split the path
    res = runner.invoke(app, ["bench", "muc4", "--split", "nope", "--data", str(folder)])
    assert res.exit_code == 2
    assert "unknown split 'nope'" in flat(res.output)
    res = runner.invoke(app, ["bench", "muc4", "--split", "dev", "--data", str(tmp_path)])
    assert res.exit_code == 1
    assert "dev split not found" in flat(res.output)
    wrong = tmp_path / "wrong.json"
    wrong.write_text(json.dumps({"99999": {"pred_templates": []}}), encoding="utf-8")
    res = runner.invoke(app, ["bench", "muc4-score", str(wrong), "--split", "dev", "--data", str(folder)])
    assert res.exit_code == 1
    assert "no document id matches the dev split" in flat(res.output)


def test_training_on_a_small_sample_round_trips(tmp_path: Path) -> None:
    from plotwatch.muc4.train import TrainConfig, train

    folder = muc4_dir()
    train_docs = [d for d in load_split("train", folder, limit=120) if d.templates][:50]
    train_docs += [d for d in load_split("train", folder, limit=120) if not d.templates][:20]
    dev_docs = load_split("dev", folder, limit=8)
    nlp = load_spacy()
    model = train(
        train_docs,
        parse(nlp, (d.text for d in train_docs)),
        dev_docs,
        parse(nlp, (d.text for d in dev_docs)),
        TrainConfig(),
    )
    path = tmp_path / "m.json.gz"
    model.save(path)
    again = Muc4Model.load(path)
    assert again.settings == model.settings
    assert again.roles["Weapon"].weights == model.roles["Weapon"].weights
    assert model.stacker is not None and again.stacker == model.stacker
    assert set(again.type_stackers) == set(INCIDENT_TYPES) and again.type_stackers == model.type_stackers
    assert model.lexicon.strings["Weapon"]  # bombs and dynamite appear in 50 reports
    parsed = parse(nlp, (d.text for d in dev_docs))
    assert [again.templates(again.doc_scores(p)) for p in parsed] == [
        model.templates(model.doc_scores(p)) for p in parsed
    ]


def test_shipped_model_loads_and_a_corrupt_model_is_a_clear_error(tmp_path: Path) -> None:
    model = Muc4Model.load(MODEL_PATH)
    assert set(model.roles) == set(ROLES)
    assert MODEL_PATH.stat().st_size < 5_000_000
    bad = tmp_path / "bad.json.gz"
    bad.write_bytes(b"not gzip")
    from plotwatch.errors import ConfigError

    with pytest.raises(ConfigError, match="unreadable MUC-4 model"):
        Muc4Model.load(bad)
    with pytest.raises(ConfigError, match="no MUC-4 model"):
        Muc4Model.load(tmp_path / "absent.json.gz")
