"""The ``plotwatch`` command: a thin layer over the library.

Each command parses options, calls one library function, and renders the result (a Rich table,
or JSON with ``--json``). Library errors become one red line and a non-zero exit status.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

from plotwatch.errors import PlotwatchError

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="News articles in, a source-graded knowledge base of state-sponsored plots out.",
)
bench_app = typer.Typer(no_args_is_help=True, help="Benchmarks: throughput and quality figures.")
app.add_typer(bench_app, name="bench")

console = Console()
if not console.is_terminal:  # piped or captured: do not squeeze tables into 80 columns
    console = Console(width=160)
err = Console(stderr=True)

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db", envvar="PLOTWATCH_DB", help="Database URL or SQLite file (default: ./plotwatch.db)."
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of tables.")]

F = TypeVar("F", bound=Callable[..., Any])


def friendly(fn: F) -> F:
    """Turn plotwatch errors (and bad option values) into one clear line and exit status 1."""

    @wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except PlotwatchError as exc:
            err.print(f"[bold red]error:[/] {exc}", highlight=False)
            raise typer.Exit(1) from None
        except ValueError as exc:
            err.print(f"[bold red]error:[/] {exc}", highlight=False)
            raise typer.Exit(2) from None

    return wrapper  # type: ignore[return-value]


def _store(db: str | None) -> Any:
    from plotwatch.store.db import Store

    return Store(db)


def _print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n")


def _progress(transient: bool = False) -> Progress:
    return Progress(
        SpinnerColumn(),
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.fields[current]}", style="dim"),
        console=err,
        transient=transient,
        disable=not err.is_terminal,
    )


def _size(value: str) -> int:
    units = {"k": 1024, "m": 1024**2, "g": 1024**3}
    v = value.strip().lower().rstrip("b")
    try:
        if v and v[-1] in units:
            return int(float(v[:-1]) * units[v[-1]])
        return int(v)
    except ValueError:
        raise ValueError(f"--max-size must be a size like 20MB or 500k, not {value!r}") from None


@app.command()
@friendly
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, directories (recursive) or - for stdin.")],
    db: DbOption = None,
    max_size: Annotated[str, typer.Option(help="Skip files larger than this.")] = "20MB",
    no_fuse: Annotated[bool, typer.Option("--no-fuse", help="Store mentions only; fuse later.")] = False,
    as_json: JsonOption = False,
) -> None:
    """Read articles, extract events, store them and fuse them into incidents."""
    from plotwatch.pipeline import ingest as run_ingest

    store = _store(db)
    with _progress() as progress:
        task = progress.add_task("ingesting", total=None, current="loading model")

        def tick(name: str) -> None:
            progress.update(task, advance=1, current=name[-50:])

        report = run_ingest(
            store,
            paths,
            max_bytes=_size(max_size),
            stdin=sys.stdin,
            progress=tick,
            fuse=not no_fuse,
        )
    if as_json:
        _print_json(report.as_dict())
    else:
        for e in report.errors:
            err.print(f"[red]skipped[/] {e.source}: {e.problem}", highlight=False)
        for aid, of, score in report.near_duplicates:
            console.print(f"[yellow]near-duplicate[/] {aid} copies {of} (similarity {score:.2f})")
        for aid in report.conflicts:
            console.print(
                f"[yellow]not replaced[/] {aid}: an article with this id is stored with other content"
            )
        console.print(
            f"[bold]{len(report.added)}[/] article(s) added, "
            f"{len(report.unchanged)} already stored, "
            f"{len(report.errors)} failed; {report.mentions} event mention(s); "
            f"{report.incidents} incident(s) in the database."
        )
        if report.incidents:
            _summary(store)
    if not report.ok:
        raise typer.Exit(1)


def _summary(store: Any, examples: int = 5) -> None:
    from plotwatch.store.queries import IncidentFilter, list_incidents, stats

    st = stats(store)
    table = Table(title="Incidents by type")
    table.add_column("type")
    table.add_column("incidents", justify="right")
    for t, n in st["incidents_by_type"].items():
        table.add_row(t, str(n))
    console.print(table)
    rows = list_incidents(store, IncidentFilter())
    rows.sort(key=lambda r: (-r["corroboration"]["articles"], r["id"]))
    _incident_table(rows[:examples], title=f"{min(examples, len(rows))} of the best-covered incidents")


def _incident_table(rows: list[dict[str, Any]], title: str = "Incidents") -> None:
    table = Table(title=title, show_lines=False)
    for col in ("id", "type", "status", "date", "where", "agent", "actors", "art.", "cred."):
        table.add_column(col, overflow="fold")
    for r in rows:
        loc = r["location"]
        where = ", ".join(x for x in (loc.get("place"), loc.get("country")) if x)
        actors = "; ".join(f"{a['name']} ({a['role']})" for a in r["actors"][:3])
        table.add_row(
            r["id"],
            r["type"],
            r["status"] or "",
            r["date"]["start"] or "",
            where,
            r["agent_state"] or "",
            actors,
            str(r["corroboration"]["articles"]),
            str(r["credibility"]),
        )
    console.print(table)


@app.command()
@friendly
def reprocess(
    db: DbOption = None,
    stale_only: Annotated[bool, typer.Option(help="Only articles extracted by another version.")] = False,
    as_json: JsonOption = False,
) -> None:
    """Re-run extraction and fusion over stored articles (after a gazetteer or code change)."""
    from plotwatch.pipeline import reprocess as run

    store = _store(db)
    with _progress() as progress:
        task = progress.add_task("reprocessing", total=store.counts()["articles"], current="")
        result = run(
            store,
            progress=lambda n: progress.update(task, advance=1, current=n[-50:]),
            only_stale=stale_only,
        )
    if as_json:
        _print_json(result)
    else:
        console.print(
            f"{result['articles']} article(s) re-extracted: {result['mentions']} mention(s), "
            f"{result['incidents']} incident(s)."
        )


def _filter(**kw: Any) -> Any:
    from plotwatch.store.queries import IncidentFilter

    return IncidentFilter(**kw)


TypeOpt = Annotated[str | None, typer.Option("--type", help="Event type, e.g. bombing.")]
CountryOpt = Annotated[str | None, typer.Option(help="ISO alpha-2 country where it happened.")]
StateOpt = Annotated[str | None, typer.Option("--agent-state", help="ISO alpha-2 of the state behind it.")]
SinceOpt = Annotated[str | None, typer.Option(help="From this date: 2018, 2018-06 or 2018-06-30.")]
UntilOpt = Annotated[str | None, typer.Option(help="Up to this date.")]
QueryOpt = Annotated[str | None, typer.Option("--query", "-q", help="Text in actors or evidence.")]


@app.command()
@friendly
def incidents(
    db: DbOption = None,
    type_: TypeOpt = None,
    status: Annotated[str | None, typer.Option(help="planned, foiled, failed or executed.")] = None,
    country: CountryOpt = None,
    agent_state: StateOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    query: QueryOpt = None,
    limit: Annotated[int, typer.Option(min=1)] = 100,
    as_json: JsonOption = False,
) -> None:
    """List incidents, filtered."""
    from plotwatch.store.queries import list_incidents

    f = _filter(
        type=type_,
        status=status,
        country=country,
        agent_state=agent_state,
        since=since,
        until=until,
        query=query,
        limit=limit,
    )
    rows = list_incidents(_store(db), f)
    if as_json:
        _print_json(rows)
    else:
        _incident_table(rows, title=f"{len(rows)} incident(s)")


@app.command()
@friendly
def show(incident_id: str, db: DbOption = None, as_json: JsonOption = False) -> None:
    """Show one incident: fields, actors, evidence sentences with their articles."""
    from plotwatch.store.queries import get_incident

    r = get_incident(_store(db), incident_id)
    if as_json:
        _print_json(r)
        return
    loc = r["location"]
    console.print(f"[bold]{r['id']}[/]  {r['type']}" + (f" ({r['status']})" if r["status"] else ""))
    console.print(f"  date: {r['date']['start'] or 'unknown'} (precision {r['date']['precision']})")
    console.print(
        f"  where: {loc['place'] or '-'}, {loc['country'] or '-'}"
        + (f"  [{loc['lat']:.3f}, {loc['lon']:.3f}]" if loc.get("lat") is not None else "")
    )
    console.print(
        f"  agent state: {r['agent_state'] or '-'}" + ("  [historical]" if r.get("historical") else "")
    )
    c = r["corroboration"]
    console.print(
        f"  sources: {c['articles']} article(s), {c['outlets']} outlet(s), "
        f"{c['independent_sources']} independent; credibility {r['credibility']}"
    )
    if r.get("review"):
        console.print(f"  review: {r['review']}")
    if r["actors"]:
        table = Table(title="Actors")
        for col in ("role", "name", "kind", "country", "aliases"):
            table.add_column(col, overflow="fold")
        for a in r["actors"]:
            table.add_row(a["role"], a["name"], a["kind"], a["country"] or "", "; ".join(a["aliases"][:4]))
        console.print(table)
    for what, values in (r.get("figures") or {}).items():
        vals = "; ".join(f"{v['value']} ({', '.join(v['article_ids'])})" for v in values)
        console.print(f"  {what}: {vals}", highlight=False)
    for cd in r.get("contradictions", []):
        vals = "; ".join(f"{v['value']} ({', '.join(v['article_ids'])})" for v in cd["values"])
        console.print(f"  [yellow]sources disagree on {cd['field']}:[/] {vals}")
    for camp in r.get("campaigns") or []:
        console.print(f"  campaign: {camp['id']} ({camp['sponsor_state']} against {camp['target']})")
    if r.get("chain"):
        console.print("[bold]Chain[/] (in date order)")
        for link in r["chain"]:
            console.print(
                f"  {link['date'] or '????':10} {link['relation'].replace('_', ' '):13} "
                f"{link['type']:18} {link['id']}"
            )
    console.print("[bold]Evidence[/]")
    for m in r["mentions"]:
        console.print(f"  [cyan]{m['article_id']}[/] [{m['start']}:{m['end']}] {m['quote']}", highlight=False)


def _export_formats() -> str:
    from plotwatch.export import EXPORTERS

    return ", ".join(EXPORTERS)


@app.command()
@friendly
def explain(incident_id: str, db: DbOption = None, as_json: JsonOption = False) -> None:
    """Why an incident is graded as it is: its articles, their voices and the rule applied."""
    from plotwatch.store.queries import explain_incident

    lines = explain_incident(_store(db), incident_id)
    if as_json:
        _print_json({"incident": incident_id, "explanation": lines})
        return
    for line in lines:
        console.print(line, highlight=False)


@app.command()
@friendly
def export(
    fmt: Annotated[
        str,
        typer.Option(
            "--format", "-f", help=f"One of: {_export_formats()}, claims-jsonl (docs/export-formats.md)."
        ),
    ] = "jsonl",
    out: Annotated[Path | None, typer.Option("--out", "-o", help="File to write (default: stdout).")] = None,
    db: DbOption = None,
    type_: TypeOpt = None,
    country: CountryOpt = None,
    agent_state: StateOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    query: QueryOpt = None,
) -> None:
    """Export incidents as jsonl (the contract), csv, stix, ftm, acled, geojson, gexf, graphml or plover."""
    from plotwatch.export import BundleExporter, export_bundle, export_incidents, get_exporter, load_bundle
    from plotwatch.store.queries import list_incidents

    exporter = None if fmt == "claims-jsonl" else get_exporter(fmt)
    store = _store(db)
    options = {
        "type": type_,
        "country": country,
        "agent_state": agent_state,
        "since": since,
        "until": until,
        "query": query,
    }
    f = _filter(**options)

    def write(fh: Any) -> int:
        if exporter is None:  # figures, recommendations and their disagreements (TAXONOMY.md)
            from plotwatch.claims.records import figure_contradictions, list_claims

            rows = list_claims(store, query=query)
            rows += figure_contradictions(rows)
            for row in rows:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
            return len(rows)
        if issubclass(exporter, BundleExporter):
            # no filter: every entity and relation too, not only those the incidents name
            return export_bundle(load_bundle(store, f if any(options.values()) else None), fmt, fh)
        return export_incidents(list_incidents(store, f), fmt, fh)

    if out is None:
        n = write(sys.stdout)
    else:
        tmp = out.with_name(out.name + ".part")
        try:
            with tmp.open("w", encoding="utf-8", newline="") as fh:
                n = write(fh)
            tmp.replace(out)
        except OSError as exc:
            raise PlotwatchError(f"cannot write {out}: {exc.strerror}") from None
        finally:
            tmp.unlink(missing_ok=True)
        err.print(f"{n} {'record' if exporter is None else 'incident'}(s) written to {out}")


@app.command(name="eval")
@friendly
def eval_(
    gold: Annotated[Path, typer.Argument(help="Gold file (JSON lines, format in TAXONOMY.md).")],
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Precision/recall/F1 of the stored incidents against a gold file."""
    from plotwatch.evaluate import evaluate, load_gold
    from plotwatch.store.queries import list_incidents

    gold_rows = load_gold(gold)
    report = evaluate(list_incidents(_store(db)), gold_rows)
    if as_json:
        _print_json(report.to_dict())
    else:
        report.render(console)


