"""``plotwatch import FILE --format stix|ftm``: bring STIX bundles and FtM entity streams in.

A thin layer over :func:`plotwatch.imports.import_file`; the main CLI calls :func:`register`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from plotwatch.cli.main import DbOption, JsonOption, _store, console, err, friendly


def register(app: typer.Typer) -> None:
    """Add the ``import`` command to ``app``."""

    @app.command(name="import")
    @friendly
    def import_(
        file: Annotated[Path, typer.Argument(help="A STIX 2.1 bundle (JSON) or FtM entities (JSON lines).")],
        fmt: Annotated[str, typer.Option("--format", "-f", help="stix or ftm.")] = "stix",
        source: Annotated[
            str | None,
            typer.Option(help="Name of the feed, recorded as its outlet (default: the bundle's creator)."),
        ] = None,
        db: DbOption = None,
        as_json: JsonOption = False,
    ) -> None:
        """Import entities, relations and incidents from STIX 2.1 (OpenCTI, MISP) or FtM (OpenSanctions)."""
        from plotwatch.imports import import_file

        report = import_file(_store(db), file, fmt, source=source, actor="cli")
        if as_json:
            import json
            import sys

            sys.stdout.write(json.dumps(report.as_dict(), indent=2, ensure_ascii=False) + "\n")
            return
        table = Table(title=f"{file} ({fmt}) from {report.feed}")
        table.add_column("added")
        table.add_column("count", justify="right")
        for what, n in sorted(report.added.items()):
            table.add_row(what, str(n))
        console.print(table if report.added else "nothing new: everything in this file is already stored")
        for what, n in sorted(report.skipped.items()):
            err.print(f"[yellow]skipped[/] {n} {what} object(s) plotwatch does not import", highlight=False)
