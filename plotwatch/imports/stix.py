"""Reading a STIX 2.1 bundle (OpenCTI, MISP, or plotwatch's own ``--format stix``).

=====================  ======================================================================
STIX                   plotwatch
=====================  ======================================================================
identity               the creator of a report → an outlet (grade ``x_plotwatch_reliability``,
                       else F); plotwatch's own "system" identity → nothing; any other → entity
                       (individual → person, group → group, else organization)
threat-actor,          entity (kind ``x_plotwatch_kind``, else person for OpenCTI individuals,
intrusion-set,         group for intrusion sets, campaign for campaigns, else organization),
campaign               with its aliases
incident               incident: ``x_plotwatch_*`` fields when present; a foreign incident gets
                       a type guessed from its name/description (default cyberattack), its
                       first_seen as date, actors from its relationships (attributed-to →
                       perpetrator, targets → target), location from located-at/related-to
location               the incident's country/place/coordinates; an entity's country
report                 an article (id ``x_plotwatch_article_id``, else its first external id,
                       else its STIX id), outlet = its creator; evidence of the incidents it
                       contains (``x_plotwatch_mentions`` quotes, else the incident's
                       description or name)
relationship           between entities → relation (type ``x_plotwatch_relation``, else the
                       relationship type with ``-`` → ``_``); derived ones are not re-imported
=====================  ======================================================================

Other STIX 2.1 types (markings, indicators, malware, observables…) are counted as skipped; an
object type STIX 2.1 does not define is an :class:`~plotwatch.errors.InputError`.
"""

from __future__ import annotations

import json
import re
import uuid
from collections import Counter
from pathlib import Path
from typing import Any

from plotwatch.errors import InputError
from plotwatch.imports.records import (
    ImpActor,
    ImpArticle,
    ImpEntity,
    ImpIncident,
    ImpMention,
    ImpOutlet,
    ImpRelation,
    Parsed,
)
from plotwatch.types import EVENT_TYPES, HOSTILE_TYPES

IMPORTED = {
    "identity",
    "threat-actor",
    "intrusion-set",
    "campaign",
    "incident",
    "location",
    "report",
    "relationship",
}
KNOWN = IMPORTED | {
    "attack-pattern",
    "course-of-action",
    "grouping",
    "indicator",
    "infrastructure",
    "malware",
    "malware-analysis",
    "note",
    "observed-data",
    "opinion",
    "tool",
    "vulnerability",
    "sighting",
    "marking-definition",
    "extension-definition",
    "language-content",
    "artifact",
    "autonomous-system",
    "directory",
    "domain-name",
    "email-addr",
    "email-message",
    "file",
    "ipv4-addr",
    "ipv6-addr",
    "mac-addr",
    "mutex",
    "network-traffic",
    "process",
    "software",
    "url",
    "user-account",
    "windows-registry-key",
    "x509-certificate",
}
TYPE_WORDS = [
    (r"bomb|explos|ied\b", "bombing"),
    (r"assassinat|murder|killing|poison|shoot", "assassination"),
    (r"kidnap|abduct|rendition", "kidnapping"),
    (r"surveil|spying|espionage", "surveillance"),
    (r"threat|harass|intimidat|coerc", "intimidation"),
    (r"disinformation|propaganda|influence", "influence_operation"),
    (r"arrest|detain", "arrest"),
    (r"sanction|designat", "sanction"),
]
ROLE_BY_RELATIONSHIP = {"attributed-to": "perpetrator", "uses": "perpetrator", "targets": "target"}
IDENTITY_KIND = {"individual": "person", "group": "group", "unknown": "unknown"}


def _load(path: Path) -> list[dict[str, Any]]:
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"cannot read: {exc}") from None
    except json.JSONDecodeError as exc:
        raise InputError(str(path), f"not JSON: {exc}") from None
    if (
        not isinstance(doc, dict)
        or doc.get("type") != "bundle"
        or not isinstance(doc.get("objects", []), list)
    ):
        raise InputError(str(path), "not a STIX bundle (expected an object with type 'bundle' and 'objects')")
    objects = doc.get("objects", [])
    for i, obj in enumerate(objects):
        if (
            not isinstance(obj, dict)
            or not isinstance(obj.get("type"), str)
            or not isinstance(obj.get("id"), str)
        ):
            raise InputError(str(path), f"object {i}: every STIX object needs a string 'type' and 'id'")
        if obj["type"] not in KNOWN:
            raise InputError(str(path), f"object {obj['id']}: unknown STIX object type {obj['type']!r}")
        if not obj["id"].startswith(obj["type"] + "--"):
            raise InputError(str(path), f"object {i}: id {obj['id']!r} does not match its type")
    return objects


