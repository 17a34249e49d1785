"""Importing STIX 2.1 bundles and FtM entity streams: round trips, idempotence, provenance, bad input."""

# ruff: noqa: E501  (the STIX fixture objects read best one per line)

from __future__ import annotations

import io
import json
import sys
from pathlib import Path
from typing import Any

import pytest
import typer
from sqlalchemy import func, select
from typer.testing import CliRunner

from plotwatch.errors import InputError
from plotwatch.export import export_bundle, load_bundle
from plotwatch.imports import import_file, parse_file
from plotwatch.store.db import Store
from plotwatch.store.models import AuditEntry, Entity, Outlet
from plotwatch.store.queries import list_incidents

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent / "export"))
import smalldb  # noqa: E402

SANCTIONS = HERE / "sanctions.ftm.json"
TS = "2020-03-01T00:00:00.000Z"
CERT = "identity--0b6a3f0c-1d2e-4f3a-8b4c-5d6e7f8a9b0c"
FOREIGN: dict[str, Any] = {
    "type": "bundle",
    "id": "bundle--11111111-2222-4333-8444-555555555555",
    "objects": [
        {"type": "marking-definition", "spec_version": "2.1", "id": "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82", "created": TS, "definition_type": "tlp", "name": "TLP:AMBER", "definition": {"tlp": "amber"}},
        {"type": "identity", "spec_version": "2.1", "id": CERT, "created": TS, "modified": TS, "name": "CERT-X", "identity_class": "organization"},
        {"type": "identity", "spec_version": "2.1", "id": "identity--2b6a3f0c-1d2e-4f3a-8b4c-5d6e7f8a9b0c", "created": TS, "modified": TS, "name": "Exile Radio", "identity_class": "organization", "created_by_ref": CERT},
        {"type": "threat-actor", "spec_version": "2.1", "id": "threat-actor--3b6a3f0c-1d2e-4f3a-8b4c-5d6e7f8a9b0c", "created": TS, "modified": TS, "name": "Unit 99", "aliases": ["U99"], "created_by_ref": CERT},
        {"type": "intrusion-set", "spec_version": "2.1", "id": "intrusion-set--4b6a3f0c-1d2e-4f3a-8b4c-5d6e7f8a9b0c", "created": TS, "modified": TS, "name": "Charming Kitten", "aliases": ["APT35"], "created_by_ref": CERT},
        {"type": "location", "spec_version": "2.1", "id": "location--5b6a3f0c-1d2e-4f3a-8b4c-5d6e7f8a9b0c", "created": TS, "modified": TS, "country": "GB", "name": "United Kingdom"},
        {"type": "incident", "spec_version": "2.1", "id": "incident--6b6a3f0c-1d2e-4f3a-8b4c-5d6e7f8a9b0c", "created": TS, "modified": TS, "name": "Phishing and hacking of Exile Radio journalists", "description": "Journalists were targeted with spear-phishing.", "first_seen": "2020-02-11T00:00:00Z", "created_by_ref": CERT},
        {"type": "relationship", "spec_version": "2.1", "id": "relationship--7b6a3f0c-1d2e-4f3a-8b4c-5d6e7f8a9b0c", "created": TS, "modified": TS, "relationship_type": "attributed-to", "source_ref": "incident--6b6a3f0c-1d2e-4f3a-8b4c-5d6e7f8a9b0c", "target_ref": "intrusion-set--4b6a3f0c-1d2e-4f3a-8b4c-5d6e7f8a9b0c"},
        {"type": "relationship", "spec_version": "2.1", "id": "relationship--8b6a3f0c-1d2e-4f3a-8b4c-5d6e7f8a9b0c", "created": TS, "modified": TS, "relationship_type": "targets", "source_ref": "incident--6b6a3f0c-1d2e-4f3a-8b4c-5d6e7f8a9b0c", "target_ref": "identity--2b6a3f0c-1d2e-4f3a-8b4c-5d6e7f8a9b0c"},
        {"type": "relationship", "spec_version": "2.1", "id": "relationship--9b6a3f0c-1d2e-4f3a-8b4c-5d6e7f8a9b0c", "created": TS, "modified": TS, "relationship_type": "located-at", "source_ref": "incident--6b6a3f0c-1d2e-4f3a-8b4c-5d6e7f8a9b0c", "target_ref": "location--5b6a3f0c-1d2e-4f3a-8b4c-5d6e7f8a9b0c"},
        {"type": "relationship", "spec_version": "2.1", "id": "relationship--ab6a3f0c-1d2e-4f3a-8b4c-5d6e7f8a9b0c", "created": TS, "modified": TS, "relationship_type": "attributed-to", "source_ref": "intrusion-set--4b6a3f0c-1d2e-4f3a-8b4c-5d6e7f8a9b0c", "target_ref": "threat-actor--3b6a3f0c-1d2e-4f3a-8b4c-5d6e7f8a9b0c"},
        {"type": "indicator", "spec_version": "2.1", "id": "indicator--bb6a3f0c-1d2e-4f3a-8b4c-5d6e7f8a9b0c", "created": TS, "modified": TS, "pattern": "[domain-name:value = 'x.example']", "pattern_type": "stix", "valid_from": TS},
    ],
}  # fmt: skip


