"""A small fixed database for the exchange-format tests, built by hand (no spaCy extractor).

Two articles from two graded outlets report three incidents: a foiled bombing near Paris
(the outlets disagree on the country), an arrest in Germany and an EU sanction; one relation
(Assadi member_of MOIS) is recorded with its evidence.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from sqlalchemy import select

from plotwatch.grade.registry import SourceEntry
from plotwatch.store.db import Store
from plotwatch.store.mentions import stored_mentions
from plotwatch.store.models import Article, Relation
from plotwatch.store.queries import regrade
from plotwatch.types import (
    ActorMention,
    EventMention,
    Extraction,
    IncidentDraft,
    PartialDate,
    RawArticle,
    SourcedMention,
)

ASSADI = ActorMention(
    "Assadollah Assadi", "perpetrator", "Assadollah Assadi", "person", "IR", "p-assadi", ["Asadollah Asadi"]
)
MOIS = ActorMention(
    "MOIS", "sponsor", "Ministry of Intelligence and Security", "ministry", "IR", "ir-mois", ["MOIS"]
)
NCRI = ActorMention("NCRI", "target", "National Council of Resistance of Iran", "group", None, "g-ncri")
TATP = ActorMention("TATP", "instrument", "TATP", "weapon")
POLICE = ActorMention("German police", "responder", "German federal police", "police", "DE", "de-police")
COUNCIL = ActorMention(
    "EU Council", "responder", "Council of the European Union", "organization", None, "eu-council"
)


def _role(actor: ActorMention, role: str) -> ActorMention:
    a = actor
    return ActorMention(a.name, role, a.canonical, a.kind, a.country, a.key, a.aliases)


# article id → (source entry, published, [(sentence, (type, status, date, country, place, lat, lon),
# actors)])
ARTICLES = {
    "wire-001": (
        SourceEntry("Wire Europe", "B", "wire", "Wire Europe", domains=["wire.example"]),
        dt.date(2018, 7, 2),
        [
            (
                "A bomb plot against the rally in Villepinte was foiled.",
                ("bombing", "foiled", "2018-06-30", "FR", "Villepinte", 48.96, 2.53),
                [ASSADI, MOIS, NCRI, TATP],
            ),
            (
                "German police arrested Assadollah Assadi.",
                ("arrest", None, "2018-07-01", "DE", None, None, None),
                [POLICE, _role(ASSADI, "target")],
            ),
        ],
    ),
    "quotidien-007": (
        SourceEntry("Le Quotidien", "C", "newspaper", None, domains=["quotidien.example"]),
        dt.date(2019, 1, 9),
        [
            (
                "The couple carrying 500 g of TATP was stopped in Belgium.",
                ("bombing", "foiled", "2018-06-30", "BE", "Villepinte", 48.96, 2.53),
                [ASSADI, MOIS, TATP],
            ),
            (
                "The EU froze the assets of the intelligence ministry.",
                ("sanction", None, "2019-01-08", "EU", None, None, None),
                [COUNCIL, _role(MOIS, "target")],
            ),
        ],
    ),
}
# incident id → [(article id, sentence index)]
INCIDENTS = {
    "inc-villepinte": [("wire-001", 0), ("quotidien-007", 0)],
    "inc-arrest-de": [("wire-001", 1)],
    "inc-sanction-eu": [("quotidien-007", 1)],
}


def build(url: str) -> Store:
    """A store at ``url`` holding the articles, incidents and relation above, graded."""
    store = Store(url)
    for aid, (source, published, sentences) in ARTICLES.items():
        text, events = "Boilerplate menu. ", []
        for sentence, (etype, status, date, country, place, lat, lon), actors in sentences:
            start = len(text)
            text += sentence + " "
            events.append(
                EventMention(
                    etype, status, PartialDate.parse(date), start, start + len(sentence), sentence,
                    sentence.split()[2], country, place, lat, lon, "place" if place else "country",
                    "IR" if etype == "bombing" else country, list(actors),
                )
            )  # fmt: skip
        raw = RawArticle(
            aid, text, text, f"{aid}.json", "json", title=f"Report {aid}",
            url=f"https://{source.domains[0]}/{aid}", outlet=source.name, author="Staff",
            published=published, language="en",
        )  # fmt: skip
        store.add_article(
            raw,
            content_hash=hashlib.sha256(text.encode()).hexdigest(),
            extraction=Extraction(events=events),
            extractor_version="test",
            source=source,
        )
    mentions, ids = stored_mentions(store)  # in row order: per article, in sentence order
    per_article: dict[str, list[SourcedMention]] = {}
    for sm in mentions:
        per_article.setdefault(sm.article_id, []).append(sm)
    drafts = []
    for inc_id, refs in INCIDENTS.items():
        sms = [per_article[aid][i] for aid, i in refs]
        first = sms[0].mention
        _, (etype, status, date, country, place, lat, lon), actors = ARTICLES[refs[0][0]][2][refs[0][1]]
        drafts.append(
            IncidentDraft(
                inc_id, etype, status, PartialDate.parse(date), country, place, lat, lon,
                first.place_precision, first.agent_state, list(actors), sms,
            )
        )  # fmt: skip
    store.replace_incidents(drafts, ids)
    regrade(store)
    with store.transaction() as s:
        article_id = s.scalar(select(Article.id).where(Article.source_id == "wire-001"))
        s.add(
            Relation(
                source_id="p-assadi",
                target_id="ir-mois",
                type="member_of",
                article_id=article_id,
                quote="German police arrested Assadollah Assadi.",
            )
        )
    return store
