"""Plain records passed between pipeline stages.

ingest  → :class:`RawArticle`
extract → :class:`Extraction` (entities and :class:`EventMention` s)
fuse    → incidents (in the store)

These are deliberately plain dataclasses: no database, no spaCy objects.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

HOSTILE_TYPES: tuple[str, ...] = (
    "bombing",
    "assassination",
    "kidnapping",
    "armed_attack",
    "assault",
    "surveillance",
    "intimidation",
    "cyberattack",
    "influence_operation",
)
RESPONSE_TYPES: tuple[str, ...] = (
    "arrest",
    "charge",
    "conviction",
    "extradition",
    "release",
    "expulsion",
    "sanction",
    "diplomatic_measure",
    "investigation",
)
EVENT_TYPES: tuple[str, ...] = HOSTILE_TYPES + RESPONSE_TYPES
STATUSES: tuple[str, ...] = ("planned", "foiled", "failed", "executed")
ROLES: tuple[str, ...] = ("perpetrator", "sponsor", "target", "victim", "responder", "instrument")

Precision = Literal["day", "month", "year", "none"]


@dataclass(frozen=True)
class PartialDate:
    """A date known to some precision: "2018", "2018-06" or "2018-06-30"."""

    value: str | None
    precision: Precision = "none"

    @classmethod
    def unknown(cls) -> PartialDate:
        return cls(None, "none")

    @classmethod
    def of(cls, year: int, month: int | None = None, day: int | None = None) -> PartialDate:
        if month is None:
            return cls(f"{year:04d}", "year")
        if day is None:
            return cls(f"{year:04d}-{month:02d}", "month")
        return cls(f"{year:04d}-{month:02d}-{day:02d}", "day")

    @classmethod
    def parse(cls, value: str | None) -> PartialDate:
        """Parse "YYYY", "YYYY-MM" or "YYYY-MM-DD" (or None)."""
        if not value:
            return cls.unknown()
        parts = value.split("-")
        precision: Precision = {1: "year", 2: "month", 3: "day"}.get(len(parts), "none")  # type: ignore[assignment]
        return cls(value, precision)

    @property
    def year(self) -> int | None:
        return int(self.value[:4]) if self.value else None

    def span(self) -> tuple[dt.date, dt.date] | None:
        """The first and last day the date may mean ("1977" -> 1977-01-01, 1977-12-31); raises
        ValueError for a malformed value."""
        if not self.value:
            return None
        parts = [int(p) for p in self.value.split("-")]
        if len(parts) == 1:
            return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)
        if len(parts) == 2:
            last = calendar.monthrange(parts[0], parts[1])[1]
            return dt.date(parts[0], parts[1], 1), dt.date(parts[0], parts[1], last)
        day = dt.date(parts[0], parts[1], parts[2])
        return day, day

    def compatible(self, other: PartialDate, slack_days: int = 0) -> bool:
        """True when neither date rules the other out (one may be coarser)."""
        if not self.value or not other.value:
            return True
        n = min(len(self.value), len(other.value))
        if self.value[:n] == other.value[:n]:
            return True
        if slack_days and self.precision == "day" and other.precision == "day":
            a = dt.date.fromisoformat(self.value)
            b = dt.date.fromisoformat(other.value)
            return abs((a - b).days) <= slack_days
        return False

    def __str__(self) -> str:
        return self.value or ""


@dataclass
class RawArticle:
    """An article as read from an input, before extraction.

    ``text`` is what extraction sees (boilerplate trimmed); ``raw_text`` is the original.
    ``source_id`` is the id the article is ingested under: the ``id`` of a JSON article,
    else the file name without extension (feed entries: the entry id or link).
    """

    source_id: str
    text: str
    raw_text: str
    origin: str  # the path, "-" for stdin, plus "#N" for line N or entry N
    fmt: str  # txt, html, json, jsonl, rss, atom
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: dt.date | None = None
    language: str | None = None
    needs_fetch: bool = False  # a feed entry with a link but no content


@dataclass
class ActorMention:
    """An entity playing a role in an event mention."""

    name: str  # surface form in the text ("the German police", "Assadi")
    role: str  # one of ROLES
    canonical: str | None = None  # gazetteer canonical name ("Ministry of Intelligence and Security")
    kind: str = "unknown"  # person, organization, agency, unit, group, state, court, police, ministry, weapon
    country: str | None = None  # ISO alpha-2 of the entity's state/nationality, if known
    key: str | None = None  # gazetteer id ("ir-mois"); None for names not in a gazetteer
    aliases: list[str] = field(default_factory=list)


@dataclass
class EntityMention:
    """A named entity found in the text (gazetteer hit or NER span)."""

    text: str
    label: str  # spaCy label or gazetteer kind
    start: int
    end: int
    key: str | None = None
    canonical: str | None = None
    country: str | None = None
    aliases: list[str] = field(default_factory=list)


@dataclass
class EventMention:
    """One event reported in one sentence of one article."""

    type: str  # one of EVENT_TYPES
    status: str | None  # one of STATUSES for hostile types, None for responses
    date: PartialDate
    sentence_start: int  # character offsets of the evidence sentence in the article text
    sentence_end: int
    quote: str  # the evidence sentence, == text[sentence_start:sentence_end]
    trigger: str  # the trigger word(s) as written
    country: str | None = None  # ISO alpha-2 (or "EU") where the act took place
    place: str | None = None  # city or town
    lat: float | None = None
    lon: float | None = None
    place_precision: str = "none"  # place, admin1, country, none
    agent_state: str | None = None  # state behind a hostile act, or state that responded
    actors: list[ActorMention] = field(default_factory=list)
    historical: bool = False
    confidence: float = 0.5
    trigger_start: int | None = None
    trigger_end: int | None = None
    generic: bool = False  # type inferred from a generic trigger ("plot", "attack"); fusion may re-type
    date_inferred: bool = False  # the year comes from the article's other dates, not this sentence
    state_inferred: bool = False  # the agent state is the country the story is in, not stated for this event


@dataclass
class ClaimMention:
    """A figure ("eight plots this year") or a recommendation ("expel all agents"), with its speaker."""

    kind: Literal["figure", "recommendation"]
    text: str  # the sentence (or list item)
    start: int  # character offsets of ``text`` in the article text
    end: int
    value: float | None = None  # figures: the number
    unit: str | None = None  # figures: what is counted; recommendations: the demanded action
    speaker: str | None = None  # who says it, when the text says
    qualifier: str | None = None  # "more than", "about", "at least"


@dataclass
class Extraction:
    """Everything extraction found in one article."""

    entities: list[EntityMention] = field(default_factory=list)
    events: list[EventMention] = field(default_factory=list)
    claims: list[ClaimMention] = field(default_factory=list)


@dataclass
class SourcedMention:
    """An event mention together with the article it was found in."""

    article_id: str  # the id the article was ingested under (RawArticle.source_id)
    mention: EventMention
    published: dt.date | None = None
    outlet: str | None = None


@dataclass
class IncidentDraft:
    """One real-world incident as fusion sees it: merged fields plus every mention."""

    id: str  # stable: the same mentions give the same id on every run
    type: str
    status: str | None
    date: PartialDate
    country: str | None
    place: str | None
    lat: float | None
    lon: float | None
    place_precision: str
    agent_state: str | None
    actors: list[ActorMention]
    mentions: list[SourcedMention]
    historical: bool = False
