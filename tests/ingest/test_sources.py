"""Expanding inputs: directories, stdin sniffing, and the sample corpus end to end."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from plotwatch.errors import InputError
from plotwatch.ingest import iter_inputs, sniff

from .conftest import SAMPLES, articles, errors


def test_sources_directory_walk_is_sorted_recursive_and_skips_hidden(fixtures: Path) -> None:
    items = list(iter_inputs([str(fixtures / "tree")]))
    assert not errors(items)
    got = articles(items)
    assert [a.source_id for a in got] == ["b", "a"]  # tree/b.txt, then tree/sub/a.txt
    assert all("Hidden" not in a.text for a in got)


def test_sources_named_non_article_jsonl_is_reported(fixtures: Path) -> None:
    (error,) = list(iter_inputs([str(fixtures / "tree" / "gold.jsonl")]))
    assert isinstance(error, InputError)
    assert "not an article file" in str(error)


@pytest.mark.parametrize(
    ("payload", "fmt"),
    [
        ('{"id": "s1", "text": "JSON line one."}\n{"id": "s2", "text": "Line two."}\n', "jsonl"),
        ('[{"id": "s1", "text": "A JSON list article."}]', "json"),
        ('{\n  "id": "s1",\n  "text": "A pretty-printed JSON object."\n}\n', "json"),
        ("<!DOCTYPE html><html><head><title>T</title></head><body><article><p>"
         + "A web page read from standard input, long enough to be kept as text. " * 4
         + "</p></article></body></html>", "html"),
        ('<?xml version="1.0"?><rss version="2.0"><channel><title>Std Feed</title><item>'
         "<guid>g1</guid><description>An entry read from stdin.</description></item>"
         "</channel></rss>", "rss"),
        ("Plain text headline\n\nA plain text article read from standard input.", "txt"),
        ("<b>not really html</b> but text that starts with a tag", "txt"),
    ],
)  # fmt: skip
def test_sources_stdin_is_sniffed(payload: str, fmt: str) -> None:
    assert sniff(payload).fmt == fmt
    for stream in (io.StringIO(payload), io.BytesIO(payload.encode("utf-8"))):
        items = list(iter_inputs(["-"], stdin=stream))
        assert not errors(items), items
        got = articles(items)
        assert got and all(a.fmt == fmt for a in got)
        assert all(a.origin.startswith("-") for a in got)


def test_sources_stdin_text_gets_stable_content_id() -> None:
    text = "Plain text headline\n\nA plain text article read from standard input."
    (first,) = articles(list(iter_inputs(["-"], stdin=io.StringIO(text))))
    (again,) = articles(list(iter_inputs(["-"], stdin=io.BytesIO(text.encode()))))
    assert first.source_id == again.source_id
    assert first.source_id.startswith("stdin-")
    assert first.title == "Plain text headline"


def test_sources_stdin_errors(tmp_path: Path) -> None:
    (empty,) = list(iter_inputs(["-"], stdin=io.BytesIO(b"")))
    assert isinstance(empty, Exception) and empty.source == "-"
    (big,) = list(iter_inputs(["-"], stdin=io.BytesIO(b"x" * 100), max_bytes=10))
    assert "size limit" in str(big)
    (binary,) = list(iter_inputs(["-"], stdin=io.BytesIO(b"\x00\x01\x02")))
    assert "binary" in str(binary)


def test_sources_samples_ingest_cleanly_and_match_gold() -> None:
    items = list(iter_inputs([str(SAMPLES)]))
    assert not errors(items)
    got = articles(items)
    assert len(got) == 12
    assert sum(a.needs_fetch for a in got) == 1
    ids = {a.source_id for a in got}
    assert len(ids) == len(got)
    fmts = {a.fmt for a in got}
    assert fmts == {"txt", "html", "jsonl", "rss"}
    assert sum(a.published is None for a in got if not a.needs_fetch) == 1
    for article in got:
        if not article.needs_fetch:
            assert 150 <= len(article.text.split()) <= 450, article.source_id
    gold = [json.loads(line) for line in (SAMPLES / "gold.jsonl").read_text().splitlines()]
    cited = {aid for row in gold for aid in row["articles"]}
    assert cited <= ids
    assert cited == {a.source_id for a in got if not a.needs_fetch}


@pytest.mark.parametrize(
    ("source_id", "teaser"),
    [
        ("salisbury-expulsions", "Car bomb kills police officer"),
        ("tiergarten-verdict", "shooting at wedding party"),
        ("ryanair-minsk", "Militants abduct aid workers"),
        ("khashoggi-intelligence-report", "Suicide bomber strikes army convoy"),
        ("antwerp-verdict-courier", "Parcel bomb injures postal worker"),
    ],
)
def test_sources_sample_teasers_are_trimmed(source_id: str, teaser: str) -> None:
    got = {a.source_id: a for a in articles(list(iter_inputs([str(SAMPLES)])))}
    article = got[source_id]
    assert teaser not in article.text
    assert teaser in article.raw_text
