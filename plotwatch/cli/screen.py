"""``plotwatch screen``, ``plotwatch screen-eval`` and ``plotwatch bench screen``: name screening."""

from __future__ import annotations

import csv
import io
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from plotwatch.cli.main import DbOption, JsonOption, _print_json, _store, bench_app, console, err, friendly
from plotwatch.errors import InputError
from plotwatch.screen.screener import DEFAULT_THRESHOLD

ThresholdOption = Annotated[float, typer.Option(min=0.0, max=1.0, help="Lowest score reported (0–1).")]


def read_queries(path: str) -> list[dict[str, str | None]]:
    """Rows of a names CSV (``name`` required; ``birth_date``, ``nationality``, ``id`` optional);
    ``-`` reads standard input. InputError naming the file and the problem otherwise."""
    try:
        text = sys.stdin.read() if path == "-" else Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except IsADirectoryError:
        raise InputError(path, "is a directory, not a CSV file") from None
    except UnicodeDecodeError:
        raise InputError(path, "not UTF-8 text") from None
    except OSError as exc:
        raise InputError(path, f"cannot read ({exc.strerror})") from None
    reader = csv.DictReader(io.StringIO(text))
    fields = [f.strip().lower() for f in reader.fieldnames or []]
    if "name" not in fields:
        found = ", ".join(fields) or "none"
        raise InputError(path, f"needs a header row with a 'name' column (found: {found})")
    rows: list[dict[str, str | None]] = []
    for n, raw in enumerate(reader, start=2):
        row = {(k or "").strip().lower(): (v or "").strip() or None for k, v in raw.items()}
        if not row.get("name"):
            raise InputError(f"{path}:{n}", "empty name")
        rows.append(
            {
                "id": row.get("id") or str(n - 1),
                "name": row["name"],
                "birth_date": row.get("birth_date"),
                "nationality": row.get("nationality"),
            }
        )
    if not rows:
        raise InputError(path, "no names to screen")
    return rows


def screen_rows(
    screener: Any, rows: list[dict[str, str | None]], limit: int, where: str
) -> list[dict[str, Any]]:
    """Each query with its hits; a bad birth date is an InputError naming the row."""
    out = []
    for row in rows:
        try:
            hits = screener.match(
                row["name"], birth_date=row["birth_date"], nationality=row["nationality"], limit=limit
            )
        except ValueError as exc:
            raise InputError(f"{where}, row {row['id']}", str(exc)) from None
        out.append({"query": row, "hits": [h.to_dict() for h in hits]})
    return out


@friendly
def screen(
    names: Annotated[
        str,
        typer.Argument(help="CSV with a 'name' column (optional birth_date, nationality, id); - for stdin."),
    ],
    db: DbOption = None,
    threshold: ThresholdOption = DEFAULT_THRESHOLD,
    limit: Annotated[int, typer.Option(min=1, max=100, help="Hits per name at most.")] = 5,
    imported_only: Annotated[
        bool, typer.Option("--imported-only", help="Only entities imported from lists (STIX, FtM).")
    ] = False,
    out: Annotated[Path | None, typer.Option("--out", help="Write the results as JSON to this file.")] = None,
    as_json: JsonOption = False,
) -> None:
    """Screen names against every entity and alias in the knowledge base and imported lists."""
    from plotwatch.screen import Screener

    rows = read_queries(names)
    store = _store(db)
    origins = _imported_origins(store) if imported_only else None
    screener = Screener.from_store(store, threshold, origins=origins)
    results = screen_rows(screener, rows, limit, names)
    if out is not None:
        import json

        out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        err.print(
            f"{sum(len(r['hits']) for r in results)} hit(s) for {len(results)} name(s) written to {out}"
        )
    if as_json:
        _print_json(results)
        return
    if out is not None:
        return
    table = Table(
        title=f"{len(rows)} name(s) against {len(screener):,} names and aliases, threshold {threshold}"
    )
    for col in ("query", "entity", "matched alias", "score", "why"):
        table.add_column(col, overflow="fold")
    for r in results:
        q = r["query"]
        label = q["name"] + "".join(f" [{v}]" for v in (q["birth_date"], q["nationality"]) if v)
        if not r["hits"]:
            table.add_row(label, "[dim]no match[/]", "", "", "")
        for i, h in enumerate(r["hits"]):
            table.add_row(
                label if i == 0 else "",
                f"{h['entity_name']} ({h['entity_id']})",
                h["matched_alias"],
                f"{h['score']:.2f}",
                "; ".join(h["explanation"][1:]) or "exact",
            )
    console.print(table)


def _imported_origins(store: Any) -> set[str]:
    from sqlalchemy import select

    from plotwatch.store.models import Entity

    with store.session() as s:
        return {o for o in s.scalars(select(Entity.origin).distinct()) if o and o.startswith("import")}


@friendly
def screen_eval(
    pairs: Annotated[
        str | None, typer.Argument(help="Labelled pairs CSV: query, candidate, label (1/0), note.")
    ] = None,
    threshold: ThresholdOption = DEFAULT_THRESHOLD,
    errors: Annotated[
        bool, typer.Option("--errors/--no-errors", help="List the pairs the screener got wrong.")
    ] = True,
    as_json: JsonOption = False,
) -> None:
    """Precision and recall of the screener on labelled name pairs (default: the packaged set)."""
    from plotwatch.screen.evaluate import DEFAULT_PAIRS, evaluate, load_pairs

    report = evaluate(load_pairs(pairs or DEFAULT_PAIRS), threshold)
    data = report.to_dict()
    if as_json:
        if not errors:
            data.pop("errors")
        _print_json(data)
        return
    console.print(
        f"{data['pairs']} pairs at threshold {threshold}: precision {data['precision']:.3f}, "
        f"recall {data['recall']:.3f}, F1 {data['f1']:.3f} "
        f"(TP {data['tp']}, FP {data['fp']}, FN {data['fn']}, TN {data['tn']})"
    )
    if errors and data["errors"]:
        table = Table(title="errors")
        for col in ("query", "candidate", "label", "score", "note / why"):
            table.add_column(col, overflow="fold")
        for e in data["errors"]:
            why = "; ".join(e["explanation"][1:])
            score = "" if e["score"] is None else f"{e['score']:.2f}"
            table.add_row(e["query"], e["candidate"], str(e["label"]), score, f"{e['note']} {why}".strip())
        console.print(table)


@friendly
def bench_screen(
    entities: Annotated[
        int, typer.Option("--entities", min=100, help="Synthetic entities indexed.")
    ] = 100_000,
    queries: Annotated[int, typer.Option("--queries", min=10, help="Queries timed.")] = 5000,
    as_json: JsonOption = False,
) -> None:
    """Screening speed: index build time, queries per second and memory on synthetic names."""
    from plotwatch.screen.bench import run

    err.print(f"indexing {entities:,} synthetic entities and timing {queries:,} queries …")
    result = run(entities, queries)
    if as_json:
        _print_json(result)
        return
    table = Table(title="name screening")
    table.add_column("measure")
    table.add_column("value", justify="right")
    for k, v in result.items():
        table.add_row(k.replace("_", " "), f"{v:,}" if isinstance(v, int) else str(v))
    console.print(table)


def register(app: typer.Typer) -> None:
    app.command("screen")(screen)
    app.command("screen-eval")(screen_eval)
    if not any(c.name == "screen" for c in bench_app.registered_commands):
        bench_app.command("screen")(bench_screen)
