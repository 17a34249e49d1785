"""Analyst decisions survive ``plotwatch reprocess`` run by the real pipeline.

The sample corpus is ingested with the real extractor and fuser through the ``plotwatch``
command, an analyst rejects, edits, merges and splits incidents and merges two entities,
then ``plotwatch reprocess`` re-extracts every article (new mention rows) and re-fuses all
incidents. Every decision must still hold afterwards and the knowledge base must look exactly
as it did before the reprocess.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from typer.testing import CliRunner

import plotwatch.cli.main as cli_main
from plotwatch import review
from plotwatch.store.db import Store
from plotwatch.store.models import Entity, EventMentionRow, IncidentActor
from plotwatch.store.queries import IncidentFilter, get_incident, list_incidents
from plotwatch.web import lookups
from tests.conftest import SAMPLES

pytestmark = pytest.mark.slow


def _state(store: Store) -> dict[str, Any]:
    """Every incident (rejected ones too) as the analyst sees it, keyed by id."""
    out = {}
    for r in list_incidents(store, IncidentFilter(include_rejected=True)):
        inc = get_incident(store, r["id"])
        out[inc["id"]] = {
            "type": inc["type"],
            "status": inc["status"],
            "date": inc["date"]["start"],
            "country": inc["location"]["country"],
            "place": inc["location"]["place"],
            "agent_state": inc["agent_state"],
            "review": inc["review"],
            "mentions": sorted((m["article_id"], m["start"]) for m in inc["mentions"]),
            "actors": sorted((a["entity_id"] or "", a["role"]) for a in inc["actors"]),
        }
    return out


def _mention_row_ids(store: Store) -> set[int]:
    with store.session() as s:
        return set(s.scalars(select(EventMentionRow.id)))


def test_review_decisions_survive_plotwatch_reprocess(tmp_path: Path) -> None:
    db = str(tmp_path / "samples.db")
    runner = CliRunner()
    r = runner.invoke(cli_main.app, ["ingest", str(SAMPLES), "--db", db])
    assert r.exit_code == 0, r.output
    store = Store(db)
    fused = _state(store)
    assert len(fused) >= 6, "the sample corpus should give a handful of incidents"

    # Choose the incidents by shape, not by name: one with two or more mentions to split,
    # two single-mention incidents of the same kind (hostile or response) to merge, one to
    # reject and one to edit.
    multi = sorted(i for i, v in fused.items() if len(v["mentions"]) >= 2)
    assert multi, "some sample incident should be reported by two sentences"
    to_split = multi[0]
    singles = sorted(i for i, v in fused.items() if len(v["mentions"]) == 1)
    merge_source, merge_target = singles[0], singles[1]
    to_reject, to_edit = singles[2], singles[3]

    split = review.split_incident(store, to_split, [(*fused[to_split]["mentions"][0], None)], actor="ana")
    new_id = split["new_incident"]
    review.merge_incidents(store, merge_source, merge_target, actor="ana")
    review.set_review(store, to_reject, "rejected", actor="ana", note="not state-sponsored")
    review.edit_incident(store, to_edit, {"country": "IS", "place": "Reykjavik"}, actor="ana")
    with store.session() as s:
        people = list(
            s.execute(
                select(Entity.id, func.count(IncidentActor.id))
                .join(IncidentActor, IncidentActor.entity_id == Entity.id)
                .where(Entity.kind == "person")
                .group_by(Entity.id)
                .order_by(Entity.id)
            )
        )
    assert len(people) >= 2
    (ent_source, _), (ent_target, _) = people[0], people[1]
    review.merge_entities(store, ent_source, ent_target, actor="ana")

    decided = _state(store)
    assert new_id in decided and merge_source not in decided
    assert decided[to_reject]["review"] == "rejected"
    assert (decided[to_edit]["country"], decided[to_edit]["place"]) == ("IS", "Reykjavik")
    rows_before = _mention_row_ids(store)
    store.close()

    r = runner.invoke(cli_main.app, ["reprocess", "--db", db])
    assert r.exit_code == 0, r.output
    store = Store(db)
    assert _mention_row_ids(store).isdisjoint(rows_before), "reprocess must re-extract every article"
    after = _state(store)
    assert after == decided
    assert [m["article_id"] for m in get_incident(store, new_id)["mentions"]] == [
        fused[to_split]["mentions"][0][0]
    ]
    assert sorted(after[merge_target]["mentions"]) == sorted(
        fused[merge_source]["mentions"] + fused[merge_target]["mentions"]
    )
    assert to_reject not in {i["id"] for i in list_incidents(store)}
    for incident_id in after:  # the web app's incident record is the store's, chain included
        assert lookups.incident(store, incident_id) == get_incident(store, incident_id), incident_id
    assert any(get_incident(store, i)["chain"] for i in after), "the samples should link some chains"
    with store.session() as s:
        assert s.get(Entity, ent_source) is None
        assert ent_source not in set(s.scalars(select(IncidentActor.entity_id)))
    store.close()
