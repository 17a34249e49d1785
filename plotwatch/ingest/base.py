"""The tiny base every reader stands on: loading bytes, decoding them, parsing dates.

A reader turns the decoded text of one input into articles::

    class TextReader(Reader):
        fmt = "txt"
        extensions = (".txt",)

        def read(self, text: str, origin: str, stem: str) -> Iterator[RawArticle | InputError]:
            ...

Readers never raise for bad input: they yield an :class:`InputError` naming the input (or the
line of it) and go on. Loading (:func:`load_bytes`) and decoding (:func:`decode`) return an
error instead of raising, for the same reason.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
from abc import ABC, abstractmethod
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

from plotwatch.errors import InputError
from plotwatch.types import RawArticle

__all__ = [
    "DEFAULT_MAX_BYTES",
    "Reader",
    "decode",
    "human_size",
    "load_bytes",
    "parse_date",
]

DEFAULT_MAX_BYTES = 20 * 1024 * 1024

# C0 control characters other than tab, line feed, form feed and carriage return
_CONTROL = re.compile(r"[\x01-\x08\x0b\x0e-\x1f\x7f]")


class Reader(ABC):
    """Reads the decoded text of one input into articles (and errors)."""

    fmt: ClassVar[str]
    extensions: ClassVar[tuple[str, ...]]

    @abstractmethod
    def read(self, text: str, origin: str, stem: str) -> Iterator[RawArticle | InputError]:
        """Yield the articles in ``text``; ``origin`` names the input, ``stem`` is its id."""


def human_size(n: int) -> str:
    """``1536`` → ``"1.5 KiB"``."""
    size = float(n)
    for unit in ("bytes", "KiB", "MiB", "GiB"):
        if size < 1024 or unit == "GiB":
            return f"{n} bytes" if unit == "bytes" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{n} bytes"  # pragma: no cover


def load_bytes(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes | InputError:
    """Read a file, refusing directories, unreadable paths and files over ``max_bytes``."""
    source = str(path)
    try:
        if path.is_dir():
            return InputError(source, "is a directory, expected a file")
        size = path.stat().st_size
        if size > max_bytes:
            return InputError(
                source,
                f"file is {human_size(size)} ({size} bytes), over the size limit of "
                f"{human_size(max_bytes)} ({max_bytes} bytes)",
            )
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except FileNotFoundError:
        return InputError(source, "no such file or directory")
    except PermissionError:
        return InputError(source, "permission denied")
    except OSError as exc:
        return InputError(source, f"cannot read: {exc.strerror or exc}")
    if len(data) > max_bytes:  # the file grew while we looked
        return InputError(source, f"file is over the size limit of {human_size(max_bytes)}")
    return data


def decode(data: bytes, source: str) -> str | InputError:
    """Decode UTF-8 (a UTF-8 or UTF-16 byte-order mark is honoured); refuse binary data."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            return InputError(source, f"invalid UTF-16 at byte offset {exc.start}")
    else:
        nul = data.find(b"\x00")
        if nul >= 0:
            return InputError(source, f"binary file, not text (NUL byte at offset {nul})")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            bom = 3 if data.startswith(b"\xef\xbb\xbf") else 0
            bad = data[exc.start + bom : exc.start + bom + 1].hex()
            return InputError(source, f"invalid UTF-8 at byte offset {exc.start + bom} (byte 0x{bad})")
    if not text.strip():
        return InputError(source, "empty file" if not text else "empty file (only whitespace)")
    controls = len(_CONTROL.findall(text[:65536]))
    if controls > max(8, len(text[:65536]) // 20):
        return InputError(source, f"binary file, not text ({controls} control characters)")
    return text


_FORMATS = (
    "%d %B %Y",
    "%d %b %Y",
    "%B %d, %Y",
    "%b %d, %Y",
    "%B %d %Y",
    "%b %d %Y",
    "%A, %B %d, %Y",
    "%A, %d %B %Y",
    "%A %d %B %Y",
    "%d/%m/%Y",
    "%Y/%m/%d",
    "%d.%m.%Y",
    "%Y%m%d",
)


def parse_date(value: object) -> dt.date | None:
    """Parse a publication date: ISO 8601, RFC 2822 or a common written form; else None.

    Relative expressions ("yesterday") are not dates here: they would resolve against today.
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        if 1e8 < value < 1e11:  # a Unix timestamp in seconds
            return dt.datetime.fromtimestamp(value, tz=dt.UTC).date()
        return None
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())
    if not text or len(text) > 80:
        return None
    iso = text.replace("Z", "+00:00")
    for candidate in (iso, iso[:10]):
        try:
            return dt.datetime.fromisoformat(candidate).date()
        except ValueError:
            pass
    try:
        return email.utils.parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        pass
    plain = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", text).replace(".", "").strip()
    for fmt in _FORMATS:
        try:
            return dt.datetime.strptime(plain, fmt).date()
        except ValueError:
            continue
    return _dateparser(text)


def _dateparser(text: str) -> dt.date | None:
    """Last resort: dateparser, strict (day, month and year required, no relative dates)."""
    if not re.search(r"\d{4}", text):
        return None
    import dateparser  # slow to import: only when the fast paths fail

    settings = {
        "STRICT_PARSING": True,
        "REQUIRE_PARTS": ["day", "month", "year"],
        "PREFER_DATES_FROM": "past",
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    try:
        parsed = dateparser.parse(text, settings=settings)  # type: ignore[arg-type]
    except Exception:  # dateparser raises assorted errors on odd input
        return None
    return parsed.date() if parsed else None
