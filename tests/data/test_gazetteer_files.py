"""The shipped data files are well formed: gazetteers and the source registry."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest
import yaml

from plotwatch import countries
from plotwatch.grade.registry import Registry

GAZ = Path(__file__).resolve().parents[2] / "plotwatch" / "data" / "gazetteer"
KINDS = {
    "state",
    "agency",
    "unit",
    "group",
    "person",
    "court",
    "police",
    "ministry",
    "government",
    "organization",
}


def _entries() -> list[tuple[str, dict]]:  # type: ignore[type-arg]
    out = []
    for path in sorted(GAZ.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert isinstance(data, dict) and isinstance(data.get("entities"), list), path
        out += [(path.name, e) for e in data["entities"]]
    return out


ENTRIES = _entries()


def test_gazetteer_files_exist() -> None:
    assert {p.name for p in GAZ.glob("*.yaml")} >= {
        "states.yaml",
        "agencies.yaml",
        "groups.yaml",
        "persons.yaml",
    }
    assert len(ENTRIES) > 300


@pytest.mark.parametrize(("file", "entry"), ENTRIES, ids=[e["id"] for _, e in ENTRIES])
def test_gazetteer_entry_is_well_formed(file: str, entry: dict) -> None:  # type: ignore[type-arg]
    assert {"id", "name", "kind", "country"} <= set(entry), entry
    assert entry["kind"] in KINDS
    assert countries.is_code(entry["country"]), entry["country"]
    if entry["kind"] == "state":
        assert entry.get("demonyms"), f"{entry['id']} has no demonym"
    else:
        assert str(entry.get("source", "")).strip(), f"{entry['id']} cites no source"


def test_gazetteer_ids_unique_and_parents_exist() -> None:
    ids = [e["id"] for _, e in ENTRIES]
    assert len(ids) == len(set(ids))
    for _, e in ENTRIES:
        if e.get("parent"):
            assert e["parent"] in ids, e


def test_gazetteer_no_alias_names_two_entities_of_one_state() -> None:
    # a name two states' entities share ("KGB") is told apart by the state the article names
    # most; two entities of one state sharing a name could not be
    owners: dict[tuple[str, str], set[str]] = defaultdict(set)
    for _, e in ENTRIES:
        for name in [e["name"], *e.get("aliases", [])]:
            owners[(name.casefold(), e["country"])].add(e["id"])
    shared = {key: ids for key, ids in owners.items() if len(ids) > 1}
    assert shared == {}


def test_source_registry_loads_and_grades_are_valid() -> None:
    reg = Registry.load()
    assert len(reg.entries) > 30
    assert all(e.grade in "ABCDEF" and e.note for e in reg.entries)
    assert reg.lookup("NCRI").family == reg.lookup(None, "https://mek-iran.com/x").family  # type: ignore[union-attr]
