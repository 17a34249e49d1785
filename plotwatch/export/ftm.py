"""FollowTheMoney: entities for Aleph, OpenSanctions and the ``ftm`` tools (``--format ftm``).

One FtM entity per line (``{"id", "schema", "properties"}``), built with
``followthemoney.model.make_entity`` and ids from ``make_id("plotwatch", …)`` over plotwatch
ids, so the same database gives the same ids. ``ftm validate``/``ftm aggregate`` read it.

=================  =====================================================================
plotwatch          FollowTheMoney
=================  =====================================================================
person             ``Person`` (name, alias, nationality)
state, agency,     ``PublicBody`` (name, alias, country)
ministry, unit,
police, court
group,             ``Organization``
organization
other kinds        ``LegalEntity``; weapons are not entities (Event ``keywords``)
incident           ``Event`` (name, date, country, location, summary = first quote,
                   keywords = type and status, organizer = perpetrators/sponsors/
                   responders, involved = every actor, recordId = incident id,
                   sourceUrl/publisher of the articles, addressEntity)
place              ``Address`` (full, city, country, latitude, longitude)
sanction incident  also one ``Sanction`` per target (entity, authority = responders,
                   country, startDate, reason = first quote); the target gets topic
                   ``sanction``
member_of          ``Membership`` (member → organization)
employed_by        ``Employment`` (employee → employer)
other relations    ``UnknownLink`` (subject → object, role = the relation type)
article            ``Article`` (title, sourceUrl, publishedAt, publisher, author), linked to
                   each incident it reports by ``Documentation`` (summary = the quotes)
=================  =====================================================================
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from plotwatch.export.bundle import Bundle, EntityInfo, actor_entity_id
from plotwatch.export.common import BundleExporter
from plotwatch.types import HOSTILE_TYPES

if TYPE_CHECKING:  # followthemoney loads only when this format is written
    from followthemoney.proxy import EntityProxy

SCHEMA_BY_KIND = {
    "person": "Person",
    "state": "PublicBody",
    "agency": "PublicBody",
    "ministry": "PublicBody",
    "unit": "PublicBody",
    "police": "PublicBody",
    "court": "PublicBody",
    "group": "Organization",
    "organization": "Organization",
}
SKIPPED_KINDS = frozenset({"weapon", "campaign"})
RELATION_SCHEMA = {
    "member_of": ("Membership", "member", "organization"),
    "employed_by": ("Employment", "employee", "employer"),
}


def make(schema: str, *key: str) -> EntityProxy:
    """An empty entity of ``schema`` with the deterministic id ``make_id("plotwatch", *key)``."""
    from followthemoney import model

    proxy = model.make_entity(schema)
    proxy.make_id("plotwatch", *key)
    return proxy


def incident_name(inc: dict[str, Any]) -> str:
    """ "bombing (foiled) in Villepinte, FR, 2018-06-30": a readable label for an incident."""
    loc, date = inc.get("location") or {}, inc.get("date") or {}
    where = ", ".join(x for x in (loc.get("place"), loc.get("country")) if x)
    name = inc["type"] + (f" ({inc['status']})" if inc.get("status") else "")
    return name + (f" in {where}" if where else "") + (f", {date['start']}" if date.get("start") else "")


class FtmBuilder:
    """Turns a :class:`Bundle` into FtM entity proxies keyed by id."""

    def __init__(self, bundle: Bundle) -> None:
        self.bundle = bundle
        self.proxies: dict[str, EntityProxy] = {}
        self.ids: dict[str, str] = {}  # plotwatch entity id → FtM id

    def _put(self, proxy: EntityProxy) -> str:
        if proxy.id in self.proxies:
            self.proxies[proxy.id].merge(proxy)
        else:
            self.proxies[str(proxy.id)] = proxy
        return str(proxy.id)

    def build(self) -> list[EntityProxy]:
        for ent in self.bundle.entities.values():
            self.entity(ent)
        for inc in self.bundle.incidents:
            self.incident(inc)
        for rel in self.bundle.relations:
            self.relation(rel.source, rel.target, rel.type, rel.article_id, rel.quote)
        return [self.proxies[k] for k in sorted(self.proxies)]

    def entity(self, ent: EntityInfo) -> str | None:
        if ent.kind in SKIPPED_KINDS:
            return None
        proxy = make(SCHEMA_BY_KIND.get(ent.kind, "LegalEntity"), "entity", ent.id)
        proxy.add("name", ent.name)
        proxy.add("alias", list(ent.aliases))
        if ent.country:
            proxy.add("nationality" if proxy.schema.name == "Person" else "country", ent.country.lower())
        self.ids[ent.id] = self._put(proxy)
        return self.ids[ent.id]

    def _article(self, article_id: str) -> str:
        art = self.bundle.articles.get(article_id)
        proxy = make("Article", "article", article_id)
        proxy.add("title", (art.title if art else None) or article_id)
        proxy.add("fileName", article_id)
        if art:
            proxy.add("sourceUrl", art.url)
            proxy.add("publishedAt", art.published)
            proxy.add("publisher", art.outlet)
            proxy.add("author", art.author)
        return self._put(proxy)

    def _address(self, loc: dict[str, Any]) -> str | None:
        if not loc.get("place") and loc.get("lat") is None:
            return None
        key = [str(loc.get(k)) for k in ("country", "place", "lat", "lon")]
        proxy = make("Address", "address", *key)
        proxy.add("full", ", ".join(x for x in (loc.get("place"), loc.get("country")) if x))
        proxy.add("city", loc.get("place"))
        proxy.add("country", (loc.get("country") or "").lower() or None)
        for prop, key_ in (("latitude", "lat"), ("longitude", "lon")):
            if loc.get(key_) is not None:
                proxy.add(prop, str(loc[key_]))
        return self._put(proxy)

    def incident(self, inc: dict[str, Any]) -> None:
        loc, date = inc.get("location") or {}, inc.get("date") or {}
        mentions = inc.get("mentions") or []
        event = make("Event", "incident", inc["id"])
        event.add("name", incident_name(inc))
        event.add("recordId", inc["id"])
        event.add("date", date.get("start"))
        event.add("country", (loc.get("country") or "").lower() or None)
        event.add("location", loc.get("place"))
        event.add("summary", mentions[0].get("quote") if mentions else None)
        event.add("keywords", [inc["type"], inc.get("status")])
        event.add("addressEntity", self._address(loc))
        actors = inc.get("actors") or []
        event.add("keywords", [f"instrument: {a['name']}" for a in actors if a.get("role") == "instrument"])
        hostile = inc["type"] in HOSTILE_TYPES
        agents = {"perpetrator", "sponsor"} if hostile else {"responder", "perpetrator", "sponsor"}
        for a in actors:
            fid = self.ids.get(actor_entity_id(a))
            if fid is None:
                continue
            event.add("involved", fid)
            if a.get("role") in agents:
                event.add("organizer", fid)
        articles = list(dict.fromkeys(m.get("article_id") for m in mentions if m.get("article_id")))
        for aid in articles:
            art = self.bundle.articles.get(aid)
            if art:
                event.add("sourceUrl", art.url)
                event.add("publisher", art.outlet)
            doc = make("Documentation", "documentation", aid, inc["id"])
            doc.add("document", self._article(aid))
            doc.add("entity", event.id)
            doc.add("role", "evidence")
            doc.add("summary", [m.get("quote") for m in mentions if m.get("article_id") == aid])
            self._put(doc)
        self._put(event)
        if inc["type"] == "sanction":
            self._sanctions(inc, actors, event)

    def _sanctions(self, inc: dict[str, Any], actors: list[dict[str, Any]], event: EntityProxy) -> None:
        authority = [a["name"] for a in actors if a.get("role") in ("responder", "perpetrator", "sponsor")]
        for a in actors:
            fid = self.ids.get(actor_entity_id(a))
            if fid is None or a.get("role") not in ("target", "victim"):
                continue
            sanction = make("Sanction", "sanction", inc["id"], fid)
            sanction.add("entity", fid)
            sanction.add("authority", authority or inc.get("agent_state"))
            sanction.add("country", ((inc.get("location") or {}).get("country") or "").lower() or None)
            sanction.add("startDate", (inc.get("date") or {}).get("start"))
            sanction.add("reason", event.get("summary"))
            sanction.add("sourceUrl", event.get("sourceUrl"))
            sanction.add("recordId", inc["id"])
            self._put(sanction)
            self.proxies[fid].add("topics", "sanction")

    def relation(
        self, source: str, target: str, rtype: str, article_id: str | None, quote: str | None
    ) -> None:
        src, tgt = self.ids.get(source), self.ids.get(target)
        if src is None or tgt is None:
            return
        from followthemoney import model

        schema_name, src_prop, tgt_prop = RELATION_SCHEMA.get(rtype, ("UnknownLink", "subject", "object"))
        schema = model.get(schema_name)
        target_schema = self.proxies[tgt].schema
        if schema is None or not target_schema.is_a(schema.get(tgt_prop).range):  # type: ignore[union-attr]
            schema_name, src_prop, tgt_prop = "UnknownLink", "subject", "object"
        link = make(schema_name, "relation", source, rtype, target)
        link.add(src_prop, src)
        link.add(tgt_prop, tgt)
        link.add("role", rtype.replace("_", " "))
        link.add("summary", quote)
        if article_id:
            art = self.bundle.articles.get(article_id)
            link.add("sourceUrl", art.url if art else None)
        self._put(link)


class FtmExporter(BundleExporter):
    """FollowTheMoney entities as JSON lines (sorted by id)."""

    name = "ftm"
    extension = "ftm.json"
    media_type = "application/x-ndjson"

    def render(self, bundle: Bundle) -> None:
        for proxy in FtmBuilder(bundle).build():
            self.fh.write(json.dumps(proxy.to_dict(), sort_keys=True, ensure_ascii=False) + "\n")
