"""Chains stored after fusion: linked over every incident, read back by the store and the web app,
rebuilt after analyst decisions, linked on read for incidents stored since."""

from __future__ import annotations

import hashlib

from sqlalchemy import delete, select

from plotwatch import pipeline
from plotwatch.fuse.chains import link_chains
from plotwatch.review import set_review
from plotwatch.store.db import Store
from plotwatch.store.models import Incident, IncidentChain
from plotwatch.store.queries import _chain_records, get_incident, list_incidents
from plotwatch.types import ActorMention, EventMention, Extraction, PartialDate, RawArticle
from plotwatch.web import lookups
from plotwatch.web.bench import _one_per_mention

# (key, type, date, named people); every event also names the sponsor state, which links nothing
EVENTS = [
    ("plot-a", "bombing", "2018-06-30", ["Anna Orlov"]),
    ("plot-b", "kidnapping", "2019-02-01", ["Ivan Petrov", "Omar Haddad"]),
    # shares one actor with plot-a but two with plot-b: it answers plot-b
    ("arrest", "arrest", "2019-05-01", ["Anna Orlov", "Ivan Petrov", "Omar Haddad"]),
    ("charge", "charge", "2019-09-01", ["Ivan Petrov"]),
    ("verdict", "conviction", "2020-03-01", ["Omar Haddad"]),
]


def _store(url: str) -> tuple[Store, dict[str, str]]:
    store = Store(url)
    text, events = "", []
    for key, etype, date, people in EVENTS:
        sentence = f"Report {key}: a {etype} involving {', '.join(people)}."
        start = len(text)
        text += sentence + " "
        actors = [ActorMention(p, "perpetrator", p, "person", "IR") for p in people]
        actors.append(ActorMention("Iran", "sponsor", "Iran", "state", "IR", "st-ir"))
        events.append(
            EventMention(
                etype,
                "foiled" if etype in ("bombing", "kidnapping") else None,
                PartialDate.parse(date),
                start,
                start + len(sentence),
                sentence,
                etype,
                "DE",
                agent_state="IR",
                actors=actors,
            )
        )
    raw = RawArticle("chains-1", text, text, "test", "json", title="Chains", outlet="Wire")
    store.add_article(
        raw,
        content_hash=hashlib.sha256(text.encode()).hexdigest(),
        extraction=Extraction(events=events),
        extractor_version="test",
    )
    pipeline.refuse(store, _one_per_mention)
    with store.session() as s:
        ids = {}
        for iid, quote in s.execute(select(Incident.id, Incident.type)):
            ids[next(k for k, t, _, _ in EVENTS if t == quote)] = iid
    return store, ids


def _pairs(chain: list[dict[str, object]], ids: dict[str, str]) -> list[tuple[object, str]]:
    names = {v: k for k, v in ids.items()}
    return [(link["relation"], names[str(link["id"])]) for link in chain]


def test_chains_are_stored_after_fusion_and_linked_over_every_incident(db_url: str) -> None:
    store, ids = _store(db_url)
    with store.session() as s:
        assert set(s.scalars(select(IncidentChain.incident_id))) == set(ids.values())
        expected = link_chains(_chain_records(s).values())
    for key, iid in ids.items():
        record = get_incident(store, iid)
        assert record["chain"] == expected.get(iid, []), key
        assert lookups.incident(store, iid) == record
    # the arrest names plot-a's actor too, but answers plot-b (two shared actors); linking only
    # the neighbours of plot-a (the arrest) used to make plot-a "responded by" the arrest
    assert _pairs(get_incident(store, ids["plot-a"])["chain"], ids) == []
    assert _pairs(get_incident(store, ids["plot-b"])["chain"], ids) == [
        ("responded_by", "arrest"),
        ("responded_by", "charge"),
        ("responded_by", "verdict"),
    ]
    # the verdict follows the charge, which names none of its actors (linking only the
    # verdict's neighbours used to make it follow the arrest)
    assert _pairs(get_incident(store, ids["verdict"])["chain"], ids) == [
        ("response_to", "plot-b"),
        ("follows", "charge"),
    ]
    assert {r["id"]: r["chain"] for r in list_incidents(store)} == {
        iid: expected.get(iid, []) for iid in ids.values()
    }


def test_a_rejected_incident_leaves_the_chains(db_url: str) -> None:
    store, ids = _store(db_url)
    set_review(store, ids["plot-b"], "rejected", actor="ana")
    assert get_incident(store, ids["plot-b"])["chain"] == []
    # with plot-b gone, the arrest answers plot-a, the only plot left that it names
    assert _pairs(get_incident(store, ids["plot-a"])["chain"], ids) == [("responded_by", "arrest")]
    for iid in ids.values():
        assert ids["plot-b"] not in {link["id"] for link in get_incident(store, iid)["chain"]}


def test_incidents_without_a_stored_chain_are_linked_when_read(db_url: str) -> None:
    store, ids = _store(db_url)
    stored = {iid: get_incident(store, iid)["chain"] for iid in ids.values()}
    with store.transaction() as s:
        s.execute(delete(IncidentChain))
    for key, iid in ids.items():
        chain = get_incident(store, iid)["chain"]
        # a response's plot shares an actor with it, so its neighbours hold its plot
        answered = [link for link in stored[iid] if link["relation"] == "response_to"]
        assert [link for link in chain if link["relation"] == "response_to"] == answered, key
        assert lookups.incident(store, iid) == get_incident(store, iid)
    assert _pairs(get_incident(store, ids["arrest"])["chain"], ids)[0] == ("response_to", "plot-b")


def test_related_keeps_the_first_incidents_by_date_whatever_the_limit(db_url: str) -> None:
    store, ids = _store(db_url)
    for iid in ids.values():
        record = lookups.incident(store, iid)
        full = lookups.related(store, record, 50)
        assert [r["id"] for r in full] != [] or iid == ids["plot-a"]
        for limit in (1, 2, 3):
            assert lookups.related(store, record, limit) == full[:limit]
