"""Exporting incidents: one module per format on a tiny base.

    common.py    Exporter base: __init__(fh), write(incident), write_bundle(bundle), close()
    bundle.py    load_bundle(): incidents + the articles, outlets, entities, relations they cite
    jsonl.py     "jsonl": one export-contract incident per line
    csv.py       "csv": one row per incident, columns documented in the module
    stix.py      "stix": a STIX 2.1 bundle (OpenCTI, MISP)
    ftm.py       "ftm": FollowTheMoney entities as JSON lines (Aleph, OpenSanctions)
    acled.py     "acled": CSV in the style of ACLED
    geojson.py   "geojson": a FeatureCollection of located incidents
    network.py   the actor–incident network; write_subgraph() for any node/edge dicts
    gexf.py      "gexf": the network for Gephi
    graphml.py   "graphml": the network as GraphML
    plover.py    "plover": PLOVER-style event JSON lines
    validate.py  validate_incident(): problems with a dict as an export-contract incident

The CLI and the web app both go through :func:`export_incidents` (contract dicts; every
format accepts them) or :func:`export_bundle` (a bundle from the store: outlets, URLs,
aliases and relations too)::

    n = export_incidents(queries.list_incidents(store), "csv", sys.stdout)
    n = export_bundle(load_bundle(store), "stix", sys.stdout)
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TextIO

from plotwatch.errors import PlotwatchError
from plotwatch.export.acled import AcledExporter
from plotwatch.export.bundle import Bundle, load_bundle
from plotwatch.export.common import BundleExporter, Exporter
from plotwatch.export.csv import CsvExporter
from plotwatch.export.ftm import FtmExporter
from plotwatch.export.geojson import GeoJsonExporter
from plotwatch.export.gexf import GexfExporter
from plotwatch.export.graphml import GraphmlExporter
from plotwatch.export.jsonl import JsonlExporter
from plotwatch.export.network import write_subgraph
from plotwatch.export.plover import PloverExporter
from plotwatch.export.stix import StixExporter
from plotwatch.export.validate import validate_incident

EXPORTERS: dict[str, type[Exporter]] = {
    JsonlExporter.name: JsonlExporter,
    CsvExporter.name: CsvExporter,
    StixExporter.name: StixExporter,
    FtmExporter.name: FtmExporter,
    AcledExporter.name: AcledExporter,
    GeoJsonExporter.name: GeoJsonExporter,
    GexfExporter.name: GexfExporter,
    GraphmlExporter.name: GraphmlExporter,
    PloverExporter.name: PloverExporter,
}


def get_exporter(fmt: str) -> type[Exporter]:
    """The exporter class registered as ``fmt``; PlotwatchError listing the known ones."""
    try:
        return EXPORTERS[fmt]
    except KeyError:
        contract = ", ".join(sorted(k for k, v in EXPORTERS.items() if not issubclass(v, BundleExporter)))
        exchange = ", ".join(sorted(k for k, v in EXPORTERS.items() if issubclass(v, BundleExporter)))
        raise PlotwatchError(
            f"unknown export format {fmt!r} (known formats: {contract}; exchange formats: {exchange})"
        ) from None


def export_incidents(incidents: Iterable[dict[str, Any]], fmt: str, fh: TextIO) -> int:
    """Write ``incidents`` to ``fh`` as ``fmt``; returns how many were written."""
    exporter = get_exporter(fmt)(fh)
    with exporter:
        for incident in incidents:
            exporter.write(incident)
    return exporter.count


def export_bundle(bundle: Bundle, fmt: str, fh: TextIO) -> int:
    """Write ``bundle`` (from :func:`load_bundle`) to ``fh`` as ``fmt``; returns the incident count."""
    exporter = get_exporter(fmt)(fh)
    with exporter:
        exporter.write_bundle(bundle)
    return exporter.count


__all__ = [
    "EXPORTERS",
    "AcledExporter",
    "Bundle",
    "BundleExporter",
    "CsvExporter",
    "Exporter",
    "FtmExporter",
    "GeoJsonExporter",
    "GexfExporter",
    "GraphmlExporter",
    "JsonlExporter",
    "PloverExporter",
    "StixExporter",
    "export_bundle",
    "export_incidents",
    "get_exporter",
    "load_bundle",
    "validate_incident",
    "write_subgraph",
]
