"""``plotwatch network``: who is linked to an entity within k hops, and by what evidence."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rich.tree import Tree

from plotwatch.cli.main import DbOption, JsonOption, _print_json, _store, console, err, friendly

network_app = typer.Typer(
    no_args_is_help=True,
    help="The network walk: entities and incidents linked to an entity, shortest paths.",
)
Relations = Annotated[
    list[str] | None,
    typer.Option("--relation", "-r", help="Follow only edges of this type (role or relation; repeatable)."),
]
FORMATS = ("json", "gexf", "graphml")


def _label(node: dict[str, Any]) -> str:
    extra = f", {node['country']}" if node.get("country") else ""
    return f"[bold]{node['label']}[/] [dim]({node['type']}{extra}; {node['ref']})[/]"


def _quote(edge: dict[str, Any]) -> str:
    if not edge.get("evidence"):
        return ""
    ev = edge["evidence"][0]
    quote = ev["quote"] if len(ev["quote"]) <= 160 else ev["quote"][:157] + "…"
    return f"\n[dim]  “{quote}” — {ev['article']}[/]"


@network_app.command("walk")
@friendly
def walk(
    entity: Annotated[str, typer.Argument(help="Entity id, name or alias.")],
    hops: Annotated[int, typer.Option(min=1, max=6, help="Edges away from the entity.")] = 2,
    relation: Relations = None,
    fmt: Annotated[
        str | None, typer.Option("--format", help="Write the subgraph as json, gexf or graphml (with --out).")
    ] = None,
    out: Annotated[
        Path | None, typer.Option("--out", help="File for --format (default: standard output).")
    ] = None,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Entities and incidents within --hops of ENTITY, each with its path and the evidence of each edge."""
    from plotwatch.network import neighbourhood, resolve_entity

    if fmt is not None and fmt not in FORMATS:
        raise ValueError(f"--format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    store = _store(db)
    sub = neighbourhood(store, resolve_entity(store, entity), hops, relation)
    data = sub.to_dict()
    if fmt in ("gexf", "graphml"):
        from plotwatch.export.network import write_subgraph

        x_nodes, x_edges = sub.export_items()
        if out is None:
            write_subgraph(x_nodes, x_edges, fmt, typer.get_text_stream("stdout"))
        else:
            with out.open("w", encoding="utf-8") as fh:
                write_subgraph(x_nodes, x_edges, fmt, fh)
            err.print(f"{len(x_nodes)} nodes and {len(x_edges)} edges written to {out}")
        return
    if as_json or fmt == "json":
        if out is not None:
            import json

            out.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
            err.print(f"{len(data['nodes'])} nodes and {len(data['edges'])} edges written to {out}")
        else:
            _print_json(data)
        return
    nodes = {n["id"]: n for n in data["nodes"]}
    edges = {(e["source"], e["target"], e["type"]): e for e in data["edges"]}
    children: dict[str, list[str]] = {}
    for n in data["nodes"]:
        if n["via"]:
            children.setdefault(n["via"]["from"], []).append(n["id"])
    tree = Tree(_label(nodes[data["center"]]))

    def grow(branch: Tree, nid: str) -> None:
        for child in children.get(nid, []):
            node = nodes[child]
            kind = node["via"]["type"]
            edge = edges.get((nid, child, kind)) or edges.get((child, nid, kind)) or {}
            sub_branch = branch.add(f"[cyan]{kind}[/] → {_label(node)}{_quote(edge)}")
            grow(sub_branch, child)

    grow(tree, data["center"])
    console.print(tree)
    n_ent = sum(1 for n in data["nodes"] if n["group"] == "entity") - 1
    n_inc = sum(1 for n in data["nodes"] if n["group"] == "incident")
    note = " (truncated)" if data["truncated"] else ""
    console.print(f"{n_ent} entities and {n_inc} incidents within {hops} hop(s){note}; {len(edges)} edges")


@network_app.command("path")
@friendly
def path(
    source: Annotated[str, typer.Argument(help="Entity id, name or alias.")],
    target: Annotated[str, typer.Argument(help="Entity id, name or alias.")],
    max_hops: Annotated[int, typer.Option(min=1, max=6, help="Longest path looked for.")] = 6,
    relation: Relations = None,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """The shortest chain of edges from SOURCE to TARGET, with the evidence of each edge."""
    from plotwatch.errors import NotFoundError
    from plotwatch.network import resolve_entity, shortest_path

    store = _store(db)
    a, b = resolve_entity(store, source), resolve_entity(store, target)
    found = shortest_path(store, a, b, max_hops, relation)
    if found is None:
        raise NotFoundError(f"{source!r} and {target!r} are not linked within {max_hops} hops")
    if as_json:
        _print_json({"source": a, "target": b, **found})
        return
    console.print(_label(found["nodes"][0]))
    for node, edge in zip(found["nodes"][1:], found["edges"], strict=True):
        console.print(f"  [cyan]{edge['type']}[/] → {_label(node)}{_quote(edge)}")
    console.print(f"{found['hops']} hop(s)")


def register(app: typer.Typer) -> None:
    app.add_typer(network_app, name="network")
