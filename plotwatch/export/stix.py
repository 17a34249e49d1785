"""STIX 2.1: one bundle for OpenCTI, MISP and other threat-intelligence platforms (``--format stix``).

Built with the ``stix2`` library and valid under ``stix2-validator`` strict mode. Outlets →
``identity`` (organization); perpetrators and sponsors of hostile acts → ``threat-actor``
(``threat_actor_types``, ``roles`` agent/sponsor/director); other entities → ``identity``;
incidents → ``incident`` with ``x_plotwatch_*`` properties declared by an
``extension-definition``; places → ``location``; articles → ``report`` (creator = outlet,
``published``, URL, ``object_refs``, ``confidence``); roles → ``relationship`` (``related-to``
+ ``x_plotwatch_role`` from incidents, the only strictly valid type; threat-actor ``targets``
identity; ``located-at``; relations with ``x_plotwatch_relation``); campaigns (``plotwatch
campaigns``: a sponsor state against a target) → ``campaign`` that ``targets`` the target's
identity, each member incident ``related-to`` it. The full mapping is in
``docs/export-formats.md``.

Ids are UUIDv5 of plotwatch ids (stamped v4); ``created``/``modified`` are the bundle's
:meth:`~plotwatch.export.bundle.Bundle.as_of`, so the same database exports identically.
Admiralty credibility ↔ confidence follows ``stix2.confidence.scales``.
"""

from __future__ import annotations

import uuid
from typing import Any

from plotwatch import countries
from plotwatch.export.bundle import Bundle, EntityInfo, actor_entity_id
from plotwatch.export.common import BundleExporter
from plotwatch.types import HOSTILE_TYPES

NAMESPACE = uuid.UUID("6f1c1b6e-2f55-5d0a-9c1e-70a0c0a7e5a1")
EXTENSION_ID = "extension-definition--6f1c1b6e-2f55-4d0a-9c1e-70a0c0a7e5a1"
EXTENSION_VERSION = "1.0.0"
EXTENSION_SCHEMA = (
    "plotwatch docs/export-formats.md, section 'stix': the x_plotwatch_* properties of incidents "
    "(type, status, date, agent_state, credibility, corroboration, mentions, contradictions, "
    "instruments), entities (id, kind, aliases), outlets (reliability, source kind, family) and "
    "relationships (role, relation)."
)
_NAMES = "agent_state aliases article_id author contradictions corroboration credibility date domain"
_NAMES += " historical id incident_ids instruments kind location_precision mentions relation reliability"
EXTENSION_PROPERTIES = tuple(
    f"x_plotwatch_{n}" for n in f"{_NAMES} review role source_family source_kind status type".split(" ")
)
ADMIRALTY = {
    1: "1 - Confirmed by other sources",
    2: "2 - Probably True",
    3: "3 - Possibly True",
    4: "4 - Doubtful",
    5: "5 - Improbable",
    6: "6 - Truth cannot be judged",
}
STATE_KINDS = frozenset({"state", "agency", "ministry", "unit", "police", "court"})
INCIDENT_ROLES = ("perpetrator", "sponsor", "responder", "target", "victim")
# plotwatch relation types with a STIX 2.1 suggested equivalent for (source type, relation type);
# every other relation is "related-to" + x_plotwatch_relation (custom relationship types are
# not "suggested" and fail strict validation)
STANDARD_RELATIONS = {
    ("campaign", "attributed_to"): "attributed-to",
    ("threat-actor", "attributed_to"): "attributed-to",
    ("threat-actor", "impersonates"): "impersonates",
    ("threat-actor", "targets"): "targets",
}
SUGGESTED_TARGETS = {
    "attributed-to": ("identity", "threat-actor", "intrusion-set"),
    "impersonates": ("identity",),
    "targets": ("identity", "location"),
}
IDENTITY_CLASS = {"person": "individual", "group": "group", "unknown": "unknown"}


def stix_id(kind: str, key: str) -> str:
    """A deterministic STIX id: ``kind--`` + UUIDv5(NAMESPACE, "kind:key") recast as version 4.

    STIX 2.1 says SDO ids SHOULD be UUIDv4 (strict validation checks the version nibble);
    the bits of a name-based hash are as good as random ones, so the v5 hash is stamped v4.
    """
    digest = uuid.uuid5(NAMESPACE, f"{kind}:{key}")
    return f"{kind}--{uuid.UUID(bytes=digest.bytes, version=4)}"


def credibility_to_confidence(cred: int | None) -> int | None:
    """Admiralty credibility 1–5 → STIX confidence; 6 or unknown → None (no confidence)."""
    from stix2.confidence.scales import admiralty_credibility_to_value

    if cred is None or cred == 6:
        return None
    return int(admiralty_credibility_to_value(ADMIRALTY[cred]))


