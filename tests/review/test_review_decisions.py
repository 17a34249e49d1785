"""Review actions: each changes the knowledge base, is audited with before/after, and survives
re-extraction and re-fusion (``pipeline.refuse`` with a deterministic test fuser)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from plotwatch import pipeline, review
from plotwatch.errors import NotFoundError
from plotwatch.store.db import Store
from plotwatch.store.models import Article, AuditEntry, Entity, IncidentActor
from plotwatch.store.queries import IncidentFilter, get_incident, list_incidents
from tests.web.webdb import article, build, fuser


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return build(f"sqlite:///{tmp_path / 'review.db'}", users=False)[0]


def _reextract(store: Store) -> None:
    """Re-extract every article (new mention rows, new ids), then re-fuse."""
    with store.session() as s:
        rows = list(s.execute(select(Article.id, Article.source_id)))
    for row_id, aid in rows:
        store.replace_extraction(row_id, article(aid)[1], "test-2")
    pipeline.refuse(store, fuser)


def _audit(store: Store) -> list[tuple[str, str, dict | None, dict | None]]:
    with store.session() as s:
        return [
            (
                a.action,
                a.object_id,
                json.loads(a.before) if a.before else None,
                json.loads(a.after) if a.after else None,
            )
            for a in s.scalars(select(AuditEntry).order_by(AuditEntry.id))
        ]


def _ids(store: Store) -> set[str]:
    return {r["id"] for r in list_incidents(store, IncidentFilter(include_rejected=True))}


def test_review_reject_is_audited_and_survives_refusion(store: Store) -> None:
    review.set_review(store, "inc-arrest-de", "rejected", actor="ana", note="duplicate report")
    assert "inc-arrest-de" not in {r["id"] for r in list_incidents(store)}
    assert _audit(store)[-1] == (
        "reject",
        "inc-arrest-de",
        None,
        {"decision": "rejected", "note": "duplicate report"},
    )
    _reextract(store)
    assert "inc-arrest-de" not in {r["id"] for r in list_incidents(store)}
    assert get_incident(store, "inc-arrest-de")["review"] == "rejected"
    review.set_review(store, "inc-arrest-de", "accepted", actor="bo")
    assert _audit(store)[-1][2] == {"decision": "rejected", "note": "duplicate report"}
    with pytest.raises(review.InvalidEditError):
        review.set_review(store, "inc-arrest-de", "maybe", actor="bo")
    with pytest.raises(NotFoundError):
        review.set_review(store, "inc-none", "accepted", actor="bo")


def test_review_edit_fields_survive_refusion(store: Store) -> None:
    out = review.edit_incident(
        store, "inc-arrest-de", {"country": "be", "place": "Antwerp", "date": "2018-07"}, actor="ana"
    )
    assert out["country"] == "BE" and out["place"] == "Antwerp" and out["date"] == "2018-07"
    assert _audit(store)[-1] == (
        "edit",
        "inc-arrest-de",
        {"country": "DE", "date": "2018-07-01", "place": None},
        {"country": "BE", "date": "2018-07", "place": "Antwerp"},
    )
    _reextract(store)
    inc = get_incident(store, "inc-arrest-de")
    assert inc["location"]["country"] == "BE" and inc["location"]["place"] == "Antwerp"
    assert inc["date"] == {"start": "2018-07", "end": "2018-07", "precision": "month"}
    review.edit_incident(store, "inc-villepinte", {"type": "arrest"}, actor="ana")  # a response has no status
    assert get_incident(store, "inc-villepinte")["status"] is None
    for bad in (
        {"date": "2018-13"},
        {"country": "France"},
        {"type": "picnic"},
        {"lat": 123},
        {"colour": "x"},
    ):
        with pytest.raises(review.InvalidEditError):
            review.edit_incident(store, "inc-surveillance-us", bad, actor="ana")


def test_review_merge_moves_mentions_and_survives_refusion(store: Store) -> None:
    result = review.merge_incidents(store, "inc-villepinte-2", "inc-villepinte", actor="ana")
    assert result["mentions_moved"] == 1
    assert "inc-villepinte-2" not in _ids(store)
    merged = get_incident(store, "inc-villepinte")
    assert len(merged["mentions"]) == 3 and merged["corroboration"]["articles"] == 2
    assert "p-asadi-dup" in {a["entity_id"] for a in merged["actors"]}
    action, obj, before, after = _audit(store)[-2]
    assert (action, obj) == ("merge", "inc-villepinte-2") and before["source"]["date"] == "2018-06"
    assert after == {"merged_into": "inc-villepinte", "mentions_moved": 1}
    _reextract(store)
    assert "inc-villepinte-2" not in _ids(store)
    assert len(get_incident(store, "inc-villepinte")["mentions"]) == 3
    with pytest.raises(review.ConflictError):
        review.merge_incidents(store, "inc-villepinte", "inc-villepinte", actor="ana")


def test_review_merge_chain_follows_to_the_last_target(store: Store) -> None:
    review.merge_incidents(store, "inc-villepinte-2", "inc-villepinte", actor="ana")
    review.merge_incidents(store, "inc-villepinte", "inc-arrest-de", actor="ana")
    _reextract(store)
    assert {"inc-villepinte", "inc-villepinte-2"}.isdisjoint(_ids(store))
    assert len(get_incident(store, "inc-arrest-de")["mentions"]) == 4


def test_review_split_makes_a_new_incident_that_survives_reextraction(store: Store) -> None:
    result = review.split_incident(store, "inc-villepinte", [("quotidien-007", 12, None)], actor="ana")
    new_id = result["new_incident"]
    assert new_id.startswith("split-")
    new, old = get_incident(store, new_id), get_incident(store, "inc-villepinte")
    assert [m["article_id"] for m in new["mentions"]] == ["quotidien-007"]
    assert new["location"]["country"] == "BE" and new["type"] == "bombing"
    assert [m["article_id"] for m in old["mentions"]] == ["wire-001"] and old["contradictions"] == []
    assert "g-ncri" not in {a["entity_id"] for a in new["actors"]}
    action, obj, _before, after = _audit(store)[-1]
    assert (action, obj) == ("split", "inc-villepinte")
    assert after["mentions"] == [{"article_id": "quotidien-007", "start": 12, "type": "bombing"}]
    _reextract(store)
    assert [m["article_id"] for m in get_incident(store, new_id)["mentions"]] == ["quotidien-007"]
    assert [m["article_id"] for m in get_incident(store, "inc-villepinte")["mentions"]] == ["wire-001"]
    assert get_incident(store, new_id)["corroboration"]["articles"] == 1
    with pytest.raises(review.ConflictError):
        review.split_incident(store, "inc-villepinte", [("wire-001", 12, None)], actor="ana")
    with pytest.raises(review.InvalidEditError):
        review.split_incident(store, "inc-villepinte", [("wire-001", 999, None)], actor="ana")


def test_review_split_then_merge_replays_in_order(store: Store) -> None:
    new_id = review.split_incident(store, "inc-villepinte", [("quotidien-007", 12, None)], actor="ana")[
        "new_incident"
    ]
    review.merge_incidents(store, new_id, "inc-arrest-de", actor="ana")
    _reextract(store)
    assert new_id not in _ids(store)
    assert {m["article_id"] for m in get_incident(store, "inc-arrest-de")["mentions"]} == {
        "wire-001",
        "quotidien-007",
    }


def test_review_entity_merge_and_alias_survive_reextraction(store: Store) -> None:
    out = review.merge_entities(store, "p-asadi-dup", "p-assadi", actor="ana")
    assert "A. Asadi" in out["aliases"]
    review.add_alias(store, "p-assadi", "Asadullah Asadi", actor="ana")
    assert _audit(store)[-1][0] == "add_alias"
    _reextract(store)  # the extractor names "A. Asadi" again, as p-asadi-dup
    with store.session() as s:
        assert s.get(Entity, "p-asadi-dup") is None
        assert "p-asadi-dup" not in set(s.scalars(select(IncidentActor.entity_id)))
        aliases = {a.alias for a in s.get(Entity, "p-assadi").aliases}
    assert {"A. Asadi", "Asadullah Asadi"} <= aliases
    assert "p-assadi" in {a["entity_id"] for a in get_incident(store, "inc-villepinte-2")["actors"]}
    with pytest.raises(review.ConflictError):
        review.add_alias(store, "p-assadi", "asadullah  asadi", actor="ana")
    with pytest.raises(review.ConflictError):
        review.merge_entities(store, "p-assadi", "p-assadi", actor="ana")
