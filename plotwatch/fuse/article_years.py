"""The year of an undated article that names no year, from the incidents it shares.

An article without a publication date whose text names no year ("On March 22, two Iranians
were arrested in Tirana") cannot date its own events. Once fused, its mentions sit in
incidents that other articles date: the year those dated articles give, counted over the
incidents the article shares with them, is the article's year. The pipeline then extracts
the article again with that year as a hint; the dates it gets are marked inferred, like any
year guessed from an article's context, and fusion compares them with the usual slack.

Only other articles vote, and only those that date themselves (a publication date or a year
in their text): an article dated this way never dates another. Each shared incident gives
one vote, the year its dated mentions agree on (the most frequent; ties: the later); the
article's year is the most frequent vote (ties: the later).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from sqlalchemy import select

from plotwatch.extract.dates import reference_year
from plotwatch.store.db import Store, chunked
from plotwatch.store.models import Article, EventMentionRow


def _most_frequent(years: Iterable[int]) -> int | None:
    counts = Counter(years)
    return max(counts, key=lambda y: (counts[y], y)) if counts else None


def undated(store: Store, article_ids: Iterable[int] | None = None) -> dict[int, str]:
    """Articles (row id → text) with no publication date and no year in their text."""
    with store.session() as s:
        q = select(Article.id, Article.text).where(Article.published.is_(None))
        if article_ids is not None:
            wanted = sorted(set(article_ids))
            if not wanted:
                return {}
            rows = [r for chunk in chunked(wanted) for r in s.execute(q.where(Article.id.in_(chunk)))]
        else:
            rows = list(s.execute(q))
    return {aid: text for aid, text in rows if text.strip() and reference_year(text) is None}


def shared_years(store: Store, article_ids: Iterable[int]) -> dict[int, int]:
    """For each of ``article_ids`` (undated articles), the year the dated articles it shares
    incidents with give (articles with no such incident are left out)."""
    targets = set(article_ids)
    if not targets:
        return {}
    with store.session() as s:
        own: dict[int, set[str]] = defaultdict(set)
        for chunk in chunked(sorted(targets)):
            q = select(EventMentionRow.article_id, EventMentionRow.incident_id).where(
                EventMentionRow.article_id.in_(chunk), EventMentionRow.incident_id.is_not(None)
            )
            for aid, iid in s.execute(q):
                if iid is not None:
                    own[aid].add(iid)
        incidents = sorted({i for ids in own.values() for i in ids})
        dated: dict[str, list[tuple[int, int]]] = defaultdict(list)  # incident → (article, year)
        voters: set[int] = set()
        for chunk in chunked(incidents):
            query = select(
                EventMentionRow.incident_id, EventMentionRow.article_id, EventMentionRow.date_value
            ).where(EventMentionRow.incident_id.in_(chunk), EventMentionRow.date_value.is_not(None))
            for iid, aid, value in s.execute(query):
                if iid is not None and value and aid not in targets:
                    dated[iid].append((aid, int(value[:4])))
                    voters.add(aid)
    self_dated = set(voters) - set(undated(store, voters))
    out: dict[int, int] = {}
    for aid, ids in own.items():
        votes = []
        for iid in ids:
            year = _most_frequent(y for other, y in dated.get(iid, ()) if other in self_dated)
            if year is not None:
                votes.append(year)
        if (year := _most_frequent(votes)) is not None:
            out[aid] = year
    return out
