"""Independent voices and Admiralty credibility on hand-built sources."""

from __future__ import annotations

import pytest

from plotwatch.grade import ArticleSource, corroboration, credibility


def src(
    aid: str,
    outlet: str | None,
    grade: str | None = None,
    family: str | None = None,
    dup: ArticleSource | None = None,
) -> ArticleSource:
    return ArticleSource(aid, outlet, grade, family, dup)


def test_grade_unknown_outlets_together_are_one_voice() -> None:
    c = corroboration([src("a", None), src("b", None), src("c", None)])
    assert (c.articles, c.outlets, c.independent_sources) == (3, 0, 1)
    assert credibility(c) == 6


def test_grade_reprint_speaks_with_the_voice_it_copies_but_keeps_its_grade() -> None:
    paper = src("p", "Courier", "C")
    wire = src("w", "Wire", "B", dup=paper)
    c = corroboration([paper, wire])
    assert c.independent_sources == 1 and c.voices == {"Courier": "B"}
    assert credibility(c) == 3


def test_grade_family_counts_once() -> None:
    c = corroboration([src("a", "Site A", "D", "Movement"), src("b", "Site B", "D", "Movement")])
    assert c.independent_sources == 1 and credibility(c) == 4


@pytest.mark.parametrize(
    ("grades", "expected"),
    [(["A", "B", "C"], 1), (["B", "C"], 2), (["B"], 3), (["F", "F"], 3), (["D"], 4), (["E"], 4), (["F"], 6)],
)
def test_grade_credibility_table(grades: list[str], expected: int) -> None:
    c = corroboration([src(str(i), f"Outlet {i}", g) for i, g in enumerate(grades)])
    assert credibility(c) == expected


def test_grade_contradicted_single_voice_is_improbable() -> None:
    c = corroboration([src("a", "Outlet", "B")])
    assert credibility(c, contradicted=True) == 5
