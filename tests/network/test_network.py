"""The network walk: k hops with paths and evidence, relation filters, shortest paths, the
subgraph in GEXF/GraphML, the CLI and the API (SQLite and PostgreSQL)."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from typer.testing import CliRunner

import plotwatch.cli.main as cli
from plotwatch.errors import NotFoundError
from plotwatch.imports import import_file
from plotwatch.network import MAX_NODES, neighbourhood, resolve_entity, shortest_path
from plotwatch.network.walk import _walk
from plotwatch.store.db import Store
from plotwatch.store.models import Article, Entity, Relation, Review
from plotwatch.web import bench
from plotwatch.web.app import create_app
from tests.web.conftest import bearer, problem
from tests.web.webdb import build

SANCTIONS = Path(__file__).resolve().parents[1] / "imports" / "sanctions.ftm.json"


@pytest.fixture()
def net(db_url: str) -> tuple[Store, dict[str, str]]:
    store, tokens = build(db_url)
    import_file(store, str(SANCTIONS), "ftm")
    return store, tokens


def test_network_walk_hops_paths_and_evidence(net: tuple[Store, dict[str, str]]) -> None:
    store, _ = net
    one = neighbourhood(store, "p-assadi", hops=1).to_dict()
    nodes = {n["id"]: n for n in one["nodes"]}
    assert one["center"] == "e:p-assadi" and nodes["e:p-assadi"]["hops"] == 0
    assert {"i:inc-villepinte", "i:inc-arrest-de"} <= set(nodes)
    assert all(n["hops"] <= 1 for n in nodes.values())
    assert nodes["i:inc-arrest-de"]["path"] == ["e:p-assadi", "i:inc-arrest-de"]
    for e in one["edges"]:
        assert e["evidence"], e
        assert all(ev["quote"] and ev["article"] for ev in e["evidence"])
    arrest = next(e for e in one["edges"] if e["target"] == "i:inc-arrest-de")
    assert "Assadi" in arrest["evidence"][0]["quote"]  # the sentence that names him
    two = {n["id"]: n for n in neighbourhood(store, "p-assadi", hops=2).to_dict()["nodes"]}
    police = two["e:de-police"]
    assert police["hops"] == 2 and police["path"] == ["e:p-assadi", "i:inc-arrest-de", "e:de-police"]
    assert police["via"] == {"from": "i:inc-arrest-de", "type": "responder"}


def test_network_relation_filter_and_imported_relations(net: tuple[Store, dict[str, str]]) -> None:
    store, _ = net
    only = neighbourhood(store, "p-assadi", 2, ["target"]).to_dict()
    assert {n["id"] for n in only["nodes"]} == {"e:p-assadi", "i:inc-arrest-de"}
    hashemi = resolve_entity(store, "Saeid Hashemi Moghadam")
    sub = neighbourhood(store, hashemi, 1).to_dict()
    (edge,) = sub["edges"]
    assert (edge["source"], edge["target"], edge["type"]) == (
        "e:ftm-NK-hashemi",
        "e:ftm-NK-mois",
        "employed_by",
    )
    assert edge["evidence"] == [{"article": "import:ftm", "quote": "recorded by import:ftm"}]
    with pytest.raises(ValueError, match="unknown edge type"):
        neighbourhood(store, "p-assadi", 1, ["friend_of"])


def test_network_walk_relation_evidence_filters_rejected_and_node_cap(
    net: tuple[Store, dict[str, str]], tmp_path: Path
) -> None:
    store, _ = net
    with store.transaction() as s:  # relation edges both ways: one from an article, one imported
        article = s.scalars(select(Article.id).order_by(Article.id)).first()
        s.add(Relation(source_id="p-assadi", target_id="ir-mois", type="member_of", article_id=article,
                       quote="Assadi, an officer of the MOIS"))  # fmt: skip
        s.add(Relation(source_id="ir-mois", target_id="de-police", type="member_of", origin="opensanctions"))
        source_id = s.scalar(select(Article.source_id).where(Article.id == article))
    walk = neighbourhood(store, "p-assadi", 2, ["perpetrator", "member_of"]).to_dict()
    assert not walk["truncated"]
    assert [(n["id"], n["hops"], n["via"]) for n in walk["nodes"]] == [
        ("e:p-assadi", 0, None),
        ("e:ir-mois", 1, {"from": "e:p-assadi", "type": "member_of"}),
        ("i:inc-villepinte", 1, {"from": "e:p-assadi", "type": "perpetrator"}),
        ("e:de-police", 2, {"from": "e:ir-mois", "type": "member_of"}),
    ]
    edges = {(e["source"], e["target"], e["type"]): e for e in walk["edges"]}
    assert list(edges) == [
        ("e:ir-mois", "e:de-police", "member_of"),
        ("e:p-assadi", "e:ir-mois", "member_of"),
        ("e:p-assadi", "i:inc-villepinte", "perpetrator"),
    ]
    assert edges["e:ir-mois", "e:de-police", "member_of"]["evidence"] == [
        {"article": "opensanctions", "quote": "recorded by opensanctions"}
    ]
    assert edges["e:p-assadi", "e:ir-mois", "member_of"]["evidence"] == [
        {"article": source_id, "quote": "Assadi, an officer of the MOIS"}
    ]
    assert edges["e:p-assadi", "i:inc-villepinte", "perpetrator"]["kind"] == "role"
    # a relation is followed against its direction too
    back = {n["id"] for n in neighbourhood(store, "de-police", 1, ["member_of"]).to_dict()["nodes"]}
    assert back == {"e:de-police", "e:ir-mois"}
    with pytest.raises(NotFoundError, match="no entity with id"):
        neighbourhood(store, "nobody-at-all", 2)
    # a rejected incident is no node and no edge
    with store.transaction() as s:
        s.add(Review(incident_id="inc-villepinte", decision="rejected", by="test"))
    after = neighbourhood(store, "p-assadi", 2, ["perpetrator", "member_of"]).to_dict()
    assert [n["id"] for n in after["nodes"]] == ["e:p-assadi", "e:ir-mois", "e:de-police"]
    assert all("i:inc-villepinte" not in (e["source"], e["target"]) for e in after["edges"])
    # a walk that reaches the node cap stops there and says so; what it holds is still a
    # breadth-first walk: the whole first hop, each node's path and the edge it came by
    big = bench.synthetic_store(f"sqlite:///{tmp_path / 'big.db'}", 600)
    with big.session() as s:
        agency = s.scalars(select(Entity.id).where(Entity.kind == "agency").order_by(Entity.id)).first()
    assert agency is not None
    capped = neighbourhood(big, agency, 3).to_dict()
    assert capped["truncated"] and len(capped["nodes"]) == MAX_NODES
    one = neighbourhood(big, agency, 1).to_dict()
    assert not one["truncated"]
    assert {n["id"] for n in one["nodes"]} == {n["id"] for n in capped["nodes"] if n["hops"] <= 1}
    keys = {(e["source"], e["target"], e["type"]) for e in capped["edges"]}
    ids = {n["id"] for n in capped["nodes"]}
    assert all(a in ids and b in ids for a, b, _ in keys)
    # every edge between the nodes it holds is there (after the cap, only those are read)
    whole = _walk(big, agency, 3, None, max_nodes=50_000).to_dict()
    assert keys == {
        (e["source"], e["target"], e["type"])
        for e in whole["edges"]
        if e["source"] in ids and e["target"] in ids
    }
    with big.session() as s:
        person = s.scalars(select(Entity.id).where(Entity.kind == "person").order_by(Entity.id)).first()
    assert person is not None
    small = _walk(big, person, 3, None, max_nodes=30).to_dict()  # full before the last hop
    ids = {n["id"] for n in small["nodes"]}
    assert small["truncated"] and len(ids) == 30
    whole = _walk(big, person, 3, None, max_nodes=50_000).to_dict()
    assert {(e["source"], e["target"], e["type"]) for e in small["edges"]} == {
        (e["source"], e["target"], e["type"])
        for e in whole["edges"]
        if e["source"] in ids and e["target"] in ids
    }
    for n in capped["nodes"]:
        assert n["hops"] <= 3 and len(n["path"]) == n["hops"] + 1 and n["path"][-1] == n["id"]
        assert n["path"][0] == f"e:{agency}"
        if n["via"] is not None:
            assert n["via"]["from"] == n["path"][-2]
            pair = {n["via"]["from"], n["id"]}
            assert any({a, b} == pair and t == n["via"]["type"] for a, b, t in keys)


def test_network_resolve_names_and_errors(net: tuple[Store, dict[str, str]]) -> None:
    store, _ = net
    assert resolve_entity(store, "German federal police") == "de-police"
    # the extracted Assadi and the one imported from the sanctions list are two entities
    with pytest.raises(NotFoundError, match=r"names several entities: .*ftm-NK-assadi.*p-assadi"):
        resolve_entity(store, "Asadollah Asadi")
    assert resolve_entity(store, "p-assadi") == "p-assadi"
    with pytest.raises(NotFoundError, match="no entity called 'Nobody'"):
        resolve_entity(store, "Nobody")
    with pytest.raises(NotFoundError, match=r"did you mean: .*German federal police"):
        resolve_entity(store, "federal")


def test_network_shortest_path(net: tuple[Store, dict[str, str]]) -> None:
    store, _ = net
    found = shortest_path(store, "p-assadi", "de-police")
    assert found is not None and found["hops"] == 2
    assert [n["id"] for n in found["nodes"]] == ["e:p-assadi", "i:inc-arrest-de", "e:de-police"]
    assert [e["type"] for e in found["edges"]] == ["target", "responder"]
    assert all(e["evidence"] for e in found["edges"])
    assert shortest_path(store, "p-assadi", "de-police", max_hops=1) is None


def test_network_cli_tree_json_and_graph_files(net: tuple[Store, dict[str, str]], tmp_path: Path) -> None:
    store, _ = net
    runner = CliRunner()
    out = runner.invoke(cli.app, ["network", "walk", "p-assadi", "--hops", "2", "--db", store.url])
    assert out.exit_code == 0, out.output
    assert "German federal police" in out.output and "responder" in out.output
    js = runner.invoke(cli.app, ["network", "walk", "p-assadi", "--hops", "1", "--json", "--db", store.url])
    assert json.loads(js.stdout)["center"] == "e:p-assadi"
    for fmt in ("gexf", "graphml"):
        path = tmp_path / f"sub.{fmt}"
        res = runner.invoke(
            cli.app,
            [
                "network",
                "walk",
                "p-assadi",
                "--hops",
                "2",
                "--format",
                fmt,
                "--out",
                str(path),
                "--db",
                store.url,
            ],
        )
        assert res.exit_code == 0, res.output
        root = ET.parse(path).getroot()
        ids = {el.get("id") for el in root.iter() if el.tag.endswith("node")}
        assert {"e:p-assadi", "i:inc-arrest-de", "e:de-police"} <= ids
    p = runner.invoke(cli.app, ["network", "path", "p-assadi", "German federal police", "--db", store.url])
    assert p.exit_code == 0 and "2 hop(s)" in p.output
    bad = runner.invoke(cli.app, ["network", "walk", "Nobody", "--db", store.url])
    assert bad.exit_code == 1 and "no entity called" in bad.output
    bad = runner.invoke(cli.app, ["network", "walk", "p-assadi", "--format", "pdf", "--db", store.url])
    assert bad.exit_code == 2 and "--format" in bad.output


def test_network_api_path_and_errors(net: tuple[Store, dict[str, str]]) -> None:
    store, tokens = net
    with TestClient(create_app(store)) as client:
        h = bearer(tokens["viewer"])
        r = client.get("/api/v1/network/path?source=p-assadi&target=German%20federal%20police", headers=h)
        assert r.status_code == 200, r.text
        assert r.json()["hops"] == 2 and r.json()["edges"][0]["evidence"]
        problem(
            client.get("/api/v1/network/path?source=p-assadi&target=de-police&max_hops=1", headers=h), 404
        )
        problem(client.get("/api/v1/network/path?source=p-assadi&target=Nobody", headers=h), 404)
        problem(client.get("/api/v1/network?entity=p-assadi&types=friend_of", headers=h), 400)
        problem(client.get("/api/v1/network/path?source=p-assadi&target=de-police"), 401)


def test_network_walks_with_an_index_are_the_walks_without(
    net: tuple[Store, dict[str, str]], tmp_path: Path
) -> None:
    from plotwatch.network import GraphIndex

    store, tokens = net
    with store.transaction() as s:
        article = s.scalars(select(Article.id).order_by(Article.id)).first()
        s.add(Relation(source_id="p-assadi", target_id="ir-mois", type="member_of", article_id=article,
                       quote="Assadi, an officer of the MOIS"))  # fmt: skip
        s.add(Relation(source_id="ir-mois", target_id="ir-mois", type="part_of", origin="opensanctions"))
        s.add(Review(incident_id="inc-villepinte", decision="rejected", by="test"))
    big = bench.synthetic_store(f"sqlite:///{tmp_path / 'big.db'}", 600)
    for db in (store, big):
        with db.session() as s:
            ids = sorted(s.scalars(select(Entity.id)))
        index = GraphIndex.load(db)
        some = ["perpetrator", "member_of"] if db is store else ["perpetrator", "sponsor"]
        for _ in range(2):  # the second time from what the index remembers
            for eid in ids[:: max(1, len(ids) // 40)]:
                for hops, types in ((1, None), (2, None), (3, None), (2, some)):
                    assert (
                        neighbourhood(db, eid, hops, types, index=index).to_dict()
                        == neighbourhood(db, eid, hops, types).to_dict()
                    ), (eid, hops, types)
    # the web app reads an index per data version: a write is seen by the next walk
    client = TestClient(create_app(store))
    auth = bearer(tokens["viewer"])
    before = client.get("/api/v1/network?entity=p-assadi&hops=1", headers=auth).json()
    assert "e:de-police" not in {n["id"] for n in before["nodes"]}
    with store.transaction() as s:
        s.add(Relation(source_id="p-assadi", target_id="de-police", type="associate_of", origin="test"))
    after = client.get("/api/v1/network?entity=p-assadi&hops=1", headers=auth).json()
    assert "e:de-police" in {n["id"] for n in after["nodes"]}
    assert after == neighbourhood(store, "p-assadi", 1).to_dict()


def test_network_walk_full_at_the_cap_takes_the_edges_in_key_order(tmp_path: Path) -> None:
    # which nodes get in when the cap is reached, and by which edge, follows the edges' key
    # order; the walk takes that order from a heap and never sorts the edges it drops. A
    # plain breadth-first walk over the sorted edges is the reference.
    from plotwatch.network import GraphIndex

    store = bench.synthetic_store(f"sqlite:///{tmp_path / 'cap.db'}", 300)
    index = GraphIndex.load(store)

    def reference(
        start: str, hops: int, cap: int
    ) -> tuple[dict[str, int], dict[str, str], set[tuple[str, ...]], bool]:
        depth, parent, kept, truncated = {f"e:{start}": 0}, {}, set(), False
        frontier = [f"e:{start}"]
        for hop in range(1, hops + 1):
            nxt = []
            for key in sorted(index.step(frontier, None)):
                new = [n for n in key[:2] if n not in depth]
                if new and len(depth) >= cap:
                    truncated = True
                    continue
                kept.add(key)
                for n in new:
                    depth[n], parent[n] = hop, key[1] if n == key[0] else key[0]
                    nxt.append(n)
            frontier = nxt
        return depth, parent, {k for k in kept if k[0] in depth and k[1] in depth}, truncated

    with store.session() as s:
        starts = sorted(s.scalars(select(Entity.id)))[::7]
    checked = 0
    for start in starts:
        for hops, cap in ((1, 3), (2, 2), (2, 25), (3, 60), (3, 10_000)):
            sub = _walk(store, start, hops, None, max_nodes=cap, index=index)
            depth, parent, kept, truncated = reference(start, hops, cap)
            assert {n: v["hops"] for n, v in sub.nodes.items()} == depth, (start, hops, cap)
            assert {n: v["via"]["from"] for n, v in sub.nodes.items() if v["via"]} == parent
            assert set(sub.edges) == kept and sub.truncated == truncated
            checked += truncated
    assert checked > 10  # most of these walks are cut by their cap
