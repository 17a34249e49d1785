"""GeoJSON: a FeatureCollection of incidents, for maps (``--format geojson``).

Each incident with coordinates is a ``Feature`` whose ``id`` is the incident id and whose
geometry is a ``Point`` ``[lon, lat]`` (RFC 7946 order, WGS 84). Incidents without coordinates
are **omitted**; the collection says how many and which in two foreign members,
``x_omitted`` (a count) and ``x_omitted_ids``, so a map never silently drops data.

Feature properties (null where unknown):

=====================  ===============================================================
property               meaning
=====================  ===============================================================
type, status           incident type and status (as in the contract)
date_start, date_end   ISO dates truncated to their precision
date_precision         day, month, year or none
country, place         ISO alpha-2 (or "EU") and city or town
location_precision     place, admin1, country or none
agent_state            the state behind the act, or that took the response
historical             true for incidents mentioned in passing as history
credibility            Admiralty information credibility 1–6
n_articles, n_outlets,
n_independent_sources  corroboration counts
actors                 ``[{"name", "role", "kind", "country", "entity_id"}]``
article_ids            the evidence articles, in mention order
first_quote            the first evidence sentence
=====================  ===============================================================
"""

from __future__ import annotations

import json
from typing import Any

from plotwatch.export.bundle import Bundle
from plotwatch.export.common import BundleExporter


def feature(incident: dict[str, Any]) -> dict[str, Any] | None:
    """The GeoJSON Feature of one incident, or None when it has no coordinates."""
    loc, date = incident.get("location") or {}, incident.get("date") or {}
    if loc.get("lat") is None or loc.get("lon") is None:
        return None
    corr = incident.get("corroboration") or {}
    mentions = incident.get("mentions") or []
    return {
        "type": "Feature",
        "id": incident["id"],
        "geometry": {"type": "Point", "coordinates": [loc["lon"], loc["lat"]]},
        "properties": {
            "type": incident.get("type"),
            "status": incident.get("status"),
            "date_start": date.get("start"),
            "date_end": date.get("end"),
            "date_precision": date.get("precision"),
            "country": loc.get("country"),
            "place": loc.get("place"),
            "location_precision": loc.get("precision"),
            "agent_state": incident.get("agent_state"),
            "historical": bool(incident.get("historical")),
            "credibility": incident.get("credibility"),
            "n_articles": corr.get("articles"),
            "n_outlets": corr.get("outlets"),
            "n_independent_sources": corr.get("independent_sources"),
            "actors": [
                {k: a.get(k) for k in ("name", "role", "kind", "country", "entity_id")}
                for a in incident.get("actors") or []
            ],
            "article_ids": list(dict.fromkeys(m.get("article_id") for m in mentions if m.get("article_id"))),
            "first_quote": mentions[0].get("quote") if mentions else None,
        },
    }


def feature_collection(incidents: list[dict[str, Any]]) -> dict[str, Any]:
    """The FeatureCollection of ``incidents``, with ``x_omitted``/``x_omitted_ids``."""
    features, omitted = [], []
    for incident in incidents:
        f = feature(incident)
        if f is None:
            omitted.append(incident["id"])
        else:
            features.append(f)
    return {
        "type": "FeatureCollection",
        "features": features,
        "x_omitted": len(omitted),
        "x_omitted_ids": omitted,
    }


class GeoJsonExporter(BundleExporter):
    """One FeatureCollection (JSON, indented)."""

    name = "geojson"
    extension = "geojson"
    media_type = "application/geo+json"

    def render(self, bundle: Bundle) -> None:
        doc = feature_collection(bundle.incidents)
        self.fh.write(json.dumps(doc, ensure_ascii=False, indent=1, allow_nan=False) + "\n")
