"""Incremental fusion: fuse new mentions with only the incidents they can touch.

Clustering is greedy, so a new mention can change where *later* mentions go — but only
mentions that could be compared with the same clusters. :func:`affected` finds, from the
result of the last fusion, the incidents that depend on the new mentions, and the rest of the
world is left as it is. Re-fusing the affected incidents' mentions together with the new ones
gives the same incidents and ids as fusing everything again, because:

* a mention can only be compatible with a cluster that has a mention in one of the *cells*
  it reads (a block key of :func:`plotwatch.fuse.cluster.block_keys` and a year, see
  :class:`FusionIndex`): an exact date only agrees with dates of its own year (or the next,
  a few days from new year), an inferred year with years within ``inferred_year_slack``, and
  anything with an undated cluster. Clusters therefore never mix the affected incidents'
  mentions with the others', whichever order the mentions come in;
* :mod:`plotwatch.fuse.reconcile` links a response to the hostile incidents of its articles,
  so a response incident pulls in the hostile incidents of its articles, and those pull in
  the response incidents of theirs;
* ids are a function of an incident's own mentions, and two incidents can only share a base
  id if they share a first mention's block key, so id suffixes are decided inside the set.

The closure is computed to a fixed point over those three links; ``links`` adds groups of
incidents that must be re-fused together for other reasons (analyst merges and splits).
"""

from __future__ import annotations

import gc
from collections import defaultdict, deque
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from plotwatch.fuse.cluster import block_keys
from plotwatch.types import HOSTILE_TYPES, IncidentDraft, SourcedMention

Key = tuple[str, str, str | None]
Cell = tuple[Key, int | None]


def _near_new_year(sm: SourcedMention, day_slack: int) -> list[int]:
    """Neighbouring years an exact day is within ``day_slack`` days of."""
    d = sm.mention.date
    if d.precision != "day" or not day_slack or not d.value:
        return []
    year, month, day = int(d.value[:4]), d.value[5:7], int(d.value[8:10])
    if month == "01" and day <= day_slack:
        return [year - 1]
    if month == "12" and day > 31 - day_slack:
        return [year + 1]
    return []


