"""The screener: an index over every name and alias, and :meth:`Screener.match`.

Indexing: each alias is parsed once (:mod:`plotwatch.screen.normalize`) and filed under its
blocking keys (part skeletons, rigour name symbols, joined neighbours). A query looks up its
own keys, ranks the aliases found by the inverse-frequency weight of the keys they share
(numpy, no Python loop over postings and no sort: the weights are summed in a per-thread
dense buffer), and scores only the best :data:`CANDIDATES` of them (the lowest alias numbers
among equal ranks) with :class:`~plotwatch.screen.compare.Comparer`. Keys shared by many aliases ("mhmd") are
used only when the query has no rarer key, and then intersected.
"""

from __future__ import annotations

import heapq
import math
import threading
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np

from plotwatch.screen.compare import Alignment, Comparer
from plotwatch.screen.details import MAX_BONUS, Details, adjust
from plotwatch.screen.normalize import Analyzer, ParsedName, name_keys
from plotwatch.screen.variants import Variants

DEFAULT_THRESHOLD = 0.8
CANDIDATES = 40  # aliases scored per query, best-ranked by shared keys
COMMON_SHARE = 0.02  # a key on more than this share of aliases is "common"


@dataclass
class Hit:
    """One entity a screened name may be: the alias that matched, the score, the reasons."""

    entity_id: str
    entity_name: str
    matched_alias: str
    score: float
    explanation: list[str] = field(default_factory=list)
    origin: str | None = None
    kind: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


