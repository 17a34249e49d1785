"""Three hand-built export-contract incidents shared by the export tests."""

from __future__ import annotations

import copy
from typing import Any

import pytest

INCIDENTS: list[dict[str, Any]] = [
    {
        "id": "inc-villepinte",
        "type": "bombing",
        "status": "foiled",
        "date": {"start": "2018-06-30", "end": "2018-06-30", "precision": "day"},
        "location": {
            "country": "FR",
            "place": "Villepinte",
            "lat": 48.96,
            "lon": 2.53,
            "precision": "place",
        },
        "agent_state": "IR",
        "actors": [
            {
                "entity_id": "p-assadi",
                "name": "Assadollah Assadi",
                "aliases": ["Asadollah Asadi"],
                "kind": "person",
                "role": "perpetrator",
                "country": "IR",
            },
            {
                "entity_id": "ir-mois",
                "name": "Ministry of Intelligence and Security",
                "aliases": ["MOIS"],
                "kind": "ministry",
                "role": "sponsor",
                "country": "IR",
            },
            {
                "entity_id": "g-ncri",
                "name": "National Council of Resistance of Iran",
                "aliases": [],
                "kind": "group",
                "role": "target",
                "country": None,
            },
            {
                "entity_id": None,
                "name": "TATP",
                "aliases": [],
                "kind": "weapon",
                "role": "instrument",
                "country": None,
            },
        ],
        "mentions": [
            {
                "article_id": "003_0d5b14596408e64f",
                "quote": 'A "Free Iran" rally, near Paris;\nthe plot was foiled.',
                "start": 1234,
                "end": 1287,
            },
            {
                "article_id": "004_5df707b6dacc22e9",
                "quote": "The bomb plot in Villepinte — 500 g of TATP.",
                "start": 10,
                "end": 54,
            },
        ],
        "corroboration": {"articles": 2, "outlets": 2, "independent_sources": 1},
        "credibility": 3,
        "contradictions": [
            {
                "field": "location.country",
                "values": [
                    {"value": "FR", "article_ids": ["003_0d5b14596408e64f"]},
                    {"value": "BE", "article_ids": ["004_5df707b6dacc22e9"]},
                ],
            }
        ],
    },
    {
        "id": "inc-arrest-de",
        "type": "arrest",
        "status": None,
        "date": {"start": "2018-07", "end": "2018-07", "precision": "month"},
        "location": {"country": "DE", "place": None, "lat": None, "lon": None, "precision": "country"},
        "agent_state": "DE",
        "actors": [
            {"name": "German police", "aliases": [], "role": "responder"},
            {"name": "Assadollah Assadi", "aliases": ["Assadi"], "role": "target"},
        ],
        "mentions": [
            {"article_id": "002_4a5f882acebcb18a", "quote": "Assadi was arrested.", "start": 0, "end": 20},
            {"article_id": "002_4a5f882acebcb18a", "quote": "He was held.", "start": 30, "end": 42},
        ],
        "corroboration": {"articles": 1, "outlets": 1, "independent_sources": 1},
        "credibility": 6,
    },
    {
        "id": "inc-influence",
        "type": "influence_operation",
        "status": "executed",
        "date": {"start": None, "end": None, "precision": "none"},
        "location": {"country": None, "place": None, "lat": None, "lon": None, "precision": "none"},
        "agent_state": None,
        "actors": [],
        "mentions": [
            {"article_id": "München-Ärzte", "quote": "Fake “news”, says Ñandú.", "start": 5, "end": 29}
        ],
        "corroboration": {"articles": 1, "outlets": 0, "independent_sources": 1},
        "credibility": None,
    },
]


@pytest.fixture
def incidents() -> list[dict[str, Any]]:
    """A fresh deep copy of :data:`INCIDENTS` (tests may mutate it)."""
    return copy.deepcopy(INCIDENTS)
