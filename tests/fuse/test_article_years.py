"""An undated article that names no year takes the year of the incidents it shares with
dated articles (plotwatch.fuse.article_years)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from plotwatch.fuse.article_years import shared_years, undated
from plotwatch.pipeline import ingest, reprocess
from plotwatch.store.db import Store
from plotwatch.store.queries import list_incidents

pytestmark = pytest.mark.slow

DATED = {
    "id": "dated-wire",
    "title": "Iranian diplomat arrested in Vienna",
    "outlet": "Wire",
    "published": "2019-03-05",
    "text": "Austrian police arrested an Iranian diplomat in Vienna on March 3, 2019 over a plot "
    "to bomb a rally of Iranian exiles. Prosecutors said the diplomat had brought the explosives "
    "from Tehran.",
}
UNDATED = {
    "id": "undated-blog",
    "title": "Vienna arrest",
    "outlet": "Blog",
    "text": "On March 3, Austrian police arrested an Iranian diplomat in Vienna over a plot to bomb "
    "a rally of Iranian exiles. Prosecutors charged the diplomat on March 9 with planning the attack.",
}
ALONE = {
    "id": "undated-alone",
    "title": "A kidnapping",
    "outlet": "Blog",
    "text": "On April 14, Turkish police arrested four men in Istanbul over the kidnapping of a "
    "Saudi dissident who had fled to Turkey.",
}


def _write(path: Path, *articles: dict[str, Any]) -> str:
    path.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
    return str(path)


def _arrest_dates(store: Store, source_id: str) -> set[str | None]:
    out: set[str | None] = set()
    for rec in list_incidents(store):
        for m in rec["mentions"]:
            if m["article_id"] == source_id and rec["type"] == "arrest":
                out.add(rec["date"]["start"])
    return out


def test_undated_article_takes_the_year_of_shared_incidents(db_url: str, extractor, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    store = Store(db_url)
    report = ingest(store, [_write(tmp_path / "a.jsonl", DATED, UNDATED, ALONE)], extractor=extractor)
    assert set(report.added) == {"dated-wire", "undated-blog", "undated-alone"}
    assert report.redated == 1
    # the undated article's arrest fused with the wire's, and its own charge got the year
    assert _arrest_dates(store, "undated-blog") == {"2019-03-03"}
    charges = [r for r in list_incidents(store) if r["type"] == "charge"]
    assert [c["date"]["start"] for c in charges] == ["2019-03-09"]
    # nothing to vote for the article that shares no incident: its dates stay unknown
    assert _arrest_dates(store, "undated-alone") == {None}

    again = ingest(store, [str(tmp_path / "a.jsonl")], extractor=extractor)
    assert not again.added and again.redated == 0
    before = len(list_incidents(store))
    reprocess(store, extractor=extractor)
    assert len(list_incidents(store)) == before
    assert _arrest_dates(store, "undated-blog") == {"2019-03-03"}


def test_only_self_dated_articles_vote(db_url: str, extractor, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Two undated articles without a year about the same arrest: neither dates the other."""
    store = Store(db_url)
    other = {
        **UNDATED,
        "id": "undated-copy",
        "outlet": "Other blog",
        "text": UNDATED["text"].replace("Prosecutors", "Austrian prosecutors"),
    }
    report = ingest(store, [_write(tmp_path / "b.jsonl", UNDATED, other)], extractor=extractor)
    assert report.redated == 0
    ids = undated(store)
    assert len(ids) == 2
    assert shared_years(store, ids) == {}
