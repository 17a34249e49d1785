"""One response reported in two countries by two articles becomes one incident (reconcile)."""

from __future__ import annotations

from plotwatch.fuse import fuse
from plotwatch.types import ActorMention, EventMention, PartialDate, SourcedMention

ASSADI = ActorMention("Assadi", "target", kind="person", key="p-assadi")


def sm(
    article: str,
    start: int,
    type_: str,
    country: str | None,
    date: str | None = "2018-06",
    agent: str | None = None,
    actors: list[ActorMention] | None = None,
) -> SourcedMention:
    hostile = type_ == "bombing"
    m = EventMention(
        type=type_,
        status="foiled" if hostile else None,
        date=PartialDate.parse(date),
        sentence_start=start,
        sentence_end=start + 50,
        quote="x" * 50,
        trigger="t",
        country=country,
        agent_state=agent if agent else (None if hostile else country),
        actors=actors or [],
    )
    return SourcedMention(article, m)


def plot(article: str, start: int = 0) -> SourcedMention:
    return sm(article, start, "bombing", "FR", agent="IR")


def test_reconcile_one_arrest_told_in_two_countries_is_one_incident() -> None:
    drafts = fuse([plot("a"), sm("a", 120, "arrest", "BE"), plot("b"), sm("b", 90, "arrest", "NL")])
    arrests = [d for d in drafts if d.type == "arrest"]
    assert len(arrests) == 1
    assert {m.mention.country for m in arrests[0].mentions} == {"BE", "NL"}


def test_reconcile_needs_a_shared_plot() -> None:
    # no hostile incident before the arrests: nothing ties them together
    drafts = fuse([sm("a", 120, "arrest", "BE"), sm("b", 90, "arrest", "NL")])
    assert len([d for d in drafts if d.type == "arrest"]) == 2
    # the plot is too far before the arrest (more than anchor_chars) in one article
    drafts = fuse([plot("a"), sm("a", 5000, "arrest", "BE"), plot("b"), sm("b", 90, "arrest", "NL")])
    assert len([d for d in drafts if d.type == "arrest"]) == 2


def test_reconcile_an_article_naming_both_countries_reports_two_arrests() -> None:
    drafts = fuse(
        [
            plot("a"),
            sm("a", 120, "arrest", "BE"),
            sm("a", 120, "arrest", "NL"),
            plot("b"),
            sm("b", 90, "arrest", "NL"),
        ]
    )
    arrests = sorted(sorted({m.mention.country for m in d.mentions}) for d in drafts if d.type == "arrest")
    assert arrests == [["BE"], ["NL"]]


def test_reconcile_prefers_the_arrest_without_a_different_named_person() -> None:
    # article c reports two arrests after the plot: the couple in Belgium and Assadi in
    # Germany (also in article d); article e says the bomb carriers were stopped in the
    # Netherlands, naming nobody. Only the Belgian arrest can be the same event.
    drafts = fuse(
        [
            plot("c"),
            sm("c", 300, "arrest", "BE"),
            sm("c", 300, "arrest", "DE", actors=[ASSADI]),
            plot("d"),
            sm("d", 200, "arrest", "DE", actors=[ASSADI]),
            plot("e"),
            sm("e", 0, "arrest", "NL"),
        ]
    )
    arrests = {
        tuple(sorted({m.mention.country or "" for m in d.mentions})): sorted(
            {m.article_id for m in d.mentions}
        )
        for d in drafts
        if d.type == "arrest"
    }
    assert arrests == {("BE", "NL"): ["c", "e"], ("DE",): ["c", "d"]}


def test_reconcile_keeps_incompatible_dates_apart() -> None:
    drafts = fuse(
        [
            plot("a"),
            sm("a", 120, "arrest", "BE", date="2018-06"),
            plot("b"),
            sm("b", 90, "arrest", "NL", date="2018-09"),
        ]
    )
    assert len([d for d in drafts if d.type == "arrest"]) == 2


def test_reconcile_result_does_not_depend_on_input_order() -> None:
    items = [plot("a"), sm("a", 120, "arrest", "BE"), plot("b"), sm("b", 90, "arrest", "NL")]
    ids = sorted(d.id for d in fuse(items))
    assert sorted(d.id for d in fuse(list(reversed(items)))) == ids


def test_reconcile_names_from_a_sentence_with_two_arrests_count_for_neither() -> None:
    # extraction gave Assadi to both arrests of article c's sentence: that cannot tell them
    # apart, but article d's own sentence about the German arrest still names him
    drafts = fuse(
        [
            plot("c"),
            sm("c", 300, "arrest", "BE", actors=[ASSADI]),
            sm("c", 300, "arrest", "DE", actors=[ASSADI]),
            plot("d"),
            sm("d", 200, "arrest", "DE", actors=[ASSADI]),
            plot("e"),
            sm("e", 0, "arrest", "NL"),
        ]
    )
    merged = [d for d in drafts if d.type == "arrest" and len({m.mention.country for m in d.mentions}) > 1]
    assert [sorted({m.mention.country or "" for m in d.mentions}) for d in merged] == [["BE", "NL"]]
