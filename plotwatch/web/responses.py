"""JSON answers of the API, encoded once with orjson.

An endpoint that returns a plain ``dict`` has FastAPI validate it against the declared return
type and then serialise it; the read endpoints return :class:`JSON` instead (declaring the
same ``response_model`` for the OpenAPI schema), so their records, which are already plain
JSON values, go straight to bytes.
"""

from __future__ import annotations

from typing import Any

import orjson
from fastapi.encoders import jsonable_encoder
from fastapi.responses import Response

# keys that are not strings as strings, UTC datetimes ending in "Z" (as Pydantic writes them)
_OPTIONS = orjson.OPT_NON_STR_KEYS | orjson.OPT_UTC_Z


def dumps(content: Any) -> bytes:
    """``content`` as compact UTF-8 JSON (what orjson cannot encode itself, such as a set,
    is encoded as FastAPI would encode it)."""
    return orjson.dumps(content, default=jsonable_encoder, option=_OPTIONS)


class JSON(Response):
    """``application/json`` rendered with :func:`dumps`."""

    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        return dumps(content)
