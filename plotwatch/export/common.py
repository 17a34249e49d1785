"""The base every exporter builds on: a text stream in, one ``write`` per incident, ``close``.

An exporter never opens or closes the stream it is given (the caller owns it); ``close``
only finishes the output (a footer, a flush). Exporters are context managers, so::

    with JsonlExporter(sys.stdout) as exporter:
        for incident in incidents:
            exporter.write(incident)

Formats that need more than the contract dicts (articles, outlets, entities with aliases,
relations) subclass :class:`BundleExporter` and implement :meth:`Exporter.write_bundle`; they
still accept ``write(incident)`` one by one (the incidents are gathered and rendered on
``close`` from :meth:`Bundle.from_incidents <plotwatch.export.bundle.Bundle.from_incidents>`).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any, ClassVar, TextIO

from plotwatch.errors import PlotwatchError

if TYPE_CHECKING:
    from plotwatch.export.bundle import Bundle


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

    def write_bundle(self, bundle: Bundle) -> None:
        """Write every incident of ``bundle`` (simple formats ignore the rest of it)."""
        for incident in bundle.incidents:
            self.write(incident)

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


class BundleExporter(Exporter):
    """An exporter that renders a whole :class:`~plotwatch.export.bundle.Bundle` at once.

    Subclasses implement :meth:`render`. ``write(incident)`` gathers contract dicts and
    ``close`` renders them as a bundle built from the dicts alone; ``write_bundle`` renders a
    bundle loaded from the store. Either way the output is written exactly once (an exporter
    closed without any incident writes an empty document).
    """

    def __init__(self, fh: TextIO) -> None:
        super().__init__(fh)
        self._pending: list[dict[str, Any]] = []
        self._done = False

    def write(self, incident: dict[str, Any]) -> None:
        check_finite(incident)
        self._pending.append(incident)

    def write_bundle(self, bundle: Bundle) -> None:
        if self._done:
            raise PlotwatchError(f"{self.name}: a document holds one bundle; it was already written")
        for incident in bundle.incidents:
            check_finite(incident)
        incidents = self._pending + bundle.incidents
        if self._pending:
            extra = type(bundle).from_incidents(self._pending)
            bundle = type(bundle)(
                incidents,
                {**extra.articles, **bundle.articles},
                bundle.outlets,
                {**extra.entities, **bundle.entities},
                bundle.relations,
            )
        self._pending = []
        self.render(bundle)
        self.count += len(incidents)
        self._done = True

    def render(self, bundle: Bundle) -> None:
        """Write the whole document for ``bundle``."""
        raise NotImplementedError

    def __exit__(self, *exc: object) -> None:
        if exc and exc[0] is not None:  # a failed export writes nothing more
            self._done = True
        self.close()

    def close(self) -> None:
        if not self._done:
            from plotwatch.export.bundle import Bundle

            pending, self._pending = self._pending, []
            self.write_bundle(Bundle.from_incidents(pending))
        super().close()
