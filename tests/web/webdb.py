"""A small hand-built database for the web and review tests (no spaCy extractor).

Three graded outlets report five incidents: a foiled bombing near Paris (two articles that
disagree on the country), the same plot again as a separate incident (to merge), an arrest
in Germany, an EU sanction, and surveillance in the US reported by an article whose text
carries ``<script>`` and ``onerror=`` payloads (in its title, its text and the name of an
actor). Fusion is :func:`fuser`, a deterministic stand-in that groups mentions by their
sentence, so tests do not depend on the real fuser.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence

from plotwatch import pipeline
from plotwatch.auth import add_user, create_token
from plotwatch.grade.registry import SourceEntry
from plotwatch.store.db import Store
from plotwatch.types import (
    ActorMention,
    EventMention,
    Extraction,
    IncidentDraft,
    PartialDate,
    RawArticle,
    SourcedMention,
)

PASSWORD = "correct-horse-1"
XSS_SCRIPT = "<script>alert(1)</script>"
XSS_IMG = "<img src=x onerror=alert(1)>"
XSS_NAME = "<svg onload=alert(2)>Eve"
XSS_TITLE = "Report <script>alert(3)</script>"

ASSADI = ActorMention(
    "Assadollah Assadi", "perpetrator", "Assadollah Assadi", "person", "IR", "p-assadi", ["Asadollah Asadi"]
)
MOIS = ActorMention(
    "MOIS", "sponsor", "Ministry of Intelligence and Security", "ministry", "IR", "ir-mois", ["MOIS"]
)
NCRI = ActorMention("NCRI", "target", "National Council of Resistance of Iran", "group", None, "g-ncri")
POLICE = ActorMention("German police", "responder", "German federal police", "police", "DE", "de-police")
COUNCIL = ActorMention(
    "EU Council", "responder", "Council of the European Union", "organization", None, "eu-council"
)
ASADI_DUP = ActorMention("A. Asadi", "perpetrator", "A. Asadi", "person", "IR", "p-asadi-dup")
XSS_ACTOR = ActorMention(XSS_NAME, "target", XSS_NAME, "person", None, "p-xss")


def _as(actor: ActorMention, role: str) -> ActorMention:
    a = actor
    return ActorMention(a.name, role, a.canonical, a.kind, a.country, a.key, a.aliases)


# article id → (outlet, published, [(sentence, incident id, (type, status, date, country, place, lat, lon,
# agent state), actors)])
ARTICLES = {
    "wire-001": (
        SourceEntry("Wire Europe", "B", "wire", "Wire Europe", domains=["wire.example"]),
        dt.date(2018, 7, 2),
        [
            (
                "A bomb plot against the rally in Villepinte was foiled.",
                "inc-villepinte",
                ("bombing", "foiled", "2018-06-30", "FR", "Villepinte", 48.96, 2.53, "IR"),
                [ASSADI, MOIS, NCRI],
            ),
            (
                "German police arrested Assadollah Assadi.",
                "inc-arrest-de",
                ("arrest", None, "2018-07-01", "DE", None, None, None, "DE"),
                [POLICE, _as(ASSADI, "target")],
            ),
        ],
    ),
    "quotidien-007": (
        SourceEntry("Le Quotidien", "C", "newspaper", None, domains=["quotidien.example"]),
        dt.date(2019, 1, 9),
        [
            (
                "The couple carrying explosives was stopped in Belgium.",
                "inc-villepinte",
                ("bombing", "foiled", "2018-06-30", "BE", "Villepinte", 48.96, 2.53, "IR"),
                [ASSADI, MOIS],
            ),
            (
                "The EU froze the assets of the intelligence ministry.",
                "inc-sanction-eu",
                ("sanction", None, "2019-01-08", "EU", None, None, None, "EU"),
                [COUNCIL, _as(MOIS, "target")],
            ),
            (
                "A. Asadi's plot against the Free Iran rally was foiled in June 2018.",
                "inc-villepinte-2",
                ("bombing", "foiled", "2018-06", "FR", None, None, None, "IR"),
                [ASADI_DUP, NCRI],
            ),
        ],
    ),
    "xss-001": (
        SourceEntry("Evil Blog", "F", "blog", "Evil Network", domains=["evil.example"]),
        dt.date(2018, 10, 1),
        [
            (
                f"Agents {XSS_IMG} watched the exile's home in Los Angeles.",
                "inc-surveillance-us",
                ("surveillance", "executed", "2018-08", "US", "Los Angeles", 34.05, -118.24, "IR"),
                [MOIS, XSS_ACTOR],
            ),
        ],
    ),
}
INCIDENT_OF = {sentence: inc for _, _, sents in ARTICLES.values() for sentence, inc, _, _ in sents}


def fuser(mentions: Sequence[SourcedMention]) -> list[IncidentDraft]:
    """Deterministic fusion for tests: one incident per sentence group in ``ARTICLES``."""
    groups: dict[str, list[SourcedMention]] = {}
    for sm in mentions:
        groups.setdefault(INCIDENT_OF[sm.mention.quote], []).append(sm)
    drafts = []
    for inc_id, sms in sorted(groups.items()):
        m = sms[0].mention
        actors = [a for sm in sms for a in sm.mention.actors]
        drafts.append(
            IncidentDraft(
                inc_id,
                m.type,
                m.status,
                m.date,
                m.country,
                m.place,
                m.lat,
                m.lon,
                m.place_precision,
                m.agent_state,
                actors,
                sms,
            )
        )
    return drafts


def article(aid: str) -> tuple[RawArticle, Extraction, SourceEntry]:
    """Article ``aid`` of ``ARTICLES`` as read, and what the (imaginary) extractor found in it."""
    source, published, sentences = ARTICLES[aid]
    text = f"Menu. {XSS_SCRIPT} Home. " if aid == "xss-001" else "Menu. Home. "
    events = []
    for sentence, _inc, (etype, status, date, country, place, lat, lon, state), actors in sentences:
        start = len(text)
        text += sentence + " "
        events.append(
            EventMention(
                etype,
                status,
                PartialDate.parse(date),
                start,
                start + len(sentence),
                sentence,
                sentence.split()[2],
                country,
                place,
                lat,
                lon,
                "place" if place else "country",
                state,
                list(actors),
            )
        )
    text += "\n\nMore reporting follows."
    raw = RawArticle(
        aid,
        text,
        text,
        f"{aid}.json",
        "json",
        title=XSS_TITLE if aid == "xss-001" else f"Report {aid}",
        url=f"https://{source.domains[0]}/{aid}",
        outlet=source.name,
        published=published,
    )
    return raw, Extraction(events=events), source


def build(url: str, *, users: bool = True) -> tuple[Store, dict[str, str]]:
    """The store, fused and graded, and (when ``users``) an API token per role."""
    store = Store(url)
    for aid in ARTICLES:
        raw, extraction, source = article(aid)
        store.add_article(
            raw,
            content_hash=hashlib.sha256(raw.text.encode()).hexdigest(),
            extraction=extraction,
            extractor_version="test",
            source=source,
        )
    pipeline.refuse(store, fuser)
    tokens: dict[str, str] = {}
    if users:
        for role in ("viewer", "analyst", "admin"):
            add_user(store, role, PASSWORD, role)
            tokens[role] = create_token(store, role)
    return store, tokens
