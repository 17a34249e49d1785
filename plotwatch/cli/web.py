"""``plotwatch serve``, ``user``, ``token``, ``review`` and ``bench web``: thin commands over
:mod:`plotwatch.web`, :mod:`plotwatch.auth` and :mod:`plotwatch.review`.

``plotwatch.cli.main`` calls :func:`register` to add them.
"""

from __future__ import annotations

import getpass
import os
import sys
from typing import Annotated

import typer
from rich.table import Table

from plotwatch.cli.main import DbOption, JsonOption, _print_json, _store, bench_app, console, err, friendly

ByOption = Annotated[str, typer.Option("--by", help="Who decides (recorded in the audit log).")]


def _default_actor() -> str:
    """Who a command acts as: $PLOTWATCH_USER, else the login name, else "cli"."""
    if name := os.environ.get("PLOTWATCH_USER"):
        return name
    try:
        return getpass.getuser() or "cli"
    except (KeyError, OSError):  # no login name and a uid without a passwd entry
        return "cli"


@friendly
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    public: Annotated[bool, typer.Option("--public", help="Let anonymous visitors read.")] = False,
    workers: Annotated[
        int, typer.Option(min=1, max=64, help="Server processes (more use more CPU cores).")
    ] = 1,
) -> None:
    """Run the web application and the JSON API (log in with a user from `plotwatch user add`)."""
    import uvicorn

    from plotwatch.web import create_app
    from plotwatch.web.app import settle_heap

    store = _store(db)  # opens the database and applies migrations once, before any worker starts
    err.print(f"plotwatch on http://{host}:{port}/ (API: /api/v1, schema: /api/v1/openapi.json)")
    if workers == 1:
        app = create_app(store, public_read=public)
        settle_heap()
        uvicorn.run(app, host=host, port=port, log_level="info")
        return
    os.environ["PLOTWATCH_DB"] = store.url
    os.environ["PLOTWATCH_PUBLIC_READ"] = "1" if public else ""
    store.close()
    uvicorn.run(
        "plotwatch.web.app:app_from_env",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="info",
    )


@friendly
def user_add(
    name: Annotated[str, typer.Argument(help="User name (letters, digits, _.@-).")],
    role: Annotated[str, typer.Option(help="viewer, analyst or admin.")] = "viewer",
    password_stdin: Annotated[
        bool, typer.Option("--password-stdin", help="Read the password from stdin.")
    ] = False,
    db: DbOption = None,
) -> None:
    """Add a local user; asks for the password (twice) unless --password-stdin."""
    from plotwatch.auth import add_user

    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    add_user(_store(db), name, password, role)
    console.print(f"user [bold]{name}[/] added with role {role}")


@friendly
def user_list(db: DbOption = None, as_json: JsonOption = False) -> None:
    """List local users and their roles."""
    from plotwatch.auth import list_users

    users = list_users(_store(db))
    if as_json:
        _print_json(users)
        return
    table = Table(title=f"{len(users)} user(s)")
    for col in ("name", "role", "active", "created"):
        table.add_column(col)
    for u in users:
        table.add_row(str(u["name"]), str(u["role"]), "yes" if u["active"] else "no", str(u["created_at"]))
    console.print(table)


@friendly
def token_create(
    name: Annotated[str, typer.Argument(help="The user the token acts as.")],
    label: Annotated[str | None, typer.Option(help="What the token is for.")] = None,
    db: DbOption = None,
) -> None:
    """Create an API token (shown once; send it as `Authorization: Bearer TOKEN`)."""
    from plotwatch.auth import create_token

    token = create_token(_store(db), name, label)
    sys.stdout.write(token + "\n")


