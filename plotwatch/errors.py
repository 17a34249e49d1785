"""All plotwatch errors, in one hierarchy.

    PlotwatchError
    ├── InputError          an input (file, line, stream) cannot be read as an article
    ├── ConfigError         a data file (gazetteer, lexicon, registry) is malformed
    ├── StoreError          the database cannot be opened, migrated or written
    ├── NotFoundError       an id names nothing stored
    └── EvalError           a gold file is malformed

The CLI turns each into one clear line; nothing else should escape to the user.
"""

from __future__ import annotations


class PlotwatchError(Exception):
    """Base class of every error plotwatch raises on purpose."""


class InputError(PlotwatchError):
    """An input cannot be read as an article. ``source`` names the input."""

    def __init__(self, source: str, problem: str) -> None:
        self.source = source
        self.problem = problem
        super().__init__(f"{source}: {problem}")


class ConfigError(PlotwatchError):
    """A data file shipped with or added to plotwatch is malformed."""


class StoreError(PlotwatchError):
    """The database cannot be opened, migrated or written."""


class NotFoundError(PlotwatchError):
    """An id names nothing stored."""


class EvalError(PlotwatchError):
    """A gold file cannot be read."""
