"""Data the extractor reads: gazetteer entities, the trigger lexicon and the cue lists.

Everything an analyst may want to extend lives in YAML under ``plotwatch/data/``:

- ``gazetteer/*.yaml``: entities (states, agencies, units, groups, persons...) with aliases;
- ``triggers.yaml``: event-trigger lexicon, one list of entries per event type;
- ``cues.yaml``: status cues, modality/denial/recommendation cues, authority nouns, thresholds;
- ``models/mention_filter.json``: the learned filter of :mod:`plotwatch.extract.learned`.

A ``data_dir`` given to :class:`Resources` may hold only some of these files; the others are
taken from the package's own ``plotwatch/data``. :attr:`Resources.version` hashes every file
read plus :data:`CODE_VERSION`, so stored results know when they are stale.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

import yaml

from plotwatch import yamlfile
from plotwatch.errors import ConfigError
from plotwatch.extract.learned import MODEL_NAME, MentionFilter

CODE_VERSION = "extract-1.2"
PACKAGE_DATA = Path(__file__).resolve().parents[1] / "data"


@dataclass(frozen=True)
class Territory:
    """Land a former state held: what is now ``country`` was its soil from ``since`` (if given)
    to the day before ``until`` (Czechoslovakia: CZ and SK until 1993-01-01)."""

    country: str
    until: dt.date
    since: dt.date | None = None

    def held_on(self, first: dt.date, last: dt.date) -> bool:
        """Whether every day from ``first`` to ``last`` falls in the time the land was held."""
        return last < self.until and (self.since is None or first >= self.since)


@dataclass(frozen=True)
class Entity:
    """One gazetteer entity (see the schema in ``plotwatch/data/gazetteer``)."""

    id: str
    name: str
    kind: str
    country: str | None
    aliases: tuple[str, ...] = ()
    parent: str | None = None
    demonyms: tuple[str, ...] = ()
    capital: str | None = None
    exact_case: bool = False  # every form as written ("Security Service" is MI5, "security service" is not)
    # former states: the land of today's states that was theirs, and when
    territory: tuple[Territory, ...] = ()

    @property
    def surface_forms(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class TriggerEntry:
    """One trigger: a lemma sequence for an event type, with optional constraints."""

    type: str  # an EVENT_TYPE, or "generic" (type decided from context)
    lemmas: tuple[str, ...]
    pos: tuple[str, ...] = ()  # allowed POS of the head token; empty = any
    status: str | None = None  # default status for hostile types
    objects: tuple[str, ...] = ()  # lemmas one of which must be near the trigger
    person_patient: bool = False  # the thing acted upon must be a person
    weak: bool = False  # a weak trigger yields to a more specific one in the same clause
    agents: tuple[str, ...] = ()  # lemmas one of which must head the doer ("by X" or subject)
    patient_not: tuple[str, ...] = ()  # lemmas the thing acted upon must not have
    finding: bool = False  # a finding: the clause it introduces must tell a hostile act
    subject_patient: bool = False  # the subject undergoes the act ("X disappeared"); must be a person

    @property
    def key(self) -> str:
        return f"{self.type}:{' '.join(self.lemmas)}"


@dataclass
class Resources:
    """Everything loaded from the data files, plus a version hash."""

    entities: list[Entity]
    triggers: list[TriggerEntry]
    instruments: dict[str, str]  # instrument phrase (lemmas) -> hostile type it implies
    cues: dict[str, Any]
    files: list[Path] = field(default_factory=list)
    mention_filter: MentionFilter | None = None  # learned: keeps some stateless candidates

    @property
    def version(self) -> str:
        h = hashlib.sha1(CODE_VERSION.encode())
        for path in sorted(self.files):
            h.update(path.name.encode())
            h.update(path.read_bytes())
        return f"{CODE_VERSION}+{h.hexdigest()[:12]}"

    def entity(self, key: str) -> Entity | None:
        return self._by_id().get(key)

    @cached_property
    def finding_lemmas(self) -> frozenset[str]:
        """Head lemmas of the triggers that are findings ("the inquiry concluded that …")."""
        return frozenset(t.lemmas[-1] for t in self.triggers if t.finding)

    @cached_property
    def former_lands(self) -> dict[str, list[tuple[Territory, str]]]:
        """Country now -> the former states that held it, with their codes (see :class:`Territory`)."""
        lands: dict[str, list[tuple[Territory, str]]] = {}
        for ent in self.entities:
            for land in ent.territory:
                if ent.country:
                    lands.setdefault(land.country, []).append((land, ent.country))
        return lands

    def _by_id(self) -> dict[str, Entity]:
        cache: dict[str, Entity] | None = getattr(self, "_id_cache", None)
        if cache is None:
            cache = {e.id: e for e in self.entities}
            self._id_cache = cache
        return cache


def _read_yaml(path: Path) -> Any:
    try:
        return yamlfile.load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"{path}: cannot read ({exc})") from exc


def _pick(data_dir: Path | None, name: str) -> Path:
    if data_dir is not None and (data_dir / name).exists():
        return data_dir / name
    return PACKAGE_DATA / name


def _strs(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(str(v) for v in value if v is not None)


def load_entities(paths: list[Path]) -> list[Entity]:
    """Read gazetteer files; later duplicates of an id are ignored."""
    seen: set[str] = set()
    out: list[Entity] = []
    for path in paths:
        doc = _read_yaml(path) or {}
        rows = doc.get("entities") if isinstance(doc, dict) else None
        if not isinstance(rows, list):
            raise ConfigError(f"{path}: expected a top-level 'entities' list")
        for i, row in enumerate(rows):
            if not isinstance(row, dict) or "id" not in row or "name" not in row:
                raise ConfigError(f"{path}: entity #{i} needs an id and a name")
            eid = str(row["id"]).lower()
            if eid in seen:
                continue
            seen.add(eid)
            country = row.get("country")
            out.append(
                Entity(
                    id=eid,
                    name=str(row["name"]),
                    kind=str(row.get("kind") or "organization"),
                    country=str(country).upper() if country else None,
                    aliases=_strs(row.get("aliases")),
                    parent=str(row["parent"]).lower() if row.get("parent") else None,
                    demonyms=_strs(row.get("demonyms")),
                    capital=str(row["capital"]) if row.get("capital") else None,
                    exact_case=bool(row.get("exact_case", False)),
                    territory=_territory(row.get("territory"), f"{path}: {eid}"),
                )
            )
    return out


def _territory(rows: Any, where: str) -> tuple[Territory, ...]:
    """Read an entity's ``territory`` list: ``[{country: CZ, since: 1918-10-28, until: 1993-01-01}]``."""
    if rows is None:
        return ()
    if not isinstance(rows, list):
        raise ConfigError(f"{where}: 'territory' must be a list of {{country, until, since}} mappings")
    out = []
    for i, row in enumerate(rows):
        if not isinstance(row, dict) or not row.get("country") or not row.get("until"):
            raise ConfigError(f"{where}: territory #{i} needs a country and an until date")
        since = row.get("since")
        out.append(
            Territory(
                country=str(row["country"]).upper(),
                until=_iso_date(row["until"], f"{where}: territory #{i} until"),
                since=_iso_date(since, f"{where}: territory #{i} since") if since else None,
            )
        )
    return tuple(out)


