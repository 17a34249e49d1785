"""Resolving date expressions to :class:`PartialDate` against a reference date.

The reference is the publication date when known; otherwise the article's reference year
(the year its explicit dates mention most often, page header dates aside). Precision stays
honest: "in June" gives a month, "last week" at most a month, "this year" a year; a day is
only given when the text (or "yesterday" plus a publication date) names it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass

from plotwatch.types import PartialDate

MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for m in names
}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MON = (
    r"(January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
)
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(1[89]\d\d|20\d\d)"
RE_MDY = re.compile(rf"\b{_MON}\s*{_DAY},?\s+{_YEAR}\b")
RE_DMY = re.compile(rf"\b{_DAY}\s+{_MON},?\s+{_YEAR}\b")
RE_MD = re.compile(rf"\b{_MON}\s*{_DAY}\b(?!\s*,?\s*\d)")
RE_DM = re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MON}\b(?!,?\s*\d)")
RE_MY = re.compile(rf"\b{_MON},?\s+(?:of\s+)?{_YEAR}\b")
RE_M = re.compile(rf"\b{_MON}\b")
RE_YEAR = re.compile(rf"(?<![\d-]){_YEAR}(?!s|\d|-\d)")
RE_DATE_LINE = re.compile(
    rf"^\W*(?:\w+day,?\s+)?(?:{_MON}\s*{_DAY},?\s+{_YEAR}|{_DAY}\s+{_MON},?\s+{_YEAR})\W*$", re.I | re.M
)
# Spans that regex finds but the NER often misses ("October10", "in March").
RE_DATE_SPAN = re.compile(
    rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{_MON}(?:,?\s+{_YEAR})?|{_MON}\s*\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+{_YEAR})?|{_MON}(?:,?\s+(?:of\s+)?{_YEAR})?|{_YEAR})\b"
)


# "since 2016", "Since members … moved to Tirana in 2016, …": a lower bound, not the article's year.
RE_SINCE_YEAR = re.compile(rf"\bsince\b[^.;:\n]{{0,250}}?{_YEAR}", re.I)


def _month(name: str) -> int:
    key = name.lower().rstrip(".")
    return MONTHS["sep" if key.startswith("sept") else key]


def reference_year(text: str) -> int | None:
    """The year an undated article is about: its most frequent explicit year.

    Lines that hold nothing but a date (page headers) are ignored; ties go to the later year.
    A year after "since" is only a lower bound: it raises the answer, and an article whose
    only years are such bounds has no reference year.
    """
    body = RE_DATE_LINE.sub(" ", text)
    floor = max((int(m.group(1)) for m in RE_SINCE_YEAR.finditer(body)), default=None)
    years = [int(m.group(1)) for m in RE_YEAR.finditer(RE_SINCE_YEAR.sub(" ", body))]
    if not years:
        return None
    counts = Counter(years)
    best = max(counts, key=lambda y: (counts[y], y))
    return max(best, floor) if floor else best


@dataclass(frozen=True)
class Resolved:
    """A resolved date; ``inferred`` when its year is a guess from the article's other dates."""

    date: PartialDate
    inferred: bool = False


class DateResolver:
    """Resolves one date expression against a publication date or reference year."""

    def __init__(self, published: dt.date | None, ref_year: int | None) -> None:
        self.published = published
        self.ref_year = published.year if published else ref_year

    def _guess(self, sentence_year: int | None) -> bool:
        return not sentence_year and self.published is None

    def _year_for_month(self, month: int, sentence_year: int | None) -> int | None:
        if sentence_year:
            return sentence_year
        if self.published:
            y = self.published.year
            return y - 1 if month > self.published.month else y
        return self.ref_year

    def resolve(self, text: str, sentence_year: int | None = None) -> Resolved | None:
        """Resolve ``text`` (a DATE entity or a regex match); None when it says no date."""
        t = text.strip()
        low = t.lower()
        if m := RE_MDY.search(t):
            return Resolved(PartialDate.of(int(m.group(3)), _month(m.group(1)), int(m.group(2))))
        if m := RE_DMY.search(t):
            return Resolved(PartialDate.of(int(m.group(3)), _month(m.group(2)), int(m.group(1))))
        if m := RE_MY.search(t):
            return Resolved(PartialDate.of(int(m.group(2)), _month(m.group(1))))
        if (m := RE_MD.search(t)) or (m := RE_DM.search(t)):
            month_name, day_text = (m.group(1), m.group(2)) if m.re is RE_MD else (m.group(2), m.group(1))
            month, day = _month(month_name), int(day_text)
            year = self._year_for_month(month, sentence_year)
            if 1 <= day <= 31 and year:
                return Resolved(PartialDate.of(year, month, day), self._guess(sentence_year))
            return None
        if (m := RE_YEAR.search(t)) and not re.search(r"\d0s\b", low):
            return Resolved(PartialDate.of(int(m.group(1))))
        if m := RE_M.search(t):
            month = _month(m.group(1))
            year = self._year_for_month(month, sentence_year)
            return Resolved(PartialDate.of(year, month), self._guess(sentence_year)) if year else None
        return self._relative(low)

    def _relative(self, low: str) -> Resolved | None:
        pub, ref = self.published, self.ref_year
        if "same year" in low or "that year" in low or "past year" in low:
            return None
        if "last year" in low or "previous year" in low:
            return Resolved(PartialDate.of(ref - 1), self.published is None) if ref else None
        if "this year" in low or "earlier this year" in low:
            return Resolved(PartialDate.of(ref), self.published is None) if ref else None
        if pub is None:
            if any(w in low for w in ("yesterday", "today", "week", "month", "tonight", "night", *WEEKDAYS)):
                return Resolved(PartialDate.of(ref), self.published is None) if ref else None
            return None
        if "yesterday" in low or "last night" in low:
            d = pub - dt.timedelta(days=1)
            return Resolved(PartialDate.of(d.year, d.month, d.day))
        if "today" in low or "tonight" in low:
            return Resolved(PartialDate.of(pub.year, pub.month, pub.day))
        for i, name in enumerate(WEEKDAYS):
            if name in low:
                back = (pub.weekday() - i) % 7
                d = pub - dt.timedelta(days=back if "last" not in low else back or 7)
                return Resolved(PartialDate.of(d.year, d.month, d.day))
        if "last month" in low:
            first = pub.replace(day=1) - dt.timedelta(days=1)
            return Resolved(PartialDate.of(first.year, first.month))
        if "week" in low:
            start = pub - dt.timedelta(days=7 if "last" in low else pub.weekday())
            if start.month == pub.month:
                return Resolved(PartialDate.of(pub.year, pub.month))
            return Resolved(PartialDate.of(pub.year)) if start.year == pub.year else None
        if "month" in low:
            return Resolved(PartialDate.of(pub.year, pub.month))
        return None


def sentence_year(text: str) -> int | None:
    """The single explicit year a sentence names (None when none or several)."""
    years = {int(m.group(1)) for m in RE_YEAR.finditer(text)}
    return years.pop() if len(years) == 1 else None
