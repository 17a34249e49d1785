"""Claims: figures and recommendations, each with its sentence and its speaker."""

from __future__ import annotations

from spacy.tokens import Doc

from plotwatch.claims.figures import find_figures
from plotwatch.claims.recommendations import find_recommendations
from plotwatch.types import ClaimMention

__all__ = ["extract_claims", "find_figures", "find_recommendations"]


def extract_claims(doc: Doc) -> list[ClaimMention]:
    """Figures and recommendations in a parsed document, in text order."""
    claims = find_figures(doc) + find_recommendations(doc)
    return sorted(claims, key=lambda c: (c.start, c.kind))
