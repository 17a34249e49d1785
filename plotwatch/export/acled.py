"""CSV in the style of ACLED: one row per incident (``--format acled``).

Columns are modelled on ACLED's (the same names and meanings where plotwatch knows them); the
type mapping and every column are in ``docs/export-formats.md``. ACLED codes events that
happened, so a planned or foiled plot becomes a *Strategic development* (foiled bombings:
*Disrupted weapons use*), never a violent event; responses are strategic developments
(arrests: *Arrests*). Written like ``--format csv`` (``csv`` module, ``"\\n"`` line ends).

=====================  ====================================================================
column                 meaning
=====================  ====================================================================
event_id_cnty          ISO alpha-3 of the country (``XXX`` unknown) + ``-`` + incident id
event_date             first day of the incident's date ("2018-06" → 2018-06-01); empty if unknown
year                   the year
time_precision         1 day known, 2 month known, 3 year known (ACLED: 1–3)
disorder_type          Political violence or Strategic developments
event_type             ACLED event type (:data:`EVENT_TYPES`)
sub_event_type         ACLED sub-event type
actor1                 the first agent: perpetrator or sponsor (responder for responses)
assoc_actor_1          the other agents, ``"; "``-joined
inter1                 ACLED actor category of actor1 (State forces, External/Other forces…)
actor2                 the first target or victim
assoc_actor_2          the other targets and victims
inter2                 actor category of actor2
interaction            ``inter1-inter2``
civilian_targeting     "Civilian targeting" for violence against civilians, else empty
iso                    ISO 3166-1 numeric code of the country
country                country name ("European Union" for EU)
admin1                 empty: plotwatch does not resolve administrative areas
location               the place, else the country name
latitude               latitude (empty when unknown)
longitude              longitude
geo_precision          1 place, 2 admin1, 3 country (empty when unknown)
source                 outlets of the evidence articles, ``"; "``-joined
source_scale           source kinds, mapped (wire → International, newspaper → National…)
notes                  "On DATE, TYPE (STATUS) in PLACE: " + the first evidence sentence
fatalities             empty: plotwatch does not count fatalities (unknown)
tags                   ``plotwatch_type=…; status=…; credibility=…; articles=…``
timestamp              Unix time of the export's :meth:`Bundle.as_of` (deterministic)
=====================  ====================================================================
"""

from __future__ import annotations

import calendar
import csv
import datetime as dt
from typing import Any

from plotwatch import countries
from plotwatch.export.bundle import Bundle
from plotwatch.export.common import BundleExporter
from plotwatch.types import HOSTILE_TYPES

SD = ("Strategic developments", "Strategic developments")
VAC = ("Political violence", "Violence against civilians")
# (type, executed-or-failed?) → (disorder_type, event_type, sub_event_type)
EVENT_TYPES: dict[tuple[str, bool], tuple[str, str, str]] = {
    ("bombing", True): ("Political violence", "Explosions/Remote violence", "Remote explosive/landmine/IED"),
    ("bombing", False): (*SD, "Disrupted weapons use"),
    ("assassination", True): (*VAC, "Attack"),
    ("kidnapping", True): (*VAC, "Abduction/forced disappearance"),
    ("armed_attack", True): (*VAC, "Attack"),
    ("assault", True): (*VAC, "Attack"),
    ("arrest", True): (*SD, "Arrests"),
}
DEFAULT_TYPE = (*SD, "Other")
COLUMNS: tuple[str, ...] = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "country",
    "admin1",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
)
STATE_KINDS = frozenset({"state", "agency", "ministry", "unit", "police", "court"})
SOURCE_SCALE = {
    "wire": "International",
    "newspaper": "National",
    "broadcaster": "National",
    "magazine": "National",
    "state_media": "National",
    "government": "National",
    "court": "National",
    "ngo": "Other",
    "advocacy": "Other",
    "research": "Other",
    "online": "New media",
    "blog": "New media",
}
TIME_PRECISION = {"day": "1", "month": "2", "year": "3"}
GEO_PRECISION = {"place": "1", "admin1": "2", "country": "3"}
JOIN = "; "


def acled_type(incident: dict[str, Any]) -> tuple[str, str, str]:
    """(disorder_type, event_type, sub_event_type) of an incident."""
    happened = incident.get("type") not in HOSTILE_TYPES or incident.get("status") in ("executed", "failed")
    return EVENT_TYPES.get((incident.get("type") or "", happened), DEFAULT_TYPE)


def _country(code: str | None) -> tuple[str, str, str]:
    """(alpha-3, numeric, name) of an alpha-2 code ("EU" → EUE, empty, European Union)."""
    if not code:
        return "XXX", "", ""
    if code == "EU":
        return "EUE", "", "European Union"
    c = countries.lookup(code)
    return (c.alpha_3, str(int(c.numeric)), c.name) if c else (code, "", code)


