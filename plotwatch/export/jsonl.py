"""JSON Lines: one export-contract incident per line (``--format jsonl``).

Each line is exactly the incident dict handed to :meth:`JsonlExporter.write`, key order
kept, non-ASCII written as is (UTF-8), no ``NaN``/``Infinity`` (a non-finite number is a
:class:`~plotwatch.errors.PlotwatchError` naming the incident). The keys every line carries
and their meanings are the export contract in ``docs/TAXONOMY.md``.
"""

from __future__ import annotations

import json
from typing import Any

from plotwatch.errors import PlotwatchError
from plotwatch.export.common import Exporter, check_finite


def dumps(incident: dict[str, Any]) -> str:
    """One incident as a single JSON line (without the newline)."""
    check_finite(incident)
    try:
        return json.dumps(incident, ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError) as e:
        raise PlotwatchError(f"incident {incident.get('id')!r}: cannot write as JSON: {e}") from e


class JsonlExporter(Exporter):
    """One JSON object per line."""

    name = "jsonl"
    extension = "jsonl"
    media_type = "application/x-ndjson"

    def write(self, incident: dict[str, Any]) -> None:
        self.fh.write(dumps(incident) + "\n")
        self.count += 1
