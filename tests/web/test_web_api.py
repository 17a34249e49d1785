"""The JSON API: every endpoint, bad parameters as problem details, permissions, CSRF."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from plotwatch.network import neighbourhood, resolve_entity
from plotwatch.review import merge_incidents
from plotwatch.store.db import Store
from plotwatch.store.queries import IncidentFilter, get_incident, list_incidents
from plotwatch.web import lookups
from tests.web.conftest import bearer, login, problem


def test_web_api_incident_list_filters_sort_and_page(client: TestClient, tokens: dict[str, str]) -> None:
    h = bearer(tokens["viewer"])
    body = client.get("/api/v1/incidents", headers=h).json()
    assert body["total"] == 5 and len(body["items"]) == 5
    first = body["items"][0]
    assert {
        "id",
        "type",
        "status",
        "date",
        "location",
        "agent_state",
        "actors",
        "corroboration",
        "credibility",
    } <= set(first)
    assert [i["date"]["start"] for i in body["items"]][:2] == ["2019-01-08", "2018-08"]  # newest first
    only = client.get("/api/v1/incidents?type=bombing&country=fr&sort=date", headers=h).json()
    assert {i["id"] for i in only["items"]} == {"inc-villepinte", "inc-villepinte-2"}
    assert client.get("/api/v1/incidents?agent_state=EU", headers=h).json()["total"] == 1
    assert client.get("/api/v1/incidents?since=2019", headers=h).json()["total"] == 1
    assert client.get("/api/v1/incidents?until=2018-07", headers=h).json()["total"] == 3
    fam = client.get("/api/v1/incidents?family=Evil%20Network", headers=h).json()
    assert [i["id"] for i in fam["items"]] == ["inc-surveillance-us"]
    assert client.get("/api/v1/incidents?family=Le%20Quotidien", headers=h).json()["total"] == 3
    best = client.get("/api/v1/incidents?min_credibility=2", headers=h).json()
    assert [i["id"] for i in best["items"]] == ["inc-villepinte"]
    text = client.get("/api/v1/incidents?q=Asadollah", headers=h).json()  # an alias
    assert {i["id"] for i in text["items"]} == {"inc-villepinte", "inc-arrest-de"}
    page = client.get("/api/v1/incidents?limit=2&offset=4&sort=id", headers=h).json()
    assert page["total"] == 5 and [i["id"] for i in page["items"]] == ["inc-villepinte-2"]
    cred = client.get("/api/v1/incidents?sort=credibility&limit=1", headers=h).json()
    assert cred["items"][0]["credibility"] == 2


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("type=nope", "type"),
        ("status=maybe", "status"),
        ("country=France", "country"),
        ("since=June", "since"),
        ("until=2018-6", "until"),
        ("min_credibility=9", "min_credibility"),
        ("min_credibility=x", "min_credibility"),
        ("limit=0", "limit"),
        ("limit=100000", "limit"),
        ("offset=-1", "offset"),
        ("sort=random", "sort"),
        ("review=maybe", "review"),
    ],
)
def test_web_api_bad_list_parameters_are_400_problems(
    client: TestClient, tokens: dict[str, str], query: str, parameter: str
) -> None:
    body = problem(client.get(f"/api/v1/incidents?{query}", headers=bearer(tokens["viewer"])), 400)
    assert body["parameter"] == parameter and parameter in body["detail"]
    assert body["instance"] == "/api/v1/incidents"


def test_web_api_other_bad_parameters_never_500(client: TestClient, tokens: dict[str, str]) -> None:
    h = bearer(tokens["viewer"])
    problem(client.get("/api/v1/network?entity=ir-mois&hops=9", headers=h), 400)
    problem(client.get("/api/v1/network", headers=h), 400)
    problem(client.get("/api/v1/search?q=", headers=h), 400)
    problem(client.get("/api/v1/search?q=x&limit=abc", headers=h), 400)
    problem(client.get("/api/v1/sources/abc", headers=h), 400)
    problem(client.get("/api/v1/entities?limit=-5", headers=h), 400)
    problem(client.get("/api/v1/audit?offset=x", headers=h), 400)
    assert problem(client.get("/api/v1/nowhere", headers=h), 404)["type"].startswith("urn:plotwatch:problem:")
    # NUL bytes and other control characters never reach the database or the full-text engine
    assert problem(client.get("/api/v1/search?q=%00", headers=h), 400)["parameter"] == "q"
    assert problem(client.get("/api/v1/incidents?family=a%01b", headers=h), 400)["parameter"] == "family"
    assert problem(client.get("/api/v1/incidents/inc%00x", headers=h), 400)["parameter"] == "path"
    r = client.get("/search?q=%00", headers=h)
    assert r.status_code == 400 and "q must not contain control characters" in r.text
    assert "script-src 'self'" in r.headers["content-security-policy"]
    assert client.get("/api/v1/search?q=tab%09separated", headers=h).status_code == 200


def test_web_api_detail_endpoints(client: TestClient, tokens: dict[str, str]) -> None:
    h = bearer(tokens["viewer"])
    inc = client.get("/api/v1/incidents/inc-villepinte", headers=h).json()
    corr = inc["corroboration"]
    assert (corr["articles"], corr["outlets"], corr["independent_sources"]) == (2, 2, 2)
    assert inc["contradictions"][0]["field"] == "location.country"
    assert len(inc["mentions"]) == 2
    related = {r["id"]: r for r in inc["related"]}
    assert related["inc-arrest-de"]["relation"] == "responded by"
    assert any("Assadollah Assadi" in v for v in related["inc-arrest-de"]["via"])
    problem(client.get("/api/v1/incidents/inc-none", headers=h), 404)
    art = client.get("/api/v1/articles/xss-001", headers=h).json()
    assert "<script>alert(1)</script>" in art["text"]  # JSON carries the text as it is
    assert art["mentions"][0]["incident_id"] == "inc-surveillance-us"
    assert art["outlet"]["grade"] == "F"
    problem(client.get("/api/v1/articles/nope", headers=h), 404)
    ents = client.get("/api/v1/entities?q=asadi", headers=h).json()
    assert {e["id"] for e in ents["items"]} == {"p-assadi", "p-asadi-dup"}
    mois = client.get("/api/v1/entities/ir-mois", headers=h).json()
    assert "MOIS" in mois["aliases"] and len(mois["incidents"]) == 3
    problem(client.get("/api/v1/entities/nope", headers=h), 404)
    sources = client.get("/api/v1/sources", headers=h).json()
    assert {s["name"]: s["grade"] for s in sources["items"]} == {
        "Wire Europe": "B",
        "Le Quotidien": "C",
        "Evil Blog": "F",
    }
    one = client.get(f"/api/v1/sources/{sources['items'][0]['id']}", headers=h).json()
    assert one["articles_total"] == 1
    problem(client.get("/api/v1/sources/999", headers=h), 404)
    found = client.get("/api/v1/search?q=Villepinte", headers=h).json()
    assert found["articles"][0]["article_id"] == "wire-001"
    assert "inc-villepinte" in {i["id"] for i in found["incidents"]["items"]}
    me = client.get("/api/v1/me", headers=h).json()
    assert me["user"] == {"name": "viewer", "role": "viewer", "via": "token"}


def test_web_api_network_neighbourhood(client: TestClient, tokens: dict[str, str]) -> None:
    h = bearer(tokens["viewer"])
    g = client.get("/api/v1/network?entity=Asadollah%20Asadi&hops=1", headers=h).json()
    assert g["nodes"] and g["edges"] and all(e["evidence"] for e in g["edges"])
    only = client.get("/api/v1/network?entity=p-assadi&hops=2&types=target", headers=h).json()
    assert {e["type"] for e in only["edges"]} == {"target"}
    problem(client.get("/api/v1/network?entity=Nobody", headers=h), 404)


def test_web_graph_walks_roles_and_relations(store: Store) -> None:
    g = neighbourhood(store, resolve_entity(store, "Asadollah Asadi"), 1).to_dict()
    assert g["center"] == "e:p-assadi"
    assert {"e:p-assadi", "i:inc-villepinte", "i:inc-arrest-de"} == {n["id"] for n in g["nodes"]}
    assert {e["type"] for e in g["edges"]} == {"perpetrator", "target"}
    two = neighbourhood(store, "p-assadi", 2).to_dict()
    assert "e:de-police" in {n["id"] for n in two["nodes"]}
    only = neighbourhood(store, "p-assadi", 2, {"target"}).to_dict()
    assert {n["id"] for n in only["nodes"]} == {"e:p-assadi", "i:inc-arrest-de"}


def test_web_api_openapi_schema(client: TestClient) -> None:
    schema = client.get("/api/v1/openapi.json").json()
    paths = set(schema["paths"])
    for p in (
        "/api/v1/incidents",
        "/api/v1/incidents/{incident_id}",
        "/api/v1/incidents/{incident_id}/merge",
        "/api/v1/incidents/{incident_id}/split",
        "/api/v1/entities",
        "/api/v1/network",
        "/api/v1/search",
        "/api/v1/audit",
        "/api/v1/sources/{source_id}",
        "/api/v1/articles/{article_id}",
    ):
        assert p in paths, p
    assert not any(p.startswith("/incidents") for p in paths)  # pages stay out of the API schema


def test_web_api_permissions_anonymous_viewer_analyst_admin(
    client: TestClient, tokens: dict[str, str]
) -> None:
    body = problem(client.get("/api/v1/incidents"), 401)
    assert "Bearer" in body["detail"]
    problem(client.get("/api/v1/incidents", headers=bearer("pwt_forged")), 401)
    review = {"decision": "rejected"}
    problem(client.post("/api/v1/incidents/inc-villepinte/review", json=review), 401)
    problem(
        client.post("/api/v1/incidents/inc-villepinte/review", json=review, headers=bearer(tokens["viewer"])),
        403,
    )
    problem(client.get("/api/v1/users", headers=bearer(tokens["analyst"])), 403)
    assert {
        u["name"] for u in client.get("/api/v1/users", headers=bearer(tokens["admin"])).json()["items"]
    } == {"viewer", "analyst", "admin"}
    r = client.post("/api/v1/incidents/inc-villepinte/review", json=review, headers=bearer(tokens["analyst"]))
    assert r.status_code == 200 and r.json()["decision"] == "rejected"
    r = client.post(
        "/api/v1/incidents/inc-villepinte/review",
        json={"decision": "accepted"},
        headers=bearer(tokens["admin"]),
    )
    assert r.status_code == 200


def test_web_api_cookie_writes_need_the_csrf_header(client: TestClient) -> None:
    token = login(client, "analyst")
    url = "/api/v1/incidents/inc-arrest-de/review"
    body = problem(client.post(url, json={"decision": "rejected"}), 403)
    assert body["type"].endswith(":csrf")
    problem(client.post(url, json={"decision": "rejected"}, headers={"X-CSRF-Token": "wrong"}), 403)
    r = client.post(url, json={"decision": "rejected"}, headers={"X-CSRF-Token": token})
    assert r.status_code == 200
    assert client.get("/api/v1/me").json()["user"]["via"] == "session"


def test_web_api_viewer_cookie_cannot_write(client: TestClient) -> None:
    token = login(client, "viewer")
    r = client.patch(
        "/api/v1/incidents/inc-arrest-de", json={"country": "BE"}, headers={"X-CSRF-Token": token}
    )
    problem(r, 403)


def test_web_api_review_actions_and_audit(client: TestClient, tokens: dict[str, str]) -> None:
    h = bearer(tokens["analyst"])
    r = client.patch(
        "/api/v1/incidents/inc-arrest-de", json={"country": "be", "date": "2018-07-02"}, headers=h
    )
    assert r.status_code == 200 and r.json()["country"] == "BE" and r.json()["date"] == "2018-07-02"
    problem(client.patch("/api/v1/incidents/inc-arrest-de", json={"date": "July"}, headers=h), 422)
    problem(client.patch("/api/v1/incidents/inc-arrest-de", json={"colour": "red"}, headers=h), 422)
    problem(client.patch("/api/v1/incidents/inc-arrest-de", json={"status": "foiled"}, headers=h), 422)
    problem(client.patch("/api/v1/incidents/inc-arrest-de", json={}, headers=h), 422)
    problem(client.patch("/api/v1/incidents/nope", json={"country": "FR"}, headers=h), 404)
    problem(client.post("/api/v1/incidents/inc-arrest-de/review", json={"decision": "maybe"}, headers=h), 422)
    problem(
        client.post("/api/v1/incidents/inc-villepinte/merge", json={"into": "inc-villepinte"}, headers=h), 409
    )
    r = client.post("/api/v1/incidents/inc-villepinte-2/merge", json={"into": "inc-villepinte"}, headers=h)
    assert r.json() == {"source": "inc-villepinte-2", "target": "inc-villepinte", "mentions_moved": 1}
    problem(client.get("/api/v1/incidents/inc-villepinte-2", headers=h), 404)
    problem(
        client.post("/api/v1/incidents/inc-villepinte-2/merge", json={"into": "inc-villepinte"}, headers=h),
        404,
    )
    r = client.post(
        "/api/v1/incidents/inc-villepinte/split",
        json={"mentions": [{"article_id": "quotidien-007", "start": 12}]},
        headers=h,
    )
    assert r.status_code == 200, r.text
    new_id = r.json()["new_incident"]
    assert client.get(f"/api/v1/incidents/{new_id}", headers=h).json()["location"]["country"] == "BE"
    problem(
        client.post(
            "/api/v1/incidents/inc-villepinte/split",
            json={"mentions": [{"article_id": "nope", "start": 1}]},
            headers=h,
        ),
        422,
    )
    problem(client.post("/api/v1/incidents/inc-villepinte/split", json={"mentions": []}, headers=h), 422)
    r = client.post("/api/v1/entities/p-asadi-dup/merge", json={"into": "p-assadi"}, headers=h)
    assert "A. Asadi" in r.json()["aliases"]
    r = client.post("/api/v1/entities/p-assadi/aliases", json={"alias": "Asadollah Asadi Jr"}, headers=h)
    assert r.status_code == 201
    problem(
        client.post("/api/v1/entities/p-assadi/aliases", json={"alias": "asadollah asadi jr"}, headers=h), 409
    )
    problem(client.post("/api/v1/entities/p-assadi/aliases", json={"alias": ""}, headers=h), 422)
    audit = client.get("/api/v1/audit?object_type=incident", headers=h).json()
    actions = [a["action"] for a in audit["items"]]
    assert actions == ["split", "absorb", "merge", "edit"]
    edit = audit["items"][-1]
    assert edit["actor"] == "analyst"
    assert edit["before"] == {"country": "DE", "date": "2018-07-01"}
    assert edit["after"] == {"country": "BE", "date": "2018-07-02"}
    ent = client.get("/api/v1/audit?object_type=entity&object_id=p-assadi", headers=h).json()
    assert [a["action"] for a in ent["items"]] == ["add_alias"]


def test_web_incident_detail_equals_the_store_record(store: Store) -> None:
    ids = [r["id"] for r in list_incidents(store, IncidentFilter(include_rejected=True))]
    assert len(ids) == 5
    merge_incidents(store, "inc-villepinte-2", "inc-villepinte", actor="ana")
    listed = {r["id"]: r for r in list_incidents(store, IncidentFilter(include_rejected=True))}
    for iid in (i for i in ids if i != "inc-villepinte-2"):
        assert lookups.incident(store, iid) == listed[iid] == get_incident(store, iid), iid
    assert lookups.incident(store, "inc-arrest")["id"] == "inc-arrest-de"  # a unique prefix
