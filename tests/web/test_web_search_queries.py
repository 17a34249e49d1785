"""The web app's text search finds what the store's filter finds, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from plotwatch.store.queries import IncidentFilter, count_incidents, list_incidents
from plotwatch.web.params import IncidentParams
from plotwatch.web.queries import incident_page
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
