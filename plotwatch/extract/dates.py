"""Resolving date expressions to :class:`PartialDate` against a reference date.

The reference is the publication date when known; otherwise the article's reference year
(the year its explicit dates mention most often, page header dates aside). Precision stays
honest: "in June" gives a month, "last week" at most a month, "this year" a year; a day is
only given when the text (or "yesterday" plus a publication date) names it.

Expressions that count from another date of the text ("the same day", "the following day",
"two days later", "that month") are resolved against the last date the text gave before them
(the *anchor*), at no finer precision than the anchor has: "the following day" after "in June"
is no date.
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
# "In June and July 2021", "between May and August 2019": the months share the year; the
# time is the first month's
RE_MONTHS_Y = re.compile(rf"\b{_MON}\s+(?:and|to|through|until|-|\u2013)\s+{_MON},?\s+{_YEAR}\b")
RE_YEAR = re.compile(rf"(?<![\d-]){_YEAR}(?!s|\d|-\d)")
RE_DATE_LINE = re.compile(
    rf"^\W*(?:\w+day,?\s+)?(?:{_MON}\s*{_DAY},?\s+{_YEAR}|{_DAY}\s+{_MON},?\s+{_YEAR})\W*$", re.I | re.M
)
# Spans that regex finds but the NER often misses ("October10", "in March").
RE_DATE_SPAN = re.compile(
    rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{_MON}(?:,?\s+{_YEAR})?|{_MON}\s*\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+{_YEAR})?|{_MON}(?:,?\s+(?:of\s+)?{_YEAR})?|{_YEAR})\b"
)


# A dateline opening the article: a city, then a dash, a comma and a date, or the outlet in
# brackets ("PODGORICA – A court …", "MADRID, July 30 (Courier) – …", "Kyiv (Wire) - …")
RE_DATELINE = re.compile(
    rf"\A\s*([A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ'.\-]*(?:[ \t]+[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ'.\-]*){{0,2}})[ \t]*"
    rf"(?:[\u2013\u2014]|-[ \t]|,[ \t]*(?:{_MON}[ \t]*\d{{1,2}}\b|\d{{1,2}}[ \t]+{_MON})"
    rf"|\([^()\n]{{1,60}}\)[ \t]*[\u2013\u2014-])"
)


# Expressions whose date is another date of the text: "the same day", "the following day",
# "two days later", "a week earlier", "that month", "the next year".
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
}  # fmt: skip
TENS = {
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
# a number in words or digits: "three", "fifteen", "forty", "forty-eight" (a compound is one
# number, never its last word alone), "48"
_UNIT = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_NUMBER = (
    rf"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[-\u2010\u2011 ]{_UNIT}\b)?"
    rf"|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|{_UNIT}|ten|\d{{1,3}})"
)
_NUM = rf"(an?|{_NUMBER})"


def _years_in(phrase: str) -> int | None:
    """The count of "forty years", "a year" (1)."""
    count = phrase.rsplit(None, 1)[0]
    return 1 if count.lower() in ("a", "an") else number(count)


def number(word: str) -> int | None:
    """The value of a number word ("a", "ten", "forty-eight", "48"), or None."""
    low = word.lower().strip()
    if low.isdigit():
        return int(low)
    if low in NUMBER_WORDS or low in TENS:
        return NUMBER_WORDS.get(low) or TENS[low]
    parts = re.split(r"[-\u2010\u2011 ]", low)
    if len(parts) == 2 and parts[0] in TENS and TENS[parts[0]] >= 20 and parts[1] in NUMBER_WORDS:
        return TENS[parts[0]] + NUMBER_WORDS[parts[1]] if parts[1] not in ("a", "an") else None
    return None


RE_SAME = re.compile(
    r"\b(?:the\s+same|that)\s+(day|night|morning|evening|afternoon|week|month|year|summer|winter|spring|autumn)\b",
    re.I,
)
# "within weeks", "days later": an unnumbered length after the last date, known to the month
# (days) or the year (weeks, months) of it at best ("within days of the attack": the act's month;
# "in the hours before it was due to begin": the plan's month);
# "shortly afterwards", "soon after." (alone): the month of the last date
RE_VAGUE_LATER = re.compile(
    r"\b(?:within\s+(days|weeks|months)|(days|weeks|months)\s+(?:later|afterwards)"
    r"|(?:shortly|soon)\s+(?:afterwards?|thereafter|after(?![ \t]+[A-Za-z0-9]))"
    r"|in\s+the\s+(hours|days|weeks|months)\s+(?:before|after|following|leading\s+up\s+to)\b"
    r"|the\s+(hours|days|weeks|months)\s+that\s+followed|the\s+following\s+(days|weeks|months))\b",
    re.I,
)  # "in the weeks that followed", "over the following months": after the last date too
# ("the next morning", "the following night": the next day)
RE_NEXT = re.compile(
    r"\bthe\s+(following|next|previous|preceding)\s+(day|week|month|year|morning|afternoon|evening|night)\b",
    re.I,
)
# "the day before" alone; "the day after the attack" counts from the attack, not from a date
RE_DAY_AFTER = re.compile(r"\bthe\s+(day|week|month|year)\s+(after|before)\b(?![ \t]+[A-Za-z0-9])", re.I)
_ALONE = r"(?![ \t]+[A-Za-z0-9])"  # "two days after." but not "two days after the attack"
RE_LATER = re.compile(
    rf"\b{_NUM}\s+(hour|day|week|month|year)s?\s+(later|afterwards|earlier|(?:after|before|on){_ALONE})\b",
    re.I,
)  # "Forty years on, …" too, but not "two years on the run"
RE_HOURS_LATER = re.compile(
    r"(?<!the )\b(?:hours|minutes)\s+(?:later|afterwards|earlier|(?:after|before)(?![ \t]+[A-Za-z0-9]))\b",
    re.I,
)

# "fifteen years ago" counts back from the publication date ("Forty years ago today": that day).
RE_YEARS_AGO = re.compile(
    rf"\b({_NUMBER}\s+years?|an?\s+year)\s+(?:ago(\s+(?:today|tonight))?"
    rf"|(to\s+the\s+day|today|tonight))(\s+this\s+month)?\b",
    re.I,
)  # "a year ago tonight" too; "It is twenty-five years today since …": that day
# "Thirty years ago today", which the tagger reads as "Thirty years ago" and a bare "today": one day
# ("Fifty years ago this month": one month)
RE_YEARS_AGO_TODAY = re.compile(
    rf"\b(?:{_NUMBER}\s+years?|an?\s+year)\s+(?:ago\s+(?:today|tonight|this\s+month)"
    rf"|(?:today|tonight)(?=\s+since\b))\b",
    re.I,
)
# "Thirty years" ending a phrase ("Thirty years after the bombing, …"): its number
RE_YEARS_TAIL = re.compile(rf"\b({_NUMBER})\s+years$", re.I)
# "Five weeks" ending a phrase ("Five weeks after X vanished, …"): its number and unit
RE_UNITS_TAIL = re.compile(rf"\b({_NUMBER})\s+(day|week|month)s$", re.I)
# "ten days ago", "two weeks ago", "three months ago": counted back from the publication date
RE_UNITS_AGO = re.compile(rf"\b(an?|{_NUMBER})\s+(day|week|month)s?\s+ago\b", re.I)
# a length of time ("sentenced to five years", "eight months in prison") is no date
RE_LENGTH = re.compile(r"^(?:a|an|[a-z]+(?:-[a-z]+)?|\d{1,3})\s+(?:month|year)s?$", re.I)
RE_BARE_LENGTH = re.compile(r"^(?:for\s+)?(?:some\s+|several\s+|many\s+)?(?:hours|days|weeks|months|years)$")

# "in July of that year", "that December": a month of the year the text was last at
RE_MONTH_THAT_YEAR = re.compile(rf"\b{_MON}\s+of\s+(?:that|the\s+same)\s+year\b|\bthat\s+{_MON}\b")
# "On 30 April that year", "on April 30 of the same year": a day of the year last given
RE_DAY_THAT_YEAR = re.compile(
    rf"\b(?:{_DAY}\s+{_MON}|{_MON}\s+{_DAY}),?\s+(?:of\s+)?(?:that|the\s+same)\s+year\b", re.I
)
RE_THAT_YEAR = re.compile(r"\b(?:that|the\s+same)\s+year\b", re.I)
# "five days after the shooting": counted from the act, which the text dated last
ACT_NOUNS = (
    r"(?:shooting|attack|killing|murder|bombing|explosion|blast|poisoning|abduction|kidnapping|arrest)"
)
# ("three days after the 1998 killing" too; "the Sunday after the shooting": the first Sunday)
RE_AFTER_ACT = re.compile(
    rf"\b(?:{_NUM}\s+(day|week|month|year)s?|the\s+({'|'.join(WEEKDAYS)}))\s+(after|before)\s+the\s+"
    rf"(?:{_YEAR}\s+)?{ACT_NOUNS}\b",
    re.I,
)

RE_ANAPHORIC_SPAN = re.compile(
    "|".join(
        f"(?:{r.pattern})"
        for r in (
            RE_MONTH_THAT_YEAR,
            RE_AFTER_ACT,
            RE_SAME,
            RE_NEXT,
            RE_DAY_AFTER,
            RE_LATER,
            RE_HOURS_LATER,
            RE_VAGUE_LATER,
        )
    ),
    re.I,
)


def _shift_months(year: int, month: int, n: int) -> tuple[int, int]:
    k = year * 12 + (month - 1) + n
    return k // 12, k % 12 + 1


def shift(anchor: PartialDate, unit: str, n: int) -> PartialDate | None:
    """``anchor`` moved by ``n`` units, at no finer precision than the anchor has and never to a
    day the move makes uncertain (a week from a month is unknown within the month)."""
    if not anchor.value:
        return None
    year = anchor.year or 0
    parts = [int(p) for p in anchor.value.split("-")]
    if unit in ("hour", "night", "morning", "evening", "afternoon"):
        unit, n = "day", 0
    if unit in ("summer", "winter", "spring", "autumn"):
        unit, n = "year", 0  # "that summer": the year (a winter may straddle two, the text's one)
    if unit == "year":
        return PartialDate.of(year + n)
    if unit == "month":
        if len(parts) < 2:
            return PartialDate.of(year) if n == 0 else None
        y, m = _shift_months(year, parts[1], n)
        return PartialDate.of(y, m)
    days = n * 7 if unit == "week" else n
    if len(parts) == 3:
        d = dt.date(*parts) + dt.timedelta(days=days)
        if unit == "week" and n == 0:
            return PartialDate.of(d.year, d.month) if d.month == (d - dt.timedelta(days=6)).month else None
        return PartialDate.of(d.year, d.month, d.day)
    if days == 0:
        return anchor  # "the same day" of a month is that month
    return None


def _some_day_of(day: PartialDate | None) -> PartialDate | None:
    """ "The following week": some day of the week after, never a day: the month when the week
    around that day is in one month, else the year."""
    if day is None or day.precision != "day" or not day.value:
        return day
    d = dt.date(*(int(p) for p in day.value.split("-")))
    lo, hi = d - dt.timedelta(days=3), d + dt.timedelta(days=3)
    if lo.month == hi.month:
        return PartialDate.of(d.year, d.month)
    return PartialDate.of(d.year) if lo.year == hi.year else None


def anchored(text: str, anchor: PartialDate | None) -> PartialDate | bool | None:
    """The date of an expression that refers to ``anchor`` (the last date the text gave);
    False when ``text`` is no such expression, None when it is one but cannot be resolved."""
    if m := RE_DAY_THAT_YEAR.search(text):
        day, month = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
        return PartialDate.of(anchor.year, _month(month), int(day)) if anchor and anchor.year else None
    if m := RE_MONTH_THAT_YEAR.search(text):
        month = _month(m.group(1) or m.group(2))
        return PartialDate.of(anchor.year, month) if anchor and anchor.year else None
    if m := RE_SAME.search(text):
        return shift(anchor, m.group(1).lower(), 0) if anchor else None
    sign = 0
    unit = ""
    n = 1
    if m := RE_NEXT.search(text):
        unit, sign = m.group(2).lower(), 1 if m.group(1).lower() in ("following", "next") else -1
        unit = "day" if unit in ("morning", "afternoon", "evening", "night") else unit
        if unit == "week" and anchor is not None:
            return _some_day_of(shift(anchor, "week", sign))
    elif m := RE_DAY_AFTER.search(text):
        unit, sign = m.group(1).lower(), 1 if m.group(2).lower() == "after" else -1
    elif m := RE_AFTER_ACT.search(text):
        sign = -1 if m.group(4).lower() == "before" else 1
        if m.group(3):  # "the Sunday after the shooting": the first such day after (or before) it
            if anchor is None or anchor.precision != "day" or not anchor.value:
                return None
            day = dt.date.fromisoformat(anchor.value)
            k = WEEKDAYS.index(m.group(3).lower())
            step = ((k - day.weekday()) % 7 or 7) if sign > 0 else -(((day.weekday() - k) % 7) or 7)
            d = day + dt.timedelta(days=step)
            return PartialDate.of(d.year, d.month, d.day)
        n = number(m.group(1)) or 1
        unit = m.group(2).lower()
    elif m := RE_LATER.search(text):
        n = number(m.group(1)) or 1
        unit = m.group(2).lower()
        sign = -1 if m.group(3).lower() in ("earlier", "before") else 1
    elif RE_HOURS_LATER.search(text):
        unit, sign, n = "hour", 1, 0
    elif m := RE_VAGUE_LATER.search(text):
        if anchor is None or not anchor.year:
            return None
        parts = (anchor.value or "").split("-")
        unit = next((g for g in m.groups() if g), "days").lower()
        if unit in ("hours", "days") and len(parts) >= 2:
            return PartialDate.of(anchor.year, int(parts[1]))
        return PartialDate.of(anchor.year)
    else:
        return False
    return shift(anchor, unit, sign * n) if anchor else None


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

    def _after_publication(self, year: int, month: int, day: int) -> bool:
        if self.published is None:
            return False
        try:
            return dt.date(year, month, day) > self.published
        except ValueError:
            return False

    def _guess(self, sentence_year: int | None) -> bool:
        return not sentence_year and self.published is None

    def _year_for_month(
        self, month: int, sentence_year: int | None, low: str = "", told: str = ""
    ) -> int | None:
        if sentence_year:
            return sentence_year
        if self.published:
            y = self.published.year
            if "last year" in low or "previous year" in low:  # "on 14 March last year"
                return y - 1
            if "this year" in low:
                return y
            if re.match(r"(?:since\s+|until\s+)?last\s", low):
                # "last December" told in December is a year ago, as "last Monday" on a Monday
                return y - 1 if month >= self.published.month else y
            if len(told) == 4 and y - int(told) >= 5:
                # "The harshest blow came in 1979. In May police arrested …": a story decades
                # back that has just given its year, and no month, goes on in that year
                return int(told)
            back = y - int(told[:4]) if len(told) >= 7 else 0
            if back and int(told[5:7]) <= month and (back == 1 or back >= 5):
                # "On 14 March last year they stabbed him … At the end of April four men were
                # charged", "on 13 August 1940 … at the end of August": the same or a later
                # month of the year the story is at, not of the publication's; a story two to
                # four years back ("rounded up in May 2018. On 28 December a court …", told in
                # 2021) would give that year again if it meant it: the latest such month
                return y - back
            if back >= 5 and len(told) >= 7 and int(told[5:7]) - month <= 3:
                # a story decades back ("on 2 October 1968 …"): "On 18 September troops occupied
                # the campus" steps back a few weeks in that year, not to the publication's year
                return y - back
            return y - 1 if month > self.published.month else y
        return self.ref_year

    def resolve(
        self, text: str, sentence_year: int | None = None, anchor: Resolved | None = None
    ) -> Resolved | None:
        """Resolve ``text`` (a DATE entity or a regex match); None when it says no date.

        ``anchor`` is the last date the text gave before ``text``: "the same day", "two days
        later", "that month" are resolved against it (and are no date without it).
        """
        t = text.strip()
        low = t.lower()
        ref = anchored(t, anchor.date if anchor else None)
        if isinstance(ref, PartialDate) and anchor is not None:
            return Resolved(ref, anchor.inferred)
        if ref is None and (anchor is not None or "year" not in low):
            return None  # "the previous year" with nothing before it reads as "last year" below
        told = (anchor.date.value or "") if anchor is not None else ""  # the date last given
        if m := RE_MDY.search(t):
            return Resolved(PartialDate.of(int(m.group(3)), _month(m.group(1)), int(m.group(2))))
        if m := RE_DMY.search(t):
            return Resolved(PartialDate.of(int(m.group(3)), _month(m.group(2)), int(m.group(1))))
        if m := RE_MONTHS_Y.search(t):
            return Resolved(PartialDate.of(int(m.group(3)), _month(m.group(1))))
        if m := RE_MY.search(t):
            return Resolved(PartialDate.of(int(m.group(2)), _month(m.group(1))))
        if (m := RE_MD.search(t)) or (m := RE_DM.search(t)):
            month_name, day_text = (m.group(1), m.group(2)) if m.re is RE_MD else (m.group(2), m.group(1))
            month, day = _month(month_name), int(day_text)
            year = self._year_for_month(month, sentence_year, low, told)
            if not sentence_year and len(told) >= 7 and int(told[5:7]) == month:
                # "crossed in January 2019 … On 26 January he disappeared": the month just told
                year = int(told[:4])
            if 1 <= day <= 31 and year and not sentence_year and self._after_publication(year, month, day):
                year -= 1  # "On 30 July", told on 26 July: last year's, a day to come is no news
            if 1 <= day <= 31 and year:
                return Resolved(PartialDate.of(year, month, day), self._guess(sentence_year))
            return None
        if (m := RE_YEAR.search(t)) and not re.search(r"\d0s\b", low):
            return Resolved(PartialDate.of(int(m.group(1))))
        if m := RE_M.search(t):
            month = _month(m.group(1))
            year = self._year_for_month(month, sentence_year, low, told)
            return Resolved(PartialDate.of(year, month), self._guess(sentence_year)) if year else None
        return self._relative(low)

    def _relative(self, low: str) -> Resolved | None:
        pub, ref = self.published, self.ref_year
        if (m := RE_YEARS_AGO.search(low)) and pub is not None:
            n = _years_in(m.group(1))
            if not n or n >= pub.year:
                return None
            if m.group(2) or m.group(3):  # "forty years ago today", "forty years to the day since"
                day = min(pub.day, 28) if pub.month == 2 else pub.day  # 29 February
                return Resolved(PartialDate.of(pub.year - n, pub.month, day))
            if m.group(4):  # "fifty years ago this month"
                return Resolved(PartialDate.of(pub.year - n, pub.month))
            return Resolved(PartialDate.of(pub.year - n))
        if (m := RE_UNITS_AGO.search(low)) and pub is not None:
            return self._units_ago(pub, number(m.group(1)) or 1, m.group(2))
        if RE_LENGTH.match(low.strip()) and not low.strip().startswith(("this", "last", "next")):
            return None
        if RE_BARE_LENGTH.match(low.strip()):
            return None  # "For weeks nothing was said": a length of time, no date
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

    def years_before(self, n: int, text: str) -> Resolved | None:
        """The date ``n`` years before publication ("Thirty years after the bombing, she still
        …"): its year, or its day when the article (``text``) also says "thirty years ago today"."""
        pub = self.published
        if pub is None or not 0 < n < pub.year:
            return None
        for m in RE_YEARS_AGO.finditer(text):
            if (m.group(2) or m.group(3)) and _years_in(m.group(1)) == n:
                return self._relative(m.group(0).lower())
        return Resolved(PartialDate.of(pub.year - n))

    @staticmethod
    def _units_ago(pub: dt.date, n: int, unit: str) -> Resolved | None:
        """ "ten days ago": that day; "two weeks ago": its month when the week around it is in
        one month, else its year; "three months ago": that month."""
        if unit == "day":
            d = pub - dt.timedelta(days=n)
            return Resolved(PartialDate.of(d.year, d.month, d.day))
        if unit == "week":
            d = pub - dt.timedelta(days=7 * n)
            week = _some_day_of(PartialDate.of(d.year, d.month, d.day))
            return Resolved(week) if week is not None else None
        y, mo = _shift_months(pub.year, pub.month, -n)
        return Resolved(PartialDate.of(y, mo))


def sentence_year(text: str) -> int | None:
    """The single explicit year a sentence names (None when none or several)."""
    years = {int(m.group(1)) for m in RE_YEAR.finditer(text)}
    return years.pop() if len(years) == 1 else None
