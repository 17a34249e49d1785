"""Boilerplate trimming: one test per pattern family, the five seeds, the background corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from plotwatch.errors import ConfigError
from plotwatch.ingest.boilerplate import load_boilerplate, trim

from .conftest import shared_path

BODY = (
    "Police arrested two men on Monday on suspicion of spying on exiles for a foreign state.\n"
    "Prosecutors said the men had photographed the homes of several dissidents over months.\n"
    "The embassy of the state concerned denied that its staff had any part in the operation."
)


def _with(line: str) -> str:
    return f"{line}\n{BODY}\n{line}"


@pytest.mark.parametrize(
    "line",
    ["Skip to main content", "Back to top", "Back to top button", "Exit mobile version",
     "Menu", "  Toggle navigation  ", "Search"],
)  # fmt: skip
def test_boilerplate_navigation_lines_dropped(line: str) -> None:
    result = trim(_with(line))
    assert result.text == BODY
    assert result.dropped.get("navigation") == 2


@pytest.mark.parametrize(
    "line", ["Share this", "Share", "Print", "Share on Facebook", "Tweet", "Email", "Share:"]
)
def test_boilerplate_sharing_lines_dropped(line: str) -> None:
    assert trim(_with(line)).text == BODY


@pytest.mark.parametrize(
    "line",
    ["Wednesday, June 19, 2024", "June 19, 2024", "19 June 2024", "Monday 3rd March 2019",
     "2024-06-19"],
)  # fmt: skip
def test_boilerplate_date_header_lines_dropped(line: str) -> None:
    assert trim(_with(line)).text == BODY


@pytest.mark.parametrize(
    "line",
    [
        "Home News Iranian Opposition Confront Iran’s terror attacks on MEK",
        "HomeUncategorized - Latest News and ArticlesAnother Heavy Blow to Iran’s Terror Campaign",
        "Home » World » Europe",
        "Home > Europe > Germany",
        "Home / Politics",
    ],
)
def test_boilerplate_breadcrumb_lines_dropped(line: str) -> None:
    assert trim(_with(line)).text == BODY


@pytest.mark.parametrize(
    "line",
    [
        "Home Office officials said the two diplomats would be expelled.",
        "Home Secretary Priti Patel said on Tuesday that the network had been dismantled.",
        "Print media in the country reported the arrest.",
        "Share prices fell after the sanctions were announced.",
        "Comments by the minister were criticised.",
        "On June 19, 2024 the court convicted the men.",
    ],
)
def test_boilerplate_sentences_with_boilerplate_words_kept(line: str) -> None:
    text = f"{BODY}\n{line}\n{BODY}"
    assert trim(text).text == text


@pytest.mark.parametrize(
    "marker",
    ["Comments", "14 Comments", "Popular posts from this blog", "Related posts",
     "Related articles", "You may also like", "Read more", "Leave a Reply",
     "Subscribe to our newsletter", "Read more »"],
)  # fmt: skip
def test_boilerplate_footer_marker_drops_everything_after(marker: str) -> None:
    teaser = "Gunmen kill three in attack on a village market"
    result = trim(f"{BODY}\n\n{marker}\n{teaser}\nAnother teaser about a bombing")
    assert result.text == BODY
    assert "footer" in result.dropped


def test_boilerplate_footer_marker_before_body_drops_only_the_line() -> None:
    result = trim(f"Related articles\n{BODY}\nComments\nA teaser")
    assert result.text == BODY


def test_boilerplate_blank_lines_collapsed_and_never_longer() -> None:
    text = "\n\n  \nFirst paragraph.   \n\n\n\nSecond paragraph.\r\n\n"
    result = trim(text)
    assert result.text == "First paragraph.\n\nSecond paragraph."
    assert len(result.text) <= len(text)


def test_boilerplate_spans_map_cleaned_offsets_to_raw() -> None:
    raw = f"Skip to main content\nMenu\n{BODY}\nComments\nteaser"
    result = trim(raw)
    start = result.text.index("Prosecutors")
    raw_start = result.to_raw(start)
    assert raw_start is not None
    assert raw[raw_start : raw_start + 11] == "Prosecutors"
    for clean_start, raw_offset, length in result.spans:
        assert result.text[clean_start : clean_start + length] == raw[raw_offset : raw_offset + length]


def test_boilerplate_bad_pattern_file_is_config_error(tmp_path: Path) -> None:
    bad = tmp_path / "bp.yaml"
    bad.write_text("lines:\n  x: ['(unclosed']\nfooters: []\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="bad pattern"):
        load_boilerplate(bad)
    bad.write_text("- just a list\n", encoding="utf-8")
    with pytest.raises(ConfigError):
        load_boilerplate(bad)


def _seed(prefix: str) -> str:
    folder = shared_path("corpus", "seeds")
    (path,) = folder.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def test_boilerplate_seed_000_teaser_posts_gone_body_intact() -> None:
    raw = _seed("000")
    text = trim(raw).text
    assert "Popular posts from this blog" not in text
    assert "A Viable Democratic Alternative" not in text
    assert "Iran news in brief" not in text
    assert "Comments" not in text.splitlines()
    assert "Skip to main content" not in text
    assert text.startswith("Alarm bells over Iran’s terrorist operations")
    assert text.endswith("dozens of prominent western politicians ask and call for.")
    assert "On March 22, two Iranians were arrested in Tirana" in text


def test_boilerplate_seed_002_date_line_and_breadcrumb_gone() -> None:
    text = trim(_seed("002")).text
    assert "Wednesday, June 19, 2024" not in text
    assert "HomeUncategorized" not in text
    assert text.startswith("Another Heavy Blow to Iran’s Terror Campaign Against the MEK")


@pytest.mark.parametrize(
    ("prefix", "gone"),
    [("001", "Back to top button"), ("003", "Exit mobile version"), ("003", "Home News")],
)
def test_boilerplate_seed_trailing_navigation_gone(prefix: str, gone: str) -> None:
    assert gone not in trim(_seed(prefix)).text


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_boilerplate_seed_body_paragraphs_survive(prefix: str) -> None:
    raw = _seed(prefix)
    body = raw.split("\nComments\n")[0]  # 000: everything before its footer is article
    text = trim(raw).text
    kept = [
        line.strip()
        for line in body.splitlines()
        if len(line.strip()) > 60 and not line.startswith("Home")  # breadcrumbs go
    ]
    assert kept, "a seed without body lines?"
    missing = [line for line in kept if line not in text]
    assert not missing


def test_boilerplate_background_texts_lose_nothing() -> None:
    path = shared_path("corpus", "background", "lee.jsonl")
    changed = []
    for line in path.read_text(encoding="utf-8").splitlines():
        obj = json.loads(line)
        if trim(obj["text"]).text != obj["text"].strip():
            changed.append(obj["id"])
    assert changed == []


_LINES = st.lists(
    st.one_of(
        st.sampled_from(["Skip to main content", "Comments", "Menu", "Home » World", "", "  "]),
        st.text(max_size=120),
    ),
    max_size=30,
)


@given(_LINES, st.sampled_from(["\n", "\r\n"]))
def test_boilerplate_trim_never_raises_and_never_lengthens(lines: list[str], sep: str) -> None:
    raw = sep.join(lines)
    result = trim(raw)
    assert len(result.text) <= len(raw)
    for clean_start, raw_offset, length in result.spans:
        assert result.text[clean_start : clean_start + length] == raw[raw_offset : raw_offset + length]


@given(st.text())
def test_boilerplate_trim_is_idempotent_on_any_text(text: str) -> None:
    once = trim(text).text
    assert len(once) <= len(text)
    assert len(trim(once).text) <= len(once)
