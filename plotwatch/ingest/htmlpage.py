"""HTML pages (``.html``, ``.htm``): main text and metadata with trafilatura, offline.

trafilatura is only ever handed a string, never a URL, so nothing is fetched. Its text goes
through the same boilerplate trimming as plain text; the page itself is kept in ``raw_text``.
Publication dates come from the page's metadata only (``article:published_time``, JSON-LD,
``<time>``), not from a guess over the body text.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from plotwatch.errors import InputError
from plotwatch.ingest.base import Reader, parse_date
from plotwatch.ingest.boilerplate import trim
from plotwatch.types import RawArticle

__all__ = ["HtmlReader", "PageText", "extract_page", "fragment_text"]

# htmldate ignores dates before 1995 unless told otherwise: archive pages are older
_DATE_PARAMS = {"extensive_search": False, "original_date": True, "min_date": "1900-01-01"}
_TITLE_SUFFIX = re.compile(r"\s+[|–—-]\s+[^|–—-]{2,60}$")


@dataclass
class PageText:
    """What trafilatura found in a page."""

    text: str
    title: str | None = None
    author: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: dt.date | None = None
    language: str | None = None


def extract_page(html: str) -> PageText | str:
    """Extract the main text and metadata of ``html``; a problem string when there is none."""
    try:
        import trafilatura
    except ImportError as exc:  # e.g. lxml without lxml_html_clean
        return f"cannot extract HTML: trafilatura is not usable ({exc})"
    try:
        doc = trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            favor_recall=True,
            date_extraction_params=_DATE_PARAMS,
        )
    except Exception as exc:  # trafilatura/lxml raise assorted errors on broken markup
        return f"cannot parse HTML: {exc}"
    if doc is None:
        return "no article text found in the HTML page"
    data: dict[str, Any] = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    text = trim(str(data.get("text") or "")).text
    if not text.strip():
        return "no article text found in the HTML page"
    title = _clean(data.get("title"))
    outlet = _clean(data.get("sitename"))
    if title and outlet:  # "Headline | Outlet" → "Headline"
        match = _TITLE_SUFFIX.search(title)
        if match and outlet.lower() in match.group(0).lower():
            title = title[: match.start()].strip()
    return PageText(
        text=text,
        title=title,
        author=_clean(data.get("author")),
        url=_clean(data.get("url")),
        outlet=outlet,
        published=parse_date(data.get("date")),
        language=_clean(data.get("language")),
    )


def _clean(value: object) -> str | None:
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None


_BLOCK = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
    "blockquote", "pre", "table", "tr", "section", "article", "figure", "figcaption",
}  # fmt: skip


def fragment_text(html: str) -> str:
    """Plain text of an HTML fragment (a feed entry's content): one line per block."""
    if "<" not in html:
        return html.strip()
    from lxml import etree
    from lxml import html as lxml_html

    try:
        root = lxml_html.fragment_fromstring(html, create_parent="div")
    except (etree.ParserError, ValueError):
        return re.sub(r"<[^>]+>", " ", html).strip()
    for bad in root.xpath("//script|//style"):
        bad.drop_tree()
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.lower() in _BLOCK:
            el.tail = "\n" + (el.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().split("\n"))
    return "\n\n".join(line for line in lines if line)


class HtmlReader(Reader):
    """One HTML page is one article."""

    fmt = "html"
    extensions = (".html", ".htm", ".xhtml")

    def read(self, text: str, origin: str, stem: str) -> Iterator[RawArticle | InputError]:
        page = extract_page(text)
        if isinstance(page, str):
            yield InputError(origin, page)
            return
        yield RawArticle(
            source_id=stem,
            text=page.text,
            raw_text=text,
            origin=origin,
            fmt=self.fmt,
            title=page.title,
            url=page.url,
            outlet=page.outlet,
            author=page.author,
            published=page.published,
            language=page.language,
        )
