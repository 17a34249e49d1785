"""Fixtures for the web tests: a small hand-built database, clients per role, the browser marker."""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

warnings.filterwarnings("ignore", message=".*httpx2.*")

from fastapi.testclient import TestClient  # noqa: E402

from plotwatch.store.db import Store  # noqa: E402
from plotwatch.web import create_app  # noqa: E402
from tests.web.webdb import PASSWORD, build  # noqa: E402


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "browser: drives the real app in a headless Chromium (Playwright)")


@pytest.fixture
def built(tmp_path: Path) -> tuple[Store, dict[str, str]]:
    """The web test database (fresh per test) and an API token per role."""
    return build(f"sqlite:///{tmp_path / 'web.db'}")


@pytest.fixture
def store(built: tuple[Store, dict[str, str]]) -> Store:
    return built[0]


@pytest.fixture
def tokens(built: tuple[Store, dict[str, str]]) -> dict[str, str]:
    return built[1]


@pytest.fixture
def client(store: Store) -> Iterator[TestClient]:
    with TestClient(create_app(store), follow_redirects=False) as c:
        yield c


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def csrf_of(html: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert found, "no CSRF token in the page"
    return found.group(1)


def login(client: TestClient, user: str, password: str = PASSWORD) -> str:
    """Log ``user`` in with the form; returns the session's CSRF token."""
    token = csrf_of(client.get("/login").text)
    r = client.post("/login", data={"username": user, "password": password, "csrf_token": token, "next": "/"})
    assert r.status_code == 303, r.text
    return csrf_of(client.get("/incidents").text)


def problem(r: Any, status: int) -> dict[str, Any]:
    """Assert ``r`` is an RFC 9457 problem with ``status``; return its body."""
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith("application/problem+json")
    body: dict[str, Any] = r.json()
    assert {"type", "title", "status", "detail", "instance"} <= set(body)
    assert body["status"] == status
    return body
