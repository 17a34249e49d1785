"""Expanding inputs (files, directories, "-" for stdin) into articles, one reader per format.

Nothing here raises for bad input: every input (or line of one) that cannot be read becomes
one :class:`~plotwatch.errors.InputError` in the stream, and the other inputs go on.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import BinaryIO, TextIO

from plotwatch.errors import InputError
from plotwatch.ingest.base import DEFAULT_MAX_BYTES, Reader, decode, human_size, load_bytes
from plotwatch.ingest.dedup import content_hash
from plotwatch.ingest.feed import FeedReader, looks_like_feed
from plotwatch.ingest.htmlpage import HtmlReader
from plotwatch.ingest.jsonl import JsonLinesReader, JsonReader, NotArticlesError
from plotwatch.ingest.text import TextReader
from plotwatch.types import RawArticle

__all__ = ["READERS", "iter_inputs", "read_file", "read_stream", "reader_for", "sniff"]

Item = RawArticle | InputError

READERS: dict[str, Reader] = {
    reader.fmt: reader
    for reader in (TextReader(), HtmlReader(), JsonReader(), JsonLinesReader(), FeedReader())
}
_BY_EXTENSION: dict[str, Reader] = {ext: reader for reader in READERS.values() for ext in reader.extensions}
SUPPORTED = tuple(sorted(_BY_EXTENSION))

_HTML = re.compile(r"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<(p|div|article)[\s>]", re.I)


def reader_for(path: Path) -> Reader | None:
    """The reader for a file name's extension, or None when the extension is unsupported."""
    return _BY_EXTENSION.get(path.suffix.lower())


def sniff(text: str) -> Reader:
    """Guess the format of stdin: JSON (lines), RSS/Atom, HTML, else plain text."""
    head = text.lstrip("\ufeff \t\r\n")
    if head.startswith("["):
        return READERS["json"]
    if head.startswith("{"):
        first, _, rest = head.partition("\n")
        return READERS["jsonl"] if first.rstrip().endswith("}") or not rest else READERS["json"]
    if head.startswith("<"):
        if looks_like_feed(head):
            return READERS["rss"]
        if _HTML.search(head[:4096]):
            return READERS["html"]
    return READERS["txt"]


def read_file(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Item]:
    """Read one file by its extension (an unsupported extension is an error)."""
    path = Path(path)
    source = str(path)
    reader = reader_for(path)
    if reader is None and not path.is_dir():
        if not path.exists():
            yield InputError(source, "no such file or directory")
            return
        suffix = path.suffix or "(none)"
        yield InputError(source, f"unsupported file type {suffix} (supported: {', '.join(SUPPORTED)})")
        return
    data = load_bytes(path, max_bytes)
    if isinstance(data, InputError):
        yield data
        return
    text = decode(data, source)
    if isinstance(text, InputError):
        yield text
        return
    assert reader is not None  # a directory was refused by load_bytes
    yield from _safe(reader, text, source, path.stem)


def read_stream(
    stream: TextIO | BinaryIO, *, max_bytes: int = DEFAULT_MAX_BYTES, origin: str = "-"
) -> Iterator[Item]:
    """Read stdin (or any stream), sniffing its format."""
    try:
        data = stream.read(max_bytes + 1)
    except (OSError, UnicodeDecodeError) as exc:
        yield InputError(origin, f"cannot read: {exc}")
        return
    if isinstance(data, str):
        if len(data.encode("utf-8", "surrogatepass")) > max_bytes:
            yield InputError(origin, f"input is over the size limit of {human_size(max_bytes)}")
            return
        data = data.encode("utf-8", "surrogatepass")
    if len(data) > max_bytes:
        yield InputError(origin, f"input is over the size limit of {human_size(max_bytes)}")
        return
    text = decode(data, origin)
    if isinstance(text, InputError):
        yield text
        return
    reader = sniff(text)
    stem = "stdin-" + content_hash(text)[:12]
    yield from _safe(reader, text, origin, stem)


def _safe(reader: Reader, text: str, origin: str, stem: str) -> Iterator[Item]:
    """Run a reader; a bug or library failure on one input becomes that input's error."""
    try:
        yield from reader.read(text, origin, stem)
    except Exception as exc:  # never let one input stop the others
        yield InputError(origin, f"cannot read as {reader.fmt}: {type(exc).__name__}: {exc}")


def _walk(root: Path) -> tuple[list[Path], list[InputError]]:
    """Supported, non-hidden files under ``root``, recursively, in sorted order."""
    found: list[Path] = []
    errors: list[InputError] = []

    def onerror(exc: OSError) -> None:
        errors.append(InputError(str(exc.filename or root), f"cannot list: {exc.strerror or exc}"))

    for dirpath, dirnames, filenames in os.walk(root, onerror=onerror):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in filenames:
            if not name.startswith(".") and Path(name).suffix.lower() in _BY_EXTENSION:
                found.append(Path(dirpath) / name)
    found.sort(key=lambda p: p.relative_to(root).parts)
    return found, errors


def iter_inputs(
    paths: Sequence[str],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin: TextIO | BinaryIO | None = None,
) -> Iterator[Item]:
    """Expand files, directories and "-" (stdin) into articles and input errors.

    Directories are walked recursively in sorted order, skipping hidden files and folders,
    files of unsupported types and JSON files holding no article at all (a ``gold.jsonl``);
    a file named explicitly is read whatever it is, and an unusable one is an error.
    "-" reads stdin (``stdin``, default :data:`sys.stdin`) and sniffs its format: JSON (lines),
    HTML, RSS/Atom, else plain text. Never raises for bad input: each input or line that
    cannot be read yields an :class:`InputError`, and the other inputs go on.
    """
    for name in paths:
        if name == "-":
            stream = stdin if stdin is not None else sys.stdin
            yield from read_stream(getattr(stream, "buffer", stream), max_bytes=max_bytes)
            continue
        path = Path(name)
        try:
            is_dir = path.is_dir()
        except OSError as exc:
            yield InputError(name, f"cannot read: {exc.strerror or exc}")
            continue
        if not is_dir:
            yield from read_file(path, max_bytes=max_bytes)
            continue
        files, errors = _walk(path)
        yield from errors
        for file in files:
            for item in read_file(file, max_bytes=max_bytes):
                if not isinstance(item, NotArticlesError):  # e.g. a gold file beside articles
                    yield item