def confidence_to_credibility(value: int | None) -> int:
    """STIX confidence 0–100 → Admiralty credibility 1–5; absent → 6 (cannot be judged)."""
    from stix2.confidence.scales import value_to_admiralty_credibility

    if value is None:
        return 6
    return int(str(value_to_admiralty_credibility(int(value)))[0])


def _relation_type(source: str, rtype: str, target: str) -> str:
    standard = STANDARD_RELATIONS.get((source.split("--")[0], rtype))
    if standard and target.split("--")[0] in SUGGESTED_TARGETS.get(standard, ()):
        return standard
    return "related-to"


def _clean(d: dict[str, Any]) -> dict[str, Any]:
    """Drop None and empty lists/dicts: STIX forbids empty values."""
    return {k: v for k, v in d.items() if v is not None and v != [] and v != {}}


class StixBuilder:
    """Turns a :class:`Bundle` into STIX objects (dicts of constructor arguments → stix2 objects)."""

    def __init__(self, bundle: Bundle) -> None:
        import stix2  # loads only when this format is written

        self.v21: Any = stix2.v21
        self.bundle = bundle
        self.ts = bundle.as_of()
        self.author = stix_id("identity", "plotwatch")
        self.objects: dict[str, Any] = {}
        self.in_article: dict[str, set[str]] = {}  # article id → object ids it supports
        self.roles = self._roles()
        self.target_links: dict[tuple[str, str], list[str]] = {}

    def _roles(self) -> dict[str, set[str]]:
        """entity id → its roles across incidents ("state-agent" when it acts for an agent state)."""
        roles: dict[str, set[str]] = {}
        for inc in self.bundle.incidents:
            for a in inc.get("actors") or []:
                if inc.get("agent_state"):
                    roles.setdefault(actor_entity_id(a), set()).add("state-agent")
                role = a.get("role") or ""
                if inc.get("type") not in HOSTILE_TYPES and role in ("perpetrator", "sponsor"):
                    role = "responder"
                roles.setdefault(actor_entity_id(a), set()).add(role)
        return roles

    def _add(self, cls: Any, **kw: Any) -> str:
        kw = _clean(kw)
        custom = {k: kw.pop(k) for k in list(kw) if k.startswith("x_")}
        if kw["id"] not in self.objects:
            base: dict[str, Any] = {"created": self.ts, "modified": self.ts}
            if kw["id"] != self.author and "created_by_ref" not in kw:
                base["created_by_ref"] = self.author
            if custom:
                base["extensions"] = {EXTENSION_ID: {"extension_type": "toplevel-property-extension"}}
            self.objects[kw["id"]] = cls(**{**base, **kw}, custom_properties=custom)
        return str(kw["id"])

    def build(self) -> list[Any]:
        self._add(self.v21.Identity, id=self.author, name="plotwatch", identity_class="system")
        self._add(
            self.v21.ExtensionDefinition,
            id=EXTENSION_ID,
            name="plotwatch properties",
            description="plotwatch's incident fields, evidence and source grading as x_plotwatch_* "
            "top-level properties.",
            schema=EXTENSION_SCHEMA,
            version=EXTENSION_VERSION,
            extension_types=["toplevel-property-extension"],
            extension_properties=list(EXTENSION_PROPERTIES),
        )
        for ent in self.bundle.entities.values():
            self.entity(ent)
        for inc in self.bundle.incidents:
            self.incident(inc)
        self._finish_targets()
        for rel in self.bundle.relations:
            self.relation(rel.source, rel.target, rel.type, rel.article_id, rel.quote)
        for art in self.bundle.articles.values():
            self.report(art.id)
        return [self.objects[k] for k in sorted(self.objects)]

    def entity(self, ent: EntityInfo) -> str | None:
        if ent.kind == "weapon":
            return None
        roles = self.roles.get(ent.id, set())
        common: dict[str, Any] = {"name": ent.name, "x_plotwatch_id": ent.id, "x_plotwatch_kind": ent.kind}
        if ent.kind == "campaign":
            oid = self._add(
                self.v21.Campaign, id=stix_id("campaign", ent.id), aliases=list(ent.aliases), **common
            )
        elif roles & {"perpetrator", "sponsor"}:
            statey = ent.kind in STATE_KINDS or "state-agent" in roles
            ta_roles = sorted(
                ({"agent"} if "perpetrator" in roles else set())
                | ({"director" if ent.kind == "person" else "sponsor"} if "sponsor" in roles else set())
            )
            oid = self._add(
                self.v21.ThreatActor,
                id=stix_id("threat-actor", ent.id),
                threat_actor_types=["nation-state" if statey else "unknown"],
                roles=ta_roles,
                aliases=list(ent.aliases),
                **common,
            )
        else:
            oid = self._add(
                self.v21.Identity,
                id=stix_id("identity", ent.id),
                identity_class=IDENTITY_CLASS.get(ent.kind, "organization"),
                x_plotwatch_aliases=list(ent.aliases),
                **common,
            )
        if ent.country:
            self._located(oid, self.location(ent.country))
        return oid

    def entity_ref(self, eid: str) -> str | None:
        ent = self.bundle.entities.get(eid)
        return self.entity(ent) if ent else None

    def location(
        self, country: str | None, place: str | None = None, lat: Any = None, lon: Any = None
    ) -> str:
        if place is None and lat is None:
            key = f"country:{country}"
            loc: dict[str, Any] = {"name": countries.name(country or "")}
            loc.update({"region": "europe"} if country == "EU" else {"country": country})
        else:
            key = f"place:{country}:{place}:{lat}:{lon}"
            loc = {"name": place or f"{lat}, {lon}", "city": place, "latitude": lat, "longitude": lon}
            loc.update({"region": "europe"} if country == "EU" or not country else {"country": country})
        return self._add(self.v21.Location, id=stix_id("location", key), **loc)

    def _located(self, source: str, target: str) -> str:
        rid = stix_id("relationship", f"{source}|located-at|{target}")
        return self._add(
            self.v21.Relationship,
            id=rid,
            relationship_type="located-at",
            source_ref=source,
            target_ref=target,
        )

    def _related(self, source: str, target: str, role: str) -> str:
        """incident ``related-to`` actor or location: STIX suggests no other type for incidents."""
        return self._add(
            self.v21.Relationship,
            id=stix_id("relationship", f"{source}|{role}|{target}"),
            relationship_type="related-to",
            source_ref=source,
            target_ref=target,
            x_plotwatch_role=role,
        )

    def _targets(self, source: str, target: str, incident_id: str) -> str:
        """threat-actor ``targets`` identity, made once per pair after all incidents are seen."""
        ids = self.target_links.setdefault((source, target), [])
        if incident_id not in ids:
            ids.append(incident_id)
        return stix_id("relationship", f"{source}|targets|{target}")

    def _finish_targets(self) -> None:
        for (source, target), ids in sorted(self.target_links.items()):
            self._add(
                self.v21.Relationship,
                id=stix_id("relationship", f"{source}|targets|{target}"),
                relationship_type="targets",
                source_ref=source,
                target_ref=target,
                x_plotwatch_incident_ids=ids,
            )

    def incident(self, inc: dict[str, Any]) -> str:
        loc = inc.get("location") or {}
        date = inc.get("date") or {}
        mentions = inc.get("mentions") or []
        where = ", ".join(x for x in (loc.get("place"), loc.get("country")) if x)
        name = " ".join(x for x in (inc["type"], inc.get("status") and f"({inc['status']})") if x)
        name += "".join(
            x for x in (where and f" in {where}", date.get("start") and f", {date['start']}") if x
        )
        actors = inc.get("actors") or []
        oid = self._add(
            self.v21.Incident,
            id=stix_id("incident", inc["id"]),
            name=name,
            description=mentions[0].get("quote") if mentions else None,
            confidence=credibility_to_confidence(inc.get("credibility")),
            external_references=[{"source_name": "plotwatch", "external_id": inc["id"]}],
            x_plotwatch_id=inc["id"],
            x_plotwatch_type=inc["type"],
            x_plotwatch_status=inc.get("status"),
            x_plotwatch_date=_clean(date) if date.get("start") else None,
            x_plotwatch_location_precision=loc.get("precision"),
            x_plotwatch_agent_state=inc.get("agent_state"),
            x_plotwatch_historical=inc.get("historical") or None,
            x_plotwatch_credibility=inc.get("credibility"),
            x_plotwatch_corroboration=inc.get("corroboration"),
            x_plotwatch_instruments=[a["name"] for a in actors if a.get("role") == "instrument"],
            x_plotwatch_mentions=[_clean(m) for m in mentions],
            x_plotwatch_contradictions=inc.get("contradictions"),
            x_plotwatch_review=inc.get("review"),
        )
        refs = {oid}
        if loc.get("country") or loc.get("lat") is not None:
            if loc.get("place") or loc.get("lat") is not None:
                lid = self.location(loc.get("country"), loc.get("place"), loc.get("lat"), loc.get("lon"))
            else:
                lid = self.location(loc["country"])
            refs |= {lid, self._related(oid, lid, "location")}
        by_role: dict[str, list[str]] = {}
        for a in actors:
            role = a.get("role") or ""
            target = self.entity_ref(actor_entity_id(a)) if role in INCIDENT_ROLES else None
            if target is not None:
                refs |= {target, self._related(oid, target, role)}
                by_role.setdefault(role, []).append(target)
        if inc["type"] in HOSTILE_TYPES:  # the standard threat-actor → identity "targets"
            for source in by_role.get("perpetrator", []) + by_role.get("sponsor", []):
                for target in by_role.get("target", []) + by_role.get("victim", []):
                    if source.startswith("threat-actor--") and target.startswith("identity--"):
                        refs.add(self._targets(source, target, inc["id"]))
        for camp in inc.get("campaigns") or []:
            cid = self.campaign(camp)
            refs |= {cid, self._related(oid, cid, "campaign")}
        for m in mentions:
            self.in_article.setdefault(m.get("article_id") or "", set()).update(refs)
        return oid

    def campaign(self, camp: dict[str, Any]) -> str:
        """A plotwatch campaign (sponsor state against a target) → ``campaign``, which
        ``targets`` the target's identity; incidents are ``related-to`` it."""
        cid = stix_id("campaign", f"plotwatch-campaign:{camp['id']}")
        if cid not in self.objects:
            self._add(
                self.v21.Campaign,
                id=cid,
                name=f"{camp['sponsor_state']} against {camp['target']}",
                objective=f"hostile acts sponsored by {countries.name(camp['sponsor_state'])} "
                f"against {camp['target']}",
                x_plotwatch_id=camp["id"],
                x_plotwatch_agent_state=camp["sponsor_state"],
                x_plotwatch_date={"start": camp.get("start"), "end": camp.get("end")},
            )
            target = self.entity_ref(camp["target_id"]) if camp.get("target_id") else None
            if target is not None and target.startswith(("identity--", "location--")):
                self._add(
                    self.v21.Relationship,
                    id=stix_id("relationship", f"{cid}|targets|{target}"),
                    relationship_type="targets",
                    source_ref=cid,
                    target_ref=target,
                )
        return cid

    def relation(
        self, source: str, target: str, rtype: str, article_id: str | None, quote: str | None
    ) -> None:
        src, tgt = self.entity_ref(source), self.entity_ref(target)
        if src is None or tgt is None:
            return
        rid = self._add(
            self.v21.Relationship,
            id=stix_id("relationship", f"{src}|{rtype}|{tgt}"),
            relationship_type=_relation_type(src, rtype, tgt),
            source_ref=src,
            target_ref=tgt,
            description=quote,
            x_plotwatch_relation=rtype,
        )
        if article_id:
            self.in_article.setdefault(article_id, set()).update({rid, src, tgt})

    def report(self, article_id: str) -> None:
        refs = self.in_article.get(article_id)
        if not refs:
            return
        art = self.bundle.articles[article_id]
        outlet = self.bundle.outlets.get(art.outlet) if art.outlet else None
        creator = None
        if art.outlet:
            creator = self._add(
                self.v21.Identity,
                id=stix_id("identity", f"outlet:{art.outlet}"),
                name=art.outlet,
                identity_class="organization",
                x_plotwatch_reliability=outlet.grade if outlet else "F",
                x_plotwatch_source_kind=outlet.kind if outlet else None,
                x_plotwatch_source_family=outlet.family if outlet else None,
                x_plotwatch_domain=outlet.domain if outlet else None,
            )
        self._add(
            self.v21.Report,
            id=stix_id("report", article_id),
            created_by_ref=creator,
            name=art.title or article_id,
            published=f"{art.published}T00:00:00Z" if art.published else self.ts,
            report_types=["threat-report"],
            object_refs=sorted(refs),
            confidence=credibility_to_confidence(self.bundle.article_credibility(article_id)),
            lang=art.language,
            external_references=[
                _clean(
                    {
                        "source_name": art.outlet or "article",
                        "url": art.url,
                        "external_id": article_id,
                        # the strict validator wants a hash with every URL: the stored text's
                        "hashes": {"SHA-256": art.text_sha256} if art.url and art.text_sha256 else None,
                    }
                )
            ],
            x_plotwatch_article_id=article_id,
            x_plotwatch_author=art.author,
            x_plotwatch_reliability=outlet.grade if outlet else None,
        )


def to_stix(bundle: Bundle) -> Any:
    """The STIX 2.1 bundle (a ``stix2.v21.Bundle``), its id derived from the ids it holds."""
    import stix2

    objects = StixBuilder(bundle).build()
    bundle_id = stix_id("bundle", "|".join(o.id for o in objects))
    return stix2.v21.Bundle(objects=objects, id=bundle_id, allow_custom=True)


class StixExporter(BundleExporter):
    """One pretty-printed STIX 2.1 bundle (JSON)."""

    name = "stix"
    extension = "json"
    media_type = "application/stix+json;version=2.1"

    def render(self, bundle: Bundle) -> None:
        self.fh.write(to_stix(bundle).serialize(pretty=True, ensure_ascii=False) + "\n")
