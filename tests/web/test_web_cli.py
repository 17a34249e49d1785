"""The serve/user/token/review/bench web commands, as registered on the real ``plotwatch`` app."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from fastapi.testclient import TestClient
from typer.testing import CliRunner

import plotwatch.cli.main as cli_main  # first: plotwatch.cli.web imports from it
from plotwatch.auth import add_user, authenticate, token_principal
from plotwatch.store.db import Store
from plotwatch.store.queries import get_incident
from plotwatch.web import create_app
from plotwatch.web.lookups import audit
from tests.web.conftest import bearer
from tests.web.webdb import build


def _app() -> typer.Typer:
    return cli_main.app


def test_web_cli_user_add_list_and_token(tmp_path: Path) -> None:
    db = str(tmp_path / "cli.db")
    runner, app = CliRunner(), _app()
    r = runner.invoke(
        app,
        ["user", "add", "ana", "--role", "analyst", "--password-stdin", "--db", db],
        input="long-enough-pw\n",
    )
    assert r.exit_code == 0, r.output
    r = runner.invoke(app, ["user", "add", "bo", "--db", db], input="another-password\nanother-password\n")
    assert r.exit_code == 0, r.output
    r = runner.invoke(app, ["user", "add", "ana", "--password-stdin", "--db", db], input="long-enough-pw\n")
    assert r.exit_code == 1 and "already exists" in r.output
    r = runner.invoke(
        app, ["user", "add", "cy", "--role", "god", "--password-stdin", "--db", db], input="x" * 9
    )
    assert r.exit_code == 1 and "role must be one of" in r.output
    r = runner.invoke(app, ["user", "add", "di", "--password-stdin", "--db", db], input="short\n")
    assert r.exit_code == 1 and "at least 8" in r.output
    r = runner.invoke(app, ["user", "list", "--json", "--db", db])
    assert [(u["name"], u["role"]) for u in json.loads(r.output)] == [("ana", "analyst"), ("bo", "viewer")]
    r = runner.invoke(app, ["token", "create", "ana", "--db", db])
    token = r.output.strip()
    assert r.exit_code == 0 and token.startswith("pwt_")
    store = Store(db)
    assert token_principal(store, token).role == "analyst"  # type: ignore[union-attr]
    assert authenticate(store, "ana", "long-enough-pw") is not None
    assert authenticate(store, "ana", "wrong-password") is None
    r = runner.invoke(app, ["token", "create", "nobody", "--db", db])
    assert r.exit_code == 1 and "no user" in r.output


def test_web_cli_token_list_and_revoke(tmp_path: Path) -> None:
    db = str(tmp_path / "tokens.db")
    store = Store(db)
    add_user(store, "ana", "long-enough-pw", "analyst")
    add_user(store, "bo", "long-enough-pw", "viewer")
    runner, app = CliRunner(), _app()
    kept = runner.invoke(app, ["token", "create", "ana", "--label", "notebook", "--db", db]).output.strip()
    gone = runner.invoke(app, ["token", "create", "bo", "--label", "old script", "--db", db]).output.strip()
    r = runner.invoke(app, ["token", "list", "--json", "--db", db])
    listed = json.loads(r.output)
    assert [(t["user"], t["label"]) for t in listed] == [("ana", "notebook"), ("bo", "old script")]
    assert kept not in r.output and gone not in r.output  # only digests are stored
    r = runner.invoke(app, ["token", "list", "--user", "bo", "--db", db])
    assert r.exit_code == 0 and "old script" in r.output and "notebook" not in r.output
    r = runner.invoke(app, ["token", "revoke", str(listed[1]["id"]), "--by", "admin", "--db", db])
    assert r.exit_code == 0 and "revoked" in r.output, r.output
    assert token_principal(store, gone) is None
    assert token_principal(store, kept) is not None
    entries, _ = audit(store, object_type="user", object_id="bo")
    assert (entries[0]["action"], entries[0]["actor"]) == ("revoke_token", "admin")
    r = runner.invoke(app, ["token", "revoke", str(listed[1]["id"]), "--db", db])
    assert r.exit_code == 1 and "no API token with id" in r.output
    r = runner.invoke(app, ["token", "revoke", "abc", "--db", db])
    assert r.exit_code == 2  # not a number: a usage error, no traceback
    with TestClient(create_app(store)) as client:
        assert client.get("/api/v1/incidents", headers=bearer(gone)).status_code == 401
        assert client.get("/api/v1/incidents", headers=bearer(kept)).status_code == 200


def test_web_cli_review_commands(tmp_path: Path) -> None:
    db = str(tmp_path / "review.db")
    build(f"sqlite:///{db}", users=False)
    runner, app = CliRunner(), _app()
    r = runner.invoke(app, ["review", "edit", "inc-arrest-de", "country=NL", "--by", "ana", "--db", db])
    assert r.exit_code == 0, r.output
    r = runner.invoke(app, ["review", "decide", "inc-arrest-de", "rejected", "--by", "ana", "--db", db])
    assert r.exit_code == 0, r.output
    r = runner.invoke(app, ["review", "merge", "inc-villepinte-2", "inc-villepinte", "--db", db])
    assert r.exit_code == 0 and "1 mention(s) moved" in r.output
    r = runner.invoke(app, ["review", "edit", "inc-arrest-de", "date=June", "--db", db])
    assert r.exit_code == 1 and "date must look like" in r.output
    inc = get_incident(Store(db), "inc-arrest-de")
    assert inc["location"]["country"] == "NL" and inc["review"] == "rejected"


def test_web_cli_serve_is_registered() -> None:
    r = CliRunner().invoke(_app(), ["serve", "--help"])
    assert r.exit_code == 0 and "--port" in r.output and "--host" in r.output


def test_web_cli_bench_web_runs_the_real_server_with_and_without_the_cache() -> None:
    runner, app = CliRunner(), _app()
    args = ["bench", "web", "--n", "200", "--clients", "4", "--requests", "40", "--json"]
    r = runner.invoke(app, args)
    assert r.exit_code == 0, r.output
    on = json.loads(r.stdout[r.stdout.index("{") :])
    assert on["incidents"] == 200 and on["workers"] == 1 and on["response_cache"] is True
    assert [e["endpoint"] for e in on["endpoints"]] == [
        "list",
        "list (filtered)",
        "search",
        "incident",
        "network",
    ]
    assert all(e["errors"] == 0 and e["requests"] == 40 for e in on["endpoints"])
    hits = {e["endpoint"]: e["cache_hits"] for e in on["endpoints"]}
    # no search repeats (each measures the search itself); repeated filters and centres of
    # the network are answered from the cache
    assert hits["search"] == 0 and hits["list (filtered)"] > 0 and hits["network"] > 0
    r = runner.invoke(app, [*args, "--no-cache"])
    assert r.exit_code == 0, r.output
    off = json.loads(r.stdout[r.stdout.index("{") :])
    assert off["response_cache"] is False
    assert all(e["cache_hits"] == 0 and e["errors"] == 0 for e in off["endpoints"])
