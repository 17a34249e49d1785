"""The source registry: outlets and their reliability, kind and family, as a data file.

``plotwatch/data/sources.yaml`` ships with plotwatch; an analyst extends it with their own file
(``--registry``) or edits outlets in the database with ``plotwatch sources set``. Each entry::

    - name: Wire Europe                 # as articles name the outlet
      aliases: [WE, Wire Europe Agency]  # other spellings
      domains: [wireeurope.example]     # hosts of its article URLs
      grade: B                          # Admiralty reliability A–F
      kind: wire                        # see KINDS
      family: Wire Europe               # outlets that count as one voice share a family
      note: why this grade

Unknown outlets are graded F ("reliability cannot be judged") until an analyst grades them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from urllib.parse import urlparse

import yaml

from plotwatch import yamlfile
from plotwatch.errors import ConfigError

GRADES = ("A", "B", "C", "D", "E", "F")
KINDS = (
    "wire",
    "newspaper",
    "broadcaster",
    "magazine",
    "online",
    "government",
    "court",
    "ngo",
    "advocacy",
    "state_media",
    "blog",
    "research",
    "unknown",
)


@dataclass
class SourceEntry:
    name: str
    grade: str = "F"
    kind: str = "unknown"
    family: str | None = None
    note: str | None = None
    aliases: list[str] = field(default_factory=list)
    domains: list[str] = field(default_factory=list)


def _as_list(value: object) -> list[object]:
    if value is None:
        return []
    return list(value) if isinstance(value, list | tuple) else [value]


def _check(entry: dict[str, object], where: str) -> SourceEntry:
    if not isinstance(entry, dict) or not entry.get("name"):
        raise ConfigError(f"{where}: every source needs a name")
    grade = str(entry.get("grade", "F")).upper()
    if grade not in GRADES:
        raise ConfigError(f"{where}: grade must be one of A–F, not {entry.get('grade')!r}")
    kind = str(entry.get("kind", "unknown"))
    if kind not in KINDS:
        raise ConfigError(f"{where}: kind must be one of {', '.join(KINDS)}, not {kind!r}")
    return SourceEntry(
        name=str(entry["name"]),
        grade=grade,
        kind=kind,
        family=str(entry["family"]) if entry.get("family") else None,
        note=str(entry["note"]) if entry.get("note") else None,
        aliases=[str(a) for a in _as_list(entry.get("aliases"))],
        domains=[str(d).lower() for d in _as_list(entry.get("domains"))],
    )


class Registry:
    """Outlets by name, alias and domain."""

    def __init__(self, entries: list[SourceEntry]) -> None:
        self.entries = entries
        self._by_name: dict[str, SourceEntry] = {}
        self._by_domain: dict[str, SourceEntry] = {}
        for e in entries:
            for n in (e.name, *e.aliases):
                self._by_name[n.casefold()] = e
            for d in e.domains:
                self._by_domain[d.removeprefix("www.")] = e

    @classmethod
    def load(cls, *paths: Path) -> Registry:
        """The shipped registry, extended (and overridden by name) by ``paths``."""
        files: list[tuple[str, str]] = [
            ("sources.yaml", (resources.files("plotwatch.data") / "sources.yaml").read_text(encoding="utf-8"))
        ]
        for p in paths:
            try:
                files.append((str(p), p.read_text(encoding="utf-8")))
            except OSError as exc:
                raise ConfigError(f"{p}: cannot read source registry: {exc.strerror}") from None
        merged: dict[str, SourceEntry] = {}
        for where, text in files:
            try:
                data = yamlfile.load(text) or {}
            except yaml.YAMLError as exc:
                raise ConfigError(f"{where}: not valid YAML: {exc}") from None
            for i, raw in enumerate(data.get("sources", []) if isinstance(data, dict) else []):
                entry = _check(raw, f"{where}: source {i + 1}")
                merged[entry.name.casefold()] = entry
        return cls(list(merged.values()))

    def lookup(self, outlet: str | None = None, url: str | None = None) -> SourceEntry | None:
        if outlet and (hit := self._by_name.get(outlet.strip().casefold())):
            return hit
        if url:
            host = (urlparse(url).hostname or "").lower().removeprefix("www.")
            while host:
                if hit := self._by_domain.get(host):
                    return hit
                host = host.partition(".")[2]
        return None
