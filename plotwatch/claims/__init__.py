"""Claims: figures and recommendations, each with its sentence and its speaker.

The parsers need spaCy; they are imported on first use so that the plain modules here
(quantities, records) stay cheap to import.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from plotwatch.types import ClaimMention

__all__ = ["extract_claims", "find_figures", "find_recommendations"]


def extract_claims(doc: Doc) -> list[ClaimMention]:
    """Figures and recommendations in a parsed document, in text order."""
    from plotwatch.claims.figures import find_figures
    from plotwatch.claims.recommendations import find_recommendations

    claims = find_figures(doc) + find_recommendations(doc)
    return sorted(claims, key=lambda c: (c.start, c.kind))


def __getattr__(name: str) -> Any:
    if name == "find_figures":
        from plotwatch.claims.figures import find_figures

        return find_figures
    if name == "find_recommendations":
        from plotwatch.claims.recommendations import find_recommendations

        return find_recommendations
    raise AttributeError(name)
