"""``plotwatch network``: who is linked to an entity within k hops, and by what evidence."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.tree import Tree
from typer.core import TyperGroup

from plotwatch.cli.main import DbOption, JsonOption, _print_json, _store, console, err, friendly
from plotwatch.errors import PlotwatchError


class _WalkByDefault(TyperGroup):
    """``plotwatch network ENTITY …`` is ``plotwatch network walk ENTITY …``."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ctx.help_option_names:
            args = ["walk", *args]
        return super().parse_args(ctx, args)


network_app = typer.Typer(
    cls=_WalkByDefault,
    no_args_is_help=True,
    help="The network walk: entities and incidents linked to an entity (plotwatch network ENTITY "
    "is network walk ENTITY), shortest paths.",
)
Relations = Annotated[
    list[str] | None,
    typer.Option("--relation", "-r", help="Follow only edges of this type (role or relation; repeatable)."),
]


def _label(node: dict[str, Any]) -> str:
    extra = f", {node['country']}" if node.get("country") else ""
    return f"[bold]{node['label']}[/] [dim]({node['type']}{extra}; {node['ref']})[/]"


def _quote(edge: dict[str, Any]) -> str:
    if not edge.get("evidence"):
        return ""
    ev = edge["evidence"][0]
    quote = " ".join(ev["quote"].split())
    quote = quote if len(quote) <= 160 else quote[:157] + "…"
    return f"\n[dim]  “{quote}” — {ev['article']}[/]"


@network_app.command("walk")
@friendly
def walk(
    entity: Annotated[str, typer.Argument(help="Entity id, name or alias.")],
    hops: Annotated[int, typer.Option(min=1, max=6, help="Edges away from the entity.")] = 2,
    relation: Relations = None,
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            help="Write the subgraph as json, gexf, graphml, or any export format (stix, ftm, "
            "jsonl, csv …: the incidents, entities and relations reached).",
        ),
    ] = None,
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="File for --format (default: standard output).")
    ] = None,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Entities and incidents within --hops of ENTITY, each with its path and the evidence of each edge."""
    from plotwatch.network import neighbourhood, resolve_entity
    from plotwatch.network.export import subgraph_formats, write_subgraph_as

    if fmt is not None and fmt not in subgraph_formats():
        raise ValueError(f"--format must be one of {', '.join(subgraph_formats())}, not {fmt!r}")
    if out is not None and fmt is None and not as_json:
        raise ValueError("--out needs --format (or --json)")
    store = _store(db)
    sub = neighbourhood(store, resolve_entity(store, entity), hops, relation)
    if fmt is None and as_json:
        fmt = "json"
    if fmt is not None:
        if out is None:
            write_subgraph_as(store, sub, fmt, sys.stdout)
            return
        tmp = out.with_name(out.name + ".part")
        try:
            with tmp.open("w", encoding="utf-8", newline="") as fh:
                what = write_subgraph_as(store, sub, fmt, fh)
            tmp.replace(out)
        except OSError as exc:
            raise PlotwatchError(f"cannot write {out}: {exc.strerror}") from None
        finally:
            tmp.unlink(missing_ok=True)
        err.print(f"{what} written to {out}")
        return
    data = sub.to_dict()
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