def _iso_date(value: Any, where: str) -> dt.date:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise ConfigError(f"{where}: '{value}' is not a date written YYYY-MM-DD") from None


def load_triggers(path: Path) -> tuple[list[TriggerEntry], dict[str, str]]:
    """Read ``triggers.yaml``: ``{types: {type: [entry...]}, instruments: {type: [...]}}``."""
    doc = _read_yaml(path)
    if not isinstance(doc, dict) or not isinstance(doc.get("types"), dict):
        raise ConfigError(f"{path}: expected a 'types' mapping")
    entries: list[TriggerEntry] = []
    for etype, rows in doc["types"].items():
        for row in rows or []:
            if isinstance(row, str):
                row = {"lemma": row}
            lemmas = tuple(str(row["lemma"]).lower().split())
            if any(e.type == str(etype) and e.lemmas == lemmas for e in entries):
                # one key per type and lemma sequence: a second entry would replace the first
                raise ConfigError(f"{path}: {etype}: the trigger '{' '.join(lemmas)}' is listed twice")
            entries.append(
                TriggerEntry(
                    type=str(etype),
                    lemmas=lemmas,
                    pos=_strs(row.get("pos")),
                    status=row.get("status"),
                    objects=_strs(row.get("objects")),
                    person_patient=bool(row.get("person_patient", False)),
                    weak=bool(row.get("weak", False)),
                    agents=_strs(row.get("agents")),
                    patient_not=_strs(row.get("patient_not")),
                    finding=bool(row.get("finding", False)),
                    subject_patient=bool(row.get("subject_patient", False)),
                )
            )
    instruments: dict[str, str] = {}
    for etype, phrases in (doc.get("instruments") or {}).items():
        for phrase in phrases or []:
            instruments[str(phrase).lower()] = str(etype)
    return entries, instruments


@lru_cache(maxsize=8)
def load_resources(data_dir: Path | None = None) -> Resources:
    """Load (once per ``data_dir``) the gazetteer, trigger lexicon and cues."""
    gaz_dir = data_dir / "gazetteer" if data_dir is not None else None
    if gaz_dir is None or not any(gaz_dir.glob("*.yaml")):
        gaz_dir = PACKAGE_DATA / "gazetteer"
    gaz_files = sorted(gaz_dir.glob("*.yaml"))
    trig_path = _pick(data_dir, "triggers.yaml")
    cue_path = _pick(data_dir, "cues.yaml")
    triggers, instruments = load_triggers(trig_path)
    cues = _read_yaml(cue_path)
    if not isinstance(cues, dict):
        raise ConfigError(f"{cue_path}: expected a mapping")
    filter_path = _pick(data_dir, MODEL_NAME)
    mention_filter = MentionFilter.load(filter_path) if filter_path.exists() else None
    return Resources(
        entities=load_entities(gaz_files),
        triggers=triggers,
        instruments=instruments,
        cues=cues,
        files=[*gaz_files, trig_path, cue_path, *([filter_path] if mention_filter else [])],
        mention_filter=mention_filter,
    )
