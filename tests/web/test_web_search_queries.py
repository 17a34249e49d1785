"""The web app's text search finds what the store's filter finds, on SQLite and PostgreSQL."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from plotwatch.store.db import Store
from plotwatch.store.models import Incident, IncidentActor, Review
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


# FEW_MATCHES 0: every search walks the list through its sort index (the way of a common word);
# ORDER_MAX 0: the list's order is never remembered, and each search reads it from SQL
WAYS = [(0, queries.ORDER_MAX), (queries.FEW_MATCHES, queries.ORDER_MAX), (0, 0), (queries.FEW_MATCHES, 0)]


@pytest.mark.parametrize(("few", "order_max"), WAYS)
def test_web_search_order_and_total_are_those_of_the_list_restricted_to_matches(
    db_url: str, monkeypatch: pytest.MonkeyPatch, few: int, order_max: int
) -> None:
    # many actors sharing few names (each name read once from the name index), matches by
    # name, by alias and by evidence, a rejected incident hidden; every sort and page
    monkeypatch.setattr(queries, "FEW_MATCHES", few)
    monkeypatch.setattr(queries, "ORDER_MAX", order_max)
    monkeypatch.setattr(queries, "ACTORS_MAX", order_max)  # 0: actors matched by SQL
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


@pytest.mark.parametrize(("few", "order_max"), WAYS)
def test_web_search_with_other_filters_pages_the_filtered_list_restricted_to_matches(
    db_url: str, monkeypatch: pytest.MonkeyPatch, few: int, order_max: int
) -> None:
    # the text matches (read apart) meet type, state, family and review filters: the matches
    # are those of the SQL text filter (the map's points), in the filtered list's order
    monkeypatch.setattr(queries, "FEW_MATCHES", few)
    monkeypatch.setattr(queries, "ORDER_MAX", order_max)
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


@pytest.mark.parametrize("few", [0, queries.FEW_MATCHES])
def test_web_search_sees_a_write_made_after_the_order_was_remembered(
    db_url: str, monkeypatch: pytest.MonkeyPatch, few: int
) -> None:
    # the list's order is remembered for one data version: a rejection, a merge of dates or
    # a new incident written since must show in the next search
    monkeypatch.setattr(queries, "FEW_MATCHES", few)
    store = synthetic_store(db_url, 60)
    before, total = incident_page(store, IncidentParams(q="intelligence", sort="-date", limit=100))
    assert total == 60
    assert incident_page(store, IncidentParams(q="Zzyzx"))[1] == 0
    gone, moved = before[0]["id"], before[-1]["id"]
    with store.transaction() as s:
        s.add(Review(incident_id=gone, decision="rejected", by="test"))
        s.get(Incident, moved).date_value = "2099-01-01"  # now the newest
        s.add(IncidentActor(incident_id=moved, name="Zzyzx Newcomer", role="target", kind="person"))
    after, total = incident_page(store, IncidentParams(q="intelligence", sort="-date", limit=100))
    assert total == 59 and gone not in {i["id"] for i in after}
    assert after[0]["id"] == moved
    found, total = incident_page(store, IncidentParams(q="zzyzx"))  # a new actor name
    assert total == 1 and found[0]["id"] == moved


def _page(store: Store, sort: str, offset: int, limit: int) -> list[dict[str, Any]]:
    return incident_page(store, IncidentParams(sort=sort, limit=limit, offset=offset))[0]


def test_sqlite_like_in_python_matches_what_sqlite_matches() -> None:
    # actor names are matched in Python on SQLite (the distinct names, read once per data
    # version): the same names as SQLite's LIKE, for wildcards, regex characters and case
    import itertools
    import sqlite3

    names = ["Assadi", "ASSADI", "Asadi", "Étienne Dupont", "étienne dupont", "a_b", "a%b", "axb",
             "(MOIS) agent", "Ali.Omar", "line\nbreak", "Øystein", "øystein", "", "Wang Li",
             "İsmail"]  # fmt: skip
    patterns = ["%assadi%", "%a_b%", "%a%b%", "%é%", "%É%", "%(mois)%", "%ali.omar%", "%e\nb%",
                "%øy%", "%Øy%", "%%", "%_%", "%i̇%", "assadi", "%wang li%", "%[a]%"]  # fmt: skip
    db = sqlite3.connect(":memory:")
    for name, pattern in itertools.product(names, patterns):
        expected = bool(db.execute("SELECT ? LIKE ?", (name, pattern)).fetchone()[0])
        assert bool(queries.sqlite_like(pattern).fullmatch(name)) == expected, (name, pattern)


@pytest.mark.parametrize("q", ["Assadi", "exile group 1", "intelligence", "a", "nothing-like-it", None])
def test_entity_search_is_the_sql_ordering_and_sees_writes(db_url: str, q: str | None) -> None:
    # most named first, then by name; on SQLite counted from a per-version memo and sorted in
    # Python: the same page and total as SQL's count and order, and a write moves them
    from sqlalchemy import func

    from plotwatch.store.db import normalize_name
    from plotwatch.store.models import Alias, Entity, IncidentActor
    from plotwatch.web import lookups

    store = synthetic_store(db_url, 90)

    def expected(kind: str | None) -> list[tuple[str, int]]:
        with store.session() as s:
            n = (
                select(func.count(func.distinct(IncidentActor.incident_id)))
                .where(IncidentActor.entity_id == Entity.id)
                .scalar_subquery()
            )
            stmt = select(Entity.id, Entity.name, n)
            if q:
                like = f"%{normalize_name(q)}%"
                aliased = select(Alias.entity_id).where(Alias.normalized.like(like))
                stmt = stmt.where(func.lower(Entity.name).like(like) | Entity.id.in_(aliased))
            if kind:
                stmt = stmt.where(Entity.kind == kind)
            rows = sorted(s.execute(stmt), key=lambda r: (-r[2], r[1], r[0]))
            return [(r[0], r[2]) for r in rows]

    for kind in [None, "agency"]:
        want = expected(kind)
        for offset, limit in [(0, 20), (3, 5), (len(want), 10)]:
            items, total = lookups.entities(store, q, kind, limit, offset)
            assert total == len(want)
            assert [(i["id"], i["incidents"]) for i in items] == want[offset : offset + limit]
    if q == "Assadi":
        first = lookups.entities(store, q, None, 1, 0)[0][0]
        with store.transaction() as s:  # the entity now names no incident at all
            s.query(IncidentActor).filter(IncidentActor.entity_id == first["id"]).delete()
        items, _ = lookups.entities(store, q, None, 50, 0)
        assert {i["id"]: i["incidents"] for i in items}[first["id"]] == 0
        assert items[-1]["id"] == first["id"] or items[-1]["incidents"] == 0