def _entity_id(obj: dict[str, Any]) -> str:
    return str(obj.get("x_plotwatch_id") or obj["id"])[:120]


def _incident_id(obj: dict[str, Any]) -> str:
    if obj.get("x_plotwatch_id"):
        return str(obj["x_plotwatch_id"])[:40]
    return "stix-" + uuid.UUID(obj["id"].split("--", 1)[1]).hex


def _guess_type(obj: dict[str, Any]) -> str:
    text = " ".join(str(obj.get(k) or "") for k in ("name", "description", "incident_type")).lower()
    text += " " + " ".join(obj.get("labels") or [])
    return next((t for pattern, t in TYPE_WORDS if re.search(pattern, text)), "cyberattack")


class StixReader:
    """Turns the objects of one bundle into :class:`Parsed` records."""

    def __init__(self, path: Path, objects: list[dict[str, Any]], feed_name: str | None) -> None:
        self.path = path
        self.by_id = {o["id"]: o for o in objects}
        self.objects = objects
        self.report_creators = {o.get("created_by_ref") for o in objects if o["type"] == "report"} - {None}
        creators = Counter(o.get("created_by_ref") for o in objects if o["type"] != "report")
        creators.pop(None, None)
        top = self.by_id.get(creators.most_common(1)[0][0]) if creators else None
        name = feed_name or (top.get("name") if top else None) or "STIX import"
        self.parsed = Parsed("import:stix", ImpOutlet(str(name)))
        self.entities: dict[str, ImpEntity] = {}  # STIX id → entity

    def read(self) -> Parsed:
        for obj in self.objects:
            t = obj["type"]
            if t == "identity":
                self._identity(obj)
            elif t in ("threat-actor", "intrusion-set", "campaign"):
                self._entity(obj, {"intrusion-set": "group", "campaign": "campaign"}.get(t, "organization"))
            elif t not in IMPORTED:
                self.parsed.skipped[t] += 1
        self._countries()
        reports = [o for o in self.objects if o["type"] == "report"]
        for obj in self.objects:
            if obj["type"] == "incident":
                self._incident(obj, [r for r in reports if obj["id"] in (r.get("object_refs") or [])])
        for obj in self.objects:
            if obj["type"] == "relationship":
                self._relation(obj, reports)
        self.parsed.entities = list(self.entities.values())
        return self.parsed

    def _identity(self, obj: dict[str, Any]) -> None:
        if obj["id"] in self.report_creators:
            self.parsed.outlets.append(
                ImpOutlet(
                    obj.get("name") or obj["id"],
                    obj.get("x_plotwatch_reliability") or "F",
                    obj.get("x_plotwatch_source_kind"),
                    obj.get("x_plotwatch_source_family"),
                    obj.get("x_plotwatch_domain"),
                )
            )
        elif obj.get("identity_class") == "system" and obj.get("name") == "plotwatch":
            return
        else:
            self._entity(obj, IDENTITY_KIND.get(obj.get("identity_class") or "", "organization"))

    def _entity(self, obj: dict[str, Any], kind: str) -> None:
        if obj.get("x_opencti_type") == "Threat-Actor-Individual":
            kind = "person"
        aliases = list(
            obj.get("aliases") or obj.get("x_plotwatch_aliases") or obj.get("x_opencti_aliases") or []
        )
        name = obj.get("name") or obj["id"]
        self.entities[obj["id"]] = ImpEntity(
            _entity_id(obj), name, obj.get("x_plotwatch_kind") or kind, None, aliases
        )

    def _countries(self) -> None:
        for rel in self.objects:
            if rel["type"] == "relationship" and rel.get("relationship_type") == "located-at":
                ent = self.entities.get(rel.get("source_ref") or "")
                loc = self.by_id.get(rel.get("target_ref") or "") or {}
                if ent is not None and ent.country is None and loc.get("type") == "location":
                    ent.country = loc.get("country") or ("EU" if loc.get("region") == "europe" else None)

    def _incident(self, obj: dict[str, Any], reports: list[dict[str, Any]]) -> None:
        given = obj.get("x_plotwatch_type")
        inc_type = str(given) if given in EVENT_TYPES else _guess_type(obj)
        date = (obj.get("x_plotwatch_date") or {}).get("start") or (obj.get("first_seen") or "")[:10] or None
        inc = ImpIncident(
            _incident_id(obj),
            inc_type,
            obj.get("x_plotwatch_status"),
            date,
            agent_state=obj.get("x_plotwatch_agent_state"),
            historical=bool(obj.get("x_plotwatch_historical")),
        )
        if inc.status is None and inc_type in HOSTILE_TYPES and "x_plotwatch_type" not in obj:
            inc.status = "executed"
        for rel in self.objects:
            if rel["type"] != "relationship" or rel.get("source_ref") != obj["id"]:
                continue
            target = self.by_id.get(rel.get("target_ref") or "") or {}
            if target.get("type") == "location":
                self._locate(inc, target, obj.get("x_plotwatch_location_precision"))
            elif rel.get("target_ref") in self.entities:
                role = rel.get("x_plotwatch_role") or ROLE_BY_RELATIONSHIP.get(
                    rel.get("relationship_type") or ""
                )
                if role == "perpetrator" and inc_type not in HOSTILE_TYPES:
                    role = "responder"
                if role:
                    ent = self.entities[rel["target_ref"]]
                    inc.actors.append(ImpActor(ent.id, ent.name, role, ent.kind, ent.country))
        for name in obj.get("x_plotwatch_instruments") or []:
            from plotwatch.store.db import entity_id_for
            from plotwatch.types import ActorMention

            eid = entity_id_for(ActorMention(name, "instrument", kind="weapon"))
            self.entities.setdefault(f"instrument:{name}", ImpEntity(eid, name, "weapon"))
            inc.actors.append(ImpActor(eid, name, "instrument", "weapon"))
        self._evidence(obj, inc, reports)
        self.parsed.incidents.append(inc)

    def _locate(self, inc: ImpIncident, loc: dict[str, Any], precision: str | None) -> None:
        inc.country = loc.get("country") or ("EU" if loc.get("region") == "europe" else inc.country)
        inc.place = loc.get("city") or inc.place
        inc.lat, inc.lon = loc.get("latitude", inc.lat), loc.get("longitude", inc.lon)
        inc.place_precision = precision or ("place" if inc.place or inc.lat is not None else "country")

    def _article(self, report: dict[str, Any]) -> ImpArticle:
        refs = report.get("external_references") or [{}]
        creator = self.by_id.get(report.get("created_by_ref") or "") or {}
        aid = report.get("x_plotwatch_article_id") or refs[0].get("external_id") or report["id"]
        art = ImpArticle(
            str(aid),
            creator.get("name") or self.parsed.feed.name,
            report.get("name"),
            refs[0].get("url"),
            (report.get("published") or "")[:10] or None,
            report.get("x_plotwatch_author"),
            report.get("lang"),
        )
        if all(a.id != art.id for a in self.parsed.articles):
            self.parsed.articles.append(art)
        return art

    def _evidence(self, obj: dict[str, Any], inc: ImpIncident, reports: list[dict[str, Any]]) -> None:
        articles = {a.id: a for a in (self._article(r) for r in reports)}
        per_field = {}
        for c in obj.get("x_plotwatch_contradictions") or []:
            for v in c.get("values") or []:
                for aid in v.get("article_ids") or []:
                    per_field[(c.get("field"), aid)] = v.get("value")
        for m in obj.get("x_plotwatch_mentions") or []:
            aid = m.get("article_id")
            if aid in articles and isinstance(m.get("quote"), str):
                inc.mentions.append(
                    ImpMention(
                        aid,
                        m["quote"],
                        int(m.get("start", 0)),
                        int(m.get("end", len(m["quote"]))),
                        m.get("trigger") or "",
                        per_field.get(("location.country", aid)),
                        per_field.get(("date", aid)),
                    )
                )
        if inc.mentions:
            return
        quote = obj.get("description") or obj.get("name") or inc.type
        if not articles:  # a placeholder article: the feed itself vouches for the incident
            placeholder = ImpArticle(f"stix:{obj['id']}", self.parsed.feed.name, obj.get("name"))
            self.parsed.articles.append(placeholder)
            articles[placeholder.id] = placeholder
        for aid in articles:
            inc.mentions.append(ImpMention(aid, quote, 0, len(quote)))

    def _relation(self, rel: dict[str, Any], reports: list[dict[str, Any]]) -> None:
        src, tgt = (
            self.entities.get(rel.get("source_ref") or ""),
            self.entities.get(rel.get("target_ref") or ""),
        )
        if src is None or tgt is None or "x_plotwatch_incident_ids" in rel:
            return
        rtype = rel.get("x_plotwatch_relation") or str(rel.get("relationship_type") or "related-to").replace(
            "-", "_"
        )
        evidence = next((r for r in reports if rel["id"] in (r.get("object_refs") or [])), None)
        article_id = self._article(evidence).id if evidence else None
        self.parsed.relations.append(ImpRelation(src.id, tgt.id, rtype, article_id, rel.get("description")))


def read_stix(path: Path, feed_name: str | None = None) -> Parsed:
    """Parse a STIX 2.1 bundle file; :class:`InputError` names the file and the problem."""
    return StixReader(path, _load(path), feed_name).read()
