"""Grading on whole corpora: the seed articles (unknown outlets) and the bundled samples."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import SAMPLES, need_shared

pytestmark = pytest.mark.slow


def _ingest(tmp_path: Path, extractor: Any, path: Path) -> list[dict[str, Any]]:
    from plotwatch.pipeline import ingest
    from plotwatch.store.db import Store
    from plotwatch.store.queries import list_incidents

    store = Store(f"sqlite:///{tmp_path / 'g.db'}")
    ingest(store, [str(path)], extractor=extractor)
    return list_incidents(store)


def test_grading_seeds_from_unknown_outlets_are_one_voice(extractor: Any, tmp_path: Path) -> None:
    shared = need_shared()
    incidents = _ingest(tmp_path, extractor, shared / "corpus" / "seeds")
    assert incidents
    for inc in incidents:
        assert inc["corroboration"]["independent_sources"] <= 1, inc["id"]
        assert inc["credibility"] >= 3, inc["id"]
        for values in inc["corroboration"]["fields"].values():
            for v in values:  # every field value too
                assert v["independent_sources"] <= 1 and v["credibility"] >= 3, (inc["id"], v)


def test_grading_samples_independent_outlets_beat_an_outlet_and_its_reprints(
    extractor: Any, tmp_path: Path
) -> None:
    incidents = _ingest(tmp_path, extractor, SAMPLES)
    independent = [i for i in incidents if i["corroboration"]["independent_sources"] >= 2]
    reprinted = [
        i
        for i in incidents
        if i["corroboration"]["outlets"] >= 2 and i["corroboration"]["independent_sources"] == 1
    ]
    assert independent and reprinted  # the samples hold both cases
    assert max(i["credibility"] for i in independent) < min(i["credibility"] for i in reprinted)
    # each incident and each of its fields carries articles, outlets, voices and a credibility
    for inc in incidents:
        assert set(inc["corroboration"]) >= {"articles", "outlets", "independent_sources", "fields"}
        assert 1 <= inc["credibility"] <= 6
        for field, values in inc["corroboration"]["fields"].items():
            for v in values:
                assert {
                    "value",
                    "article_ids",
                    "articles",
                    "outlets",
                    "independent_sources",
                    "credibility",
                } <= set(v), field
