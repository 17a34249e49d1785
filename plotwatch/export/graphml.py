"""GraphML: the actor–incident network for Gephi, yEd, Cytoscape, networkx (``--format graphml``).

A directed graph. Keys are declared with their types (``string``, ``int``, ``double``,
``boolean``): on nodes ``label``, ``kind`` and the node attributes; on edges ``type`` (the
role or relation type), ``weight`` (double) and the edge attributes (``evidence``: article
ids, ``"; "``-joined). Same graph as ``--format gexf`` (:func:`plotwatch.export.network.network`);
:func:`write_graphml` takes any plain node and edge dicts.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence
from typing import Any, TextIO

from plotwatch.export.bundle import Bundle
from plotwatch.export.common import BundleExporter
from plotwatch.export.network import Edge, Node, attribute_types, check, network, text

NAMESPACE = "http://graphml.graphdrawing.org/xmlns"
GRAPHML_TYPES = {"string": "string", "integer": "int", "double": "double", "boolean": "boolean"}


def _keys(root: ET.Element, domain: str, prefix: str, types: dict[str, str]) -> dict[str, str]:
    ids = {}
    for i, (name, kind) in enumerate(types.items()):
        ids[name] = f"{prefix}{i}"
        ET.SubElement(
            root,
            "key",
            {"id": ids[name], "for": domain, "attr.name": name, "attr.type": GRAPHML_TYPES[kind]},
        )
    return ids


def _data(parent: ET.Element, ids: dict[str, str], values: dict[str, Any]) -> None:
    for name, value in values.items():
        if name in ids and value is not None and text(value) != "":
            ET.SubElement(parent, "data", {"key": ids[name]}).text = text(value)


def write_graphml(nodes: Sequence[Node], edges: Sequence[Edge], fh: TextIO) -> None:
    """Write plain node/edge dicts as a GraphML document."""
    check(nodes, edges)
    node_items = [
        {
            "attributes": {
                "label": n.get("label") or str(n["id"]),
                "kind": n.get("kind"),
                **(n.get("attributes") or {}),
            }
        }
        for n in nodes
    ]
    edge_items = []
    for e in edges:
        attrs = dict(e.get("attributes") or {})
        weight = float(attrs.pop("weight", 1))
        edge_items.append({"attributes": {"type": e.get("type"), "weight": weight, **attrs}})
    root = ET.Element("graphml", {"xmlns": NAMESPACE})
    node_ids = _keys(root, "node", "n", attribute_types(node_items))
    edge_ids = _keys(root, "edge", "e", attribute_types(edge_items))
    graph = ET.SubElement(root, "graph", {"id": "plotwatch", "edgedefault": "directed"})
    for n, item in zip(nodes, node_items, strict=True):
        _data(ET.SubElement(graph, "node", {"id": str(n["id"])}), node_ids, item["attributes"])
    for i, (e, item) in enumerate(zip(edges, edge_items, strict=True)):
        edge = ET.SubElement(
            graph, "edge", {"id": f"e{i}", "source": str(e["source"]), "target": str(e["target"])}
        )
        _data(edge, edge_ids, item["attributes"])
    ET.indent(root)
    fh.write('<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n")


class GraphmlExporter(BundleExporter):
    """The network of the exported incidents as GraphML."""

    name = "graphml"
    extension = "graphml"
    media_type = "application/graphml+xml"

    def render(self, bundle: Bundle) -> None:
        write_graphml(*network(bundle), self.fh)
