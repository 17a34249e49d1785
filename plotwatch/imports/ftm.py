"""Reading a FollowTheMoney entity stream (JSON lines), e.g. an OpenSanctions export.

==========================  ===============================================================
FtM                         plotwatch
==========================  ===============================================================
Person                      entity kind person
PublicBody                  entity kind agency
Organization, Company,      entity kind organization (LegalEntity: unknown)
LegalEntity
(names)                     ``name`` (the caption) + alias, weakAlias, previousName → aliases
(country)                   nationality, citizenship, country or jurisdiction (first)
Membership / Employment     relation member_of / employed_by
Directorship                relation director_of (director → organization)
Ownership, Associate,       relation owns, associate_of, family_of, represents; UnknownLink:
Family, Representation,     its role, else linked_to
UnknownLink
Sanction                    incident of type sanction: target = the sanctioned entity,
                            responder = the authority, country and date from the sanction,
                            evidence = a placeholder article ``ftm:<id>`` (the feed's outlet)
==========================  ===============================================================

Entity ids are ``ftm-<FtM id>``. Other schemata (Address, Documentation, Article, Event…) are
counted as skipped; a schema FtM does not define is an :class:`~plotwatch.errors.InputError`.
"""

from __future__ import annotations

import hashlib
import json
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

KIND_BY_SCHEMA = {
    "Person": "person",
    "PublicBody": "agency",
    "Organization": "organization",
    "Company": "organization",
    "LegalEntity": "unknown",
}
LINKS = {
    "Membership": ("member", "organization", "member_of"),
    "Employment": ("employee", "employer", "employed_by"),
    "Directorship": ("director", "organization", "director_of"),
    "Ownership": ("owner", "asset", "owns"),
    "Associate": ("person", "associate", "associate_of"),
    "Family": ("person", "relative", "family_of"),
    "Representation": ("agent", "client", "represents"),
    "UnknownLink": ("subject", "object", "linked_to"),
}


def _first(values: list[str]) -> str | None:
    return values[0] if values else None


def _load(path: Path) -> list[Any]:
    from followthemoney import model
    from followthemoney.exc import InvalidData

    proxies = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"cannot read: {exc}") from None
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(str(path), f"line {n}: not JSON: {exc}") from None
        if not isinstance(data, dict) or not data.get("id") or not isinstance(data.get("schema"), str):
            raise InputError(str(path), f"line {n}: not an FtM entity (needs 'id' and 'schema')")
        if model.get(data["schema"]) is None:
            raise InputError(str(path), f"line {n}: unknown FtM schema {data['schema']!r}")
        try:
            proxies.append(model.get_proxy(data, cleaned=False))
        except (InvalidData, TypeError, ValueError) as exc:
            raise InputError(str(path), f"line {n}: invalid FtM entity: {exc}") from None
    return proxies


def read_ftm(path: Path, feed_name: str | None = None) -> Parsed:
    """Parse an FtM JSON-lines file; :class:`InputError` names the file, the line and the problem."""
    proxies = _load(path)
    parsed = Parsed("import:ftm", ImpOutlet(feed_name or "FtM import"))
    entities: dict[str, ImpEntity] = {}
    for p in proxies:
        schema = p.schema
        kind = next((k for name, k in KIND_BY_SCHEMA.items() if schema.is_a(name)), None)
        if kind is None:
            continue
        names = p.get("name")
        name = _first(names) or p.caption
        aliases = sorted(set(names + p.get("alias") + p.get("weakAlias") + p.get("previousName")) - {name})
        country = next(
            (
                c
                for prop in ("nationality", "citizenship", "country", "jurisdiction")
                if prop in schema.properties
                for c in p.get(prop)
            ),
            None,
        )
        entities[str(p.id)] = ImpEntity(
            f"ftm-{p.id}"[:120], name, kind, country.upper() if country else None, aliases
        )
    for p in proxies:
        schema_name = p.schema.name
        if str(p.id) in entities:
            continue
        if schema_name in LINKS:
            src_prop, tgt_prop, rtype = LINKS[schema_name]
            src, tgt = (
                entities.get(_first(p.get(src_prop)) or ""),
                entities.get(_first(p.get(tgt_prop)) or ""),
            )
            if schema_name == "UnknownLink" and p.get("role"):
                rtype = p.get("role")[0].lower().replace(" ", "_")[:40]
            if src and tgt:
                quote = _first(p.get("summary")) or _first(p.get("description"))
                parsed.relations.append(ImpRelation(src.id, tgt.id, rtype, None, quote))
            else:
                parsed.skipped[f"{schema_name} (unknown ends)"] += 1
        elif schema_name == "Sanction":
            _sanction(p, entities, parsed)
        else:
            parsed.skipped[schema_name] += 1
    parsed.entities = list(entities.values())
    return parsed


def _sanction(p: Any, entities: dict[str, ImpEntity], parsed: Parsed) -> None:
    from plotwatch.store.db import entity_id_for
    from plotwatch.types import ActorMention

    targets = [entities[e] for e in p.get("entity") if e in entities]
    if not targets:
        parsed.skipped["Sanction (unknown entity)"] += 1
        return
    country = _first(p.get("country"))
    country = country.upper() if country else None
    authority = _first(p.get("authority"))
    date = _first(p.get("startDate")) or _first(p.get("listingDate")) or _first(p.get("date"))
    inc = ImpIncident(
        "ftm-" + hashlib.sha1(str(p.id).encode()).hexdigest()[:24],
        "sanction",
        None,
        (date or "")[:10] or None,
        country=country,
        place_precision="country" if country else "none",
        agent_state=country,
    )
    for t in targets:
        inc.actors.append(ImpActor(t.id, t.name, "target", t.kind, t.country))
    if authority:
        eid = entity_id_for(ActorMention(authority, "responder", kind="agency"))
        entities.setdefault(f"authority:{authority}", ImpEntity(eid, authority, "agency", country))
        inc.actors.append(ImpActor(eid, authority, "responder", "agency", country))
    program = _first(p.get("program")) or _first(p.get("programId"))
    reason = _first(p.get("reason")) or _first(p.get("summary")) or ""
    quote = (
        " ".join(
            x
            for x in (
                f"{authority or 'An authority'} sanctioned {', '.join(t.name for t in targets)}",
                f"under {program}" if program else "",
                f"({reason})" if reason else "",
            )
            if x
        )
        + "."
    )
    art = ImpArticle(
        f"ftm:{p.id}",
        parsed.feed.name,
        f"Sanction: {', '.join(t.name for t in targets)}",
        _first(p.get("sourceUrl")) or _first(p.get("programUrl")),
        (_first(p.get("listingDate")) or date or "")[:10] or None,
    )
    parsed.articles.append(art)
    inc.mentions.append(ImpMention(art.id, quote, 0, len(quote), "sanctioned"))
    parsed.incidents.append(inc)
