"""``GET /api/v1/export`` (every format, filters, the walk's subgraph) and
``GET /api/v1/network/path``: media types, attachments, bad parameters as problems,
permissions (viewers may read and export)."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

import networkx as nx
import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

import plotwatch.cli.main as cli
from plotwatch.export import EXPORTERS
from plotwatch.store.db import Store
from plotwatch.web import create_app
from tests.web.conftest import bearer, login, problem


@pytest.mark.parametrize("fmt", sorted(EXPORTERS))
def test_web_export_every_format_is_the_cli_export(
    client: TestClient, tokens: dict[str, str], store: Store, fmt: str
) -> None:
    r = client.get(f"/api/v1/export?format={fmt}", headers=bearer(tokens["viewer"]))
    assert r.status_code == 200, r.text
    cls = EXPORTERS[fmt]
    assert r.headers["content-type"].split(";")[0] == cls.media_type.split(";")[0]
    disposition = r.headers["content-disposition"]
    assert disposition == f'attachment; filename="plotwatch-incidents.{cls.extension}"'
    # byte for byte what `plotwatch export` writes for the same database
    done = CliRunner().invoke(cli.app, ["export", "--format", fmt, "--db", store.url])
    assert done.exit_code == 0, done.output
    assert r.text == done.stdout


def test_web_export_filters_and_media_types(client: TestClient, tokens: dict[str, str]) -> None:
    h = bearer(tokens["viewer"])
    r = client.get("/api/v1/export?format=jsonl&type=bombing&country=fr", headers=h)
    assert r.headers["content-type"].startswith("application/x-ndjson")
    assert {json.loads(line)["id"] for line in r.text.splitlines()} == {"inc-villepinte", "inc-villepinte-2"}
    r = client.get("/api/v1/export?format=csv&since=2019", headers=h)
    assert r.headers["content-type"].startswith("text/csv")
    assert [row["id"] for row in csv.DictReader(io.StringIO(r.text))] == ["inc-sanction-eu"]
    r = client.get("/api/v1/export?format=stix&q=Assadi", headers=h)
    assert r.headers["content-type"] == "application/stix+json;version=2.1"
    kinds = [o["type"] for o in r.json()["objects"]]
    assert kinds.count("incident") == 2  # the plot and the arrest name him
    r = client.get("/api/v1/export?format=geojson&agent_state=IR", headers=h)
    assert r.headers["content-type"].startswith("application/geo+json")
    assert {f["id"] for f in r.json()["features"]} == {"inc-villepinte", "inc-surveillance-us"}


def test_web_export_network_subgraph(client: TestClient, tokens: dict[str, str], tmp_path: object) -> None:
    h = bearer(tokens["viewer"])
    r = client.get("/api/v1/export?format=gexf&entity=Asadollah%20Asadi&hops=2", headers=h)
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("application/gexf+xml")
    assert r.headers["content-disposition"] == 'attachment; filename="plotwatch-network-p-assadi.gexf"'
    ids = {el.get("id") for el in ET.fromstring(r.content).iter() if el.tag.endswith("}node")}
    walk = client.get("/api/v1/network?entity=p-assadi&hops=2", headers=h).json()
    assert ids == {n["id"] for n in walk["nodes"]} and "e:de-police" in ids
    g = nx.parse_graphml(client.get("/api/v1/export?format=graphml&entity=p-assadi&hops=1", headers=h).text)
    assert set(g.nodes) == {"e:p-assadi", "i:inc-villepinte", "i:inc-arrest-de"}
    only = client.get("/api/v1/export?format=jsonl&entity=p-assadi&types=target", headers=h)
    assert [json.loads(line)["id"] for line in only.text.splitlines()] == ["inc-arrest-de"]


def test_web_export_bad_parameters_are_problems(client: TestClient, tokens: dict[str, str]) -> None:
    h = bearer(tokens["viewer"])
    body = problem(client.get("/api/v1/export?format=pdf", headers=h), 400)
    assert body["parameter"] == "format" and "stix" in body["detail"] and "'pdf'" in body["detail"]
    problem(client.get("/api/v1/export", headers=h), 400)  # format is required
    assert problem(client.get("/api/v1/export?format=csv&type=picnic", headers=h), 400)["parameter"] == "type"
    assert problem(client.get("/api/v1/export?format=csv&since=june", headers=h), 400)["parameter"] == "since"
    bad_cred = problem(client.get("/api/v1/export?format=csv&min_credibility=9", headers=h), 400)
    assert bad_cred["parameter"] == "min_credibility"
    assert (
        "no entity called 'Nobody'"
        in problem(client.get("/api/v1/export?format=gexf&entity=Nobody", headers=h), 404)["detail"]
    )
    problem(client.get("/api/v1/export?format=gexf&entity=p-assadi&hops=9", headers=h), 400)
    body = problem(client.get("/api/v1/export?format=gexf&entity=p-assadi&types=friend_of", headers=h), 400)
    assert "friend_of" in body["detail"]
    body = problem(client.get("/api/v1/export?format=gexf&entity=p-assadi&country=FR", headers=h), 400)
    assert body["parameter"] == "entity"
    assert (
        problem(client.get("/api/v1/export?format=csv&types=target", headers=h), 400)["parameter"] == "types"
    )


def test_web_export_and_path_permissions(client: TestClient, tokens: dict[str, str]) -> None:
    problem(client.get("/api/v1/export?format=jsonl"), 401)
    problem(client.get("/api/v1/export?format=jsonl", headers=bearer("pwt_not-a-token")), 401)
    problem(client.get("/api/v1/network/path?source=p-assadi&target=de-police"), 401)
    for role in ("viewer", "analyst", "admin"):
        h = bearer(tokens[role])
        assert client.get("/api/v1/export?format=jsonl", headers=h).status_code == 200, role
        assert (
            client.get("/api/v1/network/path?source=p-assadi&target=de-police", headers=h).status_code == 200
        )
    login(client, "viewer")  # a browser session may download too
    assert client.get("/api/v1/export?format=csv").status_code == 200


def test_web_export_public_app_needs_no_login(store: Store) -> None:
    with TestClient(create_app(store, public_read=True)) as c:
        assert c.get("/api/v1/export?format=jsonl").status_code == 200


def test_web_network_path_endpoint(client: TestClient, tokens: dict[str, str]) -> None:
    h = bearer(tokens["viewer"])
    r = client.get(
        "/api/v1/network/path?source=Asadollah%20Asadi&target=Council%20of%20the%20European%20Union",
        headers=h,
    )
    assert r.status_code == 200, r.text
    body = r.json()
    assert (body["source"], body["target"], body["hops"]) == ("p-assadi", "eu-council", 4)
    assert [n["id"] for n in body["nodes"]][::2] == ["e:p-assadi", "e:ir-mois", "e:eu-council"]
    assert [e["type"] for e in body["edges"]] == ["perpetrator", "sponsor", "target", "responder"]
    for edge in body["edges"]:
        assert edge["evidence"] and all(ev["article"] and ev["quote"] for ev in edge["evidence"])
    sanction = body["edges"][-1]["evidence"][0]
    assert sanction == {
        "article": "quotidien-007",
        "quote": "The EU froze the assets of the intelligence ministry.",
    }
    problem(client.get("/api/v1/network/path?source=p-assadi&target=eu-council&max_hops=3", headers=h), 404)
    problem(client.get("/api/v1/network/path?source=p-assadi&target=Nobody", headers=h), 404)
    problem(client.get("/api/v1/network/path?source=p-assadi", headers=h), 400)
    problem(client.get("/api/v1/network/path?source=p-assadi&target=de-police&max_hops=0", headers=h), 400)
    problem(
        client.get("/api/v1/network/path?source=p-assadi&target=de-police&types=friend_of", headers=h), 400
    )