def _stix(store: Store) -> str:
    out = io.StringIO()
    export_bundle(load_bundle(store), "stix", out)
    return out.getvalue()


def _counts(store: Store) -> dict[str, int]:
    counts = store.counts()
    with store.session() as s:
        counts["relations_and_audit"] = int(s.scalar(select(func.count()).select_from(AuditEntry)) or 0)
    return counts


def test_imports_stix_round_trip(db_url: str, tmp_path: Path) -> None:
    """export → import into a fresh db → export: the same objects, except the stored-text hashes."""
    first = _stix(smalldb.build(f"sqlite:///{tmp_path / 'src.db'}"))
    path = tmp_path / "bundle.json"
    path.write_text(first, encoding="utf-8")
    fresh = Store(db_url)
    report = import_file(fresh, path, "stix")
    assert report.added["incident"] == 3 and report.added["entity"] == 6 and report.added["relation"] == 1
    assert report.feed == "plotwatch" and report.skipped == {"extension-definition": 1}
    a = {o["id"]: o for o in json.loads(first)["objects"]}
    b = {o["id"]: o for o in json.loads(_stix(fresh))["objects"]}
    assert set(a) == set(b)
    for oid, obj in a.items():
        if obj["type"] == "report":  # documented difference: the article holds only its quotes
            for ref in obj["external_references"] + b[oid]["external_references"]:
                ref.pop("hashes", None)
        assert obj == b[oid], oid
    again = import_file(fresh, path, "stix")
    assert not again.added


def test_imports_stix_foreign_bundle(tmp_path: Path) -> None:
    path = tmp_path / "opencti.json"
    path.write_text(json.dumps(FOREIGN), encoding="utf-8")
    store = Store(f"sqlite:///{tmp_path / 'db.sqlite'}")
    report = import_file(store, path, "stix")
    assert report.feed == "CERT-X"
    assert report.skipped == {"indicator": 1, "marking-definition": 1}
    (inc,) = list_incidents(store)
    assert (inc["type"], inc["status"], inc["date"]["start"]) == ("cyberattack", "executed", "2020-02-11")
    assert inc["location"]["country"] == "GB"
    assert {(a["name"], a["role"]) for a in inc["actors"]} == {
        ("Charming Kitten", "perpetrator"),
        ("Exile Radio", "target"),
    }
    assert inc["mentions"][0]["quote"] == "Journalists were targeted with spear-phishing."
    assert inc["corroboration"]["articles"] == 1 and inc["credibility"] == 6  # the feed, graded F
    with store.session() as s:
        origins = {e.name: (e.origin, e.kind) for e in s.scalars(select(Entity))}
        assert origins["Charming Kitten"] == ("import:stix", "group")
        assert "CERT-X" in set(s.scalars(select(Outlet.name)))
        actions = set(s.scalars(select(AuditEntry.action)))
    assert actions == {"import"}
    assert not import_file(store, path, "stix").added


