"""End-to-end tests of the plotwatch command: real files, real model, real database."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from plotwatch.cli.main import app
from tests.conftest import SAMPLES, SEEDS, need_shared

runner = CliRunner()
pytestmark = pytest.mark.slow


def run(*args: str, input: str | None = None):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), input=input, catch_exceptions=False)


@pytest.fixture(scope="module")
def seeded_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    need_shared()
    db = f"sqlite:///{tmp_path_factory.mktemp('seeds') / 'seeds.db'}"
    result = run("ingest", *sorted(str(p) for p in SEEDS.glob("*.txt")), "--db", db)
    assert result.exit_code == 0, result.output
    return db


def test_cli_ingest_twice_changes_nothing(seeded_db: str) -> None:
    before = json.loads(run("stats", "--db", seeded_db, "--json").output)["counts"]
    result = run("ingest", str(SEEDS), "--db", seeded_db, "--json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["added"] == [] and len(report["unchanged"]) == 5
    after = json.loads(run("stats", "--db", seeded_db, "--json").output)["counts"]
    assert after == before


def test_cli_eval_seeds_reaches_first_milestone(seeded_db: str) -> None:
    result = run("eval", str(SEEDS / "gold.jsonl"), "--db", seeded_db, "--json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["f1"] >= 0.5, report


def test_cli_export_jsonl_follows_contract(seeded_db: str, tmp_path: Path) -> None:
    from plotwatch.export import validate_incident

    out = tmp_path / "incidents.jsonl"
    result = run("export", "--format", "jsonl", "--out", str(out), "--db", seeded_db)
    assert result.exit_code == 0, result.output
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines
    from sqlalchemy import select

    from plotwatch.store.db import Store
    from plotwatch.store.models import Article

    with Store(seeded_db).session() as s:
        texts = dict(s.execute(select(Article.source_id, Article.text)).all())
    raw = {p.stem: p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")}
    for line in lines:
        rec = json.loads(line)
        assert validate_incident(rec) == [], rec
        for m in rec["mentions"]:  # offsets point into the stored (trimmed) text
            assert m["quote"].strip() and m["quote"] == texts[m["article_id"]][m["start"] : m["end"]]
            assert m["quote"].strip()[:60] in raw[m["article_id"]]


def test_cli_export_csv_one_row_per_incident(seeded_db: str, tmp_path: Path) -> None:
    import csv

    n = len(json.loads(run("incidents", "--db", seeded_db, "--json", "--limit", "10000").output))
    out = tmp_path / "incidents.csv"
    assert run("export", "-f", "csv", "-o", str(out), "--db", seeded_db).exit_code == 0
    with out.open(encoding="utf-8", newline="") as fh:
        assert len(list(csv.DictReader(fh))) == n


def test_cli_incidents_filters_and_show(seeded_db: str) -> None:
    rows = json.loads(run("incidents", "--db", seeded_db, "--json", "--type", "bombing").output)
    assert rows and all(r["type"] == "bombing" for r in rows)
    shown = run("show", rows[0]["id"], "--db", seeded_db)
    assert shown.exit_code == 0 and rows[0]["id"] in shown.output and "Evidence" in shown.output


def test_cli_unknown_incident_is_one_clear_line(seeded_db: str) -> None:
    result = run("show", "inc-doesnotexist", "--db", seeded_db)
    assert result.exit_code == 1
    assert "no incident with id 'inc-doesnotexist'" in result.output
    assert "Traceback" not in result.output


def test_cli_bad_date_option_is_one_clear_line(seeded_db: str) -> None:
    result = run("incidents", "--since", "last year", "--db", seeded_db)
    assert result.exit_code == 2
    assert "--since must look like" in result.output


def test_cli_bad_inputs_are_reported_and_good_ones_stored(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'bad.db'}"
    good = tmp_path / "good.txt"
    good.write_text(
        "Danish police arrested a Norwegian citizen of Iranian descent in Gothenburg "
        "on October 21, 2018, over a plot to assassinate an exile leader.\n",
        encoding="utf-8",
    )
    assert run("ingest", str(good), "--db", db).exit_code == 0
    before = json.loads(run("stats", "--db", db, "--json").output)["counts"]

    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x00\x01\x02PNG\x00" * 50)
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    latin = tmp_path / "latin1.txt"
    latin.write_bytes("Caf\xe9 bombing in Paris".encode("latin-1"))
    jsonl = tmp_path / "feed.jsonl"
    jsonl.write_text(
        json.dumps({"id": "ok-1", "text": "Police in Berlin arrested two men on Monday."})
        + "\n"
        + "{not json\n",
        encoding="utf-8",
    )
    big = tmp_path / "big.txt"
    big.write_text("word " * 5000, encoding="utf-8")
    missing = tmp_path / "missing.txt"
    second = tmp_path / "second.txt"
    second.write_text("Albania expelled the Iranian ambassador on December 19, 2018.\n", encoding="utf-8")

    result = run(
        "ingest",
        str(binary),
        str(empty),
        str(latin),
        str(jsonl),
        str(big),
        str(missing),
        str(second),
        "--max-size",
        "10k",
        "--db",
        db,
    )
    assert result.exit_code == 1
    out = result.output
    assert "Traceback" not in out
    for bad in (binary, empty, latin, big, missing):
        assert str(bad) in out, f"{bad} not named in:\n{out}"
    assert "feed.jsonl" in out and ":2" in out  # the malformed line is named
    after = json.loads(run("stats", "--db", db, "--json").output)["counts"]
    assert after["articles"] == before["articles"] + 2  # ok-1 and second.txt
    assert json.loads(run("search", "Gothenburg", "--db", db, "--json").output)[0]["article_id"] == "good"


def test_cli_stdin_ingest(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'stdin.db'}"
    text = "Turkish authorities said on Monday that Saudi agents killed the journalist in Istanbul.\n"
    result = run("ingest", "-", "--db", db, "--json", input=text)
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.output)["added"]) == 1


def test_cli_samples_demo(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'demo.db'}"
    result = run("ingest", str(SAMPLES), "--db", db)
    assert result.exit_code == 0, result.output
    assert "near-duplicate" in result.output
    assert "Incidents by type" in result.output
    gold = SAMPLES / "gold.jsonl"
    report = json.loads(run("eval", str(gold), "--db", db, "--json").output)
    assert report["tp"] > 0


def test_cli_eval_claims_on_seeds(seeded_db: str) -> None:
    result = run("eval-claims", str(SEEDS / "claims.jsonl"), "--db", seeded_db, "--json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["figure_recall"] >= 0.8
    assert any(c["found"] for c in report["contradictions"])


def test_cli_export_claims_jsonl(seeded_db: str, tmp_path: Path) -> None:
    out = tmp_path / "claims.jsonl"
    assert run("export", "--format", "claims-jsonl", "-o", str(out), "--db", seeded_db).exit_code == 0
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    kinds = {r["kind"] for r in rows}
    assert {"figure", "recommendation", "contradiction"} <= kinds
    for r in rows:
        if r["kind"] != "contradiction":
            assert set(r) == {"id", "kind", "value", "unit", "text", "speaker", "article_id", "start", "end"}


def test_cli_samples_independent_sources_grade_better_than_reprints(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'grades.db'}"
    assert run("ingest", str(SAMPLES), "--db", db).exit_code == 0
    rows = json.loads(run("incidents", "--db", db, "--json", "--limit", "1000").output)
    independent = [r for r in rows if r["corroboration"]["independent_sources"] >= 2]
    reprinted = [
        r
        for r in rows
        if r["corroboration"]["independent_sources"] == 1 and r["corroboration"]["outlets"] >= 2
    ]
    assert independent and reprinted
    assert max(r["credibility"] for r in independent) < min(r["credibility"] for r in reprinted)
    why = run("explain", reprinted[0]["id"], "--db", db).output
    assert "near-duplicate of" in why and "independent voice" in why


def test_cli_seeds_unknown_outlets_are_one_voice(seeded_db: str) -> None:
    rows = json.loads(run("incidents", "--db", seeded_db, "--json", "--limit", "1000").output)
    assert rows and all(r["corroboration"]["independent_sources"] <= 1 for r in rows)
    assert all(r["credibility"] >= 3 for r in rows)
