"""The API's response cache: repeated reads are served from it, any committed write empties it."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import update

from plotwatch.store.db import Store
from plotwatch.store.models import User
from plotwatch.web import create_app
from plotwatch.web.cache import Cached, ResponseCache
from tests.web.conftest import bearer

CACHE = "x-plotwatch-cache"


def _first_incident(client: TestClient, token: str) -> str:
    r = client.get("/api/v1/incidents?limit=1", headers=bearer(token))
    assert r.status_code == 200, r.text
    return str(r.json()["items"][0]["id"])


def test_web_cache_repeated_read_is_a_hit(client: TestClient, tokens: dict[str, str]) -> None:
    url = "/api/v1/search?q=Assadi&limit=5"
    first = client.get(url, headers=bearer(tokens["viewer"]))
    second = client.get(url, headers=bearer(tokens["viewer"]))
    assert (first.status_code, second.status_code) == (200, 200)
    assert (first.headers[CACHE], second.headers[CACHE]) == ("miss", "hit")
    assert first.content == second.content
    # security headers are still set on a hit
    assert second.headers["x-content-type-options"] == "nosniff"
    assert second.headers["cache-control"] == "no-store"
    # another caller does not get the viewer's entry
    other = client.get(url, headers=bearer(tokens["analyst"]))
    assert other.headers[CACHE] == "miss"


def test_web_cache_a_review_through_the_api_empties_it(client: TestClient, tokens: dict[str, str]) -> None:
    iid = _first_incident(client, tokens["viewer"])
    url = f"/api/v1/incidents/{iid}"
    before = client.get(url, headers=bearer(tokens["viewer"]))
    assert client.get(url, headers=bearer(tokens["viewer"])).headers[CACHE] == "hit"
    r = client.post(
        f"/api/v1/incidents/{iid}/review",
        json={"decision": "rejected", "note": "not an incident"},
        headers=bearer(tokens["analyst"]),
    )
    assert r.status_code == 200, r.text
    after = client.get(url, headers=bearer(tokens["viewer"]))
    assert after.headers[CACHE] == "miss"
    assert before.json()["review"] != after.json()["review"]


def test_web_cache_a_write_by_another_process_empties_it(built: tuple[Store, dict[str, str]]) -> None:
    store, tokens = built
    url = "/api/v1/incidents?limit=100"
    with TestClient(create_app(store.url)) as client:  # the app opens its own store
        n = client.get(url, headers=bearer(tokens["viewer"])).json()["total"]
        assert client.get(url, headers=bearer(tokens["viewer"])).headers[CACHE] == "hit"
        iid = _first_incident(client, tokens["viewer"])
        from plotwatch.review import set_review

        set_review(store, iid, "rejected", actor="cli")  # the command line, another connection
        r = client.get(url, headers=bearer(tokens["viewer"]))
        assert r.headers[CACHE] == "miss"
        assert r.json()["total"] == n - 1


def test_web_cache_a_deactivated_user_is_refused_at_once(built: tuple[Store, dict[str, str]]) -> None:
    store, tokens = built
    url = "/api/v1/incidents?limit=5"
    with TestClient(create_app(store.url)) as client:
        assert client.get(url, headers=bearer(tokens["viewer"])).status_code == 200
        assert client.get(url, headers=bearer(tokens["viewer"])).headers[CACHE] == "hit"
        with store.transaction() as s:
            s.execute(update(User).where(User.name == "viewer").values(active=False))
        assert client.get(url, headers=bearer(tokens["viewer"])).status_code == 401


def test_web_cache_keeps_only_successful_reads(client: TestClient, tokens: dict[str, str]) -> None:
    for _ in range(2):
        r = client.get("/api/v1/incidents/no-such-incident", headers=bearer(tokens["viewer"]))
        assert r.status_code == 404
        assert r.headers[CACHE] == "miss"
    for _ in range(2):
        r = client.get("/api/v1/incidents?limit=0", headers=bearer(tokens["viewer"]))
        assert r.status_code == 400
        assert r.headers[CACHE] == "miss"


def test_web_cache_can_be_turned_off(store: Store, tokens: dict[str, str]) -> None:
    with TestClient(create_app(store, cache_bytes=0)) as client:
        for _ in range(2):
            r = client.get("/api/v1/incidents?limit=1", headers=bearer(tokens["viewer"]))
            assert r.status_code == 200
            assert CACHE not in r.headers


def test_web_cache_drops_least_recently_used_answers_past_its_size() -> None:
    cache = ResponseCache(max_bytes=3 * (1000 + 200))
    assert cache.get("v1", ("a",)) is None
    for k in "abc":
        cache.put("v1", (k,), Cached(200, (), b"x" * 1000))
    assert cache.get("v1", ("a",)) is not None  # a is now the most recently used
    cache.put("v1", ("d",), Cached(200, (), b"x" * 1000))
    assert cache.get("v1", ("b",)) is None
    assert [cache.get("v1", (k,)) is not None for k in "acd"] == [True, True, True]
    assert cache.get("v2", ("a",)) is None  # a new version empties it
    assert cache.get("v2", ("c",)) is None
    cache.put("v1", ("e",), Cached(200, (), b"x"))  # an answer read at an older version
    assert cache.get("v2", ("e",)) is None