@app.command()
@friendly
def stats(db: DbOption = None, as_json: JsonOption = False) -> None:
    """Counts of articles, mentions, incidents (by type, country, year, sponsor state)."""
    from plotwatch.store.queries import stats as run

    st = run(_store(db))
    if as_json:
        _print_json(st)
        return
    table = Table(title="Database")
    table.add_column("what")
    table.add_column("count", justify="right")
    for k, v in st["counts"].items():
        table.add_row(k.replace("_", " "), str(v))
    console.print(table)
    for key in (
        "incidents_by_type",
        "incidents_by_agent_state",
        "incidents_by_country",
        "incidents_by_year",
    ):
        if st[key]:
            t = Table(title=key.replace("_", " "))
            t.add_column(key.split("_by_")[1])
            t.add_column("incidents", justify="right")
            t.add_column("")
            top = max(st[key].values())
            for k, v in st[key].items():
                t.add_row(str(k), str(v), "█" * max(1, round(30 * v / top)))
            console.print(t)


@app.command()
@friendly
def search(query: str, db: DbOption = None, limit: int = 20, as_json: JsonOption = False) -> None:
    """Full-text search over stored articles."""
    from plotwatch.store.queries import search_articles

    rows = search_articles(_store(db), query, limit)
    if as_json:
        _print_json(rows)
        return
    table = Table(title=f"{len(rows)} article(s)")
    for col in ("article", "title", "snippet"):
        table.add_column(col, overflow="fold")
    for r in rows:
        table.add_row(r["article_id"], r["title"] or "", r["snippet"])
    console.print(table)


