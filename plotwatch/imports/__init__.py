"""Importing STIX 2.1 bundles and FollowTheMoney entity streams into the store.

    records.py   plain records a parsed file becomes (Parsed), and the ImportReport
    stix.py      read_stix(path): a STIX 2.1 bundle (OpenCTI, MISP, plotwatch --format stix)
    ftm.py       read_ftm(path): FtM entities as JSON lines (OpenSanctions, Aleph, --format ftm)
    writer.py    write(store, parsed): one audited, idempotent transaction

Parsing happens before anything is written, so bad input (not JSON, not a bundle, an unknown
object type or schema) is an :class:`~plotwatch.errors.InputError` naming the file and the
problem and the store is untouched. Provenance: the file's feed becomes an outlet (the STIX
bundle's creator identity, or ``--source``; "FtM import" by default), entities get origin
``import:stix`` / ``import:ftm``, and every row added is in the audit log::

    report = import_file(store, "opencti.json", "stix")
"""

from __future__ import annotations

from pathlib import Path

from plotwatch.errors import PlotwatchError
from plotwatch.imports.ftm import read_ftm
from plotwatch.imports.records import ImportReport, Parsed
from plotwatch.imports.stix import read_stix
from plotwatch.imports.writer import write
from plotwatch.store.db import Store

READERS = {"stix": read_stix, "ftm": read_ftm}


def parse_file(path: str | Path, fmt: str, *, source: str | None = None) -> Parsed:
    """Read ``path`` as ``fmt`` ("stix" or "ftm") without touching any store."""
    if fmt not in READERS:
        raise PlotwatchError(f"unknown import format {fmt!r} (known formats: {', '.join(sorted(READERS))})")
    return READERS[fmt](Path(path), source)


def import_file(
    store: Store, path: str | Path, fmt: str, *, source: str | None = None, actor: str = "import"
) -> ImportReport:
    """Import ``path`` into ``store``; returns what was added (nothing, the second time)."""
    parsed = parse_file(path, fmt, source=source)
    added = write(store, parsed, actor=actor, path=str(path))
    return ImportReport(str(path), fmt, parsed.feed.name, added, dict(parsed.skipped))


__all__ = ["READERS", "ImportReport", "Parsed", "import_file", "parse_file", "read_ftm", "read_stix"]
