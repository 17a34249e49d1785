"""Exchange formats (stix, ftm, acled, geojson, gexf, graphml, plover) on a small fixed database.

Golden files are ``tests/export/golden/db.<format>``; regenerate after an intended change with
``PLOTWATCH_UPDATE_GOLDEN=1 pytest tests/export`` and review the diff.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from stix2validator import ValidationOptions, validate_string
from typer.testing import CliRunner

from plotwatch.errors import PlotwatchError
from plotwatch.export import (
    EXPORTERS,
    BundleExporter,
    export_bundle,
    export_incidents,
    load_bundle,
    write_subgraph,
)
from plotwatch.export.stix import confidence_to_credibility, credibility_to_confidence, stix_id
from plotwatch.store.db import Store
from plotwatch.store.queries import IncidentFilter

sys.path.insert(0, str(Path(__file__).parent))
import smalldb
from test_export_formats import check_golden

BUNDLE_FORMATS = sorted(k for k, v in EXPORTERS.items() if issubclass(v, BundleExporter))


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    return smalldb.build(f"sqlite:///{tmp_path_factory.mktemp('db') / 'small.db'}")


def export(store: Store, fmt: str, f: IncidentFilter | None = None) -> str:
    out = io.StringIO(newline="")
    export_bundle(load_bundle(store, f), fmt, out)
    return out.getvalue()


@pytest.mark.parametrize("fmt", BUNDLE_FORMATS)
def test_export_exchange_matches_golden_file(store: Store, fmt: str) -> None:
    check_golden(f"db.{fmt}", export(store, fmt))


@pytest.mark.parametrize("fmt", BUNDLE_FORMATS)
def test_export_exchange_is_deterministic(db_url: str, fmt: str) -> None:
    """Two databases built alike (SQLite or PostgreSQL) export byte-identical documents."""
    first = smalldb.build(db_url)
    assert export(first, fmt) == export(first, fmt)
    path = Path(__file__).parent / "golden" / f"db.{fmt}"
    if path.exists():
        assert export(first, fmt) == path.read_text(encoding="utf-8")


def _strict_valid(text: str) -> None:
    result = validate_string(text, ValidationOptions(strict=True))
    problems = [str(e) for e in list(result.errors or []) + list(result.warnings or [])]
    assert result.is_valid, problems


def test_export_stix_is_strictly_valid(store: Store, incidents: list[dict[str, Any]]) -> None:
    _strict_valid(export(store, "stix"))
    out = io.StringIO()
    export_incidents(incidents, "stix", out)  # contract dicts alone
    _strict_valid(out.getvalue())
    _strict_valid(export(store, "stix", IncidentFilter(country="DE")))


def test_export_stix_objects(store: Store) -> None:
    doc = json.loads(export(store, "stix"))
    by_type: dict[str, list[dict[str, Any]]] = {}
    for obj in doc["objects"]:
        by_type.setdefault(obj["type"], []).append(obj)
    incidents = {o["x_plotwatch_id"]: o for o in by_type["incident"]}
    assert set(incidents) == set(smalldb.INCIDENTS)
    bomb = incidents["inc-villepinte"]
    assert bomb["id"] == stix_id("incident", "inc-villepinte")
    assert (bomb["x_plotwatch_type"], bomb["x_plotwatch_status"]) == ("bombing", "foiled")
    assert bomb["confidence"] == 70 and bomb["x_plotwatch_credibility"] == 2
    assert bomb["x_plotwatch_instruments"] == ["TATP"]
    actors = {o["name"]: o for o in by_type["threat-actor"]}
    assert actors["Ministry of Intelligence and Security"]["threat_actor_types"] == ["nation-state"]
    assert actors["Ministry of Intelligence and Security"]["roles"] == ["sponsor"]
    assert actors["Assadollah Assadi"]["roles"] == ["agent"]
    assert "Asadollah Asadi" in actors["Assadollah Assadi"]["aliases"]
    identities = {o["name"]: o for o in by_type["identity"]}
    assert identities["Wire Europe"]["x_plotwatch_reliability"] == "B"
    assert identities["National Council of Resistance of Iran"]["identity_class"] == "group"
    reports = {o["x_plotwatch_article_id"]: o for o in by_type["report"]}
    wire = reports["wire-001"]
    assert wire["created_by_ref"] == identities["Wire Europe"]["id"]
    assert wire["published"].startswith("2018-07-02") and wire["confidence"] == 50
    assert wire["external_references"][0]["url"] == "https://wire.example/wire-001"
    assert bomb["id"] in wire["object_refs"]
    rel_types = {
        (o["relationship_type"], o.get("x_plotwatch_role") or o.get("x_plotwatch_relation"))
        for o in by_type["relationship"]
    }
    assert {("related-to", "sponsor"), ("related-to", "location"), ("related-to", "member_of")} <= rel_types
    assert ("targets", None) in rel_types  # threat-actor targets identity (standard)
    assert ("located-at", None) in rel_types
    places = {o.get("city"): o for o in by_type["location"]}
    assert places["Villepinte"]["latitude"] == 48.96


@pytest.mark.parametrize(
    ("cred", "confidence"), [(1, 90), (2, 70), (3, 50), (4, 30), (5, 10), (6, None), (None, None)]
)
def test_export_stix_confidence_scale(cred: int | None, confidence: int | None) -> None:
    assert credibility_to_confidence(cred) == confidence
    assert confidence_to_credibility(confidence) == (cred or 6)


def test_export_ftm_loads_in_ftm_cli(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "entities.ftm.json"
    path.write_text(export(store, "ftm"), encoding="utf-8")
    ftm = shutil.which("ftm", path=str(Path(sys.executable).parent)) or shutil.which("ftm")
    assert ftm, "the followthemoney CLI is not installed"
    for command in (["validate"], ["aggregate"]):
        done = subprocess.run([ftm, *command, "-i", str(path)], capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        assert len(done.stdout.splitlines()) == len(path.read_text().splitlines())
    entities = [json.loads(line) for line in path.read_text().splitlines()]
    schemata = {e["schema"] for e in entities}
    assert {
        "Person",
        "PublicBody",
        "Organization",
        "Event",
        "Sanction",
        "Membership",
        "Documentation",
    } <= schemata
    assert {"Address", "Article"} <= schemata
    sanction = next(e for e in entities if e["schema"] == "Sanction")
    mois = next(
        e for e in entities if e["properties"].get("name") == ["Ministry of Intelligence and Security"]
    )
    assert sanction["properties"]["entity"] == [mois["id"]] and "sanction" in mois["properties"]["topics"]


def test_export_acled_rows(store: Store) -> None:
    rows = {r["event_id_cnty"]: r for r in csv.DictReader(io.StringIO(export(store, "acled"), newline=""))}
    bomb, arrest, sanction = (
        rows["FRA-inc-villepinte"],
        rows["DEU-inc-arrest-de"],
        rows["EUE-inc-sanction-eu"],
    )
    assert (bomb["event_type"], bomb["sub_event_type"]) == ("Strategic developments", "Disrupted weapons use")
    assert bomb["actor1"] == "Assadollah Assadi" and bomb["inter1"] == "External/Other forces"
    assert bomb["iso"] == "250" and bomb["time_precision"] == "1" and bomb["geo_precision"] == "1"
    assert bomb["source"] == "Le Quotidien; Wire Europe" and bomb["fatalities"] == ""
    assert bomb["source_scale"] == "International-National"
    assert arrest["sub_event_type"] == "Arrests" and arrest["inter1"] == "State forces"
    assert sanction["country"] == "European Union" and sanction["latitude"] == ""


def test_export_geojson_omits_unlocated(store: Store) -> None:
    doc = json.loads(export(store, "geojson"))
    assert doc["type"] == "FeatureCollection" and doc["x_omitted"] == 2
    assert sorted(doc["x_omitted_ids"]) == ["inc-arrest-de", "inc-sanction-eu"]
    (feature,) = doc["features"]
    assert feature["geometry"] == {"type": "Point", "coordinates": [2.53, 48.96]}
    assert feature["properties"]["type"] == "bombing"


@pytest.mark.parametrize(("fmt", "reader"), [("gexf", nx.read_gexf), ("graphml", nx.read_graphml)])
def test_export_network_loads_in_networkx(store: Store, tmp_path: Path, fmt: str, reader: Any) -> None:
    path = tmp_path / f"net.{fmt}"
    path.write_text(export(store, fmt), encoding="utf-8")
    g = reader(str(path))
    assert g.is_directed()
    assert g.nodes["entity:ir-mois"]["kind"] == "ministry"
    edge = g.get_edge_data("entity:ir-mois", "incident:inc-villepinte")
    attrs = next(iter(edge.values())) if isinstance(g, nx.MultiDiGraph) else edge
    assert attrs["weight"] == 2.0 and attrs["evidence"] == "quotidien-007; wire-001"
    assert g.has_edge("entity:p-assadi", "entity:ir-mois")  # the member_of relation


@pytest.mark.parametrize("fmt", ["gexf", "graphml"])
def test_export_write_subgraph_takes_plain_dicts(tmp_path: Path, fmt: str) -> None:
    nodes = [
        {"id": "a", "label": "Agency", "kind": "agency", "attributes": {"hops": 0}},
        {"id": "b", "label": "Agent", "kind": "person", "attributes": {"hops": 1, "aliases": ["B", "Bee"]}},
    ]
    edges = [
        {"source": "b", "target": "a", "type": "member_of", "attributes": {"weight": 3, "evidence": ["x"]}}
    ]
    out = io.StringIO()
    write_subgraph(nodes, edges, fmt, out)
    path = tmp_path / f"sub.{fmt}"
    path.write_text(out.getvalue(), encoding="utf-8")
    g = nx.read_gexf(str(path)) if fmt == "gexf" else nx.read_graphml(str(path))
    assert g.nodes["b"]["aliases"] == "B; Bee" and g.nodes["a"]["hops"] == 0
    with pytest.raises(PlotwatchError, match="not a node"):
        write_subgraph(nodes, [{"source": "b", "target": "z", "type": "x"}], fmt, io.StringIO())


def test_export_plover_events(store: Store) -> None:
    events = {e["id"]: e for e in map(json.loads, export(store, "plover").splitlines())}
    bomb = events["inc-villepinte"]
    assert (bomb["event_type"], bomb["mode"], bomb["quad_code"]) == ("ASSAULT", "explosives", 4)
    assert {a["actor_text"] for a in bomb["actor"]} == {
        "Assadollah Assadi",
        "Ministry of Intelligence and Security",
    }
    mois = next(a for a in bomb["actor"] if a["sector"])
    assert (mois["code"], mois["country"], mois["sector"]) == ("IRN", "IR", "GOV")
    assert bomb["event_loc"]["cc3"] == "FRA" and bomb["x_plotwatch"]["status"] == "foiled"
    assert events["inc-arrest-de"]["mode"] == "arrest"
    assert events["inc-sanction-eu"]["event_type"] == "SANCTION"
    assert events["inc-sanction-eu"]["recipient"][0]["actor_text"] == "Ministry of Intelligence and Security"


def test_export_cli_every_format(store: Store, tmp_path: Path) -> None:
    from plotwatch.cli.main import app

    runner = CliRunner()
    for fmt in EXPORTERS:
        out = tmp_path / f"out.{fmt}"
        result = runner.invoke(app, ["export", "--format", fmt, "--db", store.url, "--out", str(out)])
        assert result.exit_code == 0, result.output
        assert out.read_text(encoding="utf-8")
    same = runner.invoke(app, ["export", "-f", "stix", "--db", store.url])
    assert same.stdout == export(store, "stix")
    bad = runner.invoke(app, ["export", "--format", "xml", "--db", store.url])
    assert bad.exit_code == 1 and "stix" in bad.output
    help_text = runner.invoke(app, ["export", "--help"]).output
    assert all(fmt in help_text for fmt in EXPORTERS)
