"""The base every exporter builds on: a text stream in, one ``write`` per incident, ``close``.

An exporter never opens or closes the stream it is given (the caller owns it); ``close``
only finishes the output (a footer, a flush). Exporters are context managers, so::

    with JsonlExporter(sys.stdout) as exporter:
        for incident in incidents:
            exporter.write(incident)
"""

from __future__ import annotations

import math
from typing import Any, ClassVar, TextIO

from plotwatch.errors import PlotwatchError


class Exporter:
    """Writes export-contract incident dicts to a text stream in one format."""

    name: ClassVar[str] = ""  # the --format name ("jsonl", "csv")
    extension: ClassVar[str] = ""  # the usual file extension, without the dot
    media_type: ClassVar[str] = "text/plain"  # for web downloads

    def __init__(self, fh: TextIO) -> None:
        self.fh = fh
        self.count = 0

    def write(self, incident: dict[str, Any]) -> None:
        """Write one incident."""
        raise NotImplementedError

    def close(self) -> None:
        """Finish the output; the stream itself stays open."""
        self.fh.flush()

    def __enter__(self) -> Exporter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def check_finite(incident: dict[str, Any]) -> None:
    """Raise :class:`PlotwatchError` if any number in ``incident`` is NaN or infinite."""
    stack: list[Any] = [incident]
    while stack:
        value = stack.pop()
        if isinstance(value, float) and not math.isfinite(value):
            raise PlotwatchError(f"incident {incident.get('id')!r}: cannot export a NaN or infinite number")
        if isinstance(value, dict):
            stack.extend(value.values())
        elif isinstance(value, list | tuple):
            stack.extend(value)
