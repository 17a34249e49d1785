"""Chains on hand-built contract dicts: responses answer the plot whose actors they name."""

from __future__ import annotations

from plotwatch.fuse.chains import link_chains


def inc(id_: str, type_: str, date: str | None, *entities: str) -> dict:  # type: ignore[type-arg]
    return {
        "id": id_,
        "type": type_,
        "date": {"start": date},
        "actors": [{"entity_id": e, "kind": "person", "role": "perpetrator"} for e in entities]
        + [{"entity_id": "state-ir", "kind": "state", "role": "sponsor"}],
    }


def test_chains_responses_link_to_the_plot_in_date_order() -> None:
    plot = inc("plot", "bombing", "2018-06", "p-assadi", "ir-mois")
    arrest = inc("arrest", "arrest", "2018-07-01", "p-assadi")
    extradition = inc("extr", "extradition", "2018-10", "p-assadi")
    verdict = inc("verdict", "conviction", "2021-02-04", "p-assadi")
    other = inc("other", "assassination", "2018-09", "p-someone")
    chains = link_chains([verdict, extradition, plot, arrest, other])
    assert [(x["relation"], x["id"]) for x in chains["plot"]] == [
        ("responded_by", "arrest"),
        ("responded_by", "extr"),
        ("responded_by", "verdict"),
    ]
    assert ("response_to", "plot") in [(x["relation"], x["id"]) for x in chains["extr"]]
    assert ("follows", "arrest") in [(x["relation"], x["id"]) for x in chains["extr"]]
    assert "other" not in chains


def test_chains_state_alone_links_nothing_and_later_plots_are_not_answered() -> None:
    plot = inc("plot", "bombing", "2019-05")
    arrest = inc("arrest", "arrest", "2018-01", "p-x")
    later = inc("later", "bombing", "2019-02", "p-x")
    assert link_chains([plot, arrest, later]) == {}
