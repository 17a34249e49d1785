"""What ``plotwatch bench web`` measures, checked for what it answers: its HTTP client and the
JSON encoding of the read endpoints."""

from __future__ import annotations

import asyncio
import datetime as dt
import json

from fastapi.encoders import jsonable_encoder
from fastapi.testclient import TestClient

from plotwatch.store.db import Store
from plotwatch.web import bench
from plotwatch.web.api.incidents import _incident
from plotwatch.web.params import IncidentParams
from plotwatch.web.queries import incident_page
from plotwatch.web.responses import dumps
from tests.web.conftest import bearer


def _serve(replies: list[bytes], seen: list[bytes]) -> asyncio.AbstractServer:
    """A loopback server answering each request on a connection with the next of ``replies``."""

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        while replies:
            try:
                seen.append(await reader.readuntil(b"\r\n\r\n"))
            except asyncio.IncompleteReadError:
                break
            writer.write(replies.pop(0))
            await writer.drain()
        writer.close()

    return asyncio.start_server(handle, "127.0.0.1", 0)  # type: ignore[return-value]


def test_bench_client_reads_whole_responses_on_one_connection() -> None:
    body = b'{"items": []}'
    replies = [
        b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n%s" % (len(body), body),
        b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n3;x=1\r\nabc\r\n0\r\n\r\n",
        b"HTTP/1.1 404 Not Found\r\ncontent-length: 2\r\nX-Plotwatch-Cache: hit\r\n\r\n{}",
    ]
    seen: list[bytes] = []

    async def go() -> tuple[list[float], int, float, int]:
        server = await _serve(replies, seen)
        port = server.sockets[0].getsockname()[1]
        async with server:
            return await bench._load(f"http://127.0.0.1:{port}", "tok", ["/a", "/b?x=1", "/c"], 1)

    times, errors, wall, hits = asyncio.run(go())
    # a body read short or long would garble the next status line on the same connection
    assert len(times) == 3 and errors == 1 and wall > 0 and hits == 1
    assert [r.split(b" ")[1] for r in seen] == [b"/a", b"/b?x=1", b"/c"]
    assert all(b"Authorization: Bearer tok\r\n" in r for r in seen)


def test_api_json_is_the_records_as_fastapi_encodes_them(
    client: TestClient, store: Store, tokens: dict[str, str]
) -> None:
    h = bearer(tokens["viewer"])
    r = client.get("/api/v1/incidents/inc-villepinte", headers=h)
    assert r.status_code == 200 and r.headers["content-type"] == "application/json"
    assert r.json() == jsonable_encoder(_incident(store, "inc-villepinte"))
    items, total = incident_page(store, IncidentParams(limit=3))
    listed = client.get("/api/v1/incidents?limit=3", headers=h).json()
    assert listed == {"total": total, "limit": 3, "offset": 0, "sort": "-date", "items": items}
    odd = {"when": dt.datetime(2020, 1, 2, 3, 4, 5, tzinfo=dt.UTC), "ids": {"b"}, 3: None}
    assert json.loads(dumps(odd)) == {"when": "2020-01-02T03:04:05Z", "ids": ["b"], "3": None}


def test_bench_searches_never_repeat_and_find_synthetic_incidents(db_url: str) -> None:
    import random

    queries = bench.search_queries(random.Random(1), 300)
    assert len(set(queries)) == 300
    store = bench.synthetic_store(db_url, 60)
    found = [incident_page(store, IncidentParams(q=q, limit=1))[1] for q in queries[:40]]
    # searches an analyst would type find something: a quarter of them among 60 incidents
    # (every one among the 10,000 of the bench)
    assert sum(n > 0 for n in found) >= 10
