"""Each reader on small fixtures: text, HTML, JSON, JSON lines, RSS and Atom."""

from __future__ import annotations

import datetime as dt
import socket
from pathlib import Path

import pytest

from plotwatch.ingest import parse_date, read_file
from plotwatch.ingest.text import find_dateline, guess_title

from .conftest import SAMPLES, articles, errors


def test_text_reader_reads_title_date_and_trims(fixtures: Path) -> None:
    (article,) = list(read_file(fixtures / "article.txt"))
    assert not isinstance(article, Exception)
    assert article.source_id == "article"
    assert article.fmt == "txt"
    assert article.origin == str(fixtures / "article.txt")
    assert article.title == "Exiled blogger says he was followed in Vienna"
    assert article.published == dt.date(2022, 5, 12)
    assert "Skip to main content" not in article.text
    assert "Explosion at warehouse" not in article.text
    assert "Explosion at warehouse" in article.raw_text
    assert article.text.endswith("questioned by security officers the same week.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Title\n\nPublished: 4 March 2018\nBody.", dt.date(2018, 3, 4)),
        ("Posted on March 4, 2018 by Staff\nBody.", dt.date(2018, 3, 4)),
        ("Date: 2018-03-04\nBody.", dt.date(2018, 3, 4)),
        ("VILNIUS, May 24, 2021 – European governments reacted.", dt.date(2021, 5, 24)),
        ("THE HAGUE, 8 January 2019 (Wire) — The government said.", dt.date(2019, 1, 8)),
        ("Wednesday, June 19, 2024\nA headline\nBody text.", None),
        ("On March 4, 2018 two men were arrested.", None),
    ],
)
def test_text_dateline_only_when_clear(text: str, expected: dt.date | None) -> None:
    assert find_dateline(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Belarus forces down airliner\n\nBody.", "Belarus forces down airliner"),
        ("\n\n“Quoted” headline here\nBody.", "“Quoted” headline here"),
        ("This is a long first paragraph that ends like a sentence, so it is no title.", None),
        ("By Jane Roe\nBody.", None),
        ("lowercase start of a line\nBody.", None),
        ("", None),
    ],
)
def test_text_guess_title(text: str, expected: str | None) -> None:
    assert guess_title(text) == expected


def test_text_reader_sample_without_date_has_none() -> None:
    (article,) = list(read_file(SAMPLES / "tiergarten-verdict.txt"))
    assert not isinstance(article, Exception)
    assert article.published is None
    assert article.title == "Berlin court rules Russian state ordered killing in Tiergarten park"
    assert "Bomb blast at market" not in article.text


def test_html_reader_extracts_text_and_metadata(fixtures: Path) -> None:
    (article,) = list(read_file(fixtures / "page.html"))
    assert not isinstance(article, Exception)
    assert article.source_id == "page"
    assert article.fmt == "html"
    assert article.title == "Police question two men over surveillance of exiles"
    assert article.outlet == "Test Gazette"
    assert article.author == "Jane Roe"
    assert article.url == "https://test-gazette.example/a/42"
    assert article.published == dt.date(2022, 5, 13)
    assert "Police in Vienna questioned two men" in article.text
    assert "threats made to relatives" in article.text
    assert "Gunman kills two" not in article.text
    assert "Skip to main content" not in article.text
    assert article.raw_text.startswith("<!DOCTYPE html>")


