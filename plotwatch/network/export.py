"""A walk's subgraph in every export format.

GEXF and GraphML get the walk itself: its nodes (with ``hops`` and the node they were
reached from) and its edges with their evidence quotes. The other formats (jsonl, csv,
STIX, FtM, ACLED, GeoJSON, PLOVER) are incident formats, so they get a bundle of the
subgraph: the incidents it reached as full export-contract records, the entities it reached
with every alias, the relations that are edges of the subgraph (quote, article, origin),
and the articles and outlets all of those cite. ``json`` is ``Subgraph.to_dict()``::

    sub = neighbourhood(store, "ir-mois", hops=2)
    write_subgraph_as(store, sub, "stix", fh)
"""

from __future__ import annotations

import json
from typing import Any, TextIO

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from plotwatch.errors import PlotwatchError
from plotwatch.export import EXPORTERS, export_bundle, write_subgraph
from plotwatch.export.bundle import (
    Bundle,
    add_cited_articles,
    add_entities,
    add_relation,
    sorted_bundle,
)
from plotwatch.network.walk import Subgraph
from plotwatch.store.db import Store, chunked
from plotwatch.store.models import Article, Incident, Relation
from plotwatch.store.queries import _attach_chains, _to_contract

GRAPH_FORMATS = ("gexf", "graphml")


def subgraph_formats() -> list[str]:
    """Every format a subgraph can be written as: json, then the export formats."""
    return ["json", *EXPORTERS]


def subgraph_bundle(store: Store, sub: Subgraph) -> Bundle:
    """The incidents, entities and relations of ``sub`` with what they cite (see the module doc)."""
    records = _records(store, sorted(n["ref"] for n in sub.nodes.values() if n["group"] == "incident"))
    bundle = Bundle.from_incidents(records)
    reached = {n["ref"] for n in sub.nodes.values() if n["group"] == "entity"}
    edges = {
        (e["source"][2:], e["target"][2:], e["type"]) for e in sub.edges.values() if e["kind"] == "relation"
    }
    with store.session() as s:
        if edges:
            rows = s.execute(
                select(Relation, Article.source_id)
                .join(Article, Article.id == Relation.article_id, isouter=True)
                .where(Relation.source_id.in_(sorted({a for a, _b, _t in edges})))
                .order_by(Relation.id)
            )
            for rel, article_sid in rows:
                if (rel.source_id, rel.target_id, rel.type) in edges:
                    add_relation(bundle, rel, article_sid)
        add_entities(s, bundle, reached | set(bundle.entities))
        add_cited_articles(s, bundle)
    return sorted_bundle(bundle)


def write_subgraph_as(store: Store, sub: Subgraph, fmt: str, fh: TextIO) -> str:
    """Write ``sub`` to ``fh`` as ``fmt``; returns what was written ("12 nodes and 15 edges",
    "3 incident(s)"). An unknown format is a PlotwatchError listing the known ones."""
    if fmt == "json":
        data = sub.to_dict()
        fh.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
        return f"{len(data['nodes'])} nodes and {len(data['edges'])} edges"
    if fmt in GRAPH_FORMATS:
        nodes, edges = sub.export_items()
        write_subgraph(nodes, edges, fmt, fh)
        return f"{len(nodes)} nodes and {len(edges)} edges"
    if fmt not in EXPORTERS:
        raise PlotwatchError(f"unknown format {fmt!r} (known: {', '.join(subgraph_formats())})")
    n = export_bundle(subgraph_bundle(store, sub), fmt, fh)
    return f"{n} incident(s)"


def _records(store: Store, ids: list[str]) -> list[dict[str, Any]]:
    """Export-contract records of the incidents ``ids``, in date order (chains read once for all)."""
    with store.session() as s:
        incidents: list[Incident] = []
        for chunk in chunked(ids):
            q = select(Incident).where(Incident.id.in_(chunk))
            incidents += s.scalars(q.options(selectinload(Incident.actors), selectinload(Incident.mentions)))
        records = _attach_chains(s, _to_contract(s, incidents))
    return sorted(records, key=_by_date)


def _by_date(record: dict[str, Any]) -> tuple[bool, str, str]:
    start = (record.get("date") or {}).get("start")
    return start is None, start or "", record["id"]


__all__ = ["GRAPH_FORMATS", "subgraph_bundle", "subgraph_formats", "write_subgraph_as"]
