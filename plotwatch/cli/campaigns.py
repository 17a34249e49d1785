"""``plotwatch campaigns``: incidents grouped by sponsor state and target over a period."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from plotwatch.cli.main import DbOption, JsonOption, _print_json, _store, console, friendly


def register(app: typer.Typer) -> None:
    app.command("campaigns")(campaigns)


@friendly
def campaigns(
    campaign_id: Annotated[
        str | None, typer.Argument(help="Show one campaign (id or unique prefix) with its incidents.")
    ] = None,
    db: DbOption = None,
    sponsor: Annotated[str | None, typer.Option(help="Sponsor state, ISO alpha-2 (IR).")] = None,
    as_json: JsonOption = False,
) -> None:
    """Campaigns: hostile incidents of one sponsor state against one target over a period."""
    from plotwatch.store.queries import list_campaigns

    if sponsor is not None and not (len(sponsor) == 2 and sponsor.isalpha()):
        raise ValueError(f"--sponsor must be an ISO alpha-2 country code such as IR, not {sponsor!r}")
    rows = list_campaigns(_store(db), sponsor=sponsor, campaign_id=campaign_id)
    if as_json:
        _print_json(rows)
        return
    if campaign_id is not None:
        for c in rows:
            console.print(
                f"[bold]{c['id']}[/]  {c['sponsor_state']} against {c['target']['name']}, "
                f"{c['start'] or '?'} to {c['end'] or '?'}"
            )
            for inc in c["incidents"]:
                status = f" ({inc['status']})" if inc["status"] else ""
                console.print(
                    f"  {inc['date'] or '????':10} {inc['type']}{status:12} {inc['country'] or '-':3} "
                    f"credibility {inc['credibility']}  {inc['id']}",
                    highlight=False,
                )
        return
    table = Table(title=f"{len(rows)} campaign(s)")
    for col in ("id", "sponsor", "target", "from", "to", "incidents"):
        table.add_column(col, overflow="fold")
    for c in rows:
        table.add_row(
            c["id"],
            c["sponsor_state"],
            c["target"]["name"],
            c["start"] or "",
            c["end"] or "",
            str(len(c["incidents"])),
        )
    console.print(table)
