"""JSON articles: ``.json`` (one object or a list of them) and ``.jsonl`` (one per line).

Keys: ``id, url, title, outlet, published, text`` or ``html`` (run through the same
trafilatura extraction as an HTML page; the JSON keys win over what the page says), and
optionally ``author`` and ``language``. A line that is not valid JSON, not an object, or has
neither ``text`` nor ``html`` gives one :class:`InputError` naming ``path:N``; the other lines
still come through. An article without ``id`` is ingested as ``<stem>-<N>``.

A file in which *no* object carries ``text`` or ``html`` (a gold or claims file next to the
articles) is not an article file: it gives one :class:`NotArticlesError` for the whole file
instead of one error per line, and a directory walk skips it silently.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from plotwatch.errors import InputError
from plotwatch.ingest.base import Reader, parse_date
from plotwatch.ingest.boilerplate import trim
from plotwatch.ingest.htmlpage import extract_page
from plotwatch.types import RawArticle

__all__ = ["JsonLinesReader", "JsonReader", "NotArticlesError", "article_from_object"]

_TEXT_KEYS = ("text", "content", "body")
_OUTLET_KEYS = ("outlet", "source", "sitename", "site_name")
_DATE_KEYS = ("published", "date", "published_at", "pubdate")


_NO_TEXT = "no article text: the object has neither 'text' nor 'html'"


class NotArticlesError(InputError):
    """A JSON file of objects none of which is an article (no 'text' or 'html' anywhere)."""


def _collapse(items: Iterator[RawArticle | InputError], origin: str) -> Iterator[Any]:
    """Pass items through, but fold a file of only text-less objects into one error."""
    pending: list[RawArticle | InputError] = []
    seen_article = False
    for item in items:
        if seen_article:
            yield item
            continue
        pending.append(item)
        if isinstance(item, RawArticle):
            seen_article = True
            yield from pending
    if seen_article:
        return
    if pending and all(isinstance(i, InputError) and i.problem == _NO_TEXT for i in pending):
        yield NotArticlesError(
            origin, f"not an article file: none of its {len(pending)} objects has 'text' or 'html'"
        )
    else:
        yield from pending


def _first(obj: dict[str, Any], keys: tuple[str, ...]) -> Any:
    for key in keys:
        value = obj.get(key)
        if value not in (None, ""):
            return value
    return None


def _opt(value: Any) -> str | None:
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None


def article_from_object(
    obj: Any, *, origin: str, where: str, default_id: str, fmt: str
) -> RawArticle | InputError:
    """Build an article from one decoded JSON value; ``where`` names it in errors."""
    if not isinstance(obj, dict):
        return InputError(where, f"expected a JSON object, got {type(obj).__name__}")
    text_value = _first(obj, _TEXT_KEYS)
    html_value = obj.get("html")
    if not isinstance(text_value, str | type(None)) or not isinstance(html_value, str | None):
        return InputError(where, "'text' and 'html' must be strings")
    if not (text_value and text_value.strip()) and not (html_value and html_value.strip()):
        return InputError(where, _NO_TEXT)
    article = RawArticle(
        source_id=_opt(obj.get("id")) or default_id,
        text="",
        raw_text=text_value if text_value and text_value.strip() else str(html_value),
        origin=origin,
        fmt=fmt,
        title=_opt(obj.get("title")),
        url=_opt(obj.get("url")),
        outlet=_opt(_first(obj, _OUTLET_KEYS)),
        author=_opt(obj.get("author")),
        published=parse_date(_first(obj, _DATE_KEYS)),
        language=_opt(obj.get("language") or obj.get("lang")),
    )
    if text_value and text_value.strip():
        article.text = trim(text_value).text
    else:
        page = extract_page(str(html_value))
        if isinstance(page, str):
            return InputError(where, page)
        article.text = page.text
        article.title = article.title or page.title
        article.url = article.url or page.url
        article.outlet = article.outlet or page.outlet
        article.author = article.author or page.author
        article.published = article.published or page.published
        article.language = article.language or page.language
    if not article.text.strip():
        return InputError(where, "no article text left after removing page boilerplate")
    return article


def _malformed(exc: json.JSONDecodeError) -> str:
    return f"malformed JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})"


class JsonLinesReader(Reader):
    """One JSON object per line; blank lines are skipped."""

    fmt = "jsonl"
    extensions = (".jsonl", ".ndjson")

    def read(self, text: str, origin: str, stem: str) -> Iterator[RawArticle | InputError]:
        yield from _collapse(self._lines(text, origin, stem), origin)

    def _lines(self, text: str, origin: str, stem: str) -> Iterator[RawArticle | InputError]:
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            where = f"{origin}:{number}"
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                yield InputError(where, f"malformed JSON: {exc.msg} (column {exc.colno})")
                continue
            yield article_from_object(
                obj,
                origin=f"{origin}#{number}",
                where=where,
                default_id=f"{stem}-{number}",
                fmt=self.fmt,
            )


class JsonReader(Reader):
    """A JSON document holding one article object or a list of them."""

    fmt = "json"
    extensions = (".json",)

    def read(self, text: str, origin: str, stem: str) -> Iterator[RawArticle | InputError]:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            yield InputError(origin, _malformed(exc))
            return
        if isinstance(data, dict):
            yield article_from_object(data, origin=origin, where=origin, default_id=stem, fmt=self.fmt)
            return
        if not isinstance(data, list):
            yield InputError(origin, f"expected a JSON object or list, got {type(data).__name__}")
            return
        if not data:
            yield InputError(origin, "empty JSON list: no articles")
        items = (
            article_from_object(
                obj,
                origin=f"{origin}#{number}",
                where=f"{origin}#{number}",
                default_id=f"{stem}-{number}",
                fmt=self.fmt,
            )
            for number, obj in enumerate(data, start=1)
        )
        yield from _collapse(items, origin)
