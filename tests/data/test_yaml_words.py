"""The data files analysts edit are read with YAML 1.2 booleans: an unquoted ``on``, ``off``,
``no`` or ``yes`` is the word written (a preposition, a particle, Norway's code), not a
boolean; only ``true`` and ``false`` are booleans."""

from __future__ import annotations

from pathlib import Path

from plotwatch import yamlfile
from plotwatch.extract.resources import load_resources, load_triggers

DATA = Path(__file__).resolve().parents[2] / "plotwatch" / "data"


def test_words_yaml_1_1_reads_as_booleans_stay_words() -> None:
    doc = yamlfile.load("preps: [in, on, off, no, yes, NO, Off]\nflags: [true, false, True]\ncode: NO\n")
    assert doc == {
        "preps": ["in", "on", "off", "no", "yes", "NO", "Off"],
        "flags": [True, False, True],
        "code": "NO",
    }


def test_every_word_list_of_the_shipped_lexicons_holds_words() -> None:
    def lists(node: object) -> list[list[object]]:
        if isinstance(node, dict):
            return [x for v in node.values() for x in lists(v)]
        if isinstance(node, list):
            return [node, *(x for v in node for x in lists(v))]
        return []

    for name in ("cues.yaml", "triggers.yaml"):
        doc = yamlfile.load((DATA / name).read_text(encoding="utf-8"))
        for items in lists(doc):
            assert not any(isinstance(v, bool) for v in items), (name, items)


def test_particles_and_negations_are_read_as_words() -> None:
    cues = load_resources().cues
    assert "no" in cues["negation"]
    entries, _ = load_triggers(DATA / "triggers.yaml")
    spirit = next(e for e in entries if e.lemmas == ("spirit",))
    assert "off" in spirit.objects  # "spirited him off"
