"""Plain records an importer produces before anything is written, and the import report.

Parsing (:mod:`plotwatch.imports.stix`, :mod:`plotwatch.imports.ftm`) turns a file into a
:class:`Parsed` value, raising :class:`~plotwatch.errors.InputError` on bad input *before*
the store is touched; :func:`plotwatch.imports.writer.write` then stores it in one
transaction.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any


@dataclass
class ImpOutlet:
    """A source: the importing feed, or an outlet a STIX report names as its creator."""

    name: str
    grade: str = "F"
    kind: str | None = None
    family: str | None = None
    domain: str | None = None


@dataclass
class ImpEntity:
    id: str
    name: str
    kind: str = "unknown"
    country: str | None = None
    aliases: list[str] = field(default_factory=list)


@dataclass
class ImpMention:
    """Evidence for an incident: a quote at offsets in an (imported) article."""

    article_id: str
    quote: str
    start: int
    end: int
    trigger: str = ""
    country: str | None = None  # this source's value, when it disagrees with the incident's
    date: str | None = None


@dataclass
class ImpArticle:
    """An article (a STIX report, or a placeholder for a feed record) holding mention quotes."""

    id: str
    outlet: str
    title: str | None = None
    url: str | None = None
    published: str | None = None  # ISO date
    author: str | None = None
    language: str | None = None


@dataclass
class ImpActor:
    entity_id: str
    name: str
    role: str
    kind: str = "unknown"
    country: str | None = None


@dataclass
class ImpIncident:
    id: str
    type: str
    status: str | None
    date: str | None
    country: str | None = None
    place: str | None = None
    lat: float | None = None
    lon: float | None = None
    place_precision: str = "none"
    agent_state: str | None = None
    historical: bool = False
    actors: list[ImpActor] = field(default_factory=list)
    mentions: list[ImpMention] = field(default_factory=list)


@dataclass
class ImpRelation:
    source: str
    target: str
    type: str
    article_id: str | None = None
    quote: str | None = None


@dataclass
class Parsed:
    """Everything read from one file, ready to store."""

    origin: str  # "import:stix" or "import:ftm": Entity.origin and Relation.origin
    feed: ImpOutlet  # provenance of the file itself
    outlets: list[ImpOutlet] = field(default_factory=list)
    entities: list[ImpEntity] = field(default_factory=list)
    articles: list[ImpArticle] = field(default_factory=list)
    incidents: list[ImpIncident] = field(default_factory=list)
    relations: list[ImpRelation] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)  # object type → how many were not imported


@dataclass
class ImportReport:
    """What an import added (zeros on a second import of the same file) and what it skipped."""

    path: str
    format: str
    feed: str
    added: Counter[str] = field(default_factory=Counter)
    skipped: dict[str, int] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "format": self.format,
            "feed": self.feed,
            "added": dict(sorted(self.added.items())),
            "skipped": dict(sorted(self.skipped.items())),
        }
