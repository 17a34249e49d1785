"""Plain-text articles (``.txt``), as a user would paste them from a web page.

- ``source_id``: the file name without extension;
- ``text``: the text with page boilerplate trimmed (:mod:`plotwatch.ingest.boilerplate`);
- ``title``: the first kept line, when it looks like a headline;
- ``published``: only from a clear dateline near the top ("Published: 4 March 2018",
  "LONDON, March 4, 2018 (Wire Europe) —"). A bare date line such as
  "Wednesday, June 19, 2024" is page furniture (often the day the page was saved), so it is
  trimmed and not taken as the publication date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from plotwatch.errors import InputError
from plotwatch.ingest.base import Reader, parse_date
from plotwatch.ingest.boilerplate import trim
from plotwatch.types import RawArticle

__all__ = ["TextReader", "find_dateline", "guess_title"]

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DATE = (
    rf"(?:(?:[a-z]+day,?\s+)?{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|(?:[a-z]+day,?\s+)?\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}"
    r"|\d{4}-\d{2}-\d{2})"
)
# "Published: 4 March 2018", "Posted on March 4, 2018 by …", "Date: 2018-03-04"
_LABELLED = re.compile(
    rf"^(?:first\s+)?(?:published|posted|dated?|updated)(?:\s+on)?\s*[:\-–]?\s*(?P<date>{_DATE})",
    re.IGNORECASE,
)
# "LONDON, March 4, 2018 (Wire Europe) — …", "THE HAGUE, 4 March 2018 – …"
_WIRE = re.compile(
    rf"^(?-i:[A-Z][A-Z .'’-]{{1,40}}),\s+(?P<date>{_DATE})\b(?:\s*\([^)]{{1,40}}\))?\s*[-–—:]",
    re.IGNORECASE,
)
_HEADLINE_END = re.compile(r"[.,;:]$")


def find_dateline(text: str, max_lines: int = 12) -> dt.date | None:
    """The publication date stated by a dateline in the first non-empty lines, or None."""
    seen = 0
    for line in text.split("\n"):
        line = line.strip()
        if not line:
            continue
        seen += 1
        if seen > max_lines:
            break
        match = _LABELLED.match(line) or _WIRE.match(line)
        if match:
            date = parse_date(match.group("date"))
            if date is not None:
                return date
    return None


def guess_title(text: str) -> str | None:
    """The first non-empty line of ``text`` if it looks like a headline, else None."""
    for line in text.split("\n"):
        line = line.strip()
        if not line:
            continue
        words = line.split()
        if not 2 <= len(words) <= 20 or len(line) > 160:
            return None
        if _HEADLINE_END.search(line) or line.lower().startswith("by "):
            return None
        if not (line[0].isupper() or line[0].isdigit() or line[0] in "\"'“‘"):
            return None
        if _LABELLED.match(line) or _WIRE.match(line):
            return None
        return line
    return None


class TextReader(Reader):
    """One plain-text file is one article."""

    fmt = "txt"
    extensions = (".txt", ".text")

    def read(self, text: str, origin: str, stem: str) -> Iterator[RawArticle | InputError]:
        cleaned = trim(text).text
        if not cleaned.strip():
            yield InputError(origin, "no article text left after removing page boilerplate")
            return
        yield RawArticle(
            source_id=stem,
            text=cleaned,
            raw_text=text,
            origin=origin,
            fmt=self.fmt,
            title=guess_title(cleaned),
            published=find_dateline(cleaned),
        )
