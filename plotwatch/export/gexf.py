"""GEXF 1.2: the actor–incident network for Gephi (``--format gexf``).

A directed static graph. Nodes carry ``label`` and the attributes ``kind`` plus whatever the
node dicts hold (entity: country, aliases, origin; incident: type, status, date, country,
place, lat, lon, agent_state, credibility, n_articles). Edges carry ``label`` = the role or
relation type, the GEXF ``weight``, and the attributes ``type`` and ``evidence`` (article ids,
``"; "``-joined). Attribute types are declared (string, integer, double, boolean). The graph
itself is :func:`plotwatch.export.network.network`; :func:`write_gexf` takes any plain node
and edge dicts (see :func:`plotwatch.export.network.write_subgraph`).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence
from typing import TextIO

from plotwatch.export.bundle import Bundle
from plotwatch.export.common import BundleExporter
from plotwatch.export.network import Edge, Node, attribute_types, check, network, text

NAMESPACE = "http://www.gexf.net/1.2draft"


def _declare(graph: ET.Element, cls: str, types: dict[str, str]) -> dict[str, str]:
    attributes = ET.SubElement(graph, "attributes", {"class": cls, "mode": "static"})
    ids = {}
    for i, (name, kind) in enumerate(types.items()):
        ids[name] = str(i)
        ET.SubElement(attributes, "attribute", {"id": str(i), "title": name, "type": kind})
    return ids


def _values(parent: ET.Element, ids: dict[str, str], values: dict[str, object]) -> None:
    present = [(ids[k], v) for k, v in values.items() if k in ids and v is not None and text(v) != ""]
    if present:
        attvalues = ET.SubElement(parent, "attvalues")
        for key, value in present:
            ET.SubElement(attvalues, "attvalue", {"for": key, "value": text(value)})


def write_gexf(nodes: Sequence[Node], edges: Sequence[Edge], fh: TextIO) -> None:
    """Write plain node/edge dicts as a GEXF 1.2 document."""
    check(nodes, edges)
    node_items = [{"attributes": {"kind": n.get("kind"), **(n.get("attributes") or {})}} for n in nodes]
    edge_items = [
        {
            "attributes": {
                "type": e.get("type"),
                **{k: v for k, v in (e.get("attributes") or {}).items() if k != "weight"},
            }
        }
        for e in edges
    ]
    root = ET.Element("gexf", {"xmlns": NAMESPACE, "version": "1.2"})
    meta = ET.SubElement(root, "meta")
    ET.SubElement(meta, "creator").text = "plotwatch"
    ET.SubElement(meta, "description").text = "actor–incident network"
    graph = ET.SubElement(root, "graph", {"defaultedgetype": "directed", "mode": "static"})
    node_ids = _declare(graph, "node", attribute_types(node_items))
    edge_ids = _declare(graph, "edge", attribute_types(edge_items))
    xml_nodes = ET.SubElement(graph, "nodes")
    for n, item in zip(nodes, node_items, strict=True):
        node = ET.SubElement(xml_nodes, "node", {"id": str(n["id"]), "label": str(n.get("label") or n["id"])})
        _values(node, node_ids, item["attributes"])
    xml_edges = ET.SubElement(graph, "edges")
    for i, (e, item) in enumerate(zip(edges, edge_items, strict=True)):
        weight = (e.get("attributes") or {}).get("weight", 1)
        edge = ET.SubElement(
            xml_edges,
            "edge",
            {
                "id": f"e{i}",
                "source": str(e["source"]),
                "target": str(e["target"]),
                "label": str(e.get("type") or ""),
                "weight": text(float(weight)),
            },
        )
        _values(edge, edge_ids, item["attributes"])
    ET.indent(root)
    fh.write('<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n")


class GexfExporter(BundleExporter):
    """The network of the exported incidents as GEXF."""

    name = "gexf"
    extension = "gexf"
    media_type = "application/gexf+xml"

    def render(self, bundle: Bundle) -> None:
        write_gexf(*network(bundle), self.fh)
