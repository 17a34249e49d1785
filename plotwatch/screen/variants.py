"""The name-variant data of the screener: ``plotwatch/data/screening/variants.yaml``.

The file is data an analyst extends without touching code (its header explains each
section). :func:`load_variants` reads and checks it once; :class:`Variants` answers the
questions the matcher asks: which class a spelling belongs to, whether two names are a
nickname pair, whether a word is a particle or a title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from plotwatch import yamlfile
from plotwatch.errors import ConfigError

_WORD = re.compile(r"^[a-z0-9]+$")


@dataclass(frozen=True)
class Variants:
    """Equivalence classes, nicknames, particles, titles and suffix rules."""

    classes: dict[str, str] = field(default_factory=dict)  # spelling → canonical spelling
    nicknames: dict[str, frozenset[str]] = field(default_factory=dict)  # canonical → partners
    particles: frozenset[str] = frozenset()
    titles: frozenset[str] = frozenset()
    feminine: tuple[tuple[str, str], ...] = ()
    nisba: tuple[str, ...] = ()

    def canonical(self, word: str) -> str:
        """The first spelling of ``word``'s class, or ``word`` itself."""
        return self.classes.get(word, word)

    def is_nickname(self, a: str, b: str) -> bool:
        """True when one canonical spelling is a standard nickname of the other."""
        return b in self.nicknames.get(a, frozenset())


def _words(data: dict[str, Any], key: str, source: str) -> list[str]:
    value = data.get(key) or []
    if not isinstance(value, list) or not all(isinstance(w, str) for w in value):
        raise ConfigError(f"{source}: {key!r} must be a list of words")
    for w in value:
        if not _WORD.match(w):
            raise ConfigError(f"{source}: {key}: {w!r} is not a lower-case ASCII word")
    return value


def _groups(data: dict[str, Any], key: str, source: str) -> list[list[str]]:
    value = data.get(key) or []
    if not isinstance(value, list):
        raise ConfigError(f"{source}: {key!r} must be a list of lists")
    groups = []
    for i, group in enumerate(value):
        if not isinstance(group, list) or len(group) < 2:
            raise ConfigError(f"{source}: {key}[{i}] must list at least two spellings")
        _words({"g": group}, "g", f"{source}: {key}[{i}]")
        groups.append([str(w) for w in group])
    return groups


def parse_variants(data: Any, source: str = "variants") -> Variants:
    """Build :class:`Variants` from the parsed YAML mapping; ConfigError when malformed."""
    if not isinstance(data, dict):
        raise ConfigError(f"{source}: expected a mapping with classes, nicknames, particles, titles")
    classes: dict[str, str] = {}
    for group in _groups(data, "classes", source):
        for word in group:
            if classes.get(word, group[0]) != group[0]:
                raise ConfigError(f"{source}: {word!r} is in two classes ({classes[word]}, {group[0]})")
            classes[word] = group[0]
    nicknames: dict[str, set[str]] = {}
    for group in _groups(data, "nicknames", source):
        canon = [classes.get(w, w) for w in group]
        for w in canon:
            nicknames.setdefault(w, set()).update(x for x in canon if x != w)
    feminine = []
    for pair in _groups(data, "feminine", source):
        if len(pair) != 2:
            raise ConfigError(f"{source}: feminine entries are [male ending, female ending] pairs")
        feminine.append((pair[0], pair[1]))
    return Variants(
        classes=classes,
        nicknames={k: frozenset(v) for k, v in nicknames.items()},
        particles=frozenset(_words(data, "particles", source)),
        titles=frozenset(_words(data, "titles", source)),
        feminine=tuple(feminine),
        nisba=tuple(_words(data, "nisba", source)),
    )


def load_variants(path: str | Path | None = None) -> Variants:
    """Read a variants file (default: the one shipped with plotwatch)."""
    if path is None:
        return _default()
    return _read(Path(path))


def _read(path: Path) -> Variants:
    try:
        data = yamlfile.load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"cannot read name variants {path}: {exc}") from None
    return parse_variants(data, str(path))


@cache
def _default() -> Variants:
    ref = resources.files("plotwatch.data") / "screening" / "variants.yaml"
    with resources.as_file(ref) as path:
        return _read(path)
