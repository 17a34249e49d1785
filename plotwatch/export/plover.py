"""PLOVER-style event JSON, one event per line (``--format plover``).

Field names follow the PLOVER data-interchange specification and the POLECAT data set built
on it: ``event_type``/``mode``/``context`` (PLOVER's what–how–why), ``actor`` and
``recipient`` (lists of actor objects with ``code`` = ISO alpha-3, ``country`` = alpha-2,
``sector`` = PLOVER sector code), ``event_loc`` (GeoNames field names), ``event_text`` and
``cite_info`` (the evidence), ``quad_code`` (1 verbal cooperation … 4 material conflict).
plotwatch's own fields stay under ``x_plotwatch``.

PLOVER has no notion of a foiled plot: a planned or foiled act keeps its PLOVER category and
says ``x_plotwatch.status``; historical incidents get the ``historical`` context. The type
mapping is :data:`EVENT_MAP` (documented in ``docs/export-formats.md``).
"""

from __future__ import annotations

import json
from typing import Any

from plotwatch import countries
from plotwatch.export.bundle import Bundle, actor_entity_id
from plotwatch.export.common import BundleExporter
from plotwatch.types import HOSTILE_TYPES

# plotwatch type → (PLOVER event_type, mode or None, contexts)
EVENT_MAP: dict[str, tuple[str, str | None, tuple[str, ...]]] = {
    "bombing": ("ASSAULT", "explosives", ("political",)),
    "assassination": ("ASSAULT", "assassinate", ("political",)),
    "kidnapping": ("ASSAULT", "abduct", ("political",)),
    "armed_attack": ("ASSAULT", None, ("political",)),
    "assault": ("ASSAULT", "beat", ("political",)),
    "surveillance": ("COERCE", None, ("intelligence",)),
    "intimidation": ("THREATEN", None, ("rights_freedoms",)),
    "cyberattack": ("COERCE", None, ("cyber",)),
    "influence_operation": ("COERCE", None, ("political",)),
    "arrest": ("COERCE", "arrest", ("legal",)),
    "charge": ("COERCE", "arrest", ("legal",)),
    "conviction": ("COERCE", "arrest", ("legal",)),
    "extradition": ("COOPERATE", None, ("legal",)),
    "release": ("RETREAT", "release", ("legal",)),
    "expulsion": ("SANCTION", "expel", ("diplomatic",)),
    "sanction": ("SANCTION", None, ("diplomatic",)),
    "diplomatic_measure": ("SANCTION", "withdraw", ("diplomatic",)),
    "investigation": ("ACCUSE", None, ("legal",)),
}
QUAD_CODE = {"COOPERATE": 2, "RETREAT": 2, "ACCUSE": 3, "THREATEN": 3}  # others: 4 material conflict
SECTOR = {
    "state": "GOV",
    "ministry": "GOV",
    "agency": "SPY",
    "unit": "MIL",
    "police": "COP",
    "court": "JUD",
    "group": "SOC",
}
CODEBOOK = "plover-base (plotwatch mapping 1)"


def alpha3(code: str | None) -> str | None:
    """ISO alpha-3 of an alpha-2 code; "EU" → "IGO" (PLOVER's non-state code)."""
    if not code:
        return None
    if code == "EU":
        return "IGO"
    country = countries.lookup(code)
    return country.alpha_3 if country else None


def actor_object(actor: dict[str, Any], incident: dict[str, Any]) -> dict[str, Any]:
    """A PLOVER actor object for one plotwatch actor."""
    kind = actor.get("kind") or "unknown"
    country = actor.get("country")
    if country is None and kind in SECTOR and actor.get("role") in ("perpetrator", "sponsor"):
        country = incident.get("agent_state")
    return {
        "code": alpha3(country),
        "country": country,
        "sector": SECTOR.get(kind),
        "actor_text": actor.get("name"),
        "identifier_id": actor_entity_id(actor),
        "identifier_text": actor.get("name"),
        "role": actor.get("role"),
    }


def event(incident: dict[str, Any], bundle: Bundle) -> dict[str, Any]:
    """The PLOVER-style record of one incident."""
    event_type, mode, contexts = EVENT_MAP.get(incident["type"], ("COERCE", None, ()))
    if incident.get("historical"):
        contexts = (*contexts, "historical")
    date, loc = incident.get("date") or {}, incident.get("location") or {}
    actors = incident.get("actors") or []
    hostile = incident["type"] in HOSTILE_TYPES
    agents = ("perpetrator", "sponsor") if hostile else ("responder", "perpetrator", "sponsor")
    mentions = incident.get("mentions") or []
    cites = []
    for aid in dict.fromkeys(m.get("article_id") for m in mentions if m.get("article_id")):
        art = bundle.articles.get(aid)
        cite = {
            "citation": aid,
            "url": None,
            "title": None,
            "publication": None,
            "date": None,
            "language": None,
        }
        if art:
            cite.update(
                url=art.url,
                title=art.title,
                publication=art.outlet,
                date=art.published,
                language=art.language,
            )
        cites.append(cite)
    return {
        "id": incident["id"],
        "date": date.get("start"),
        "date_precision": date.get("precision"),
        "event_type": event_type,
        "mode": mode,
        "context": list(contexts),
        "quad_code": QUAD_CODE.get(event_type, 4),
        "actor": [actor_object(a, incident) for a in actors if a.get("role") in agents],
        "recipient": [actor_object(a, incident) for a in actors if a.get("role") in ("target", "victim")],
        "event_loc": {
            "name": loc.get("place"),
            "latitude": loc.get("lat"),
            "longitude": loc.get("lon"),
            "country code": loc.get("country"),
            "cc3": alpha3(loc.get("country")),
            "precision": loc.get("precision"),
        },
        "event_text": [m.get("quote") for m in mentions],
        "cite_info": cites,
        "coder": "plotwatch",
        "codebook": CODEBOOK,
        "x_plotwatch": {
            "type": incident["type"],
            "status": incident.get("status"),
            "agent_state": incident.get("agent_state"),
            "credibility": incident.get("credibility"),
            "corroboration": incident.get("corroboration"),
            "instruments": [a["name"] for a in actors if a.get("role") == "instrument"],
        },
    }


class PloverExporter(BundleExporter):
    """One PLOVER-style event per line (JSON Lines)."""

    name = "plover"
    extension = "jsonl"
    media_type = "application/x-ndjson"

    def render(self, bundle: Bundle) -> None:
        for incident in bundle.incidents:
            self.fh.write(json.dumps(event(incident, bundle), ensure_ascii=False, allow_nan=False) + "\n")
