"""Rich tables for an :class:`~plotwatch.evaluate.scoring.EvalReport`.

Only presentation: every number shown comes from the report, nothing is recomputed here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Console
from rich.table import Table

if TYPE_CHECKING:
    from plotwatch.evaluate.scoring import EvalReport


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value:.1%}"


def _cell(value: object) -> str:
    return "—" if value is None or value == "" else str(value)


def summary_table(report: EvalReport) -> Table:
    c = report.counts
    table = Table(title="Incidents")
    for name in ("TP", "FP", "FN", "precision", "recall", "F1", "optional matched"):
        table.add_column(name, justify="right")
    table.add_row(
        str(c.tp),
        str(c.fp),
        str(c.fn),
        _pct(c.precision),
        _pct(c.recall),
        _pct(c.f1),
        f"{report.optional_matched}/{report.optional_total}",
    )
    return table


def fields_table(report: EvalReport) -> Table:
    table = Table(title=f"Field accuracy over {report.counts.tp} matched required incidents")
    table.add_column("field")
    table.add_column("accuracy", justify="right")
    for name, value in report.accuracy.items():
        table.add_row(name, _pct(value))
    table.add_row(
        "actors (recall)",
        f"{_pct(report.actor_recall)} ({report.actors_found}/{report.actors_total})",
    )
    return table


def per_type_table(report: EvalReport) -> Table:
    table = Table(title="By type")
    table.add_column("type")
    for name in ("TP", "FP", "FN", "P", "R", "F1"):
        table.add_column(name, justify="right")
    for etype, c in sorted(report.per_type.items()):
        table.add_row(etype, str(c.tp), str(c.fp), str(c.fn), _pct(c.precision), _pct(c.recall), _pct(c.f1))
    return table


def missed_table(report: EvalReport) -> Table:
    table = Table(title=f"Missed gold incidents ({len(report.missed)})")
    for name in ("gid", "type", "country", "date", "note"):
        table.add_column(name, overflow="fold")
    for row in report.missed:
        table.add_row(*(_cell(row[k]) for k in ("gid", "type", "country", "date", "note")))
    return table


def false_positive_table(report: EvalReport) -> Table:
    table = Table(title=f"False positives ({len(report.false_positives)})")
    for name in ("id", "type", "country", "date", "first quote"):
        table.add_column(name, overflow="fold")
    for row in report.false_positives:
        table.add_row(*(_cell(row[k]) for k in ("id", "type", "country", "date", "quote")))
    return table


def render(report: EvalReport, console: Console | None = None) -> None:
    """Print the summary, field accuracies, per-type scores, misses and false positives."""
    console = console or Console()
    console.print(summary_table(report))
    console.print(fields_table(report))
    console.print(per_type_table(report))
    if report.missed:
        console.print(missed_table(report))
    if report.false_positives:
        console.print(false_positive_table(report))
