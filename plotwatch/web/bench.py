"""``plotwatch bench web``: latency of the web API under concurrent clients.

Loads ``n`` synthetic incidents into a temporary SQLite database (articles, mentions, actors,
written through ``Store.add_article`` and fused by a one-incident-per-mention fuser), starts
the app in a real uvicorn process on loopback, and sends a bounded number of requests per
endpoint from ``clients`` concurrent keep-alive connections (a small asyncio HTTP/1.1 client,
so that the client takes little of the CPU it shares with the server). Reports p50/p95/max
latency.
"""

from __future__ import annotations

import asyncio
import hashlib
import os
import random
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Coroutine, Sequence
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import quote_plus

import httpx

from plotwatch import pipeline
from plotwatch.auth import add_user, create_token
from plotwatch.store.db import Store
from plotwatch.types import (
    HOSTILE_TYPES,
    RESPONSE_TYPES,
    ActorMention,
    EventMention,
    Extraction,
    IncidentDraft,
    PartialDate,
    RawArticle,
    SourcedMention,
)

T = TypeVar("T")
TARGET_P95_MS = 150.0
PER_ARTICLE = 25
COUNTRIES = [
    ("FR", 48.86, 2.35),
    ("DE", 52.52, 13.40),
    ("BE", 50.85, 4.35),
    ("NL", 52.37, 4.90),
    ("DK", 55.68, 12.57),
    ("US", 38.90, -77.04),
    ("GB", 51.51, -0.13),
    ("TR", 41.01, 28.98),
    ("AL", 41.33, 19.82),
    ("SE", 59.33, 18.07),
]
FIRST_NAMES = ("Ali", "Ivan", "Li", "Omar", "Anna", "Sara")
STATES = ["IR", "RU", "CN", "SA", "RW", "BY", "ER", "TR"]
SURNAMES = [
    "Assadi",
    "Naji",
    "Karimi",
    "Petrov",
    "Orlov",
    "Zhang",
    "Wang",
    "Haddad",
    "Mutesi",
    "Ivanova",
    "Sokolov",
    "Rahimi",
    "Lin",
    "Chen",
    "Omar",
]


def synthetic_store(url: str, n: int, seed: int = 7, progress: Callable[[str], None] | None = None) -> Store:
    """A store holding ``n`` incidents, one mention each, ``PER_ARTICLE`` mentions per article."""
    rnd = random.Random(seed)
    store = Store(url)
    people = [f"{first} {last}" for first in FIRST_NAMES for last in SURNAMES]
    agencies = [(f"{s} intelligence service {i}", s) for s in STATES for i in range(1, 4)]
    groups = [f"Exile group {i}" for i in range(40)]
    types = list(HOSTILE_TYPES) + list(RESPONSE_TYPES)
    for a in range(0, n, PER_ARTICLE):
        text, events = "", []
        for _ in range(min(PER_ARTICLE, n - a)):
            etype = rnd.choice(types)
            person, (agency, state), group = rnd.choice(people), rnd.choice(agencies), rnd.choice(groups)
            country, lat, lon = rnd.choice(COUNTRIES)
            year, month, day = rnd.randint(2010, 2024), rnd.randint(1, 12), rnd.randint(1, 28)
            sentence = (
                f"In {year} a {etype.replace('_', ' ')} involving {person} of the {agency} targeted {group}."
            )
            start = len(text)
            text += sentence + " "
            actors = [
                ActorMention(person, "perpetrator", person, "person", state),
                ActorMention(
                    agency, "sponsor", agency, "agency", state, f"ag-{agency.lower().replace(' ', '-')}"
                ),
                ActorMention(group, "target", group, "group", None),
            ]
            events.append(
                EventMention(
                    etype,
                    rnd.choice(["planned", "foiled", "failed", "executed"])
                    if etype in HOSTILE_TYPES
                    else None,
                    PartialDate.of(year, month, day),
                    start,
                    start + len(sentence),
                    sentence,
                    etype,
                    country,
                    None,
                    lat + rnd.uniform(-1, 1),
                    lon + rnd.uniform(-1, 1),
                    "place",
                    state,
                    actors,
                )
            )
        outlet = f"Outlet {a // PER_ARTICLE % 30}"
        raw = RawArticle(
            f"syn-{a:06d}",
            text,
            text,
            "bench",
            "json",
            title=f"Synthetic report {a}",
            outlet=outlet,
            published=None,
        )
        store.add_article(
            raw,
            content_hash=hashlib.sha256(text.encode()).hexdigest(),
            extraction=Extraction(events=events),
            extractor_version="bench",
        )
        if progress and a % 2000 == 0:
            progress(f"  {a:,} mentions stored")
    pipeline.refuse(store, _one_per_mention)
    return store


