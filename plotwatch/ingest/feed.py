"""RSS and Atom feeds (``.rss``, ``.atom``, and ``.xml`` files that are feeds), with feedparser.

Each entry with content or a summary becomes an article: ``outlet`` is the feed's title,
``published`` the entry's date, ``source_id`` the entry's id (else its link). An entry with
only a link becomes an article with empty text and ``needs_fetch=True``: it is recorded for
later fetching and never fetched here. feedparser is always handed bytes, never a URL.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from collections.abc import Iterator
from typing import Any

from plotwatch.errors import InputError
from plotwatch.ingest.base import Reader, parse_date
from plotwatch.ingest.boilerplate import trim
from plotwatch.ingest.htmlpage import fragment_text
from plotwatch.types import RawArticle

__all__ = ["FeedReader", "looks_like_feed"]

_FEED_ROOT = re.compile(r"<(?:[\w-]+:)?(?:rss|feed|RDF)\b", re.IGNORECASE)


def looks_like_feed(text: str) -> bool:
    """True when the document's root element (within its first 4 KB) is rss, feed or RDF."""
    head = re.sub(r"<!--.*?-->|<\?.*?\?>|<!DOCTYPE[^>]*>", "", text[:4096], flags=re.DOTALL)
    match = re.search(r"<[^\s!?/]", head)
    return bool(match and _FEED_ROOT.match(head, match.start()))


def _entry_date(entry: Any) -> dt.date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if isinstance(value, time.struct_time):
            return dt.date(value.tm_year, value.tm_mon, value.tm_mday)
    for key in ("published", "updated", "created"):
        parsed = parse_date(entry.get(key))
        if parsed:
            return parsed
    return None


def _entry_body(entry: Any) -> tuple[str, str]:
    """The entry's (text, raw markup): full content if present, else the summary."""
    for part in entry.get("content") or []:
        value = str(part.get("value") or "")
        if value.strip():
            kind = str(part.get("type") or "text/html")
            return (fragment_text(value) if "html" in kind else value.strip()), value
    summary = str(entry.get("summary") or "")
    if summary.strip():
        return fragment_text(summary), summary
    return "", ""


def _opt(value: Any) -> str | None:
    text = " ".join(str(value).split()) if value is not None else ""
    return text or None


class FeedReader(Reader):
    """An RSS 2.0, RSS 1.0 or Atom feed: one article per entry."""

    fmt = "rss"
    extensions = (".rss", ".atom", ".xml")

    def read(self, text: str, origin: str, stem: str) -> Iterator[RawArticle | InputError]:
        if not looks_like_feed(text):
            yield InputError(origin, "not an RSS or Atom feed (no <rss> or <feed> root element)")
            return
        import feedparser

        parsed = feedparser.parse(text.encode("utf-8"))
        entries = list(parsed.get("entries") or [])
        if not entries:
            problem = parsed.get("bozo_exception")
            yield InputError(origin, f"malformed feed: {problem}" if problem else "feed has no entries")
            return
        version = str(parsed.get("version") or "")
        fmt = "atom" if version.startswith("atom") else "rss"
        outlet = _opt(parsed.feed.get("title"))
        for number, entry in enumerate(entries, start=1):
            where = f"{origin}#{number}"
            link = _opt(entry.get("link"))
            source_id = _opt(entry.get("id")) or link or f"{stem}-{number}"
            body, raw = _entry_body(entry)
            common: dict[str, Any] = {
                "source_id": source_id,
                "origin": where,
                "fmt": fmt,
                "title": _opt(entry.get("title")),
                "url": link,
                "outlet": outlet,
                "author": _opt(entry.get("author")),
                "published": _entry_date(entry),
                "language": _opt(parsed.feed.get("language")),
            }
            if body.strip():
                cleaned = trim(body).text
                if cleaned.strip():
                    yield RawArticle(text=cleaned, raw_text=raw, **common)
                    continue
            if link:
                yield RawArticle(text="", raw_text="", needs_fetch=True, **common)
            else:
                yield InputError(where, "feed entry has neither content, summary nor link")
