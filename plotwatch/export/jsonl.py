"""JSON Lines: one export-contract incident per line (``--format jsonl``).

Each line is exactly the incident dict handed to :meth:`JsonlExporter.write`, key order
kept, non-ASCII written as is (UTF-8), no ``NaN``/``Infinity`` (a non-finite number is a
:class:`~plotwatch.errors.PlotwatchError` naming the incident). The keys every line carries
and their meanings are the export contract in ``docs/TAXONOMY.md``, which allows more keys.
plotwatch adds:

``corroboration.fields``
    field (``type``, ``status``, ``date``, ``location.country``, ``location.place``,
    ``agent_state``, ``figures.<what>``) → every value the articles state, each with
    ``article_ids``, ``articles``, ``outlets``, ``independent_sources`` and its own
    ``credibility`` (1–6, as for the incident).
``contradictions[].values[]``
    besides ``value`` and ``article_ids``: ``independent_sources`` and ``credibility``; for
    figures, ``range`` ``[low, high]`` (``null``: unbounded) — "tens of thousands" is
    ``[20000, 99999]``, "more than 100,000" ``[100000, null]``.
``figures``
    what is counted (``attendance``, ``killed``, ``injured``, ``arrested``) → the figures stated
    about the incident: ``value`` as written, ``range``, ``article_ids``.
``campaigns``
    the campaigns the incident belongs to: ``id``, ``sponsor_state``, ``target``, ``target_id``
    (``plotwatch campaigns``).
``chain``, ``historical``, ``review``
    links to responses, a mention in passing of a past event, the analyst's decision.
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
