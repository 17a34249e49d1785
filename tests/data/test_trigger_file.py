"""The trigger lexicon (``plotwatch/data/triggers.yaml``) an analyst may extend: a trigger
listed twice under one type is an error naming the file and the trigger, not a silent
replacement of the first entry (triggers are keyed by type and lemma sequence)."""

from __future__ import annotations

from pathlib import Path

import pytest

from plotwatch.errors import ConfigError
from plotwatch.extract.resources import load_triggers

SHIPPED = Path(__file__).resolve().parents[2] / "plotwatch" / "data" / "triggers.yaml"


def test_the_shipped_triggers_load_with_no_duplicate() -> None:
    entries, _ = load_triggers(SHIPPED)
    keys = [e.key for e in entries]
    assert len(keys) == len(set(keys))


def test_a_trigger_listed_twice_is_an_error_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "triggers.yaml"
    path.write_text(
        "types:\n"
        "  extradition:\n"
        "    - {lemma: hand over}\n"
        "    - {lemma: extradite}\n"
        "    - {lemma: Hand  Over, objects: [authorities]}\n",
        encoding="utf-8",
    )
    with pytest.raises(
        ConfigError, match=r"triggers\.yaml: extradition: the trigger 'hand over' is listed twice"
    ):
        load_triggers(path)
