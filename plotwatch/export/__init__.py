"""Exporting incidents: one module per format on a tiny base.

    common.py    Exporter base: __init__(fh), write(incident), close()
    jsonl.py     "jsonl": one export-contract incident per line
    csv.py       "csv": one row per incident, columns documented in the module
    validate.py  validate_incident(): problems with a dict as an export-contract incident

The CLI and the web app both go through :func:`export_incidents` (or :data:`EXPORTERS`)::

    n = export_incidents(queries.incidents(store), "csv", sys.stdout)
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TextIO

from plotwatch.errors import PlotwatchError
from plotwatch.export.common import Exporter
from plotwatch.export.csv import CsvExporter
from plotwatch.export.jsonl import JsonlExporter
from plotwatch.export.validate import validate_incident

EXPORTERS: dict[str, type[Exporter]] = {
    JsonlExporter.name: JsonlExporter,
    CsvExporter.name: CsvExporter,
}


def get_exporter(fmt: str) -> type[Exporter]:
    """The exporter class registered as ``fmt``; PlotwatchError listing the known ones."""
    try:
        return EXPORTERS[fmt]
    except KeyError:
        known = ", ".join(sorted(EXPORTERS))
        raise PlotwatchError(f"unknown export format {fmt!r} (known formats: {known})") from None


def export_incidents(incidents: Iterable[dict[str, Any]], fmt: str, fh: TextIO) -> int:
    """Write ``incidents`` to ``fh`` as ``fmt``; returns how many were written."""
    exporter = get_exporter(fmt)(fh)
    with exporter:
        for incident in incidents:
            exporter.write(incident)
    return exporter.count


__all__ = [
    "EXPORTERS",
    "CsvExporter",
    "Exporter",
    "JsonlExporter",
    "export_incidents",
    "get_exporter",
    "validate_incident",
]
