"""Trim page boilerplate (menus, share buttons, breadcrumbs, "popular posts") from article text.

The patterns are data, in ``plotwatch/data/boilerplate.yaml``:

- *line patterns* drop one line ("Skip to main content", "Print", "Wednesday, June 19, 2024",
  "Home News Iranian Opposition …") and keep the lines around it;
- *footer markers* ("Comments", "Popular posts from this blog", "Related articles") drop the
  marker and everything after it, once enough article text came before it.

Trimming works on whole lines and never rewrites inside a line, so every kept line is a
verbatim slice of the input. :func:`trim` returns the cleaned text (the text all extraction
offsets refer to) together with the spans that map it back to the original.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

from plotwatch import yamlfile
from plotwatch.errors import ConfigError

__all__ = ["Boilerplate", "Trimmed", "load_boilerplate", "trim", "trim_text"]

#: characters ignored at the end of a line before matching ("Read more »", "Share:")
_TRAILING = " \t:»›>…→|"


@dataclass(frozen=True)
class Boilerplate:
    """Compiled boilerplate patterns."""

    lines: dict[str, re.Pattern[str]]
    footer: re.Pattern[str]
    min_body_chars: int = 200

    def line_family(self, line: str) -> str | None:
        """The family of line patterns that ``line`` matches, or None."""
        key = _key(line)
        if not key:
            return None
        for family, pattern in self.lines.items():
            if pattern.fullmatch(key):
                return family
        return None

    def is_footer(self, line: str) -> bool:
        """True when ``line`` is a footer marker."""
        key = _key(line)
        return bool(key) and self.footer.fullmatch(key) is not None


@dataclass
class Trimmed:
    """The result of trimming: cleaned text plus the way back to the original.

    ``spans`` holds one ``(clean_start, raw_start, length)`` triple per kept line: the
    characters ``text[clean_start:clean_start + length]`` are exactly
    ``raw[raw_start:raw_start + length]``.
    """

    text: str
    spans: list[tuple[int, int, int]] = field(default_factory=list)
    dropped: dict[str, int] = field(default_factory=dict)  # family ("footer" too) → lines dropped

    def to_raw(self, offset: int) -> int | None:
        """The offset in the original text of character ``offset`` of :attr:`text`."""
        for clean_start, raw_start, length in self.spans:
            if clean_start <= offset < clean_start + length:
                return raw_start + offset - clean_start
        return None


def _key(line: str) -> str:
    return line.strip().rstrip(_TRAILING).strip()


def _compile(source: str, patterns: list[str], where: str) -> re.Pattern[str]:
    try:
        return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)
    except re.error as exc:
        raise ConfigError(f"{source}: bad pattern in {where}: {exc}") from exc


def load_boilerplate(path: Path | None = None) -> Boilerplate:
    """Load and compile a boilerplate file (default: the one shipped with plotwatch)."""
    if path is None:
        ref = resources.files("plotwatch").joinpath("data/boilerplate.yaml")
        source, raw = "plotwatch/data/boilerplate.yaml", ref.read_text(encoding="utf-8")
    else:
        source, raw = str(path), path.read_text(encoding="utf-8")
    try:
        data = yamlfile.load(raw)
    except yaml.YAMLError as exc:
        raise ConfigError(f"{source}: not valid YAML: {exc}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("lines"), dict):
        raise ConfigError(f"{source}: expected a mapping with 'lines' and 'footers'")
    families = {
        str(name): _compile(source, [str(p) for p in pats or []], f"lines.{name}")
        for name, pats in data["lines"].items()
    }
    footers = [str(p) for p in data.get("footers") or []] or [r"(?!x)x"]
    return Boilerplate(
        lines=families,
        footer=_compile(source, footers, "footers"),
        min_body_chars=int(data.get("min_body_chars", 200)),
    )


@lru_cache(maxsize=1)
def _default() -> Boilerplate:
    return load_boilerplate()


def _lines(text: str) -> Iterator[tuple[int, str]]:
    """Yield ``(offset, line)`` for each line, without its line break or trailing blanks."""
    pos = 0
    for piece in text.split("\n"):
        yield pos, piece.rstrip()
        pos += len(piece) + 1


def trim(text: str, patterns: Boilerplate | None = None) -> Trimmed:
    """Drop boilerplate lines and footers; collapse runs of blank lines into one.

    The result is never longer than ``text``; text without boilerplate comes back with only
    trailing blanks and extra blank lines removed.
    """
    bp = patterns or _default()
    kept: list[tuple[int, str]] = []  # (raw offset, line); "" for a blank line
    dropped: dict[str, int] = {}
    body_chars = 0
    for offset, line in _lines(text):
        if not line.strip():
            if kept and kept[-1][1]:
                kept.append((offset, ""))
            continue
        if bp.is_footer(line):
            dropped["footer"] = dropped.get("footer", 0) + 1
            if body_chars >= bp.min_body_chars:
                break
            continue
        family = bp.line_family(line)
        if family is not None:
            dropped[family] = dropped.get(family, 0) + 1
            continue
        kept.append((offset, line))
        body_chars += len(line.strip())
    while kept and not kept[-1][1]:
        kept.pop()
    parts: list[str] = []
    spans: list[tuple[int, int, int]] = []
    pos = 0
    for offset, line in kept:
        if parts:
            pos += 1  # the "\n" joining this line to the previous one
        if line:
            spans.append((pos, offset, len(line)))
        parts.append(line)
        pos += len(line)
    return Trimmed(text="\n".join(parts), spans=spans, dropped=dropped)


def trim_text(text: str) -> str:
    """Shorthand for ``trim(text).text``."""
    return trim(text).text