@contextmanager
def paused_gc() -> Iterator[None]:
    """Building the index makes many small containers and no reference cycles: the cyclic
    garbage collector would only rescan them (about half the build time at 100,000 mentions)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@dataclass
class FusionIndex:
    """Who is where after a fusion: incidents by the cells their mentions write and read.

    A mention *writes* the cells its cluster is registered under and *reads* the cells of every
    cluster it could be compatible with (see the module docstring):

    ==============  ===============================  ======================================
    date            writes                           reads
    ==============  ===============================  ======================================
    none            (block, None)                    every cell of the block
    explicit year   (block, year)                    (block, None), (block, year), and the
                                                     next/previous year for a day within
                                                     ``day_slack`` of new year
    inferred year   (block, year ± slack)            (block, None), (block, year ± slack)
    ==============  ===============================  ======================================
    """

    slack: int
    day_slack: int
    members: dict[str, list[SourcedMention]] = field(default_factory=lambda: defaultdict(list))
    writers: dict[Cell, set[str]] = field(default_factory=lambda: defaultdict(set))
    block_writers: dict[Key, set[str]] = field(default_factory=lambda: defaultdict(set))
    # who reads a cell is who writes it, except for undated mentions (they read whole blocks)
    # and exact days near new year (they also read the neighbouring year): kept apart
    block_readers: dict[Key, set[str]] = field(default_factory=lambda: defaultdict(set))
    new_year_readers: dict[Cell, set[str]] = field(default_factory=lambda: defaultdict(set))
    # lists, not sets: most hold one id, and a hundred thousand small sets cost time to build
    hostile_by_article: dict[str, list[str]] = field(default_factory=dict)
    response_by_article: dict[str, list[str]] = field(default_factory=dict)
    twins: dict[tuple[Any, ...], list[str]] = field(default_factory=dict)

    def _years_written(self, sm: SourcedMention) -> Sequence[int | None]:
        year = sm.mention.date.year
        if year is None:
            return (None,)
        if sm.mention.date_inferred:
            return range(year - self.slack, year + self.slack + 1)
        return (year,)

    def _years_read(self, sm: SourcedMention) -> list[int | None] | None:
        """None: every year of the block."""
        year = sm.mention.date.year
        if year is None:
            return None
        if sm.mention.date_inferred:
            return [None, *range(year - self.slack, year + self.slack + 1)]
        return [None, year, *_near_new_year(sm, self.day_slack)]

    @staticmethod
    def _twin(sm: SourcedMention) -> tuple[Any, ...]:
        m = sm.mention  # what an incident id is derived from (see merge.incident_id)
        return (sm.article_id, m.sentence_start, m.trigger_start or 0, m.trigger, m.country, m.agent_state)

    def add(self, incident_id: str, sm: SourcedMention) -> None:
        m = sm.mention
        self.members[incident_id].append(sm)
        years = self._years_written(sm)
        for k in block_keys(sm, written=True):
            self.block_writers[k].add(incident_id)
            for y in years:
                self.writers[(k, y)].add(incident_id)
        if m.date.year is None:
            for k in block_keys(sm):
                self.block_readers[k].add(incident_id)
        elif not m.date_inferred:
            for y in _near_new_year(sm, self.day_slack):
                for k in block_keys(sm):
                    self.new_year_readers[(k, y)].add(incident_id)
        side = self.hostile_by_article if m.type in HOSTILE_TYPES else self.response_by_article
        side.setdefault(sm.article_id, []).append(incident_id)
        self.twins.setdefault(self._twin(sm), []).append(incident_id)

    @classmethod
    def of(cls, drafts: Iterable[IncidentDraft], slack: int = 1, day_slack: int = 0) -> FusionIndex:
        index = cls(slack, day_slack)
        with paused_gc():
            for d in drafts:
                for sm in d.mentions:
                    index.add(d.id, sm)
        return index

    def neighbours(self, sm: SourcedMention) -> set[str]:
        """Incidents ``sm`` can interact with: it reads their cells or they read its cells,
        a response and the hostile incidents of its article (and back), or an id twin.

        A mention reads every cell it writes, so "they read its cells" needs only the
        undated readers of its blocks and the exact days near new year."""
        out: set[str] = set()
        read = self._years_read(sm)
        for k in block_keys(sm):
            if read is None:
                out |= self.block_writers.get(k, set())
            else:
                for y in read:
                    out |= self.writers.get((k, y), set())
        for k in block_keys(sm, written=True):
            out |= self.block_readers.get(k, set())
            for wy in self._years_written(sm):
                out |= self.new_year_readers.get((k, wy), set())
        if sm.mention.type in HOSTILE_TYPES:
            out.update(self.response_by_article.get(sm.article_id, ()))
        else:
            out.update(self.hostile_by_article.get(sm.article_id, ()))
        out.update(self.twins.get(self._twin(sm), ()))
        return out

    def affected(self, new: Sequence[SourcedMention], links: Iterable[set[str]] = ()) -> set[str]:
        """Ids of the incidents that fusing ``new`` in may change (a fixed point)."""
        linked: dict[str, set[str]] = defaultdict(set)
        for group in links:
            for i in group:
                linked[i] |= group
        seen: set[str] = set()
        queue: deque[str] = deque()

        def push(ids: Iterable[str]) -> None:
            for i in ids:
                if i not in seen and i in self.members:
                    seen.add(i)
                    queue.append(i)

        for sm in new:
            push(self.neighbours(sm))
        while queue:
            inc = queue.popleft()
            push(linked.get(inc, ()))
            for sm in self.members[inc]:
                push(self.neighbours(sm))
        return seen


def refuse_incrementally(
    index: FusionIndex,
    new: Sequence[SourcedMention],
    fuser: Any,
    links: Iterable[set[str]] = (),
) -> tuple[set[str], list[IncidentDraft]]:
    """(ids of the incidents replaced, drafts replacing them) after adding ``new``."""
    gone = index.affected(new, links)
    mentions = [sm for i in sorted(gone) for sm in index.members[i]] + list(new)
    return gone, fuser(mentions)
