"""Store tests, run on SQLite and on a real PostgreSQL server."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import select, text

from plotwatch.errors import NotFoundError, StoreError
from plotwatch.store.db import Store, normalize_url
from plotwatch.store.models import Base, Outlet
from plotwatch.store.queries import (
    IncidentFilter,
    get_incident,
    list_incidents,
    regrade,
    search_articles,
    stats,
)
from plotwatch.types import (
    ActorMention,
    EventMention,
    Extraction,
    IncidentDraft,
    PartialDate,
    RawArticle,
    SourcedMention,
)

TEXT = "Police arrested Assadollah Assadi in Germany on 1 July 2018. The weather was fine."


def _article(source_id: str = "a1", text: str = TEXT, outlet: str | None = "Wire Europe") -> RawArticle:
    return RawArticle(
        source_id=source_id,
        text=text,
        raw_text=text,
        origin=f"{source_id}.txt",
        fmt="txt",
        title="Diplomat arrested",
        outlet=outlet,
        published=dt.date(2018, 7, 2),
    )


def _mention() -> EventMention:
    quote = TEXT[: TEXT.index(".") + 1]
    return EventMention(
        type="arrest",
        status=None,
        date=PartialDate.of(2018, 7, 1),
        sentence_start=0,
        sentence_end=len(quote),
        quote=quote,
        trigger="arrested",
        country="DE",
        agent_state="DE",
        actors=[
            ActorMention(
                name="Assadollah Assadi",
                role="target",
                kind="person",
                country="IR",
                key="assadollah-assadi",
                aliases=["Asadollah Asadi"],
            ),
            ActorMention(name="Police", role="responder", kind="police", country="DE"),
        ],
    )


def _store_with_incident(url: str) -> tuple[Store, str]:
    store = Store(url)
    store.add_article(
        _article(),
        content_hash="h1",
        extraction=Extraction(events=[_mention()]),
        extractor_version="t",
    )
    from plotwatch.store.mentions import stored_mentions

    mentions, ids = stored_mentions(store)
    m = mentions[0].mention
    draft = IncidentDraft(
        id="inc-test0001",
        type="arrest",
        status=None,
        date=m.date,
        country="DE",
        place=None,
        lat=None,
        lon=None,
        place_precision="country",
        agent_state="DE",
        actors=m.actors,
        mentions=mentions,
    )
    store.replace_incidents([draft], ids)
    regrade(store)
    return store, draft.id


def test_store_migrates_to_head(db_url: str) -> None:
    store = Store(db_url)
    assert store.revision() == "0008"
    Store(db_url)  # opening again is harmless
    assert store.revision() == "0008"


def test_store_models_match_migrations(db_url: str) -> None:
    store = Store(db_url)
    with store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    # full-text objects are created by raw SQL in migration 0002, not by the models
    diff = [d for d in diff if "fts" not in str(d)]
    assert diff == []


def test_store_add_article_and_read_incident(db_url: str) -> None:
    store, inc_id = _store_with_incident(db_url)
    counts = store.counts()
    assert counts["articles"] == 1 and counts["event_mentions"] == 1 and counts["incidents"] == 1
    rec = get_incident(store, inc_id)
    assert rec["type"] == "arrest"
    assert rec["date"] == {"start": "2018-07-01", "end": "2018-07-01", "precision": "day"}
    assert rec["mentions"][0]["article_id"] == "a1"
    assert rec["mentions"][0]["quote"] == TEXT[rec["mentions"][0]["start"] : rec["mentions"][0]["end"]]
    target = next(a for a in rec["actors"] if a["role"] == "target")
    assert target["entity_id"] == "assadollah-assadi"
    assert "Asadollah Asadi" in target["aliases"]
    fields = rec["corroboration"].pop("fields")
    assert rec["corroboration"] == {"articles": 1, "outlets": 1, "independent_sources": 1}
    assert fields["type"] == [
        {
            "value": "arrest",
            "article_ids": ["a1"],
            "articles": 1,
            "outlets": 1,
            "independent_sources": 1,
            "credibility": 6,
        }
    ]
    assert rec["credibility"] == 6  # one ungraded outlet cannot be judged
    assert get_incident(store, "inc-test")["id"] == inc_id  # unique prefix
    with pytest.raises(NotFoundError):
        get_incident(store, "inc-nope")


def test_store_failed_article_leaves_nothing(db_url: str) -> None:
    store = Store(db_url)
    store.add_article(_article("a1"), content_hash="h1", extraction=Extraction(), extractor_version="t")
    before = store.counts()
    bad = _mention()
    bad.sentence_start = None  # type: ignore[assignment]  # violates NOT NULL mid-transaction
    with pytest.raises(StoreError):
        store.add_article(
            _article("a2", "Another text."),
            content_hash="h2",
            extraction=Extraction(events=[_mention(), bad]),
            extractor_version="t",
        )
    assert store.counts() == before
    assert not store.source_id_exists("a2")


def test_store_filters_and_query(db_url: str) -> None:
    store, inc_id = _store_with_incident(db_url)
    assert [r["id"] for r in list_incidents(store, IncidentFilter(type="arrest"))] == [inc_id]
    assert list_incidents(store, IncidentFilter(type="bombing")) == []
    assert len(list_incidents(store, IncidentFilter(country="de"))) == 1
    assert len(list_incidents(store, IncidentFilter(since="2018"))) == 1
    assert len(list_incidents(store, IncidentFilter(since="2018-07"))) == 1
    assert list_incidents(store, IncidentFilter(since="2018-08")) == []
    assert len(list_incidents(store, IncidentFilter(until="2018"))) == 1
    assert list_incidents(store, IncidentFilter(until="2018-06")) == []
    assert len(list_incidents(store, IncidentFilter(query="Assadi"))) == 1
    assert len(list_incidents(store, IncidentFilter(query="asadollah"))) == 1  # alias
    assert list_incidents(store, IncidentFilter(query="Skripal")) == []
    assert len(list_incidents(store, IncidentFilter(min_credibility=6))) == 1
    assert list_incidents(store, IncidentFilter(min_credibility=3)) == []
    with pytest.raises(ValueError, match="since"):
        list_incidents(store, IncidentFilter(since="last year"))


def test_store_full_text_search(db_url: str) -> None:
    store = Store(db_url)
    store.add_article(_article(), content_hash="h1", extraction=Extraction(), extractor_version="t")
    hits = search_articles(store, "arrested Germany")
    assert [h["article_id"] for h in hits] == ["a1"]
    assert search_articles(store, "Novichok") == []


def test_store_stats_counts_by_type(db_url: str) -> None:
    store, _ = _store_with_incident(db_url)
    st = stats(store)
    assert st["incidents_by_type"] == {"arrest": 1}
    assert st["incidents_by_agent_state"] == {"DE": 1}
    assert st["articles_by_outlet"] == {"Wire Europe": 1}


def test_store_normalize_url() -> None:
    assert normalize_url(None) == "sqlite:///plotwatch.db"
    assert normalize_url("x.db") == "sqlite:///x.db"
    assert normalize_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"


def test_store_unopenable_database_is_a_store_error(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(StoreError):
        Store(f"sqlite:///{tmp_path}/missing-dir/x.db")


def test_store_sourced_mention_roundtrip(db_url: str) -> None:
    store, _ = _store_with_incident(db_url)
    from plotwatch.store.mentions import stored_mentions

    mentions, ids = stored_mentions(store)
    assert isinstance(mentions[0], SourcedMention)
    assert mentions[0].mention.type == "arrest"
    assert mentions[0].published == dt.date(2018, 7, 2)
    assert set(ids.values()) == {1}


def test_store_data_version_moves_with_every_committed_write(db_url: str) -> None:
    reader, writer = Store(db_url), Store(db_url)
    try:
        v0 = reader.data_version()
        assert v0 is not None
        if reader.dialect == "postgresql":
            # the snapshot is the whole server's: any other commit on it (an autovacuum's
            # analyze of another test's tables) moves it; what holds is that a read takes no
            # transaction id, so it never moves the version itself
            with reader.session() as s:
                s.execute(select(Outlet.id)).all()
                assert s.execute(text("SELECT pg_current_xact_id_if_assigned()")).scalar() is None
        else:
            assert reader.data_version() == v0  # reads change nothing
            with reader.session() as s:
                s.execute(select(Outlet.id)).all()
            assert reader.data_version() == v0
        writer.set_outlet("Outlet A", grade="B")  # another connection (the CLI, another worker)
        v1 = reader.data_version()
        assert v1 != v0
        reader.set_outlet("Outlet B", grade="C")  # this store's own write
        assert reader.data_version() not in (v0, v1)
    finally:
        reader.close()
        writer.close()


def test_store_data_version_unknown_in_memory() -> None:
    assert Store("sqlite://").data_version() is None


def test_store_one_incident_reads_as_the_list_record(db_url: str, extractor: Any) -> None:
    """get_incident reads one incident by statements built once, the list by the ORM: both
    give the same record for every incident of the samples and seeds (near-duplicates, figures,
    campaigns, chains, a review)."""
    from plotwatch.pipeline import ingest
    from plotwatch.review.actions import set_review
    from tests.conftest import SAMPLES, need_shared

    store = Store(db_url)
    ingest(store, [str(SAMPLES), str(need_shared() / "corpus" / "seeds")], extractor=extractor)
    listed = list_incidents(store, IncidentFilter(include_rejected=True))
    set_review(store, listed[0]["id"], "rejected", actor="ana")
    listed = {r["id"]: r for r in list_incidents(store, IncidentFilter(include_rejected=True))}
    assert len(listed) > 30
    assert any(r["figures"] for r in listed.values()) and any(r["campaigns"] for r in listed.values())
    assert any(r["chain"] for r in listed.values()) and any(r["review"] for r in listed.values())
    for iid, record in listed.items():
        assert get_incident(store, iid) == record, iid
