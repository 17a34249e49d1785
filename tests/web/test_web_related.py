"""The incident page's related incidents: the chain and every incident sharing a named actor
within the window, in date order, on SQLite and PostgreSQL, with and without the memo of each
actor's incidents."""

from __future__ import annotations

from typing import Any

from plotwatch.review.actions import set_review
from plotwatch.store.queries import IncidentFilter, list_incidents
from plotwatch.web import lookups
from plotwatch.web.bench import synthetic_store


def _expected(record: dict[str, Any], every: dict[str, dict[str, Any]]) -> list[tuple[str, str, list[str]]]:
    """(id, relation, via) of every related incident, worked out from the list's records."""
    mine = {
        a["entity_id"]: a["name"]
        for a in record["actors"]
        if a["entity_id"] and a["kind"] not in lookups.BROAD_KINDS
    }
    typed = {c["id"]: c["relation"].replace("_", " ") for c in record["chain"]}
    start = record["date"]["start"]
    lo, hi = (
        (
            str(int(start[:4]) - lookups.RELATED_WINDOW_YEARS),
            f"{int(start[:4]) + lookups.RELATED_WINDOW_YEARS}~",
        )
        if start
        else ("", "~")
    )
    out = []
    for other in every.values():
        if other["id"] == record["id"]:
            continue
        via = sorted(
            {f"{mine[a['entity_id']]} ({a['role']})" for a in other["actors"] if a["entity_id"] in mine}
        )
        date = other["date"]["start"]
        near = bool(via) and (date is None or lo <= date <= hi)
        if other["id"] in typed or near:
            relation = typed.get(other["id"], "shares an actor")
            out.append(((date is None, date or "", other["id"] not in typed, other["id"]), relation, via))
    return [(key[3], relation, via) for key, relation, via in sorted(out)]


def test_web_related_is_the_chain_and_the_incidents_sharing_an_actor(db_url: str) -> None:
    store = synthetic_store(db_url, 400)
    every = {r["id"]: r for r in list_incidents(store)}
    records = list(every.values())[::10]
    assert any(r["chain"] for r in records)
    version = store.data_version()
    for record in records:
        expected = _expected(record, every)
        for v in (None, version, version):  # read, then remembered
            full = lookups.related(store, record, limit=10_000, version=v)
            assert [(r["id"], r["relation"], r["via"]) for r in full] == expected, record["id"]
            assert lookups.related(store, record, limit=3, version=v) == full[:3]
    # typed links far outside the window still show the actors they share
    for record in (r for r in records if r["chain"]):
        moved = {**record, "date": {"start": "1900-01-01", "end": "1900-01-01", "precision": "day"}}
        expected = _expected(moved, every)
        assert expected and all(relation != "shares an actor" for _, relation, _ in expected)
        assert any(via for _, _, via in expected)
        for v in (None, version):
            got = lookups.related(store, moved, limit=10_000, version=v)
            assert [(r["id"], r["relation"], r["via"]) for r in got] == expected, record["id"]
    # a rejected incident leaves the related lists once the data version moves
    record = next(r for r in records if lookups.related(store, r, version=version))
    gone = lookups.related(store, record, version=version)[0]["id"]
    set_review(store, gone, "rejected", actor="ana")
    assert store.data_version() != version
    after = lookups.related(store, record, limit=10_000, version=store.data_version())
    assert gone not in {r["id"] for r in after}
    every = {r["id"]: r for r in list_incidents(store, IncidentFilter())}
    assert [(r["id"], r["relation"], r["via"]) for r in after] == _expected(record, every)
