"""The actor–incident network as plain node and edge dicts, and :func:`write_subgraph`.

Nodes and edges are plain dicts so any producer can use the same writers (GEXF for Gephi,
GraphML for Gephi, yEd, Cytoscape, networkx)::

    node = {"id": "entity:ir-mois", "label": "MOIS", "kind": "agency", "attributes": {"country": "IR"}}
    edge = {"source": "entity:ir-mois", "target": "incident:inc-1", "type": "sponsor",
            "attributes": {"weight": 2, "evidence": ["003", "004"]}}
    write_subgraph([node, ...], [edge, ...], "gexf", fh)

The network walk (``plotwatch.network``, ``Subgraph.to_dict()``) hands its nodes and edges
to :func:`write_subgraph` unchanged. Attribute values may be strings, numbers, booleans or
lists (written ``"; "``-joined); None means "no value". ``weight`` on an edge becomes the
format's edge weight (default 1).

:func:`network` builds the graph of a :class:`~plotwatch.export.bundle.Bundle`: one node per
entity (``entity:<id>``) and per incident (``incident:<id>``); one edge per actor role
(entity → incident, type = the role, weight = number of evidence articles, evidence = their
ids) and per entity relation (entity → entity, type = relation type, weight = number of times
it is recorded, evidence = the articles).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, TextIO

from plotwatch.errors import PlotwatchError
from plotwatch.export.bundle import Bundle, actor_entity_id

Node = dict[str, Any]
Edge = dict[str, Any]
JOIN = "; "


def cell(value: Any) -> Any:
    """An attribute value as written: lists joined with ``"; "``, everything else as is."""
    if isinstance(value, list | tuple | set):
        return JOIN.join(str(v) for v in value)
    return value


def attribute_types(items: Iterable[dict[str, Any]]) -> dict[str, str]:
    """Attribute name → "boolean", "integer", "double" or "string" (mixed values: string)."""
    types: dict[str, str] = {}
    for item in items:
        for name, value in (item.get("attributes") or {}).items():
            value = cell(value)
            if value is None:
                continue
            if isinstance(value, bool):
                kind = "boolean"
            elif isinstance(value, int):
                kind = "integer"
            elif isinstance(value, float):
                kind = "double"
            else:
                kind = "string"
            seen = types.get(name)
            if seen is None:
                types[name] = kind
            elif seen != kind:
                types[name] = "double" if {seen, kind} == {"integer", "double"} else "string"
    return types


def text(value: Any) -> str:
    """A value as XML attribute text ("true"/"false" for booleans)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(cell(value))


def check(nodes: Sequence[Node], edges: Sequence[Edge]) -> None:
    """Raise :class:`PlotwatchError` for duplicate node ids or edges to unknown nodes."""
    ids = [str(n["id"]) for n in nodes]
    if len(set(ids)) != len(ids):
        raise PlotwatchError("network: node ids must be unique")
    known = set(ids)
    for e in edges:
        for end in ("source", "target"):
            if str(e[end]) not in known:
                raise PlotwatchError(f"network: edge {end} {e[end]!r} is not a node")


def write_subgraph(nodes: Sequence[Node], edges: Sequence[Edge], fmt: str, fh: TextIO) -> None:
    """Write plain node/edge dicts as ``fmt`` ("gexf" or "graphml") to ``fh``."""
    check(nodes, edges)
    if fmt == "gexf":
        from plotwatch.export.gexf import write_gexf

        write_gexf(nodes, edges, fh)
    elif fmt == "graphml":
        from plotwatch.export.graphml import write_graphml

        write_graphml(nodes, edges, fh)
    else:
        raise PlotwatchError(f"unknown network format {fmt!r} (known: gexf, graphml)")


def network(bundle: Bundle) -> tuple[list[Node], list[Edge]]:
    """The actor–incident network of ``bundle`` (see the module docstring)."""
    nodes: dict[str, Node] = {}
    edges: dict[tuple[str, str, str], Edge] = {}
    for ent in bundle.entities.values():
        nodes[f"entity:{ent.id}"] = {
            "id": f"entity:{ent.id}",
            "label": ent.name,
            "kind": ent.kind,
            "attributes": {"country": ent.country, "aliases": list(ent.aliases), "origin": ent.origin},
        }
    for inc in bundle.incidents:
        nid = f"incident:{inc['id']}"
        loc, date = inc.get("location") or {}, inc.get("date") or {}
        where = ", ".join(x for x in (loc.get("place"), loc.get("country")) if x)
        nodes[nid] = {
            "id": nid,
            "label": " ".join(x for x in (inc["type"], date.get("start"), where) if x),
            "kind": "incident",
            "attributes": {
                "type": inc["type"],
                "status": inc.get("status"),
                "date": date.get("start"),
                "country": loc.get("country"),
                "place": loc.get("place"),
                "lat": loc.get("lat"),
                "lon": loc.get("lon"),
                "agent_state": inc.get("agent_state"),
                "credibility": inc.get("credibility"),
                "n_articles": (inc.get("corroboration") or {}).get("articles"),
            },
        }
        evidence = list(
            dict.fromkeys(m["article_id"] for m in inc.get("mentions") or [] if m.get("article_id"))
        )
        for a in inc.get("actors") or []:
            source = f"entity:{actor_entity_id(a)}"
            if source not in nodes:
                continue
            edges.setdefault(
                (source, nid, a["role"]),
                {
                    "source": source,
                    "target": nid,
                    "type": a["role"],
                    "attributes": {"weight": max(1, len(evidence)), "evidence": evidence},
                },
            )
    for rel in bundle.relations:
        source, target = f"entity:{rel.source}", f"entity:{rel.target}"
        if source not in nodes or target not in nodes:
            continue
        edge = edges.setdefault(
            (source, target, rel.type),
            {
                "source": source,
                "target": target,
                "type": rel.type,
                "attributes": {"weight": 0, "evidence": []},
            },
        )
        edge["attributes"]["weight"] += 1
        if rel.article_id and rel.article_id not in edge["attributes"]["evidence"]:
            edge["attributes"]["evidence"].append(rel.article_id)
    return list(nodes.values()), list(edges.values())
