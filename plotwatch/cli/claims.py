"""``plotwatch claims`` and ``plotwatch eval-claims``: figures, recommendations, disagreements."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from plotwatch.cli.main import DbOption, JsonOption, _print_json, _store, console, friendly


def register(app: typer.Typer) -> None:
    app.command("claims")(claims)
    app.command("eval-claims")(eval_claims)


@friendly
def claims(
    db: DbOption = None,
    kind: Annotated[str | None, typer.Option(help="figure or recommendation.")] = None,
    query: Annotated[
        str | None, typer.Option("--query", "-q", help="Text in the sentence or speaker.")
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Figures and recommendations with who says them, and figures that disagree."""
    from plotwatch.claims.records import figure_contradictions, list_claims

    if kind not in (None, "figure", "recommendation"):
        raise ValueError(f"--kind must be figure or recommendation, not {kind!r}")
    rows = list_claims(_store(db), kind, query)
    disagreements = figure_contradictions(rows)
    if as_json:
        _print_json(rows + disagreements)
        return
    table = Table(title=f"{len(rows)} claim(s)")
    for col in ("article", "kind", "value", "what", "speaker"):
        table.add_column(col, overflow="fold")
    for r in rows:
        value = "" if r["value"] is None else str(r["value"])
        table.add_row(r["article_id"], r["kind"], value, r["unit"] or "", r["speaker"] or "")
    console.print(table)
    for d in disagreements:
        vals = "; ".join(f"{v['value']} ({', '.join(v['article_ids'])})" for v in d["values"])
        console.print(f"[yellow]sources disagree on the {d['field']}:[/] {vals}")


@friendly
def eval_claims(
    gold: Annotated[Path, typer.Argument(help="Gold claims file (JSON lines, as claims.jsonl).")],
    db: DbOption = None,
    gold_incidents: Annotated[
        Path | None,
        typer.Option(
            "--gold-incidents",
            help="Gold incidents, to check contradictions on the right incident "
            "(default: gold.jsonl beside the claims file, when there is one).",
        ),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Recall of gold figures (unit, speaker) and contradictions against the stored claims."""
    from plotwatch.claims.evaluate import evaluate_claims, incident_matches, load_claims_gold
    from plotwatch.claims.records import figure_contradictions, list_claims
    from plotwatch.errors import EvalError
    from plotwatch.store.queries import list_incidents

    store = _store(db)
    rows = list_claims(store)
    incidents = list_incidents(store)
    contradictions = figure_contradictions(rows) + [
        c for inc in incidents for c in inc.get("contradictions", [])
    ]
    gold_rows = load_claims_gold(gold)
    if gold_incidents is None and (gold.parent / "gold.jsonl").is_file() and gold.name != "gold.jsonl":
        gold_incidents = gold.parent / "gold.jsonl"
    if gold_incidents is not None and not gold_incidents.is_file():
        raise EvalError(f"{gold_incidents}: no such gold incidents file")
    matches = incident_matches(incidents, gold_incidents) if gold_incidents is not None else None
    report = evaluate_claims(rows, contradictions, gold_rows, incidents=incidents, matches=matches)
    if as_json:
        _print_json(report)
        return
    table = Table(title="Figures")
    for col in ("gold", "found", "unit", "speaker", "extracted"):
        table.add_column(col, overflow="fold")
    for f in report["figures"]:
        ex = f["extracted"] or {}
        table.add_row(
            f["cid"],
            "yes" if f["found"] else "no",
            "yes" if f["unit_ok"] else "no",
            "—" if f["speaker_ok"] is None else ("yes" if f["speaker_ok"] else "no"),
            f"{ex.get('value', '')} {ex.get('unit', '') or ''} / {ex.get('speaker') or '-'}",
        )
    console.print(table)
    for c in report["contradictions"]:
        where = ""
        if c.get("incident"):
            where = f" on {c['incident']} (matched: {c.get('matched') or 'no incident'})"
        console.print(f"{c['cid']} ({c['field']}): {'found' if c['found'] else 'not found'}{where}")

    def pct(v: float | None) -> str:
        return "—" if v is None else f"{100 * v:.0f}%"

    console.print(
        f"figure recall {pct(report['figure_recall'])}, unit accuracy {pct(report['unit_accuracy'])}, "
        f"speaker accuracy {pct(report['speaker_accuracy'])}, "
        f"contradiction recall {pct(report['contradiction_recall'])}"
    )
