"""Fusion: merging mentions into incidents, stable ids, blocking."""

from __future__ import annotations

import random

from plotwatch.fuse import fuse
from plotwatch.types import ActorMention, EventMention, PartialDate, SourcedMention


def sm(
    article: str,
    start: int,
    type_: str = "bombing",
    date: str | None = "2020-06",
    country: str | None = "FR",
    agent: str | None = "RU",
    status: str | None = "foiled",
    generic: bool = False,
    inferred: bool = False,
    actors: list[ActorMention] | None = None,
    place: str | None = None,
) -> SourcedMention:
    m = EventMention(
        type=type_,
        status=status,
        date=PartialDate.parse(date),
        sentence_start=start,
        sentence_end=start + 10,
        quote="x" * 10,
        trigger="t",
        country=country,
        place=place,
        agent_state=agent,
        actors=actors or [],
        generic=generic,
        date_inferred=inferred,
    )
    return SourcedMention(article, m)


def test_fuse_merges_compatible_mentions_across_articles() -> None:
    drafts = fuse([sm("a", 0, date="2020-06-30", place="Paris"), sm("b", 5), sm("c", 9, date="2020")])
    (d,) = drafts
    assert d.date.value == "2020-06-30" and d.place == "Paris" and len(d.mentions) == 3


def test_fuse_keeps_conflicting_states_and_countries_apart() -> None:
    drafts = fuse([sm("a", 0), sm("b", 0, agent="IR"), sm("c", 0, country="DE")])
    assert len(drafts) == 3


def test_fuse_keeps_incompatible_dates_apart() -> None:
    assert len(fuse([sm("a", 0, date="2020-06"), sm("b", 0, date="2020-07")])) == 2


def test_fuse_inferred_year_has_slack() -> None:
    drafts = fuse([sm("a", 0, date="2020", inferred=True), sm("b", 0, date="2021", inferred=True)])
    (d,) = drafts
    assert d.date.value == "2020"


def test_fuse_ids_stable_and_order_independent() -> None:
    items = [
        sm("a", 0),
        sm("b", 5),
        sm("c", 0, type_="arrest", status=None, agent="FR"),
        sm("d", 3, country="DE", agent="DE", type_="arrest", status=None),
    ]
    first = {d.id: sorted((m.article_id, m.mention.sentence_start) for m in d.mentions) for d in fuse(items)}
    for seed in range(5):
        random.Random(seed).shuffle(items)
        again = {
            d.id: sorted((m.article_id, m.mention.sentence_start) for m in d.mentions) for d in fuse(items)
        }
        assert again == first
    assert all(i.startswith("inc-") for i in first)


def test_fuse_generic_mention_joins_specific_incident() -> None:
    generic = sm("b", 0, type_="armed_attack", generic=True, status="planned")
    drafts = fuse([sm("a", 0, place="Lyon"), generic])
    (d,) = drafts
    assert d.type == "bombing" and d.status == "foiled"


def test_fuse_unions_actors_by_key() -> None:
    a = ActorMention(name="GRU", role="sponsor", key="ru-gru")
    b = ActorMention(name="Main Intelligence Directorate", role="sponsor", key="ru-gru")
    (d,) = fuse([sm("a", 0, actors=[a]), sm("b", 0, actors=[b])])
    assert len(d.actors) == 1


def test_fuse_list_expansions_get_distinct_ids() -> None:
    drafts = fuse([sm("a", 0, type_="expulsion", status=None, country=c, agent=c) for c in ("NL", "FR")])
    assert len({d.id for d in drafts}) == 2


def test_fuse_ids_unique_when_two_incidents_share_a_sentence() -> None:
    from plotwatch.types import EventMention, PartialDate, SourcedMention

    def m(trigger: str, state: str) -> SourcedMention:
        quote = "Germany and Austria expelled diplomats and froze assets."
        return SourcedMention(
            "a1",
            EventMention(
                type="expulsion",
                status=None,
                date=PartialDate.of(2020),
                sentence_start=0,
                sentence_end=len(quote),
                quote=quote,
                trigger=trigger,
                country=state,
                agent_state=state,
            ),
        )

    drafts = fuse([m("expelled", "DE"), m("expelled", "AT")])
    assert len({d.id for d in drafts}) == len(drafts) == 2
