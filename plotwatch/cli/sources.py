"""``plotwatch sources``: list, grade and sync the outlets in the database."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table
from sqlalchemy import func, select

from plotwatch.cli.main import DbOption, JsonOption, _print_json, _store, console, friendly
from plotwatch.grade.registry import GRADES, KINDS, Registry

sources_app = typer.Typer(no_args_is_help=True, help="Outlets: reliability grade, kind and family.")


def register(app: typer.Typer) -> None:
    app.add_typer(sources_app, name="sources")


def _rows(store: Any) -> list[dict[str, Any]]:
    from plotwatch.store.models import Article, Outlet

    with store.session() as s:
        counts = dict(s.execute(select(Article.outlet_id, func.count()).group_by(Article.outlet_id)).all())
        return [
            {
                "name": o.name,
                "grade": o.grade,
                "kind": o.kind,
                "family": o.family,
                "articles": counts.get(o.id, 0),
                "note": o.note,
            }
            for o in s.scalars(select(Outlet).order_by(Outlet.name))
        ]


@sources_app.command("list")
@friendly
def list_(db: DbOption = None, as_json: JsonOption = False) -> None:
    """Every outlet in the database with its grade, kind, family and article count."""
    rows = _rows(_store(db))
    if as_json:
        _print_json(rows)
        return
    table = Table(title=f"{len(rows)} source(s)")
    for col in ("name", "grade", "kind", "family", "articles", "why"):
        table.add_column(col, overflow="fold")
    for r in rows:
        table.add_row(
            r["name"], r["grade"], r["kind"] or "", r["family"] or "", str(r["articles"]), r["note"] or ""
        )
    console.print(table)


@sources_app.command("set")
@friendly
def set_(
    name: Annotated[str, typer.Argument(help="Outlet name as articles give it.")],
    grade: Annotated[str | None, typer.Option(help="Admiralty reliability A–F.")] = None,
    kind: Annotated[str | None, typer.Option(help=f"One of: {', '.join(KINDS)}.")] = None,
    family: Annotated[str | None, typer.Option(help="Outlets of one family count as one voice.")] = None,
    note: Annotated[str | None, typer.Option(help="Why this grade.")] = None,
    db: DbOption = None,
) -> None:
    """Grade an outlet (audited); incidents are re-graded at once."""
    from plotwatch.store.queries import regrade

    if grade is not None and grade.upper() not in GRADES:
        raise ValueError(f"--grade must be one of A–F, not {grade!r}")
    if kind is not None and kind not in KINDS:
        raise ValueError(f"--kind must be one of {', '.join(KINDS)}, not {kind!r}")
    store = _store(db)
    row = store.set_outlet(name, grade=grade.upper() if grade else None, kind=kind, family=family, note=note)
    n = regrade(store)
    console.print(
        f"{row['name']}: grade {row['grade']}, kind {row['kind']}, family {row['family']}; "
        f"{n} incident(s) re-graded"
    )


@sources_app.command("sync")
@friendly
def sync(
    registry: Annotated[list[Path] | None, typer.Option(help="Extra registry file(s).")] = None,
    db: DbOption = None,
) -> None:
    """Apply the source registry (shipped + extra files) to the outlets in the database."""
    from plotwatch.store.queries import regrade

    store = _store(db)
    reg = Registry.load(*(registry or []))
    changed = 0
    for row in _rows(store):
        entry = reg.lookup(row["name"])
        if entry and (row["grade"], row["kind"], row["family"]) != (entry.grade, entry.kind, entry.family):
            store.set_outlet(
                row["name"],
                actor="registry",
                grade=entry.grade,
                kind=entry.kind,
                family=entry.family,
                note=entry.note,
            )
            changed += 1
    n = regrade(store)
    console.print(f"{changed} source(s) updated from the registry; {n} incident(s) re-graded")