class Screener:
    """Fuzzy, transliteration-aware name matching against a fixed list of names.

    ``names`` are ``(entity_id, name or alias, entity name)`` triples; ``details`` optionally
    gives an entity's birth date and nationality (used to adjust scores), and ``info`` its
    origin and kind (shown on hits).
    """

    def __init__(
        self,
        names: Iterable[tuple[str, str, str]],
        threshold: float = DEFAULT_THRESHOLD,
        *,
        details: Mapping[str, Details] | None = None,
        info: Mapping[str, tuple[str | None, str | None]] | None = None,
        variants: Variants | None = None,
    ) -> None:
        if not 0.0 <= threshold <= 1.0:
            raise ValueError(f"threshold must be between 0 and 1, not {threshold}")
        self.threshold = threshold
        self.analyzer = Analyzer(variants)
        self.comparer = Comparer(self.analyzer)
        self.details = dict(details or {})
        self.info = dict(info or {})
        self._entity_names: dict[str, str] = {}
        self._alias_entity: list[str] = []
        self._alias_text: list[str] = []
        self._parsed: list[ParsedName] = []
        self._shape: list[int] = []  # the first alias spelled the same way (compared once per query)
        shapes: dict[tuple[tuple[str, ...], tuple[tuple[str, str], ...]], int] = {}
        self._exact: dict[str, list[int]] = {}
        postings: dict[str, list[int]] = {}
        seen: set[tuple[str, str]] = set()
        rows = list(names)
        self.analyzer.prime(alias for _, alias, _ in rows)
        for entity_id, alias, entity_name in rows:
            self._entity_names.setdefault(entity_id, entity_name)
            parsed = self.analyzer.parse(alias)
            form = _form(parsed)
            if not form or (entity_id, form) in seen:
                continue
            seen.add((entity_id, form))
            n = len(self._parsed)
            self._alias_entity.append(entity_id)
            self._alias_text.append(alias)
            self._parsed.append(parsed)
            self._shape.append(shapes.setdefault((tuple(t.ascii for t in parsed.tokens), parsed.dropped), n))
            self._exact.setdefault(form, []).append(n)
            for key in name_keys(parsed, self.analyzer):
                postings.setdefault(key, []).append(n)
        self.analyzer.done_priming()
        total = max(1, len(self._parsed))
        self._postings = {k: np.asarray(v, dtype=np.int32) for k, v in postings.items()}
        self._idf = {k: math.log(1.0 + total / len(v)) for k, v in postings.items()}
        del postings
        norm = np.zeros(total, dtype=np.float64)
        for key, ids in self._postings.items():
            norm[ids] += self._idf[key]
        self._norm = np.sqrt(np.maximum(norm, 1e-9))
        self._common = max(200, int(COMMON_SHARE * total))
        self._buffers = threading.local()

    @classmethod
    def from_store(
        cls, store: Any, threshold: float = DEFAULT_THRESHOLD, *, origins: Iterable[str] | None = None
    ) -> Screener:
        """Every entity and alias of a :class:`~plotwatch.store.db.Store` (``origins``: only
        entities of these origins, e.g. ``{"import:ftm"}`` for imported lists)."""
        from plotwatch.screen.details import entity_rows

        names, details, info = entity_rows(store, origins)
        return cls(names, threshold, details=details, info=info)

    def __len__(self) -> int:
        """The number of distinct (entity, name) pairs indexed."""
        return len(self._parsed)

    # -- matching ---------------------------------------------------------------------------
    def candidates(self, query: ParsedName) -> list[int]:
        """Alias numbers worth scoring for ``query`` (blocking)."""
        found = [
            (self._postings[k], self._idf[k])
            for k in sorted(name_keys(query, self.analyzer))
            if k in self._postings
        ]
        exact = self._exact.get(_form(query), [])
        if not found:
            return list(exact)
        rare = [f for f in found if len(f[0]) <= self._common]
        if rare:
            uniq, rank = self._accumulate(rare)
        elif len(found) >= 2:
            found.sort(key=lambda f: len(f[0]))
            uniq = np.intersect1d(found[0][0], found[1][0], assume_unique=True)
            rank = np.full(len(uniq), found[0][1] + found[1][1]) / self._norm[uniq]
        else:
            uniq = found[0][0][: self._common]
            rank = 1.0 / self._norm[uniq]
        if len(uniq) > CANDIDATES:
            uniq = _best(uniq, rank, CANDIDATES)
        return list(dict.fromkeys([*exact, *np.sort(uniq).tolist()]))

    def _accumulate(self, postings: list[tuple[np.ndarray, float]]) -> tuple[np.ndarray, np.ndarray]:
        """The distinct aliases of ``postings`` and their rank: the weights of the keys they are
        filed under, summed, over the alias norm. Dense per-thread buffers, no sort."""
        buf = self._buffers
        if not hasattr(buf, "acc"):
            buf.acc = np.zeros(len(self._norm), dtype=np.float64)
            buf.pos = np.zeros(len(self._norm), dtype=np.int32)
        acc, pos = buf.acc, buf.pos
        ids = np.concatenate([p for p, _ in postings]) if len(postings) > 1 else postings[0][0]
        np.add.at(acc, ids, np.repeat([w for _, w in postings], [len(p) for p, _ in postings]))
        order = np.arange(len(ids), dtype=np.int32)
        pos[ids] = order
        uniq = ids[pos[ids] == order]  # one occurrence of each alias
        rank = acc[uniq] / self._norm[uniq]
        acc[uniq] = 0.0
        return uniq, rank

    def match(
        self,
        name: str,
        *,
        birth_date: str | None = None,
        nationality: str | None = None,
        limit: int = 10,
    ) -> list[Hit]:
        """Entities whose name or an alias matches ``name`` at or above the threshold, best first."""
        query = self.analyzer.parse(name)
        if not query.tokens:
            return []
        wanted = Details.of(birth_date, nationality)
        # A name scoring below this cannot reach the threshold, whatever the details add.
        floor = self.threshold - (MAX_BONUS if wanted is not None else 0.0)
        comparer = self.comparer
        probe = comparer.probe(query)
        best: dict[str, tuple[float, int, Alignment, list[str]]] = {}
        seen: dict[int, Alignment | None] = {}
        for n in self.candidates(query):
            shape = self._shape[n]
            if shape in seen:  # many entities share a name: compare each spelling once
                al = seen[shape]
            else:
                al = seen[shape] = comparer.compare_probe(probe, self._parsed[n], floor)
            if al is None:
                continue
            entity_id = self._alias_entity[n]
            notes: list[str] = []
            if wanted is None:
                score = al.score
            else:
                score, notes = adjust(al.score, wanted, self.details.get(entity_id))
            if score >= self.threshold and (entity_id not in best or score > best[entity_id][0]):
                best[entity_id] = (score, n, al, notes)
        names = self._entity_names
        ranked = heapq.nsmallest(limit, [(-v[0], names[e], e) for e, v in best.items()])
        hits = []
        for _, _, entity_id in ranked:
            score, n, al, notes = best[entity_id]
            origin, kind = self.info.get(entity_id, (None, None))
            lines = [f"alias: {self._alias_text[n]}"]
            lines += self.comparer.explain(query, self._parsed[n], al) + notes
            hits.append(
                Hit(entity_id, self._entity_names[entity_id], self._alias_text[n], round(score, 4), lines,
                    origin, kind)
            )  # fmt: skip
        return hits


def _best(ids: np.ndarray, rank: np.ndarray, n: int) -> np.ndarray:
    """The ``n`` ids of highest rank; among equal ranks at the cut, the lowest ids."""
    cut = rank[np.argpartition(-rank, n - 1)[n - 1]]
    above = ids[rank > cut]
    ties = ids[rank == cut]
    need = n - len(above)
    if len(ties) > need:
        ties = np.partition(ties, need - 1)[:need]
    return np.concatenate([above, ties])


def _form(name: ParsedName) -> str:
    """An order-free exact form of a parsed name: its folded parts, sorted."""
    return " ".join(sorted(t.fold for t in name.tokens))
