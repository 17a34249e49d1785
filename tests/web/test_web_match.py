"""POST /api/v1/match: name screening over the API, bad bodies as problem details."""

from __future__ import annotations

from fastapi.testclient import TestClient

from plotwatch.review import add_alias
from plotwatch.store.db import Store
from tests.web.conftest import bearer, problem


def test_web_match_finds_transliterated_and_reordered_names(
    client: TestClient, tokens: dict[str, str]
) -> None:
    body = {
        "queries": [
            {"name": "Asadi, Asadollah", "nationality": "Iran", "id": "q1"},
            {"name": "John Smith"},
        ]
    }
    r = client.post("/api/v1/match", json=body, headers=bearer(tokens["viewer"]))
    assert r.status_code == 200, r.text
    first, second = r.json()["results"]
    assert first["query"]["id"] == "q1"
    hit = first["hits"][0]
    assert hit["entity_id"] == "p-assadi" and hit["score"] >= 0.8
    assert hit["explanation"][0].startswith("alias: ")
    assert any("nationality matches (IR)" in line for line in hit["explanation"])
    assert second["hits"] == []


def test_web_match_sees_new_aliases(client: TestClient, store: Store, tokens: dict[str, str]) -> None:
    q = {"queries": [{"name": "Daniel Bakhtiari"}], "threshold": 0.9}
    h = bearer(tokens["viewer"])
    assert client.post("/api/v1/match", json=q, headers=h).json()["results"][0]["hits"] == []
    add_alias(store, "p-assadi", "Daniel Bakhtiari", actor="ana")
    hits = client.post("/api/v1/match", json=q, headers=h).json()["results"][0]["hits"]
    assert [(x["entity_id"], x["matched_alias"]) for x in hits] == [("p-assadi", "Daniel Bakhtiari")]


def test_web_match_bad_bodies_and_login(client: TestClient, tokens: dict[str, str]) -> None:
    h = bearer(tokens["viewer"])
    problem(client.post("/api/v1/match", json={"queries": []}, headers=h), 422)
    problem(client.post("/api/v1/match", json={"queries": [{"nom": "x"}]}, headers=h), 422)
    problem(client.post("/api/v1/match", json={"queries": [{"name": "x"}], "threshold": 2}, headers=h), 422)
    bad_date = client.post(
        "/api/v1/match", json={"queries": [{"name": "Assadi", "birth_date": "19x"}]}, headers=h
    )
    assert "birth date" in problem(bad_date, 422)["detail"]
    problem(client.post("/api/v1/match", content=b"{not json", headers=h), 422)
    problem(client.post("/api/v1/match", json={"queries": [{"name": "Assadi"}]}), 401)


def test_web_match_gives_the_library_and_cli_results(
    client: TestClient, store: Store, tokens: dict[str, str]
) -> None:
    from plotwatch.screen import Screener

    body = {"queries": [{"name": "Asadi, Asadollah"}, {"name": "Assadi"}], "threshold": 0.5, "limit": 3}
    results = client.post("/api/v1/match", json=body, headers=bearer(tokens["viewer"])).json()["results"]
    screener = Screener.from_store(store, 0.5)
    for result, q in zip(results, body["queries"], strict=True):
        expected = [h.to_dict() for h in screener.match(str(q["name"]), limit=3)]
        assert result["hits"] == expected
    assert results[0]["hits"]
