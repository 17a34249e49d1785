"""Campaigns: one sponsor state against one target over a period; stored, listed, exported."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
from pathlib import Path
from typing import Any

import pytest

from plotwatch.fuse import load_settings
from plotwatch.fuse.campaigns import CampaignIncident, build_campaigns
from plotwatch.types import ActorMention, EventMention, Extraction, PartialDate, RawArticle

MEK = ("g-mek", "MEK")
NCRI = ("g-ncri", "NCRI")


def inc(
    id_: str, date: str | None, state: str | None = "IR", targets: Any = (MEK,), type_: str = "bombing"
) -> CampaignIncident:
    return CampaignIncident(id_, type_, date, state, tuple(targets))


def test_campaigns_group_by_sponsor_and_target_within_the_window() -> None:
    settings = {"campaigns": {"window_days": 365, "min_incidents": 2}}
    campaigns = build_campaigns(
        [
            inc("i1", "2018-03"),
            inc("i2", "2018-06-30", targets=(MEK, NCRI)),
            inc("i3", "2019-01"),
            inc("i4", "2022"),  # more than a year after i3: not the same campaign
            inc("i5", "2018-05", state="RU"),  # another sponsor
            inc("i6", None),  # undated: cannot be placed
            inc("i7", "2018-07", type_="arrest"),  # responses are not campaign acts
        ],
        settings,
    )
    assert [(c.sponsor_state, c.target_name, c.incident_ids, c.start, c.end) for c in campaigns] == [
        ("IR", "MEK", ["i1", "i2", "i3"], "2018-03", "2019-01")
    ]


def test_campaigns_ids_are_stable_and_order_free() -> None:
    items = [
        inc("i1", "2018-03"),
        inc("i2", "2018-06"),
        inc("i3", "2018-02", targets=(NCRI,)),
        inc("i4", "2018-09", targets=(NCRI,)),
    ]
    first = build_campaigns(items, load_settings())
    again = build_campaigns(list(reversed(items)), load_settings())
    assert [c.as_dict() for c in first] == [c.as_dict() for c in again]
    assert len({c.id for c in first}) == 2 and all(c.id.startswith("camp-") for c in first)


def _article(store: Any, source_id: str, text: str, date: str, country: str, target: ActorMention) -> None:
    from plotwatch.grade.registry import SourceEntry

    ev = EventMention(
        type="bombing",
        status="foiled",
        date=PartialDate.parse(date),
        sentence_start=0,
        sentence_end=len(text),
        quote=text,
        trigger="bomb",
        country=country,
        agent_state="IR",
        actors=[
            ActorMention("MOIS", "sponsor", "Ministry of Intelligence", "ministry", "IR", "ir-mois"),
            target,
            ActorMention("Iran", "sponsor", "Iran", "state", "IR", "ir"),
        ],
    )
    store.add_article(
        RawArticle(
            source_id,
            text,
            text,
            f"{source_id}.txt",
            "txt",
            outlet="Wire Europe",
            published=dt.date.fromisoformat(date + "-28"),
        ),
        content_hash=hashlib.sha256(text.encode()).hexdigest(),
        extraction=Extraction(events=[ev]),
        extractor_version="test",
        source=SourceEntry("Wire Europe", "B", "wire", "Wire Europe"),
    )


@pytest.fixture()
def store(tmp_path: Path) -> Any:
    from plotwatch.pipeline import refuse
    from plotwatch.store.db import Store

    s = Store(f"sqlite:///{tmp_path / 'c.db'}")
    mek = ActorMention("MEK", "target", "Mojahedin-e-Khalq", "group", "IR", "g-mek")
    _article(s, "w1", "A bomb plot against the MEK rally in Tirana was foiled.", "2018-03", "AL", mek)
    _article(s, "w2", "A bomb plot against the MEK gathering near Paris was foiled.", "2018-06", "FR", mek)
    refuse(s)
    return s


def test_campaigns_stored_listed_and_shown(store: Any) -> None:
    from typer.testing import CliRunner

    import plotwatch.cli.main as cli
    from plotwatch.store.queries import list_campaigns, list_incidents

    (camp,) = list_campaigns(store)
    assert camp["sponsor_state"] == "IR" and camp["target"]["name"] == "Mojahedin-e-Khalq"
    assert [i["date"] for i in camp["incidents"]] == ["2018-03", "2018-06"]
    for rec in list_incidents(store):
        assert rec["campaigns"] == [
            {"id": camp["id"], "sponsor_state": "IR", "target": "Mojahedin-e-Khalq", "target_id": "g-mek"}
        ]
    db = store.url
    runner = CliRunner()
    out = runner.invoke(cli.app, ["campaigns", "--db", db, "--json"])
    assert out.exit_code == 0, out.output
    assert [c["id"] for c in json.loads(out.output)] == [camp["id"]]
    out = runner.invoke(cli.app, ["campaigns", camp["id"][:9], "--db", db])
    assert out.exit_code == 0 and "Mojahedin-e-Khalq" in out.output
    out = runner.invoke(cli.app, ["show", camp["incidents"][0]["id"], "--db", db])
    assert out.exit_code == 0 and camp["id"] in out.output
    out = runner.invoke(cli.app, ["campaigns", "camp-nope", "--db", db])
    assert out.exit_code != 0 and "no campaign" in out.output
    out = runner.invoke(cli.app, ["campaigns", "--sponsor", "Iran", "--db", db])
    assert out.exit_code != 0 and "--sponsor" in out.output


def test_campaigns_exported_to_stix_strictly_valid(store: Any) -> None:
    from stix2validator import ValidationOptions, validate_string

    from plotwatch.export import export_bundle, load_bundle

    out = io.StringIO()
    export_bundle(load_bundle(store), "stix", out)
    result = validate_string(out.getvalue(), ValidationOptions(strict=True))
    assert result.is_valid, [str(e) for e in result.errors]
    objects = json.loads(out.getvalue())["objects"]
    campaigns = [o for o in objects if o["type"] == "campaign"]
    assert [c["name"] for c in campaigns] == ["IR against Mojahedin-e-Khalq"]
    rels = {
        (o["relationship_type"], o["source_ref"].split("--")[0], o["target_ref"].split("--")[0])
        for o in objects
        if o["type"] == "relationship" and campaigns[0]["id"] in (o["source_ref"], o["target_ref"])
    }
    assert ("related-to", "incident", "campaign") in rels and ("targets", "campaign", "identity") in rels


def test_campaigns_follow_analyst_review(store: Any) -> None:
    """Rejecting an incident takes it out of its campaign at once; accepting brings it back."""
    from plotwatch.review.actions import set_review
    from plotwatch.store.queries import list_campaigns

    (camp,) = list_campaigns(store)
    first, second = (i["id"] for i in camp["incidents"])
    set_review(store, first, "rejected", actor="ana")
    # a campaign needs at least two incidents: one rejection leaves none
    assert all(first not in [i["id"] for i in c["incidents"]] for c in list_campaigns(store))
    set_review(store, first, "accepted", actor="ana")
    (again,) = list_campaigns(store)
    assert again["id"] == camp["id"] and [i["id"] for i in again["incidents"]] == [first, second]
