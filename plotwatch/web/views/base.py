"""What every page view shares: the reader dependency, and the CSRF check for forms."""

from __future__ import annotations

from functools import lru_cache
from typing import Annotated

from fastapi import Depends

from plotwatch.auth import Principal
from plotwatch.web.security import reader

Reader = Annotated[Principal | None, Depends(reader)]


@lru_cache(maxsize=1)
def iso_numeric() -> dict[str, str]:
    """ISO alpha-2 → numeric code (as world-atlas names countries), from pycountry."""
    import pycountry

    return {c.alpha_2: str(int(c.numeric)) for c in pycountry.countries}