@bench_app.command("throughput")
@friendly
def bench_throughput(
    corpus: Annotated[list[Path] | None, typer.Argument(help="Inputs (default: lee.jsonl + seeds).")] = None,
    as_json: JsonOption = False,
) -> None:
    """Articles/s and peak memory of ingest + extraction (and of the bare spaCy pipeline)."""
    from plotwatch.bench.throughput import default_corpus, run

    result = run([str(p) for p in corpus] if corpus else default_corpus())
    if as_json:
        _print_json(result)
        return
    table = Table(title=f"Throughput on {result['articles']} articles ({result['chars']:,} characters)")
    for col in ("stage", "seconds", "articles/s", "peak RSS MiB"):
        table.add_column(col, justify="right")
    for stage in result["stages"]:
        table.add_row(
            stage["stage"],
            f"{stage['seconds']:.2f}",
            f"{stage['articles_per_s']:.1f}",
            f"{stage['peak_rss_mib']:.0f}",
        )
    console.print(table)
    console.print(f"domain stages add {result['domain_overhead_pct']:.0f}% to the bare spaCy pipeline")


@bench_app.command("fusion")
@friendly
def bench_fusion(
    n: Annotated[
        int, typer.Option("--n", min=100, help="Mentions in the first run (the second has 2n).")
    ] = 100_000,
    incremental: Annotated[
        bool, typer.Option("--incremental", help="Time adding --add mentions to n (vs a full re-fusion).")
    ] = False,
    add: Annotated[int, typer.Option("--add", min=1, help="Mentions added with --incremental.")] = 1000,
    as_json: JsonOption = False,
) -> None:
    """Time and peak memory of fusing n and 2n synthetic mentions (or --incremental)."""
    from plotwatch.bench.fusion import run, run_incremental

    if incremental:
        inc = run_incremental(n, add)
        if as_json:
            _print_json(inc)
            return
        console.print(
            f"adding {inc['added_mentions']:,} mentions to {inc['base_mentions']:,}: incremental "
            f"{inc['index_seconds'] + inc['incremental_seconds']:.2f} s (index {inc['index_seconds']:.2f} s, "
            f"{inc['incidents_refused']:,} of {inc['incidents']:,} incidents re-fused) vs full re-fusion "
            f"{inc['full_seconds']:.2f} s; same result: {'yes' if inc['identical'] else 'NO'}"
        )
        return
    result = run(n)
    if as_json:
        _print_json(result)
        return
    table = Table(title="Fusion of synthetic mentions")
    for col in ("mentions", "incidents", "seconds", "peak RSS MiB", "fusion RSS MiB"):
        table.add_column(col, justify="right")
    for r in result["runs"]:
        table.add_row(
            f"{r['mentions']:,}",
            f"{r['incidents']:,}",
            f"{r['seconds']:.2f}",
            f"{r['peak_rss_mib']:.0f}",
            f"{r['fusion_rss_mib']:.0f}",
        )
    console.print(table)
    console.print(f"doubling the input multiplies the time by {result['time_ratio_2x']:.2f}")


def _register_plugins() -> None:
    """Command groups that live in their own modules add themselves here."""
    from plotwatch.cli import campaigns, claims, exchange, learned, network, screen, sources, web
    from plotwatch.cli import muc4 as muc4_cli

    campaigns.register(app)
    claims.register(app)
    sources.register(app)
    exchange.register(app)
    web.register(app)
    screen.register(app)
    network.register(app)
    muc4_cli.register(app)
    learned.register(app)


_register_plugins()


def main() -> None:
    app()


if __name__ == "__main__":
    main()
