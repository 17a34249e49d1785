"""Campaigns: hostile incidents of one sponsor state against one target over a period.

A campaign is a run of dated hostile incidents with the same ``agent_state`` and a named target
(an actor in the target or victim role that is a group, organisation, agency or person — not a
state), each at most ``window_days`` after the previous one (a coarse date counts from the
start of its month or year to its end), with at least ``min_incidents`` incidents. An incident
can belong to several campaigns (one per target). Undated incidents are left out: they cannot
be placed in a period. Settings: the ``campaigns`` block of ``data/fusion.yaml``.

The id is ``camp-`` + a digest of the sponsor, the target and the first incident's id, so the
same incidents give the same campaign ids on every run.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from plotwatch.types import HOSTILE_TYPES, PartialDate

TARGET_ROLES = {"target", "victim"}
NOT_TARGETS = {"state", "unknown", "weapon"}


@dataclass(frozen=True)
class CampaignIncident:
    """What campaign grouping needs to know about an incident."""

    id: str
    type: str
    date: str | None
    agent_state: str | None
    targets: tuple[tuple[str, str], ...]  # (entity id, name)


@dataclass
class CampaignDraft:
    id: str
    sponsor_state: str
    target_id: str
    target_name: str
    incident_ids: list[str] = field(default_factory=list)
    start: str | None = None
    end: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "sponsor_state": self.sponsor_state,
            "target": {"entity_id": self.target_id, "name": self.target_name},
            "start": self.start,
            "end": self.end,
            "incidents": list(self.incident_ids),
        }


def campaign_id(sponsor: str, target: str, first_incident: str) -> str:
    return "camp-" + hashlib.sha1(f"{sponsor}|{target}|{first_incident}".encode()).hexdigest()[:12]


def build_campaigns(incidents: Iterable[CampaignIncident], settings: dict[str, Any]) -> list[CampaignDraft]:
    """Campaigns of ``incidents`` (any order), sorted by sponsor, start and id."""
    cfg = dict(settings.get("campaigns", {}))
    window = dt.timedelta(days=int(cfg.get("window_days", 730)))
    minimum = max(2, int(cfg.get("min_incidents", 2)))
    groups: dict[tuple[str, str], list[tuple[dt.date, dt.date, str, str]]] = defaultdict(list)
    names: dict[str, str] = {}
    for inc in incidents:
        if inc.type not in HOSTILE_TYPES or not inc.agent_state or not inc.date:
            continue
        try:
            bounds = PartialDate.parse(inc.date).span()
        except ValueError:
            continue  # a malformed date cannot be placed in a period
        if bounds is None:
            continue
        start, end = bounds
        for entity_id, name in set(inc.targets):
            names.setdefault(entity_id, name)
            groups[(inc.agent_state, entity_id)].append((start, end, inc.id, inc.date))
    out: list[CampaignDraft] = []
    for (sponsor, target), items in sorted(groups.items()):
        items.sort()
        runs: list[list[tuple[dt.date, dt.date, str, str]]] = []
        last_end: dt.date | None = None
        for item in items:
            if last_end is None or item[0] - last_end > window:
                runs.append([])
            runs[-1].append(item)
            last_end = max(last_end or item[1], item[1])
        for run in runs:
            if len(run) < minimum:
                continue
            out.append(
                CampaignDraft(
                    id=campaign_id(sponsor, target, run[0][2]),
                    sponsor_state=sponsor,
                    target_id=target,
                    target_name=names[target],
                    incident_ids=[r[2] for r in run],
                    start=run[0][3],
                    end=max(run, key=lambda r: r[1])[3],
                )
            )
    out.sort(key=lambda c: (c.sponsor_state, c.start or "", c.id))
    return out
