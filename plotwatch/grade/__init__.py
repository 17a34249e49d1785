"""Source grading: independent voices, corroboration and Admiralty information credibility.

Reliability of a source is a letter A–F (NATO Admiralty code) kept on its outlet; unknown
outlets are F ("cannot be judged"). Credibility of information is a digit 1–6 derived here:

====  ===================  ==========================================================
1     confirmed            three or more independent voices, two of them graded A/B
2     probably true        two or more independent voices graded A–C
3     possibly true        one voice graded A–C, or two or more voices of any grade
4     doubtfully true      one voice graded D or E
5     improbable           the only voices contradict each other on the reported field
6     cannot be judged     a single voice that cannot be judged (grade F or unknown)
====  ===================  ==========================================================

A *voice* is what counts as independent: near-duplicate articles and reprints follow the
article they copy; outlets of one family (a wire service and the papers that reprint it, the
outlets of one movement) are one voice; all articles whose outlet is unknown together are one
voice at most.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

UNKNOWN_VOICE = "(unknown outlet)"
GRADES = "ABCDEF"


@dataclass(frozen=True)
class ArticleSource:
    """What grading needs to know about one article."""

    article_id: str
    outlet: str | None
    grade: str | None
    family: str | None
    duplicate_of: ArticleSource | None = None


def voice(a: ArticleSource) -> tuple[str, str]:
    """(voice key, grade) of an article: reprints speak with the voice of what they copy.

    The grade is the article's own outlet's (a wire story stored after a paper's reprint of it
    keeps its wire grade); a voice is graded by the best of its articles.
    """
    root = a
    seen = {a.article_id}
    while root.duplicate_of is not None and root.duplicate_of.article_id not in seen:
        root = root.duplicate_of
        seen.add(root.article_id)
    if not root.outlet:
        return UNKNOWN_VOICE, "F"
    grade = ((a.grade if a.outlet else root.grade) or "F").upper()
    return (root.family or root.outlet), grade if grade in GRADES else "F"


@dataclass
class Corroboration:
    articles: int
    outlets: int
    independent_sources: int
    voices: dict[str, str]  # voice -> best grade

    def as_dict(self) -> dict[str, int]:
        return {
            "articles": self.articles,
            "outlets": self.outlets,
            "independent_sources": self.independent_sources,
        }


def corroboration(sources: Iterable[ArticleSource]) -> Corroboration:
    items = {s.article_id: s for s in sources}
    outlets = {s.outlet for s in items.values() if s.outlet}
    voices: dict[str, str] = {}
    for s in items.values():
        key, grade = voice(s)
        voices[key] = min(voices.get(key, "F"), grade)
    return Corroboration(len(items), len(outlets), len(voices), voices)


def credibility(c: Corroboration, *, contradicted: bool = False) -> int:
    """Admiralty information credibility 1–6 (see the module docstring)."""
    grades = sorted(c.voices.values())
    n = len(grades)
    if n == 0:
        return 6
    strong = sum(g in "AB" for g in grades)
    fair = sum(g in "ABC" for g in grades)
    if n >= 3 and strong >= 2:
        score = 1
    elif fair >= 2:
        score = 2
    elif fair == 1 or n >= 2:
        score = 3
    elif grades[0] in "DE":
        score = 4
    else:
        score = 6
    if contradicted and n == 1 and score < 5:
        score = 5
    return score


def explain(c: Corroboration, score: int) -> list[str]:
    """Lines saying why an incident gets its credibility."""
    lines = [
        f"{c.articles} article(s) from {c.outlets} named outlet(s) "
        f"make {c.independent_sources} independent voice(s):"
    ]
    for v, g in sorted(c.voices.items()):
        lines.append(f"  - {v}: reliability {g}")
    lines.append(f"information credibility {score} (see plotwatch.grade for the rule table)")
    return lines
