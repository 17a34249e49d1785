"""A walk's subgraph in every export format: GEXF/GraphML parse (networkx) with the walk's
nodes and evidence, STIX is strictly valid, FtM entities load in followthemoney, jsonl holds
exactly the incidents reached (SQLite and PostgreSQL); the CLI writes each."""

from __future__ import annotations

import io
import json
from pathlib import Path

import networkx as nx
import pytest
from followthemoney import model
from stix2validator import ValidationOptions, validate_string
from typer.testing import CliRunner

import plotwatch.cli.main as cli
from plotwatch.errors import PlotwatchError
from plotwatch.export import EXPORTERS
from plotwatch.imports import import_file
from plotwatch.network import neighbourhood
from plotwatch.network.export import subgraph_bundle, subgraph_formats, write_subgraph_as
from plotwatch.store.db import Store
from tests.web.webdb import build

SANCTIONS = Path(__file__).resolve().parents[1] / "imports" / "sanctions.ftm.json"


@pytest.fixture()
def store(db_url: str) -> Store:
    store, _ = build(db_url)
    import_file(store, str(SANCTIONS), "ftm")
    return store


def _as(store: Store, entity: str, fmt: str, hops: int = 2, types: list[str] | None = None) -> str:
    out = io.StringIO()
    write_subgraph_as(store, neighbourhood(store, entity, hops, types), fmt, out)
    return out.getvalue()


def test_network_export_graph_formats_parse_with_the_walks_nodes(store: Store, tmp_path: Path) -> None:
    sub = neighbourhood(store, "p-assadi", 2).to_dict()
    want = {n["id"] for n in sub["nodes"]}
    assert {"e:p-assadi", "i:inc-arrest-de", "e:de-police", "e:ir-mois"} <= want
    for fmt, read in (("gexf", nx.read_gexf), ("graphml", nx.read_graphml)):
        path = tmp_path / f"sub.{fmt}"
        path.write_text(_as(store, "p-assadi", fmt), encoding="utf-8")
        g = read(str(path))
        assert set(g.nodes) == want, fmt
        assert g.number_of_edges() == len(sub["edges"]), fmt
        police = g.nodes["e:de-police"]
        assert police["hops"] == 2 and police["group"] == "entity"
        data = g.get_edge_data("e:de-police", "i:inc-arrest-de")
        edge = next(iter(data.values())) if g.is_multigraph() else data
        assert "German police arrested Assadollah Assadi." in edge["evidence"]


def test_network_export_stix_is_valid_and_holds_the_subgraph(store: Store) -> None:
    text = _as(store, "p-assadi", "stix", hops=1)
    result = validate_string(text, ValidationOptions(strict=True))
    assert result.is_valid, [str(e) for e in list(result.errors or []) + list(result.warnings or [])]
    objects = json.loads(text)["objects"]
    incidents = {o["name"] for o in objects if o["type"] == "incident"}
    assert len(incidents) == 2  # the plot and the arrest Assadi is an actor of, nothing else
    names = {o.get("name") for o in objects if o["type"] not in ("incident", "report")}
    assert {"German federal police", "Assadollah Assadi", "Ministry of Intelligence and Security"} <= names
    assert "Council of the European Union" not in names  # three hops away


def test_network_export_ftm_and_relations_of_the_walk(store: Store) -> None:
    # the imported employment (an entity-entity relation) is an edge of Hashemi's walk
    sub = neighbourhood(store, "ftm-NK-hashemi", 1)
    bundle = subgraph_bundle(store, sub)
    assert [(r.source, r.target, r.type) for r in bundle.relations] == [
        ("ftm-NK-hashemi", "ftm-NK-mois", "employed_by")
    ]
    assert bundle.incidents == [] and set(bundle.entities) == {"ftm-NK-hashemi", "ftm-NK-mois"}
    text = _as(store, "ftm-NK-hashemi", "ftm", hops=1)
    proxies = [model.get_proxy(json.loads(line)) for line in text.splitlines()]
    assert {p.schema.name for p in proxies} >= {"Person", "PublicBody", "Employment"}
    employment = next(p for p in proxies if p.schema.name == "Employment")
    by_id = {p.id: p for p in proxies}
    assert by_id[employment.first("employee")].caption.startswith("Saeid Hashemi")


def test_network_export_jsonl_holds_the_incidents_reached(store: Store) -> None:
    only_target = [json.loads(line) for line in _as(store, "p-assadi", "jsonl", 2, ["target"]).splitlines()]
    assert [r["id"] for r in only_target] == ["inc-arrest-de"]
    assert only_target[0]["mentions"][0]["quote"] == "German police arrested Assadollah Assadi."
    two = [json.loads(line)["id"] for line in _as(store, "p-assadi", "jsonl", 2).splitlines()]
    three = [json.loads(line)["id"] for line in _as(store, "p-assadi", "jsonl", 3).splitlines()]
    assert set(two) == {"inc-villepinte", "inc-arrest-de"}
    assert set(three) > set(two) and "inc-sanction-eu" in three  # MOIS is the target of the sanction
    assert "json" in subgraph_formats() and set(EXPORTERS) <= set(subgraph_formats())
    with pytest.raises(PlotwatchError, match="unknown format 'pdf'"):
        write_subgraph_as(store, neighbourhood(store, "p-assadi", 1), "pdf", io.StringIO())


def test_network_export_cli_entity_shorthand_and_every_format(store: Store, tmp_path: Path) -> None:
    runner = CliRunner()
    tree = runner.invoke(cli.app, ["network", "German federal police", "--hops", "2", "--db", store.url])
    assert tree.exit_code == 0, tree.output
    assert "Assadollah Assadi" in tree.output and "German police arrested" in tree.output
    for fmt in ("stix", "ftm", "jsonl", "csv", "geojson", "gexf", "graphml", "json"):
        out = tmp_path / f"sub.{fmt}"
        res = runner.invoke(
            cli.app,
            ["network", "p-assadi", "--hops", "1", "--format", fmt, "--out", str(out), "--db", store.url],
        )
        assert res.exit_code == 0, (fmt, res.output)
        assert out.read_text(encoding="utf-8").strip(), fmt
        assert "written to" in res.output
    jsonl = (tmp_path / "sub.jsonl").read_text(encoding="utf-8").splitlines()
    assert {json.loads(line)["id"] for line in jsonl} == {"inc-villepinte", "inc-arrest-de"}
    stdout = runner.invoke(cli.app, ["network", "p-assadi", "--hops", "1", "-f", "jsonl", "--db", store.url])
    assert stdout.exit_code == 0 and len(stdout.stdout.splitlines()) == 2
    bad = runner.invoke(cli.app, ["network", "p-assadi", "--out", str(tmp_path / "x"), "--db", store.url])
    assert bad.exit_code == 2 and "--out needs --format" in bad.output
    amb = runner.invoke(cli.app, ["network", "Ministry of Intelligence and Security", "--db", store.url])
    assert amb.exit_code == 1 and "names several entities" in amb.output
    assert "ftm-NK-mois" in amb.output and "ir-mois" in amb.output
    unwritable = runner.invoke(
        cli.app,
        ["network", "p-assadi", "-f", "gexf", "--out", str(tmp_path / "no" / "x.gexf"), "--db", store.url],
    )
    assert unwritable.exit_code == 1 and "cannot write" in unwritable.output
