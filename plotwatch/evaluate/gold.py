"""Gold files: reading ``gold.jsonl`` and turning gold rows into export-contract dicts.

A gold file holds one JSON object per real-world incident (see ``docs/TAXONOMY.md``, "Gold
files"). :func:`load_gold` reads and checks it, raising :class:`~plotwatch.errors.EvalError`
with ``file:line: problem`` for the first malformed row. :func:`gold_to_contract` turns a
gold row into the dict ``plotwatch export --format jsonl`` would write for it, so that a gold
file can be scored against itself (a check that the converter and the matcher agree).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from plotwatch.errors import EvalError
from plotwatch.export.validate import date_precision, valid_partial_date
from plotwatch.types import EVENT_TYPES, HOSTILE_TYPES, STATUSES

REQUIRED_KEYS: tuple[str, ...] = ("gid", "type", "status", "date", "country", "articles")


@dataclass(frozen=True)
class GoldIncident:
    """One gold row. ``actors``/``targets`` keep the raw ``"A|B|C"`` alias strings."""

    gid: str
    type: str
    status: str | None
    date: str | None
    country: str | None
    place: str | None
    agent_state: str | None
    actors: tuple[str, ...]
    targets: tuple[str, ...]
    articles: tuple[str, ...]
    optional: bool = False
    note: str = ""
    line: int = 0

    @property
    def entities(self) -> list[frozenset[str]]:
        """Every gold actor and target as a set of aliases (empty aliases dropped)."""
        out = []
        for entry in (*self.actors, *self.targets):
            aliases = frozenset(a.strip() for a in entry.split("|") if a.strip())
            if aliases:
                out.append(aliases)
        return out


def _opt_str(row: dict[str, Any], key: str, where: str) -> str | None:
    value = row.get(key)
    if value is not None and not isinstance(value, str):
        raise EvalError(f"{where}: {key!r} must be a string or null, not {value!r}")
    return value or None


def _str_list(row: dict[str, Any], key: str, where: str) -> tuple[str, ...]:
    value = row.get(key, [])
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise EvalError(f"{where}: {key!r} must be a list of strings")
    return tuple(value)


def parse_gold_row(row: Any, where: str, line: int = 0) -> GoldIncident:
    """Check one decoded gold row; ``where`` ("gold.jsonl:7") prefixes any error."""
    if not isinstance(row, dict):
        raise EvalError(f"{where}: expected a JSON object, got {type(row).__name__}")
    missing = [k for k in REQUIRED_KEYS if k not in row]
    if missing:
        raise EvalError(f"{where}: missing key(s) {', '.join(missing)}")
    gid = row["gid"]
    if not isinstance(gid, str | int) or isinstance(gid, bool) or str(gid) == "":
        raise EvalError(f"{where}: 'gid' must be a non-empty string")
    etype = row["type"]
    if etype not in EVENT_TYPES:
        raise EvalError(f"{where}: unknown type {etype!r}")
    status = row["status"]
    if etype in HOSTILE_TYPES:
        if status is not None and status not in STATUSES:
            raise EvalError(f"{where}: unknown status {status!r} (known: {', '.join(STATUSES)})")
    elif status is not None:
        raise EvalError(f"{where}: status must be null for a response ({etype}), not {status!r}")
    date = row["date"]
    if date is not None and (not isinstance(date, str) or not valid_partial_date(date)):
        raise EvalError(f"{where}: bad date {date!r} (want YYYY, YYYY-MM, YYYY-MM-DD or null)")
    articles = _str_list(row, "articles", where)
    if not articles:
        raise EvalError(f"{where}: 'articles' must name at least one article")
    optional = row.get("optional", False)
    if not isinstance(optional, bool | None):
        raise EvalError(f"{where}: 'optional' must be true or false")
    note = row.get("note") or ""
    return GoldIncident(
        gid=str(gid),
        type=etype,
        status=status,
        date=date or None,
        country=_opt_str(row, "country", where),
        place=_opt_str(row, "place", where),
        agent_state=_opt_str(row, "agent_state", where),
        actors=_str_list(row, "actors", where),
        targets=_str_list(row, "targets", where),
        articles=articles,
        optional=bool(optional),
        note=str(note),
        line=line,
    )


def load_gold(path: Path | str) -> list[GoldIncident]:
    """Read a gold JSONL file; blank lines are skipped, gold ids must be unique."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as e:
        raise EvalError(f"{path}: cannot read gold file ({e.strerror or e})") from e
    except UnicodeDecodeError as e:
        raise EvalError(f"{path}: not UTF-8 text ({e.reason})") from e
    out: list[GoldIncident] = []
    seen: dict[str, int] = {}
    for lineno, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        where = f"{path}:{lineno}"
        try:
            row = json.loads(raw)
        except json.JSONDecodeError as e:
            raise EvalError(f"{where}: malformed JSON ({e.msg} at column {e.colno})") from e
        gold = parse_gold_row(row, where, lineno)
        if gold.gid in seen:
            raise EvalError(f"{where}: duplicate gid {gold.gid!r} (first on line {seen[gold.gid]})")
        seen[gold.gid] = lineno
        out.append(gold)
    return out


def gold_to_contract(g: GoldIncident) -> dict[str, Any]:
    """The export-contract dict for a gold row.

    Gold rows carry no evidence spans: each article gets one mention whose quote is the gold
    note (or the gid) at offsets ``0..len(quote)``. Actors become perpetrators of hostile acts
    and responders of responses; targets become targets. The first alias is the name.
    """
    actor_role = "perpetrator" if g.type in HOSTILE_TYPES else "responder"
    actors = []
    for role, entries in ((actor_role, g.actors), ("target", g.targets)):
        for entry in entries:
            names = [a.strip() for a in entry.split("|") if a.strip()]
            if names:
                actors.append(
                    {
                        "entity_id": None,
                        "name": names[0],
                        "aliases": names[1:],
                        "kind": "unknown",
                        "role": role,
                        "country": None,
                    }
                )
    quote = g.note or g.gid
    place_precision = "place" if g.place else "country" if g.country else "none"
    return {
        "id": g.gid,
        "type": g.type,
        "status": g.status,
        "date": {"start": g.date, "end": g.date, "precision": date_precision(g.date)},
        "location": {
            "country": g.country,
            "place": g.place,
            "lat": None,
            "lon": None,
            "precision": place_precision,
        },
        "agent_state": g.agent_state,
        "actors": actors,
        "mentions": [{"article_id": a, "quote": quote, "start": 0, "end": len(quote)} for a in g.articles],
        "corroboration": {
            "articles": len(g.articles),
            "outlets": None,
            "independent_sources": None,
        },
        "credibility": None,
    }
