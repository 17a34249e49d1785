"""CSV: one row per incident (``--format csv``), for spreadsheets.

Written with the :mod:`csv` module (``QUOTE_MINIMAL``, ``"\\n"`` line ends; open files with
``newline=""``): fields holding commas, quotes or line breaks are quoted, so they survive a
round trip through :func:`csv.reader`. Empty cells stand for null. Lists are joined with
``"; "``. The first row is the header below; the same table is in ``docs/export-formats.md``.

=====================  ==========================================================================
column                 meaning
=====================  ==========================================================================
id                     stable incident id
type                   incident type (taxonomy in docs/TAXONOMY.md)
status                 planned, foiled, failed or executed; empty for responses
date_start             ISO date truncated to its precision ("2018", "2018-06", "2018-06-30")
date_end               same, for the end of the incident
date_precision         day, month, year or none
country                ISO 3166-1 alpha-2 where it took place (or "EU")
place                  city or town
lat                    latitude of the place, decimal degrees
lon                    longitude of the place, decimal degrees
location_precision     place, admin1, country or none
agent_state            state behind a hostile act, or state (or "EU") that took the response
perpetrators           names of actors with role perpetrator, "; "-joined
sponsors               names of actors with role sponsor
targets                names of actors with role target
victims                names of actors with role victim
responders             names of actors with role responder
instruments            names of actors with role instrument
n_articles             articles that mention the incident
n_outlets              distinct outlets among them
n_independent_sources  independent voices among them (reprints and outlet families merged)
credibility            Admiralty information credibility 1–6
article_ids            ids of the mentioning articles, "; "-joined, in mention order
first_quote            the evidence sentence of the first mention, as written
contradictions         disagreements between sources, "; "-joined, each as
                       ``field: value [article ids] / value [article ids]``
=====================  ==========================================================================
"""

from __future__ import annotations

import csv
from typing import Any, TextIO

from plotwatch.export.common import Exporter, check_finite

ROLE_COLUMNS: dict[str, str] = {
    "perpetrators": "perpetrator",
    "sponsors": "sponsor",
    "targets": "target",
    "victims": "victim",
    "responders": "responder",
    "instruments": "instrument",
}
COLUMNS: tuple[str, ...] = (
    "id",
    "type",
    "status",
    "date_start",
    "date_end",
    "date_precision",
    "country",
    "place",
    "lat",
    "lon",
    "location_precision",
    "agent_state",
    *ROLE_COLUMNS,
    "n_articles",
    "n_outlets",
    "n_independent_sources",
    "credibility",
    "article_ids",
    "first_quote",
    "contradictions",
)
JOIN = "; "


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _sub(d: dict[str, Any], key: str) -> dict[str, Any]:
    value = d.get(key)
    return value if isinstance(value, dict) else {}


def _unique(values: list[str]) -> list[str]:
    return list(dict.fromkeys(v for v in values if v))


def contradictions_text(contradictions: list[dict[str, Any]] | None) -> str:
    """``"location.country: BE [a1, a2] / NL [a3]"``, several joined with ``"; "``."""
    parts = []
    for c in contradictions or []:
        values = " / ".join(
            f"{_cell(v.get('value'))} [{', '.join(v.get('article_ids') or [])}]"
            for v in c.get("values") or []
        )
        parts.append(f"{c.get('field')}: {values}")
    return JOIN.join(parts)


def row(incident: dict[str, Any]) -> dict[str, str]:
    """The CSV row (column -> cell text) of one export-contract incident."""
    date, location = _sub(incident, "date"), _sub(incident, "location")
    corroboration = _sub(incident, "corroboration")
    actors = [a for a in incident.get("actors") or [] if isinstance(a, dict)]
    mentions = [m for m in incident.get("mentions") or [] if isinstance(m, dict)]
    article_ids = _unique([str(m.get("article_id") or "") for m in mentions])
    n_articles = corroboration.get("articles")
    out: dict[str, Any] = {
        "id": incident.get("id"),
        "type": incident.get("type"),
        "status": incident.get("status"),
        "date_start": date.get("start"),
        "date_end": date.get("end"),
        "date_precision": date.get("precision"),
        "country": location.get("country"),
        "place": location.get("place"),
        "lat": location.get("lat"),
        "lon": location.get("lon"),
        "location_precision": location.get("precision"),
        "agent_state": incident.get("agent_state"),
        "n_articles": n_articles if n_articles is not None else len(article_ids),
        "n_outlets": corroboration.get("outlets"),
        "n_independent_sources": corroboration.get("independent_sources"),
        "credibility": incident.get("credibility"),
        "article_ids": JOIN.join(article_ids),
        "first_quote": mentions[0].get("quote") if mentions else None,
        "contradictions": contradictions_text(incident.get("contradictions")),
    }
    for column, role in ROLE_COLUMNS.items():
        out[column] = JOIN.join(_unique([str(a.get("name") or "") for a in actors if a.get("role") == role]))
    return {column: _cell(out[column]) for column in COLUMNS}


class CsvExporter(Exporter):
    """One row per incident under a fixed header (:data:`COLUMNS`)."""

    name = "csv"
    extension = "csv"
    media_type = "text/csv"

    def __init__(self, fh: TextIO) -> None:
        super().__init__(fh)
        self.writer = csv.DictWriter(fh, fieldnames=COLUMNS, lineterminator="\n")
        self.writer.writeheader()

    def write(self, incident: dict[str, Any]) -> None:
        check_finite(incident)
        self.writer.writerow(row(incident))
        self.count += 1