def test_imports_ftm_sanctions_list(db_url: str) -> None:
    store = Store(db_url)
    report = import_file(store, SANCTIONS, "ftm", source="OpenSanctions")
    assert report.added["entity"] == 4 and report.added["incident"] == 2 and report.added["relation"] == 2
    assert report.skipped == {"Address": 1}
    incidents = list_incidents(store)
    mois = next(i for i in incidents if "CP 931" in i["mentions"][0]["quote"])
    assert mois["type"] == "sanction" and mois["location"]["country"] == "EU"
    assert mois["date"]["start"] == "2019-01-08"
    assert {(a["name"], a["role"]) for a in mois["actors"]} == {
        ("Ministry of Intelligence and Security", "target"),
        ("Council of the European Union", "responder"),
    }
    bundle = load_bundle(store)
    assert {(r.type, bundle.entities[r.source].name) for r in bundle.relations} == {
        ("employed_by", "Saeid Hashemi Moghadam"),
        ("member_of", "Assadollah Assadi"),
    }
    assert "VAJA" in bundle.entities["ftm-NK-mois"].aliases
    assert bundle.entities["ftm-NK-mois"].origin == "import:ftm"
    assert "OpenSanctions" in bundle.outlets
    before = _counts(store)
    assert not import_file(store, SANCTIONS, "ftm", source="OpenSanctions").added
    assert _counts(store) == before


def test_imports_ftm_reads_own_export(tmp_path: Path) -> None:
    out = io.StringIO()
    export_bundle(load_bundle(smalldb.build(f"sqlite:///{tmp_path / 'src.db'}")), "ftm", out)
    path = tmp_path / "out.ftm.json"
    path.write_text(out.getvalue(), encoding="utf-8")
    parsed = parse_file(path, "ftm")
    assert {e.name for e in parsed.entities} >= {"Assadollah Assadi", "Ministry of Intelligence and Security"}
    assert [i.type for i in parsed.incidents] == ["sanction"]
    assert [r.type for r in parsed.relations] == ["member_of"]


BAD: list[tuple[str, str, str]] = [
    ("stix", "{not json", "not JSON"),
    ("stix", '{"type": "report", "objects": []}', "not a STIX bundle"),
    ("stix", '{"type": "bundle", "id": "bundle--1", "objects": [{"type": "x-thing", "id": "x-thing--1"}]}', "unknown STIX object type 'x-thing'"),
    ("stix", '{"type": "bundle", "id": "bundle--1", "objects": [{"type": "incident"}]}', "needs a string 'type' and 'id'"),
    ("ftm", '{"id": "a", "schema": "Person", "properties": {}}\n{oops', "line 2: not JSON"),
    ("ftm", '{"id": "a", "schema": "Spaceship", "properties": {}}', "unknown FtM schema 'Spaceship'"),
    ("ftm", '["a list"]', "line 1: not an FtM entity"),
]  # fmt: skip


@pytest.mark.parametrize(("fmt", "content", "problem"), BAD)
def test_imports_bad_input_touches_nothing(tmp_path: Path, fmt: str, content: str, problem: str) -> None:
    store = Store(f"sqlite:///{tmp_path / 'db.sqlite'}")
    import_file(store, SANCTIONS, "ftm")
    before = _counts(store)
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as info:
        import_file(store, path, fmt)
    assert str(path) in str(info.value) and problem in str(info.value)
    assert _counts(store) == before


def test_imports_cli_command(tmp_path: Path) -> None:
    from plotwatch.cli import exchange

    app = typer.Typer()
    app.command()(lambda: None)  # a second command keeps "import" a named subcommand
    exchange.register(app)
    db = f"sqlite:///{tmp_path / 'db.sqlite'}"
    runner = CliRunner()
    result = runner.invoke(
        app, ["import", str(SANCTIONS), "--format", "ftm", "--source", "OpenSanctions", "--db", db, "--json"]
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["added"]["incident"] == 2
    again = runner.invoke(
        app, ["import", str(SANCTIONS), "-f", "ftm", "--source", "OpenSanctions", "--db", db]
    )
    assert again.exit_code == 0 and "nothing new" in again.output
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    failed = runner.invoke(app, ["import", str(bad), "--db", db])
    assert failed.exit_code == 1 and "not JSON" in " ".join(failed.output.split())