def _one_per_mention(mentions: Sequence[SourcedMention]) -> list[IncidentDraft]:
    out = []
    for sm in mentions:
        m = sm.mention
        iid = "syn-" + hashlib.sha1(f"{sm.article_id}|{m.sentence_start}".encode()).hexdigest()[:12]
        out.append(
            IncidentDraft(
                iid,
                m.type,
                m.status,
                m.date,
                m.country,
                m.place,
                m.lat,
                m.lon,
                m.place_precision,
                m.agent_state,
                m.actors,
                [sm],
            )
        )
    return out


def search_queries(rnd: random.Random, n: int) -> list[str]:
    """``n`` different searches an analyst might type about the synthetic incidents (names,
    surnames, groups, agencies; a surname or an event type with a year): none repeats, so
    every one is a miss of the response cache and measures the search itself."""
    years = range(2010, 2025)
    pool = [
        *SURNAMES,
        *(f"{first} {last}" for first in FIRST_NAMES for last in SURNAMES),
        *(f"Exile group {i}" for i in range(40)),
        *(f"{s} intelligence service {i}" for s in STATES for i in range(1, 4)),
        *(f"{last} {year}" for last in SURNAMES for year in years),
        *(f"{t.replace('_', ' ')} {year}" for t in (*HOSTILE_TYPES, *RESPONSE_TYPES) for year in years),
    ]
    if n > len(pool):
        raise ValueError(f"at most {len(pool)} different searches, not {n}")
    return rnd.sample(pool, n)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(db_url: str, port: int, workers: int = 1, cache: bool = True) -> subprocess.Popen[bytes]:
    """The app in its own uvicorn process(es) (so clients and server do not share a GIL);
    ``cache`` false turns the response cache off."""
    env = {**os.environ, "PLOTWATCH_DB": db_url, "PLOTWATCH_PUBLIC_READ": ""}
    if not cache:
        env["PLOTWATCH_RESPONSE_CACHE_MB"] = "0"
    cmd = [
        sys.executable,
        "-m",
        "uvicorn",
        "--factory",
        "plotwatch.web.app:app_from_env",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--log-level",
        "warning",
        "--no-access-log",
        "--workers",
        str(workers),
    ]
    proc = subprocess.Popen(cmd, env=env)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"the web server exited with status {proc.returncode} before it was ready")
        try:
            httpx.get(f"http://127.0.0.1:{port}/login", timeout=1.0, trust_env=False)
            return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    stop_server(proc)
    raise RuntimeError("the web server did not start within 30 s")


def stop_server(proc: subprocess.Popen[bytes]) -> None:
    """Stop a server started by :func:`start_server` (and its workers)."""
    proc.terminate()
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=5)


async def _load(base: str, token: str, urls: list[str], clients: int) -> tuple[list[float], int, float, int]:
    """Send ``urls`` from ``clients`` concurrent keep-alive connections; (latencies in ms,
    responses with status >= 400, wall-clock seconds, answers from the response cache).

    The client runs on the same cores as the server, so it is kept light: plain HTTP/1.1
    over asyncio streams, one connection per client, each response read in full (by its
    ``Content-Length`` or its chunks) before the next request is sent.
    """
    address = httpx.URL(base)
    host, port = address.host, address.port or 80
    queue: asyncio.Queue[str] = asyncio.Queue()
    for u in urls:
        queue.put_nowait(u)
    times: list[float] = []
    errors = hits = 0
    head = f"Host: {host}:{port}\r\nAuthorization: Bearer {token}\r\nAccept: application/json\r\n\r\n"

    async def worker() -> None:
        nonlocal errors, hits
        reader, writer = await asyncio.open_connection(host, port)
        try:
            while not queue.empty():
                url = queue.get_nowait()
                t0 = time.perf_counter()
                writer.write(f"GET {url} HTTP/1.1\r\n{head}".encode())
                status, keep_alive, hit = await _response(reader)
                times.append((time.perf_counter() - t0) * 1000)
                errors += status >= 400
                hits += hit
                if not keep_alive:
                    writer.close()
                    reader, writer = await asyncio.open_connection(host, port)
        finally:
            writer.close()

    start = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(clients)))
    return times, errors, time.perf_counter() - start, hits