@friendly
def token_list(
    user: Annotated[str | None, typer.Option(help="Only this user's tokens.")] = None,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """List API tokens: id, user, label, created (the tokens themselves are not stored)."""
    from plotwatch.auth import list_tokens

    tokens = list_tokens(_store(db), user)
    if as_json:
        _print_json(tokens)
        return
    table = Table(title=f"{len(tokens)} token(s)")
    for col in ("id", "user", "label", "created"):
        table.add_column(col)
    for t in tokens:
        table.add_row(str(t["id"]), str(t["user"]), t["label"] or "", str(t["created_at"]))
    console.print(table)


@friendly
def token_revoke(
    token_id: Annotated[int, typer.Argument(help="The token's id, as `plotwatch token list` shows it.")],
    by: Annotated[str | None, typer.Option(help="Who revokes it (for the audit log).")] = None,
    db: DbOption = None,
) -> None:
    """Revoke an API token: requests bearing it are refused (401) from then on."""
    from plotwatch.auth import revoke_token

    gone = revoke_token(_store(db), token_id, actor=by or _default_actor())
    console.print(f"token {gone['id']} ({gone['label'] or 'no label'}) revoked")


@friendly
def review_decide(
    incident_id: Annotated[str, typer.Argument(help="Incident id.")],
    decision: Annotated[str, typer.Argument(help="accepted or rejected.")],
    note: Annotated[str | None, typer.Option(help="Why.")] = None,
    by: ByOption = "",
    db: DbOption = None,
) -> None:
    """Accept or reject an incident (kept over re-extraction and re-fusion)."""
    from plotwatch.review import set_review

    set_review(_store(db), incident_id, decision, actor=by or _default_actor(), note=note)
    console.print(f"{incident_id}: {decision}")


@friendly
def review_merge(
    source: Annotated[str, typer.Argument(help="Incident merged away.")],
    target: Annotated[str, typer.Argument(help="Incident kept.")],
    by: ByOption = "",
    db: DbOption = None,
) -> None:
    """Merge one incident into another."""
    from plotwatch.review import merge_incidents

    r = merge_incidents(_store(db), source, target, actor=by or _default_actor())
    console.print(f"{source} merged into {target} ({r['mentions_moved']} mention(s) moved)")


@friendly
def review_edit(
    incident_id: Annotated[str, typer.Argument(help="Incident id.")],
    fields: Annotated[list[str], typer.Argument(help="field=value pairs, e.g. country=BE date=2018-06-30.")],
    by: ByOption = "",
    db: DbOption = None,
) -> None:
    """Change fields of an incident (type, status, date, country, place, agent_state, lat, lon)."""
    from plotwatch.review import edit_incident

    pairs = {}
    for f in fields:
        if "=" not in f:
            raise ValueError(f"expected field=value, not {f!r}")
        key, value = f.split("=", 1)
        pairs[key.strip()] = value
    r = edit_incident(_store(db), incident_id, pairs, actor=by or _default_actor())
    console.print(", ".join(f"{k}={v}" for k, v in r.items()))


@friendly
def bench_web(
    n: Annotated[int, typer.Option("--n", min=100, help="Synthetic incidents to load.")] = 10_000,
    clients: Annotated[int, typer.Option(min=1, max=200, help="Concurrent clients.")] = 20,
    requests: Annotated[int, typer.Option(min=20, help="Requests per endpoint.")] = 400,
    workers: Annotated[
        int, typer.Option(min=1, max=64, help="Server processes (plotwatch serve runs one).")
    ] = 1,
    cache: Annotated[
        bool, typer.Option("--cache/--no-cache", help="Serve repeated reads from the response cache.")
    ] = True,
    as_json: JsonOption = False,
) -> None:
    """p50/p95 latency of the list, search, incident and network endpoints (real uvicorn, loopback)."""
    from plotwatch.web.bench import run

    result = run(
        n_incidents=n,
        clients=clients,
        requests=requests,
        workers=workers,
        progress=lambda m: err.print(m),
        cache=cache,
    )
    if as_json:
        _print_json(result)
        return
    table = Table(
        title=f"{result['incidents']:,} incidents, {clients} clients, {requests} requests each, "
        f"{workers} server process(es), response cache {'on' if cache else 'off'}"
    )
    for col in ("endpoint", "p50 ms", "p95 ms", "max ms", "req/s", "cache hits", "errors"):
        table.add_column(col, justify="right")
    for e in result["endpoints"]:
        table.add_row(
            e["endpoint"],
            f"{e['p50_ms']:.1f}",
            f"{e['p95_ms']:.1f}",
            f"{e['max_ms']:.1f}",
            f"{e['rps']:.0f}",
            f"{e['cache_hits']}/{e['requests']}",
            str(e["errors"]),
        )
    console.print(table)
    console.print(f"target p95 < 150 ms: {'met' if result['target_met'] else 'NOT met'}")


def register(app: typer.Typer) -> None:
    """Add serve, user, token and review to ``app``, and `bench web` to the bench group."""
    app.command("serve")(serve)
    user_app = typer.Typer(no_args_is_help=True, help="Local users of the web app and API.")
    user_app.command("add")(user_add)
    user_app.command("list")(user_list)
    app.add_typer(user_app, name="user")
    token_app = typer.Typer(no_args_is_help=True, help="API tokens (Bearer) for the JSON API.")
    token_app.command("create")(token_create)
    token_app.command("list")(token_list)
    token_app.command("revoke")(token_revoke)
    app.add_typer(token_app, name="token")
    review_app = typer.Typer(no_args_is_help=True, help="Analyst decisions, with an audit trail.")
    review_app.command("decide")(review_decide)
    review_app.command("merge")(review_merge)
    review_app.command("edit")(review_edit)
    app.add_typer(review_app, name="review")
    if not any(c.name == "web" for c in bench_app.registered_commands):
        bench_app.command("web")(bench_web)
