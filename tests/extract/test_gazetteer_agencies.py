"""State agencies, units and state-run covert groups in the gazetteer: an act whose doer is named
only by such an organ is its state's.

Hand-written sentences (other people, places and years than any evaluated article); each case
needs its gazetteer entry (without it no state is found behind the act and it is dropped).
"""

from __future__ import annotations

import pytest
import yaml

from plotwatch import countries
from plotwatch.extract import Extractor
from plotwatch.extract.resources import PACKAGE_DATA, load_resources
from plotwatch.types import HOSTILE_TYPES
from tests.extract.test_constructions import events

# (sentence, the state behind the act)
CASES = [
    ("Agents of the PIDE assassinated the exiled writer near the border in 1965.", "PT"),
    ("Officers of the Securitate assaulted the dissident journalist in Paris in 1981.", "RO"),
    ("A Stasi officer poisoned the defector in West Berlin in 1979.", "DD"),
    ("The GAL kidnapped a French businessman in Bayonne in 1984.", "ES"),
    ("Operatives of the Civil Cooperation Bureau shot the activist in Windhoek in 1989.", "ZA"),
    ("Agents of the Bureau of State Security bombed the exile's office in London in 1972.", "ZA"),
    ("Agents of the Jamahiriya Security Organization shot the exiled lawyer in Rome in 1980.", "LY"),
    ("Agents of the Jihaz al-Mukhabarat kidnapped the dissident in Beirut in 1983.", "IQ"),
    ("Members of the UDBA murdered the emigre editor in Munich in 1975.", "YU"),
    ("Agents of the StB kidnapped the emigre publisher in Vienna in 1953.", "CS"),
    ("SEBIN agents abducted the opposition activist in Bogota in 2023.", "VE"),
    ("Agents of the Darzhavna Sigurnost poisoned the dissident broadcaster in Paris in 1977.", "BG"),
    ("Agents of SAVAK murdered the student leader in Rome in 1976.", "IR"),
    ("Operatives of the Political Security Directorate kidnapped the activist in Beirut in 2012.", "SY"),
]


@pytest.mark.parametrize(("text", "state"), CASES, ids=[c[1] for c in CASES])
def test_agency_named_doer_gives_its_state(ex: Extractor, text: str, state: str) -> None:
    hostile = [e for e in events(ex, text) if e.type in HOSTILE_TYPES]
    assert hostile, events(ex, text)
    assert {e.agent_state for e in hostile} == {state}


def test_state_run_death_squad_is_a_unit_of_its_state() -> None:
    """A death squad a state ran (GAL) is a unit with that state's code, not a dissident group."""
    gal = load_resources().entity("es-gal")
    assert gal is not None and gal.kind == "unit" and gal.country == "ES"


# The entries added with this test: each cites a source and has a valid ISO country.
ADDED = [
    "pt-pide", "za-boss", "za-sadf", "za-dmi", "es-cesid", "es-cni", "sy-mid", "sy-psd", "iq-iis",
    "kp-mss", "ly-jso", "ly-peoples-bureau", "cl-cni", "ar-side", "bg-ds", "cz-stb", "dd-stasi",
    "ro-securitate", "pl-sb", "hu-avh", "al-sigurimi", "yu-udba", "il-shin-bet", "il-aman",
    "fr-sdece", "ma-dgst", "ma-dged", "dz-drs", "ir-savak", "bd-dgfi", "lk-sis", "et-niss",
    "rw-dmi", "ug-iso", "ug-cmi", "sd-gis", "zw-cio", "kz-knb", "kg-gknb", "az-dtx", "sa-pss",
    "eg-ssi", "by-gubopik", "ve-sebin", "ve-dgcim", "cu-dgi", "ru-mgb", "id-bin", "tw-mib",
    "it-sismi", "it-ovra", "it-sim", "de-gestapo", "do-sim", "gb-sis",
    "es-gal", "za-ccb", "za-sf", "za-vlakplaas", "kp-unit-124", "ly-revolutionary-committees",
    "ar-battalion-601", "dd-stasi-hva", "il-sayeret-matkal", "il-kidon", "bd-rab", "ru-kgb-pgu",
    "ru-smersh", "gb-sas",
]  # fmt: skip


@pytest.mark.parametrize("eid", ADDED)
def test_added_state_organ_is_well_formed(eid: str) -> None:
    rows = {
        r["id"]: r
        for path in sorted((PACKAGE_DATA / "gazetteer").glob("*.yaml"))
        for r in yaml.safe_load(path.read_text(encoding="utf-8"))["entities"]
    }
    row = rows[eid]
    assert str(row.get("source", "")).strip(), f"{eid} cites no source"
    assert countries.lookup(row["country"]) is not None, row["country"]
    assert row["kind"] in ("agency", "unit", "police", "government")


@pytest.mark.parametrize(
    "text",
    [
        "Her boss said the side door had been forced before the gunmen shot the guard in 1990.",
        "The gal who ran the shop was shot by robbers in Madrid in 1990.",
    ],
)
def test_ordinary_words_are_not_agencies(ex: Extractor, text: str) -> None:
    """Acronym aliases (BOSS, SIDE, GAL) match only in capitals: "boss", "side", "gal" are words."""
    doc = ex.nlp(text)
    assert not [s for s in doc.spans.get("pw_gaz", []) if s.label_ in ("agency", "unit")]