async def _response(reader: asyncio.StreamReader) -> tuple[int, bool, bool]:
    """Read one HTTP/1.1 response; (status, whether the connection stays open, whether it
    came from the response cache)."""
    lines = (await reader.readuntil(b"\r\n\r\n")).decode("latin-1").split("\r\n")
    status = int(lines[0].split(" ", 2)[1])
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip().lower()
    if "content-length" in headers:
        await reader.readexactly(int(headers["content-length"]))
    elif headers.get("transfer-encoding") == "chunked":
        while size := int((await reader.readuntil(b"\r\n")).split(b";")[0], 16):
            await reader.readexactly(size + 2)
        await reader.readuntil(b"\r\n")  # no trailers are sent
    return status, headers.get("connection") != "close", headers.get("x-plotwatch-cache") == "hit"


def _run(coro: Coroutine[Any, Any, T]) -> T:
    """Run ``coro`` on uvloop when it is installed (a lighter client), else on asyncio."""
    try:
        import uvloop
    except ImportError:
        return asyncio.run(coro)
    with asyncio.Runner(loop_factory=uvloop.new_event_loop) as runner:
        return runner.run(coro)


def _pct(values: list[float], q: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, round(q * (len(s) - 1)))]


def run(
    n_incidents: int = 10_000,
    clients: int = 20,
    requests: int = 400,
    workers: int = 1,
    progress: Callable[[str], None] | None = None,
    cache: bool = True,
) -> dict[str, Any]:
    """Build the database, start the server, measure each endpoint in turn (``cache`` false:
    with the response cache off, every request read from the database)."""
    say = progress or (lambda _m: None)
    rnd = random.Random(11)
    with tempfile.TemporaryDirectory(prefix="plotwatch-bench-") as tmp:
        url = f"sqlite:///{Path(tmp) / 'bench.db'}"
        t0 = time.perf_counter()
        say(f"loading {n_incidents:,} synthetic incidents …")
        store = synthetic_store(url, n_incidents, progress=say)
        add_user(store, "bench", "bench-password", "viewer")
        token = create_token(store, "bench")
        with store.session() as s:
            from sqlalchemy import select

            from plotwatch.store.models import Entity, Incident

            ids = list(s.scalars(select(Incident.id)))
            entities = list(s.scalars(select(Entity.id).where(Entity.kind.in_(["person", "agency"]))))
        load_s = time.perf_counter() - t0
        store.close()
        port = _free_port()
        proc = start_server(url, port, workers, cache)
        try:
            warm = clients * 2  # drawn apart from the measured requests: warming is no head start
            queries = search_queries(rnd, requests + warm)
            plan = {
                "list": [
                    f"/api/v1/incidents?limit=50&offset={rnd.randrange(0, 2000)}&sort="
                    f"{rnd.choice(['-date', 'credibility', '-articles'])}"
                    for _ in range(requests + warm)
                ],
                "list (filtered)": [
                    f"/api/v1/incidents?type={rnd.choice(HOSTILE_TYPES)}&agent_state="
                    f"{rnd.choice(STATES)}&limit=50"
                    for _ in range(requests + warm)
                ],
                "search": [f"/api/v1/search?q={quote_plus(q)}&limit=20" for q in queries],
                "incident": [f"/api/v1/incidents/{rnd.choice(ids)}" for _ in range(requests + warm)],
                "network": [
                    f"/api/v1/network?entity={rnd.choice(entities)}&hops=2" for _ in range(requests + warm)
                ],
            }
            results: list[dict[str, Any]] = []
            for name, urls in plan.items():
                say(f"measuring {name} …")
                _run(_load(f"http://127.0.0.1:{port}", token, urls[requests:], clients))  # warm up
                times, errors, wall, hits = _run(
                    _load(f"http://127.0.0.1:{port}", token, urls[:requests], clients)
                )
                results.append(
                    {
                        "endpoint": name,
                        "requests": len(times),
                        "errors": errors,
                        "p50_ms": _pct(times, 0.5),
                        "p95_ms": _pct(times, 0.95),
                        "max_ms": max(times),
                        "rps": len(times) / wall,
                        "cache_hits": hits,
                    }
                )
        finally:
            stop_server(proc)
    return {
        "incidents": len(ids),
        "load_seconds": round(load_s, 1),
        "clients": clients,
        "workers": workers,
        "response_cache": cache,
        "requests_per_endpoint": requests,
        "endpoints": results,
        "target_p95_ms": TARGET_P95_MS,
        "target_met": all(r["p95_ms"] < TARGET_P95_MS for r in results),
    }