def _inter(actor: dict[str, Any] | None, incident: dict[str, Any], agent: bool) -> str:
    if actor is None:
        return ""
    kind = actor.get("kind") or "unknown"
    where = (incident.get("location") or {}).get("country")
    state = actor.get("country") or (incident.get("agent_state") if agent else None)
    if kind in STATE_KINDS or actor.get("role") == "responder" or (agent and incident.get("agent_state")):
        return "State forces" if state and state == where else "External/Other forces"
    return "Civilians" if not agent else "Other"


def _event_date(start: str | None) -> str:
    if not start:
        return ""
    return start if len(start) == 10 else start + "-01-01"[: 10 - len(start)]


def row(incident: dict[str, Any], bundle: Bundle, timestamp: int) -> dict[str, str]:
    """The ACLED-style row of one incident."""
    date, loc = incident.get("date") or {}, incident.get("location") or {}
    actors = incident.get("actors") or []
    hostile = incident.get("type") in HOSTILE_TYPES
    agent_roles = ("perpetrator", "sponsor") if hostile else ("responder", "perpetrator", "sponsor")
    agents = [a for r in agent_roles for a in actors if a.get("role") == r]
    targets = [a for r in ("target", "victim") for a in actors if a.get("role") == r]
    disorder, event_type, sub_event = acled_type(incident)
    iso3, numeric, name = _country(loc.get("country"))
    inter1, inter2 = (
        _inter(agents[0] if agents else None, incident, True),
        _inter(targets[0] if targets else None, incident, False),
    )
    mentions = incident.get("mentions") or []
    article_ids = list(dict.fromkeys(m.get("article_id") for m in mentions if m.get("article_id")))
    outlets = [bundle.articles[a].outlet for a in article_ids if a in bundle.articles]
    named = list(dict.fromkeys(o for o in outlets if o))
    scales = [SOURCE_SCALE.get(bundle.outlets[o].kind or "", "Other") for o in named if o in bundle.outlets]
    where = loc.get("place") or name
    head = f"On {date.get('start') or 'an unknown date'}, {incident.get('type')}"
    head += f" ({incident['status']})" if incident.get("status") else ""
    head += f" in {where}" if where else ""
    out = {
        "event_id_cnty": f"{iso3}-{incident['id']}",
        "event_date": _event_date(date.get("start")),
        "year": (date.get("start") or "")[:4],
        "time_precision": TIME_PRECISION.get(date.get("precision") or "", ""),
        "disorder_type": disorder,
        "event_type": event_type,
        "sub_event_type": sub_event,
        "actor1": agents[0]["name"] if agents else "",
        "assoc_actor_1": JOIN.join(dict.fromkeys(a["name"] for a in agents[1:])),
        "inter1": inter1,
        "actor2": targets[0]["name"] if targets else "",
        "assoc_actor_2": JOIN.join(dict.fromkeys(a["name"] for a in targets[1:])),
        "inter2": inter2,
        "interaction": f"{inter1}-{inter2}" if inter1 and inter2 else inter1 or inter2,
        "civilian_targeting": "Civilian targeting" if event_type == "Violence against civilians" else "",
        "iso": numeric,
        "country": name,
        "admin1": "",
        "location": where or "",
        "latitude": "" if loc.get("lat") is None else str(loc["lat"]),
        "longitude": "" if loc.get("lon") is None else str(loc["lon"]),
        "geo_precision": GEO_PRECISION.get(loc.get("precision") or "", ""),
        "source": JOIN.join(named) if named else JOIN.join(article_ids),
        "source_scale": "-".join(dict.fromkeys(sorted(scales))),
        "notes": f"{head}: {mentions[0].get('quote')}" if mentions else head,
        "fatalities": "",
        "tags": JOIN.join(
            f"{k}={v}"
            for k, v in (
                ("plotwatch_type", incident.get("type")),
                ("status", incident.get("status")),
                ("credibility", incident.get("credibility")),
                ("articles", (incident.get("corroboration") or {}).get("articles")),
            )
            if v is not None
        ),
        "timestamp": str(timestamp),
    }
    return out


class AcledExporter(BundleExporter):
    """ACLED-style CSV under a fixed header (:data:`COLUMNS`)."""

    name = "acled"
    extension = "csv"
    media_type = "text/csv"

    def render(self, bundle: Bundle) -> None:
        writer = csv.DictWriter(self.fh, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        as_of = dt.datetime.strptime(bundle.as_of(), "%Y-%m-%dT%H:%M:%SZ")
        timestamp = calendar.timegm(as_of.timetuple())
        for incident in bundle.incidents:
            writer.writerow(row(incident, bundle, timestamp))
