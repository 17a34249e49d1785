"""Ingest: files, directories and stdin in, :class:`~plotwatch.types.RawArticle` s out.

Formats: plain text (``.txt``), HTML (``.html``/``.htm``, via trafilatura, offline), JSON
(``.json``: one article or a list) and JSON lines (``.jsonl``), RSS/Atom feeds (``.rss``,
``.atom``, ``.xml``). Page boilerplate is trimmed from every article
(:mod:`plotwatch.ingest.boilerplate`, patterns in ``plotwatch/data/boilerplate.yaml``):
``RawArticle.text`` is the cleaned text that all extraction offsets refer to and
``RawArticle.raw_text`` the original.

Readers never raise for bad input; they yield :class:`~plotwatch.errors.InputError` s in the
stream, one per input or line that cannot be read::

    for item in iter_inputs(["samples/", "-"]):
        if isinstance(item, InputError):
            print(item)                      # "samples/bad.jsonl:3: malformed JSON: …"
        else:
            store(item, content_hash(item.text))

:func:`content_hash` keys idempotent ingest; :class:`NearDuplicateIndex` finds the same wire
story in two papers.
"""

from __future__ import annotations

from plotwatch.ingest.base import DEFAULT_MAX_BYTES, parse_date
from plotwatch.ingest.boilerplate import trim, trim_text
from plotwatch.ingest.dedup import NearDuplicateIndex, content_hash
from plotwatch.ingest.sources import iter_inputs, read_file, read_stream, sniff

__all__ = [
    "DEFAULT_MAX_BYTES",
    "NearDuplicateIndex",
    "content_hash",
    "iter_inputs",
    "parse_date",
    "read_file",
    "read_stream",
    "sniff",
    "trim",
    "trim_text",
]