def test_html_reader_never_touches_the_network(fixtures: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("ingest tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    items = list(read_file(fixtures / "page.html")) + list(read_file(SAMPLES / "baltic-review.rss"))
    assert not errors(items)


def test_html_reader_page_without_text_is_error(tmp_path: Path) -> None:
    page = tmp_path / "blank.html"
    page.write_text("<html><body><nav>Home</nav></body></html>", encoding="utf-8")
    (error,) = list(read_file(page))
    assert isinstance(error, Exception)
    assert "no article text" in str(error)


def test_html_reader_keeps_a_publication_date_before_1995(tmp_path: Path) -> None:
    # an archive page: htmldate's default floor (1995) would drop its date
    body = "Imre Nagy was reburied in Budapest on Friday before a crowd of a quarter of a million. " * 4
    page = tmp_path / "nagy.html"
    page.write_text(
        '<html><head><meta property="article:published_time" content="1989-06-16T08:00:00+02:00">'
        f"<title>Budapest reburies Nagy</title></head><body><article><p>{body}</p></article></body></html>",
        encoding="utf-8",
    )
    (art,) = articles(read_file(page))
    assert art.published == dt.date(1989, 6, 16)


def test_json_reader_list_of_articles(fixtures: Path) -> None:
    items = list(read_file(fixtures / "articles.json"))
    first, second = articles(items)
    assert (first.source_id, first.fmt, first.origin) == (
        "j1", "json", f"{fixtures / 'articles.json'}#1",
    )  # fmt: skip
    assert first.published == dt.date(2018, 3, 4)
    assert first.text == "The first article in a JSON list."  # boilerplate trimmed
    assert first.raw_text.startswith("Skip to main content")
    assert second.published == dt.date(2018, 3, 5)
    assert second.outlet is None


def test_json_reader_single_object_uses_file_stem(fixtures: Path) -> None:
    (article,) = articles(list(read_file(fixtures / "single.json")))
    assert article.source_id == "single"
    assert article.outlet == "Test Wire"


def test_jsonl_reader_reads_good_lines_and_names_bad_ones(fixtures: Path) -> None:
    path = fixtures / "articles.jsonl"
    items = list(read_file(path))
    got = articles(items)
    assert [a.source_id for a in got] == ["a1", "articles-4", "a5"]
    assert got[0].outlet == "Test Wire"
    assert got[0].published == dt.date(2021, 2, 4)
    assert got[0].origin == f"{path}#1"
    assert got[1].published == dt.date(2018, 3, 4)
    assert got[2].title == "From HTML"
    assert "goes through the same extraction" in got[2].text
    assert got[2].raw_text.startswith("<html>")
    malformed, no_text = errors(items)
    assert malformed.source == f"{path}:2"
    assert malformed.problem.startswith("malformed JSON")
    assert no_text.source == f"{path}:3"
    assert "neither 'text' nor 'html'" in no_text.problem


def test_jsonl_reader_file_without_any_article_is_one_error(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"gid": "G1"}\n{"gid": "G2"}\n', encoding="utf-8")
    (error,) = list(read_file(gold))
    assert isinstance(error, Exception)
    assert "not an article file" in str(error)


def test_feed_reader_rss_entries_and_link_only_entry() -> None:
    path = SAMPLES / "baltic-review.rss"
    items = list(read_file(path))
    assert not errors(items)
    first, second, link_only = articles(items)
    assert first.source_id == "baltic-review-2021-09-21-rusesabagina"
    assert first.fmt == "rss"
    assert first.outlet == "Baltic Review"
    assert first.author == "Maria Lind"
    assert first.published == dt.date(2021, 9, 21)
    assert first.origin == f"{path}#1"
    assert "Paul Rusesabagina" in first.text and "<p>" not in first.text
    assert "<p>" in first.raw_text
    assert second.published == dt.date(2018, 10, 31)
    assert link_only.needs_fetch and link_only.text == ""
    assert link_only.source_id == link_only.url
    assert all(not a.needs_fetch for a in (first, second))


def test_feed_reader_atom(fixtures: Path) -> None:
    entry, link_only = articles(list(read_file(fixtures / "feed.atom")))
    assert entry.fmt == "atom"
    assert entry.source_id == "urn:test:atom:1"
    assert entry.outlet == "Test Atom Desk"
    assert entry.author == "Sam Poe"
    assert entry.published == dt.date(2022, 5, 14)
    assert entry.text == (
        "The government asked two members of an embassy's staff to leave the country within a week."
    )
    assert link_only.needs_fetch
    assert link_only.published == dt.date(2022, 5, 15)


def test_feed_reader_xml_that_is_not_a_feed_is_error(fixtures: Path) -> None:
    (error,) = list(read_file(fixtures / "not-a-feed.xml"))
    assert isinstance(error, Exception)
    assert "not an RSS or Atom feed" in str(error)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2021-02-04", dt.date(2021, 2, 4)),
        ("2021-02-04T14:12:00Z", dt.date(2021, 2, 4)),
        ("2021-02-04T14:12:00+01:00", dt.date(2021, 2, 4)),
        ("Thu, 04 Feb 2021 14:12:00 GMT", dt.date(2021, 2, 4)),
        ("4 February 2021", dt.date(2021, 2, 4)),
        ("February 4th, 2021", dt.date(2021, 2, 4)),
        ("Feb. 4, 2021", dt.date(2021, 2, 4)),
        ("04/02/2021", dt.date(2021, 2, 4)),
        (dt.datetime(2021, 2, 4, 10, 0), dt.date(2021, 2, 4)),
        ("yesterday", None),
        ("not a date", None),
        ("", None),
        (None, None),
        (["2021"], None),
    ],
)
def test_dates_parse_date(value: object, expected: dt.date | None) -> None:
    assert parse_date(value) == expected
