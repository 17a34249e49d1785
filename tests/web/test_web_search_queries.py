"""The web app's text search finds what the store's filter finds, on SQLite and PostgreSQL."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from plotwatch.store.db import Store
from plotwatch.store.models import Incident, Review
from plotwatch.store.queries import IncidentFilter, count_incidents, list_incidents
from plotwatch.web import queries
from plotwatch.web.bench import synthetic_store
from plotwatch.web.params import IncidentParams
from plotwatch.web.queries import incident_page, points
from tests.web.webdb import build

WORDS = ["Assadi", "assadi", "MOIS", "mois", "bomb", "Villepinte", "intelligence", "nothing-like-it", "a"]


@pytest.mark.parametrize("sort", ["-date", "credibility", "id"])
def test_web_search_matches_the_store_filter(db_url: str, sort: str) -> None:
    store, _ = build(db_url, users=False)
    for word in WORDS:
        expected = {r["id"] for r in list_incidents(store, IncidentFilter(query=word))}
        items, total = incident_page(store, IncidentParams(q=word, sort=sort, limit=100))
        assert total == count_incidents(store, IncidentFilter(query=word)) == len(expected), word
        assert {i["id"] for i in items} == expected, word
        if total > 1:  # a page past the first still counts every match
            rest, again = incident_page(store, IncidentParams(q=word, sort=sort, limit=1, offset=1))
            assert again == total and [i["id"] for i in rest] == [i["id"] for i in items][1:2]
        past, again = incident_page(store, IncidentParams(q=word, sort=sort, offset=1000))
        assert past == [] and again == total


# FEW_MATCHES 0: every search walks the list through its sort index (the way of a common word)
@pytest.mark.parametrize("few", [0, queries.FEW_MATCHES])
def test_web_search_order_and_total_are_those_of_the_list_restricted_to_matches(
    db_url: str, monkeypatch: pytest.MonkeyPatch, few: int
) -> None:
    # many actors sharing few names (each name read once from the name index), matches by
    # name, by alias and by evidence, a rejected incident hidden; every sort and page
    monkeypatch.setattr(queries, "FEW_MATCHES", few)
    store = synthetic_store(db_url, 240)
    with store.session() as s:
        first = s.scalars(select(Incident.id).order_by(Incident.id)).first()
    with store.transaction() as s:
        s.add(Review(incident_id=first, decision="rejected", by="test"))
    for word in ["Assadi", "petrov", "intelligence", "Exile", "bombing", "ministry", "nothing-like-it"]:
        expected = {r["id"] for r in list_incidents(store, IncidentFilter(query=word))}
        assert first not in expected
        for sort in ["-date", "credibility", "-articles", "id"]:
            order = [i["id"] for off in (0, 100, 200) for i in _page(store, sort, offset=off, limit=100)]
            assert len(order) == 239
            wanted = [i for i in order if i in expected]
            for offset, limit in [(0, 20), (15, 7), (max(len(wanted) - 3, 0), 50)]:
                items, total = incident_page(
                    store, IncidentParams(q=word, sort=sort, limit=limit, offset=offset)
                )
                assert total == len(expected), (word, sort)
                assert [i["id"] for i in items] == wanted[offset : offset + limit], (word, sort)


@pytest.mark.parametrize("few", [0, queries.FEW_MATCHES])
def test_web_search_with_other_filters_pages_the_filtered_list_restricted_to_matches(
    db_url: str, monkeypatch: pytest.MonkeyPatch, few: int
) -> None:
    # the text matches (read apart) meet type, state, family and review filters: the matches
    # are those of the SQL text filter (the map's points), in the filtered list's order
    monkeypatch.setattr(queries, "FEW_MATCHES", few)
    store = synthetic_store(db_url, 120)
    with store.session() as s:
        ids = list(s.scalars(select(Incident.id).order_by(Incident.id)))
    with store.transaction() as s:
        s.add(Review(incident_id=ids[0], decision="rejected", by="test"))
        s.add(Review(incident_id=ids[1], decision="accepted", by="test"))
    filters: list[dict[str, Any]] = [
        {"type": "bombing"},
        {"agent_state": "IR"},
        {"family": "Outlet 1"},
        {"review": "all"},
        {"review": "rejected"},
        {"review": "accepted"},
        {"review": "unreviewed"},
    ]
    seen = 0
    for f in filters:
        order = [i["id"] for i in incident_page(store, IncidentParams(sort="-date", limit=500, **f))[0]]
        for word in ["Assadi", "intelligence", "bombing", "nothing-like-it"]:
            matched = {r["id"] for r in points(store, IncidentParams(q=word, **f))}
            wanted = [i for i in order if i in matched]
            seen += len(wanted)
            items, total = incident_page(store, IncidentParams(q=word, sort="-date", limit=7, offset=2, **f))
            assert total == len(wanted), (f, word)
            assert [i["id"] for i in items] == wanted[2:9], (f, word)
    assert seen > 0


def _page(store: Store, sort: str, offset: int, limit: int) -> list[dict[str, Any]]:
    return incident_page(store, IncidentParams(sort=sort, limit=limit, offset=offset))[0]
