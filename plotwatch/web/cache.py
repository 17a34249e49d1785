"""A response cache for the JSON API's reads, emptied by any write to the database.

Analysts repeat reads (the same search, the same neighbourhood, the list's first page) far
more often than anything changes, and every read of the API is a pure function of the
request, the caller and the database. So a successful ``GET /api/v1/…`` answer is kept,
keyed by its path, its query string and who asked, together with the store's
:meth:`~plotwatch.store.db.Store.data_version` read *before* the request ran. When the
version moves (a review action, an ingest from the command line, another worker's write, a
revoked token) the whole cache is dropped, so an answer is never older than the last
committed write. Each server process keeps its own cache, bounded in bytes (least recently
used answers go first); ``PLOTWATCH_RESPONSE_CACHE_MB=0`` turns it off.

Answers carry ``x-plotwatch-cache: hit`` or ``miss``.
"""

from __future__ import annotations

import hashlib
import os
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from threading import Lock
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from plotwatch.store.db import Store

DEFAULT_MB = 64
MAX_ENTRY_BYTES = 4 * 1024 * 1024
HEADER = b"x-plotwatch-cache"


class PerVersion:
    """Values worked out from one data version (:meth:`Store.data_version`) of each database,
    by key, at most ``size`` of them: only a write can change them, and a new version drops
    them all. Nothing is kept when the version is not known (None)."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._by_db: dict[str, tuple[str, dict[str, Any]]] = {}
        self._lock = Lock()

    def get(self, db: str, version: str | None, key: str) -> Any:
        known = self._by_db.get(db)
        if version is None or known is None or known[0] != version:
            return None
        return known[1].get(key)

    def put(self, db: str, version: str | None, key: str, value: Any) -> None:
        if version is None:
            return
        known = self._by_db.get(db)
        if known is None or known[0] != version:
            known = self._by_db[db] = (version, {})
        if len(known[1]) < self.size:
            known[1][key] = value

    def get_or_make(self, db: str, version: str, key: str, make: Callable[[], Any]) -> Any:
        """The value kept for ``key``, else ``make()``'s, kept (made once however many
        threads ask at the same time)."""
        with self._lock:
            value = self.get(db, version, key)
            if value is None:
                value = make()
                self.put(db, version, key, value)
            return value


@dataclass(frozen=True)
class Cached:
    status: int
    headers: tuple[tuple[bytes, bytes], ...]
    body: bytes


class ResponseCache:
    """Answers keyed by request, valid for one data version; least recently used dropped
    first once ``max_bytes`` is reached."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self.version: str | None = None
        self._entries: OrderedDict[tuple[Any, ...], Cached] = OrderedDict()
        self._bytes = 0
        self.hits = self.misses = 0

    def get(self, version: str, key: tuple[Any, ...]) -> Cached | None:
        if version != self.version:
            self._entries.clear()
            self._bytes = 0
            self.version = version
            return None
        found = self._entries.get(key)
        if found is not None:
            self._entries.move_to_end(key)
        return found

    def put(self, version: str, key: tuple[Any, ...], value: Cached) -> None:
        size = len(value.body) + 200
        if version != self.version or size > min(self.max_bytes, MAX_ENTRY_BYTES):
            return
        old = self._entries.pop(key, None)
        if old is not None:
            self._bytes -= len(old.body) + 200
        self._entries[key] = value
        self._bytes += size
        while self._bytes > self.max_bytes and self._entries:
            _, dropped = self._entries.popitem(last=False)
            self._bytes -= len(dropped.body) + 200


def cache_size_from_env() -> int:
    """Bytes for the cache from ``PLOTWATCH_RESPONSE_CACHE_MB`` (default 64 MiB)."""
    raw = os.environ.get("PLOTWATCH_RESPONSE_CACHE_MB", "").strip()
    try:
        mb = float(raw) if raw else DEFAULT_MB
    except ValueError:
        mb = DEFAULT_MB
    return max(0, int(mb * 1024 * 1024))


class CachedReads:
    """ASGI middleware: serve repeated API reads from a :class:`ResponseCache`.

    Runs inside the session middleware (which loads the session into ``scope["state"]``)
    and outside the routes, so a hit costs one version read and a dictionary lookup. Only
    ``GET`` requests under ``/api/v1/`` that succeed (200) without setting a cookie are
    kept; the caller is part of the key (the token's digest, or the session's user), so an
    answer goes only to whoever got it first, and a revoked token, being a write, empties
    the cache before its next use.
    """

    def __init__(self, app: ASGIApp, store: Store, max_bytes: int) -> None:
        self.app, self.store = app, store
        self.cache = ResponseCache(max_bytes)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] != "http"
            or scope["method"] != "GET"
            or not scope["path"].startswith("/api/v1/")
            or self.cache.max_bytes <= 0
        ):
            await self.app(scope, receive, send)
            return
        if self.store.dialect == "sqlite":
            version = self.store.data_version()
        else:  # a round trip to the server: off the event loop
            version = await run_in_threadpool(self.store.data_version)
        if version is None:
            await self.app(scope, receive, send)
            return
        scope.setdefault("state", {})["data_version"] = version  # for the token lookup
        key = (scope["path"], scope.get("query_string", b""), _caller(scope))
        found = self.cache.get(version, key)
        if found is not None:
            self.cache.hits += 1
            await send(
                {
                    "type": "http.response.start",
                    "status": found.status,
                    "headers": [*found.headers, (HEADER, b"hit")],
                }
            )
            await send({"type": "http.response.body", "body": found.body})
            return
        self.cache.misses += 1
        start: Message | None = None
        chunks: list[bytes] = []
        size = 0
        keep = True

        async def capture(message: Message) -> None:
            nonlocal start, size, keep
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", ()))
                keep = message["status"] == 200 and not any(k.lower() == b"set-cookie" for k, _ in headers)
                start = {**message, "headers": [*headers, (HEADER, b"miss")]}
                await send(start)
                return
            if message["type"] == "http.response.body" and keep:
                body = message.get("body", b"")
                size += len(body)
                if size > MAX_ENTRY_BYTES:
                    keep = False
                    chunks.clear()
                else:
                    chunks.append(body)
                if not message.get("more_body", False) and keep and start is not None:
                    kept = tuple(h for h in start["headers"] if h[0] != HEADER)
                    self.cache.put(version, key, Cached(start["status"], kept, b"".join(chunks)))
            await send(message)

        await self.app(scope, receive, capture)


def _caller(scope: Scope) -> str:
    """Who is asking: a digest of the Bearer token, else the session's user, else anonymous."""
    for name, value in scope.get("headers", ()):
        if name == b"authorization":
            return "token:" + hashlib.sha256(value).hexdigest()
    session = scope.get("state", {}).get("session") or {}
    user = session.get("user") if isinstance(session, dict) else None
    return f"user:{user}" if user else "anonymous"
