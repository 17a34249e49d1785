"""The learned mention filter: its file format, the hook that asks it about the candidates the
rules drop for want of a state, and its training on real evaluation sets."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from plotwatch.errors import ConfigError
from plotwatch.extract import Extractor
from plotwatch.extract.learned import FORMAT, MODEL_NAME, MentionFilter
from plotwatch.extract.resources import PACKAGE_DATA
from plotwatch.extract.training import OPENED_SETS, EvalSet, collect, default_sets, fit

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
# a conviction whose court the rules cannot place in any state, after an act whose state is
# stated: the rules drop the conviction
JURY = "A jury in Harlow County on Friday convicted Tom Reddick of conspiracy to murder two union officials."
NO_STATE = "Iranian agents shot dead the exiled writer Ali Rezai in Hamburg in 1990. " + JURY
ACT = ("assassination", "IR", "DE", "1990")


@pytest.fixture()
def with_filter(ex: Extractor) -> Iterator[Extractor]:
    saved = ex.resources
    yield ex
    ex.resources = saved


def _use(ex: Extractor, model: MentionFilter | None) -> None:
    ex.resources = dataclasses.replace(ex.resources, mention_filter=model)


def test_without_the_filter_a_stateless_response_is_dropped(with_filter: Extractor) -> None:
    _use(with_filter, None)
    events = with_filter.extract(NO_STATE, dt.date(1991, 3, 9)).events
    assert [(e.type, e.agent_state, e.country, e.date.value) for e in events] == [ACT]


def test_the_filter_keeps_what_it_scores_above_its_threshold(with_filter: Extractor) -> None:
    _use(with_filter, MentionFilter(weights={"type=conviction": 5.0}, bias=-2.0, threshold=0.5))
    events = with_filter.extract(NO_STATE, dt.date(1991, 3, 9)).events
    assert [(e.type, e.agent_state, e.country, e.date.value) for e in events] == [
        ACT,
        ("conviction", None, None, "1991-03-08"),
    ]
    assert events[1].confidence < events[0].confidence  # below the rules' own events


def test_the_filter_is_not_asked_in_an_article_with_no_stated_event(with_filter: Extractor) -> None:
    # the conviction alone: nothing in the article is on the subject by the rules' standard,
    # and the model has no weights for such articles
    _use(with_filter, MentionFilter(weights={"type=conviction": 5.0}, bias=-2.0, threshold=0.5))
    assert with_filter.extract(JURY, dt.date(1991, 3, 9)).events == []


def test_off_subject_weights_score_the_articles_with_no_stated_event(with_filter: Extractor) -> None:
    # a state's court at home, in an article that names no state: the off-subject weights
    # decide there, the main weights in an article with a stated event
    off = MentionFilter(weights={"type=conviction": 5.0}, bias=-2.0, threshold=0.5)
    model = MentionFilter(weights={"type=conviction": -5.0}, bias=-2.0, threshold=0.5, off_subject=off)
    _use(with_filter, model)
    alone = with_filter.extract(JURY, dt.date(1991, 3, 9)).events
    assert [(e.type, e.agent_state, e.country) for e in alone] == [("conviction", None, None)]
    after_act = with_filter.extract(NO_STATE, dt.date(1991, 3, 9)).events
    assert [(e.type, e.agent_state, e.country, e.date.value) for e in after_act] == [ACT]
    off.weights["type=conviction"] = -5.0
    assert with_filter.extract(JURY, dt.date(1991, 3, 9)).events == []


def test_the_filter_drops_what_it_scores_below_its_threshold(with_filter: Extractor) -> None:
    _use(with_filter, MentionFilter(weights={"type=conviction": -5.0}, bias=-5.0, threshold=0.5))
    events = with_filter.extract(NO_STATE, dt.date(1991, 3, 9)).events
    assert [(e.type, e.agent_state, e.country, e.date.value) for e in events] == [ACT]


def test_the_filter_leaves_events_with_a_stated_state_alone(with_filter: Extractor) -> None:
    text = "A court in Berlin on Friday convicted Tom Reddick of spying on exiles for Iran."
    _use(with_filter, MentionFilter(weights={}, bias=-30.0, threshold=0.99))
    assert [(e.type, e.agent_state) for e in with_filter.extract(text, dt.date(2020, 3, 9)).events] == [
        ("conviction", "DE")
    ]


def test_a_model_file_round_trips(tmp_path: Path) -> None:
    weights = {"hostile": 1.5, "type=arrest": -0.5}
    model = MentionFilter(weights=weights, bias=0.25, threshold=0.4, info={"rows": 3})
    model.save(tmp_path / "m.json")
    back = MentionFilter.load(tmp_path / "m.json")
    assert back == model
    off = MentionFilter(weights={"type=arrest": -2.0}, bias=-1.0, threshold=0.4, info={"rows": 5})
    model.off_subject = off
    model.save(tmp_path / "m2.json")
    assert MentionFilter.load(tmp_path / "m2.json") == model
    assert back.probability({"hostile": 1.0}) > back.probability({"type=arrest": 1.0})


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("{not json", "cannot read"),
        (json.dumps({"format": "other"}), "not a mention filter"),
        (json.dumps({"format": "plotwatch-mention-filter/1"}), "refit it with"),
        (json.dumps({"format": FORMAT, "bias": 0, "threshold": 0.5}), "malformed"),
        (json.dumps({"format": FORMAT, "bias": 0, "threshold": 2, "weights": {}}), "not a probability"),
        (
            json.dumps({"format": FORMAT, "bias": 0, "threshold": 0.5, "weights": {}, "off_subject": {}}),
            "malformed",
        ),
    ],
)
def test_a_bad_model_file_is_a_clear_error(tmp_path: Path, content: str, problem: str) -> None:
    path = tmp_path / "m.json"
    path.write_text(content)
    with pytest.raises(ConfigError, match=problem) as err:
        MentionFilter.load(path)
    assert str(path) in str(err.value)


def test_the_shipped_model_was_trained_on_opened_sets_only() -> None:
    model = MentionFilter.load(PACKAGE_DATA / MODEL_NAME)
    assert model.info["sets"] == ["seeds", *OPENED_SETS]
    assert model.info["negatives_from"] == ["background/lee.jsonl"]
    assert "eval/heldout11" not in OPENED_SETS  # sealed: never trained on
    assert "eval/heldout22" not in OPENED_SETS
    assert "eval/heldout24" not in OPENED_SETS
    assert "eval/heldout25" not in OPENED_SETS
    assert "eval/heldout26" not in OPENED_SETS
    assert "eval/heldout27" not in OPENED_SETS
    assert "eval/heldout28" not in OPENED_SETS
    assert "eval/heldout29" not in OPENED_SETS
    assert 0.0 < model.threshold < 1.0 and model.info["positives"] > 0
    # the off-subject weights: fitted on every row, the background's off-subject ones too
    assert model.off_subject is not None and model.off_subject.info["rows"] > model.info["rows"]


def test_the_extractor_loads_the_shipped_model() -> None:
    assert Extractor().resources.mention_filter is not None


def test_training_rows_are_labelled_against_the_gold(ex: Extractor) -> None:
    seeds = SHARED / "corpus" / "seeds"
    sets = [EvalSet("seeds", [str(p) for p in sorted(seeds.glob("*.txt"))], seeds / "gold.jsonl")]
    rows = collect(sets, ex)
    assert rows and {r.set for r in rows} == {"seeds"}
    assert any(r.label for r in rows) and not all(r.label for r in rows)
    model = fit(rows, c=1.0, threshold=0.5)
    # the seeds all state some event's state: the main weights see every row, as do the
    # off-subject ones
    assert model.weights and model.info["rows"] == len(rows)
    assert model.off_subject is not None and model.off_subject.info["rows"] == len(rows)


def test_default_sets_name_a_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no gold file"):
        default_sets(tmp_path, SHARED)


def test_the_filter_is_not_asked_about_a_reference_to_a_stated_event(with_filter: Extractor) -> None:
    # "the expulsions" after the expulsions are told with their state: a reference back
    _use(with_filter, MentionFilter(weights={"type=expulsion": 5.0}, bias=-2.0, threshold=0.5))
    plot = "Iranian agents plotted to bomb a rally in Paris in June 2018. "
    told = "In October France expelled two Iranian diplomats. "
    reference = "A source said the expulsions were connected to the plot."
    events = with_filter.extract(plot + told + reference, dt.date(2018, 12, 1)).events
    assert [(e.type, e.agent_state) for e in events if e.type == "expulsion"] == [("expulsion", "FR")]
    # the same words with no expulsion told before: the filter is asked, and keeps it
    events = with_filter.extract(plot + reference, dt.date(2018, 12, 1)).events
    assert [(e.type, e.agent_state) for e in events if e.type == "expulsion"] == [("expulsion", None)]
