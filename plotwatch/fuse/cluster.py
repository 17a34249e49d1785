"""Greedy, blocked clustering of event mentions into incidents.

Mentions are visited in a fixed order (most specific first, then by article and offset), so the
result does not depend on input order. Each mention joins the best-scoring compatible cluster
among those sharing a block key — (type, agent state) or, without one, (type, country) — else
starts a new cluster. Generic mentions ("a plot", "the attack", typed only by default) are
placed last and may join a cluster of any hostile type.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from plotwatch.fuse.merge import PRECISION_RANK
from plotwatch.types import HOSTILE_TYPES, PartialDate, SourcedMention


@dataclass
class Cluster:
    """Mentions of one incident, with the fields compatibility is checked against."""

    type: str
    mentions: list[SourcedMention] = field(default_factory=list)
    countries: set[str] = field(default_factory=set)
    agents: set[str] = field(default_factory=set)
    dates: list[PartialDate] = field(default_factory=list)  # explicit dates
    years: set[int] = field(default_factory=set)  # inferred years
    actors: set[str] = field(default_factory=set)
    places: set[str] = field(default_factory=set)
    articles: set[str] = field(default_factory=set)
    rank: int = 0

    def add(self, sm: SourcedMention) -> None:
        m = sm.mention
        self.mentions.append(sm)
        if m.country:
            self.countries.add(m.country)
        if m.agent_state:
            self.agents.add(m.agent_state)
        if m.date.value:
            if m.date_inferred and m.date.year:
                self.years.add(m.date.year)
            else:
                self.dates.append(m.date)
        self.actors.update(actor_ids(sm))
        if m.place:
            self.places.add(m.place.casefold())
        self.articles.add(sm.article_id)


def actor_ids(sm: SourcedMention) -> set[str]:
    return {
        a.key or a.name.casefold().removeprefix("the ").strip()
        for a in sm.mention.actors
        if a.role != "instrument" and (a.key or a.kind != "unknown")
    }


GENERIC = "generic"  # block type of clusters holding only generic mentions


def sort_key(sm: SourcedMention) -> tuple[Any, ...]:
    """Best-anchored mentions first (a country and a month say more than a bare year)."""
    m = sm.mention
    precision = 0 if m.date_inferred and m.date.precision == "year" else PRECISION_RANK[m.date.precision]
    anchor = 2 * (m.country is not None) + min(precision, 2)
    # the rest only breaks ties (two events of one sentence), so input order never matters
    return (
        -anchor,
        m.generic,
        sm.article_id,
        m.sentence_start,
        m.trigger_start or 0,
        m.type,
        m.country or "",
        m.agent_state or "",
        m.date.value or "",
        m.date_inferred,
        m.trigger,
        m.place or "",
        m.status or "",
        m.sentence_end,
        len(m.actors),
    )


def _actor_key(sm: SourcedMention) -> tuple[tuple[str, str, str], ...]:
    return tuple(sorted((a.role, a.key or "", a.name) for a in sm.mention.actors))


def ordered(mentions: Sequence[SourcedMention]) -> list[SourcedMention]:
    """``mentions`` in :func:`sort_key` order; mentions equal on it but for their actors are
    ordered by actors (computed only for such ties: building actor keys for every mention
    would cost more than the sort)."""
    keys = [sort_key(sm) for sm in mentions]
    order = sorted(range(len(mentions)), key=keys.__getitem__)
    out: list[SourcedMention] = []
    i = 0
    while i < len(order):
        j = i + 1
        while j < len(order) and keys[order[j]] == keys[order[i]]:
            j += 1
        run = [mentions[k] for k in order[i:j]]
        out.extend(sorted(run, key=_actor_key) if len(run) > 1 else run)
        i = j
    return out


class Clusterer:
    """Assigns mentions to clusters; see the module docstring."""

    def __init__(self, settings: dict[str, Any]) -> None:
        self.slack = int(settings.get("inferred_year_slack", 1))
        self.day_slack = int(settings.get("day_slack", 0))
        self.score = dict(settings.get("score", {}))
        self.clusters: list[Cluster] = []
        # insertion-ordered sets (dicts keyed by id) so membership tests stay O(1)
        self.blocks: dict[tuple[str, str, str | None], dict[int, Cluster]] = defaultdict(dict)
        # within a block, clusters by the years of their mentions (None: an undated mention),
        # so a dated mention is compared only with clusters of nearby years: cost stays linear
        self.by_year: dict[tuple[str, str, str | None], dict[int | None, dict[int, Cluster]]] = defaultdict(
            lambda: defaultdict(dict)
        )

    def block_type(self, c: Cluster) -> str:
        generic_only = all(x.mention.generic for x in c.mentions) and c.type in HOSTILE_TYPES
        return GENERIC if generic_only else c.type

    def _keys(self, type_: str, sm: SourcedMention) -> list[tuple[str, str, str | None]]:
        m = sm.mention
        return [(type_, "a", m.agent_state)] if m.agent_state else [(type_, "c", m.country)]

    def _date_ok(self, c: Cluster, sm: SourcedMention) -> bool:
        d = sm.mention.date
        if not d.value:
            return True
        if sm.mention.date_inferred and d.year:
            years = {x.year for x in c.dates if x.year} | c.years
            if not all(abs(y - d.year) <= self.slack for y in years):
                return False
            rest = (d.value or "")[4:]  # the month/day part must still agree
            return all(
                x.value[4:].startswith(rest) or rest.startswith(x.value[4:]) for x in c.dates if x.value
            )
        if not all(d.compatible(x, self.day_slack) for x in c.dates):
            return False
        return all(abs(y - (d.year or y)) <= self.slack for y in c.years)

    def compatible(self, c: Cluster, sm: SourcedMention) -> bool:
        m = sm.mention
        if not m.generic and self.block_type(c) == GENERIC:
            # typing a generic cluster needs a month-level date agreement or the same place
            same_place = bool(m.place and m.place.casefold() in c.places)
            months = [d for d in c.dates if d.precision in ("month", "day")]
            if not same_place and not (m.date.precision in ("month", "day") and months):
                return False
        if m.country and c.countries and m.country not in c.countries:
            return False
        if m.agent_state and c.agents and m.agent_state not in c.agents:
            return False
        if bool(m.historical) != any(x.mention.historical for x in c.mentions) and m.date.value and c.dates:
            return False
        return self._date_ok(c, sm)

    def _score(self, c: Cluster, sm: SourcedMention) -> float:
        s = self.score
        m = sm.mention
        value = float(s.get("base", 1.0))
        if sm.article_id in c.articles:
            value += float(s.get("same_article", 0.5))
        value += float(s.get("shared_actor", 1.0)) * len(actor_ids(sm) & c.actors)
        if m.place and m.place.casefold() in c.places:
            value += float(s.get("same_place", 0.5))
        if m.country and m.country in c.countries:
            value += float(s.get("same_country", 0.5))
        return value

    def place(self, sm: SourcedMention, types: Sequence[str]) -> None:
        """Put ``sm`` into the best compatible cluster of one of ``types``, or a new one."""
        best: tuple[float, int, Cluster] | None = None
        for t in types:
            for key in self._keys(t, sm):
                for c in self._candidates(key, sm):
                    if self.compatible(c, sm):
                        score = self._score(c, sm)
                        rank = c.rank
                        if best is None or (score, -rank) > (best[0], -best[1]):
                            best = (score, rank, c)
        if best is None:
            cluster = Cluster(type=sm.mention.type, rank=len(self.clusters))
            self.clusters.append(cluster)
        else:
            cluster = best[2]
        before = self.block_type(cluster) if cluster.mentions else None
        if before == GENERIC and not sm.mention.generic:
            cluster.type = sm.mention.type  # a specific mention types a generic cluster
        cluster.add(sm)
        after = self.block_type(cluster)
        if before is not None and before != after:
            for x in cluster.mentions:
                for key in self._keys(before, x):
                    self.blocks.get(key, {}).pop(id(cluster), None)
                    for bucket in self.by_year.get(key, {}).values():
                        bucket.pop(id(cluster), None)
        for x in cluster.mentions if before != after else [sm]:
            for key in self._keys(after, x):
                self.blocks[key][id(cluster)] = cluster
                self.by_year[key][x.mention.date.year][id(cluster)] = cluster

    def _candidates(self, key: tuple[str, str, str | None], sm: SourcedMention) -> list[Cluster]:
        year = sm.mention.date.year
        if year is None:
            return list(self.blocks.get(key, {}).values())
        years = self.by_year.get(key, {})
        seen: set[int] = set()
        out: list[Cluster] = []
        for y in (None, *range(year - self.slack, year + self.slack + 1)):
            for c in years.get(y, {}).values():
                if id(c) not in seen:
                    seen.add(id(c))
                    out.append(c)
        return out


def candidate_types(sm: SourcedMention) -> list[str]:
    """The block types a mention is compared in (its own, generic, any hostile type if generic)."""
    m = sm.mention
    if m.generic and m.type in HOSTILE_TYPES:
        return [m.type, GENERIC, *[t for t in HOSTILE_TYPES if t != m.type]]
    if m.type in HOSTILE_TYPES:
        return [m.type, GENERIC]
    return [m.type]


def block_keys(sm: SourcedMention, *, written: bool = False) -> list[tuple[str, str, str | None]]:
    """The block keys a mention is compared in, or (``written``) those its cluster can be
    registered under: a specific mention's cluster is always of the mention's own type."""
    m = sm.mention
    side, value = ("a", m.agent_state) if m.agent_state else ("c", m.country)
    types = [m.type] if written and not m.generic else candidate_types(sm)
    return [(t, side, value) for t in types]


def cluster_mentions(mentions: Sequence[SourcedMention], settings: dict[str, Any]) -> list[Cluster]:
    """Cluster ``mentions`` (any order) into incidents."""
    clusterer = Clusterer(settings)
    for sm in ordered(mentions):
        clusterer.place(sm, candidate_types(sm))
    return clusterer.clusters
