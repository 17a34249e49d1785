"""Country codes: ISO 3166-1 alpha-2, and the withdrawn codes historical acts need.

East Germany (``DD``), Yugoslavia (``YU``) and Czechoslovakia (``CS``) held ISO 3166-1 codes
until they were withdrawn (1990, 2003 and 1993; ISO 3166-3 keeps them). An act of the Stasi in
West Berlin is East Germany's, not the Federal Republic's, and an arrest in Prague in 1977 is
Czechoslovakia's, so the extractor and the exports know these codes as well as the current
ones. ``CS`` was given again to Serbia and Montenegro (2003-2006); here it means
Czechoslovakia. "EU" stands for acts of the European Union.
"""

from __future__ import annotations

from typing import Any

import pycountry

# withdrawn codes of states that no longer exist, kept for historical acts, with the ISO 3166-3
# four-letter code that tells which state a reused code means
FORMER = {"DD": "DDDE", "YU": "YUCS", "CS": "CSHH"}


def lookup(code: str | None) -> Any | None:
    """The pycountry record of a current or a :data:`FORMER` alpha-2 code, or None."""
    if not code:
        return None
    current = pycountry.countries.get(alpha_2=code)
    if current is not None or code not in FORMER:
        return current
    return next((c for c in pycountry.historic_countries if c.alpha_4 == FORMER[code]), None)


def is_code(code: str | None) -> bool:
    """``code`` is a country code plotwatch accepts: ISO alpha-2, a former code, or "EU"."""
    return code == "EU" or code == "XK" or lookup(code) is not None


def name(code: str) -> str:
    """The country's name ("DD" → "German Democratic Republic"; "EU" → "European Union")."""
    if code == "EU":
        return "European Union"
    found = lookup(code)
    return str(found.name) if found is not None else code
