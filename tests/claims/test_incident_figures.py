"""Figures that are fields of an incident, and contradiction scoring on the matched incident."""

from __future__ import annotations

from plotwatch.claims.evaluate import evaluate_claims
from plotwatch.claims.incident_figures import FigureSpan, MentionSpan, link_figures

PLOT = "Agents plotted to bomb the rally of exiles near Paris."
CROWD = "The rally was attended by tens of thousands of people."
ARREST = "Two suspects were arrested in Belgium."


def spans(*sentences: str) -> list[tuple[int, int, str]]:
    out, pos = [], 0
    for s in sentences:
        out.append((pos, pos + len(s), s))
        pos += len(s) + 1
    return out


def test_incident_figures_next_sentence_belongs_to_the_incident_before() -> None:
    (p0, p1, _), (c0, c1, crowd) = spans(PLOT, CROWD)
    mentions = [MentionSpan(1, p0, p1, "inc-plot", "bombing")]
    figures = [FigureSpan(1, "a", c0, c1, None, "tens of thousands", "people", crowd)]
    (fact,) = link_figures(mentions, figures)["inc-plot"]
    assert (fact.field, fact.expression, fact.range) == (
        "figures.attendance",
        "tens of thousands",
        (20_000.0, 99_999.0),
    )


def test_incident_figures_field_applies_to_its_event_types_only() -> None:
    (p0, p1, _), (a0, a1, arrest) = spans(PLOT, ARREST)
    mentions = [
        MentionSpan(1, p0, p1, "inc-plot", "bombing"),
        MentionSpan(1, a0, a1, "inc-arrest", "arrest"),
    ]
    figures = [FigureSpan(1, "a", a0, a1, 2, None, "suspects", arrest)]
    linked = link_figures(mentions, figures)
    assert list(linked) == ["inc-arrest"]
    assert linked["inc-arrest"][0].field == "figures.arrested"


def test_incident_figures_need_a_cue_near_what_is_counted() -> None:
    text = (
        "Two Iranians were arrested in Tirana on the charge of plotting an attack against "
        "thousands of exiles."
    )
    mentions = [MentionSpan(1, 0, len(text), "inc-arrest", "arrest")]
    far = FigureSpan(1, "a", 0, len(text), None, "thousands", "exiles", text)
    near = FigureSpan(1, "a", 0, len(text), 2, None, "Iranians", text)
    linked = link_figures(mentions, [far, near])
    assert [f.expression for f in linked["inc-arrest"]] == ["2"]


def test_incident_figures_ambiguous_owner_is_left_out() -> None:
    (p0, p1, _), (c0, c1, crowd) = spans(PLOT, CROWD)
    mentions = [
        MentionSpan(1, p0, p1, "inc-plot", "bombing"),
        MentionSpan(1, p0, p1, "inc-other", "surveillance"),
    ]
    figures = [FigureSpan(1, "a", c0, c1, None, "tens of thousands", "people", crowd)]
    assert link_figures(mentions, figures) == {}


def test_eval_contradiction_must_be_on_the_matched_incident_with_gold_articles() -> None:
    gold = [
        {
            "cid": "X1",
            "kind": "contradiction",
            "field": "where",
            "values": {"BE": ["a"], "NL": ["b"]},
            "incident": "G4",
        }
    ]
    disputed = {
        "field": "location.country",
        "values": [{"value": "BE", "article_ids": ["a"]}, {"value": "NL", "article_ids": ["b"]}],
    }
    right = [{"id": "inc-1", "contradictions": [disputed]}, {"id": "inc-2", "contradictions": []}]
    report = evaluate_claims([], [disputed], gold, incidents=right, matches={"G4": "inc-1"})
    assert report["contradictions"][0]["found"] is True
    report = evaluate_claims([], [disputed], gold, incidents=right, matches={"G4": "inc-2"})
    assert report["contradictions"][0]["found"] is False  # found, but on another incident
    wrong_articles = {
        **disputed,
        "values": [{"value": "BE", "article_ids": ["c"]}, {"value": "NL", "article_ids": ["b"]}],
    }
    report = evaluate_claims(
        [],
        [wrong_articles],
        gold,
        incidents=[{"id": "inc-1", "contradictions": [wrong_articles]}],
        matches={"G4": "inc-1"},
    )
    assert report["contradictions"][0]["found"] is False
    # without incident matches, any extracted contradiction holding the values counts
    assert evaluate_claims([], [disputed], gold)["contradictions"][0]["found"] is True
