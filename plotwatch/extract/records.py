"""Turning an annotated ``Doc`` into an :class:`Extraction` (a plain step, no spaCy state kept).

Per sentence, :class:`SentenceAnalyzer` proposes candidates; then, over the whole article:

1. status anaphora: "Both were thwarted by the authorities." marks the previous sentence's
   hostile acts foiled;
2. generic plots/attacks take the type of a specific hostile act of the article that they are
   compatible with, else the instrument's type, else ``default_generic_type``;
3. the sending country of an extradition is its "from X", else the country of the last arrest
   before it in the article;
4. missing states: hostile acts fall back to the state the article most often names behind
   hostile acts (else the state it says was "involved in"/"responsible for"/"behind" them);
   responses to the country where they happened;
5. dates: undated acts get the article's reference year (flagged as inferred); an undated
   response the year of the hostile act told before it; old explicit years mark historical
   incidents;
6. filters: hostile acts with no state behind them, responses with no acting country, unless
   the learned filter (:mod:`plotwatch.extract.learned`) keeps them; a response it keeps with
   no state gets the article's one country, if it has one (:func:`_home_country`);
7. former states: a country and acting state of today take the code of the former state that
   held the land on the event's date (Prague in 1977: Czechoslovakia, :func:`_former_states`).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

from spacy.tokens import Doc, Span, Token

from plotwatch.extract.components import GAZ_KEY, INSTR_KEY, TRIG_KEY
from plotwatch.extract.dates import RE_ANAPHORIC_SPAN, RE_DATELINE, DateResolver, Resolved, reference_year
from plotwatch.extract.events import Candidate, SentenceAnalyzer
from plotwatch.extract.learned import ArticleFacts, features
from plotwatch.extract.places import Place, PlaceResolver
from plotwatch.extract.resources import Resources, TriggerEntry
from plotwatch.extract.roles import STATE_ORGANS, RoleFinder
from plotwatch.extract.syntax import SUBJECT, determiner, repair_parse
from plotwatch.types import HOSTILE_TYPES, EntityMention, EventMention, Extraction, PartialDate

HOSTILE_KINDS = ("agency", "unit")


def doc_to_extraction(
    doc: Doc,
    published: dt.date | None,
    res: Resources,
    places: PlaceResolver,
    entries: dict[str, TriggerEntry],
    year_hint: int | None = None,
) -> Extraction:
    """Entities and events of one annotated article (``year_hint``: see ``Extractor.extract``)."""
    repair_parse(doc)
    ref_year = published.year if published else (reference_year(doc.text) or year_hint)
    places.named_in([e.text for e in doc.ents if e.label_ == "GPE"])
    dates = DateResolver(published, ref_year)
    analyzer = SentenceAnalyzer(doc, res, places, dates, entries)
    sents = list(doc.sents)
    per_sent: list[list[Candidate]] = [analyzer.analyze(sent) for sent in sents]
    _status_anaphora(sents, per_sent, res)
    _headline_repeats(sents, per_sent)
    cands = _companions(_definite_references([c for group in per_sent for c in group]))
    _stopped_with_weapons(doc, cands)
    _resolve_generic(cands, res)
    _extradition_origin(cands)
    _fallback_states(cands, doc, res, places)
    _dates_told_after(cands, sents, analyzer)
    _response_years(cands)
    events = []
    dateline = _dateline(doc.text, places)
    learned = res.mention_filter
    facts = ArticleFacts(
        stated_acts=sum(1 for c in cands if c.hostile and c.agent_state),
        stated_responses=sum(1 for c in cands if not c.hostile and c.agent_state),
        tokens=len(doc),
    )
    narratives = [_narrative_date(analyzer, cand, ref_year) for cand in cands]
    kept = [_to_event(c, dates, ref_year, res, n, dateline) for c, n in zip(cands, narratives, strict=True)]
    stated = {(e.sentence_start, e.type) for e in kept if e is not None}
    stated_types = {e.type for e in kept if e is not None}
    armed: list[EventMention] = []  # hostile acts by soldiers, police or guards of no state named
    for cand, narrative, event in zip(cands, narratives, kept, strict=True):
        if (
            event is None
            and learned is not None
            and learned.asks(facts)
            and cand.agent_state is None
            and (cand.sent.start_char, cand.type) not in stated  # the same event, seen twice
            and not (cand.type in stated_types and _refers_back(cand.head))
        ):
            # no state named: the learned filter's second opinion (plotwatch.extract.learned);
            # in an article where no event has a stated state (a state's police and courts at
            # home, in an article naming no state), its weights for such articles
            event = _to_event(cand, dates, ref_year, res, narrative, dateline, stateless=True)
            p = learned.probability(features(cand, event, facts)) if event is not None else 0.0
            if event is None or p < learned.threshold:
                continue
            event.confidence = round(min(p, 0.6), 2)
        if event is not None:
            if event.agent_state is None and cand.story_state:
                event.agent_state = event.country = cand.story_state
                event.place_precision = "country"
                event.state_inferred = True
            events.append(event)
            if cand.armed_body and cand.hostile:
                armed.append(event)
    # "Pukach was briefly arrested in 2003", in a story of one country's police and courts that
    # names no one acting: that country's authorities, if the article names one country far
    # more than any other; where is still unknown
    orphans = [e for e in events if e.agent_state is None and e.type not in HOSTILE_TYPES]
    # "Members of the presidential guard opened fire on the crowd", in a story of one country:
    # that country's soldiers
    orphans += [e for e in armed if e.agent_state is None]
    if orphans and (home := _home_country(doc, places, res)):
        for event in orphans:
            event.agent_state = home
            event.state_inferred = True
    _former_states(events, res)
    return Extraction(entities=_entities(doc, res), events=events)


def _former_states(events: list[EventMention], res: Resources) -> None:
    """Prague in 1977 was Czechoslovakia's: an event's country and acting state take the code
    of the former state that held the land on the event's date (the ``territory`` of
    ``former_states.yaml``), when the whole of the date falls in that time; undated events and
    dates that straddle the change keep today's state."""
    lands = res.former_lands
    if not lands:
        return
    for event in events:
        span = event.date.span()
        if span is None:
            continue
        for field_name in ("country", "agent_state"):
            code = getattr(event, field_name)
            for land, former in lands.get(code or "", ()):
                if land.held_on(*span):
                    setattr(event, field_name, former)
                    break


def _home_country(doc: Doc, places: PlaceResolver, res: Resources) -> str | None:
    """The country an article is about: the one its place names and demonyms name at least
    three times and at least half the times any country is named, else None. A state's name
    counts whatever the tagger makes of it ("Armenia" read as a person); a dateline's city
    counts twice."""
    votes: Counter[str] = Counter()
    # "ANTANANARIVO – …" opening the body (after a headline and a byline): where it is filed from
    lead = [line for line in doc.text.split("\n")[:8] if line.strip()][:4]
    if (dateline := next((d for line in lead if (d := _dateline(line, places))), None)) is not None:
        votes[dateline.country] += 2
    counted = {t.i for ent in doc.ents if ent.label_ in ("GPE", "NORP") for t in ent}
    for span in doc.spans.get(GAZ_KEY, []):
        if span.label_ != "state" or span.start in counted:
            continue
        entity = res.entity(span.kb_id_)
        if entity is not None and entity.country:
            votes[entity.country] += 1
    for ent in doc.ents:
        if ent.label_ == "GPE":
            place = places.resolve(ent.text)
            code = place.country if place else None
        elif ent.label_ == "NORP":
            code = places.demonym(ent.text)
        else:
            continue
        if code:
            votes[code] += 1
    top = votes.most_common(1)
    if not top or top[0][1] < 3 or top[0][1] * 2 < sum(votes.values()):
        return None
    return top[0][0]


DEFINITE = ("the", "these", "those", "this", "that", "its", "their")
# Nouns a verb trigger may complete ("the decision to expel the diplomats").
DECISION_NOUNS = frozenset({"decision", "move", "step", "order", "choice"})


def _refers_back(head: Token) -> bool:
    """A noun trigger with a definite or possessive determiner ("the expulsions were connected
    to …", "its sanctions"), or a verb completing such a noun for a decision ("praised the
    decision by the country to expel the diplomats"): in an article that states an event of its
    type, a reference to it."""
    if head.pos_ == "VERB" and head.dep_ == "acl" and head.head.lemma_.lower() in DECISION_NOUNS:
        head = head.head
    return head.pos_ == "NOUN" and any(
        c.dep_ in ("det", "poss") and c.lower_ in DEFINITE for c in head.children
    )


def _headline_repeats(sents: list, per_sent: list[list[Candidate]]) -> None:
    """A headline (a first line without closing punctuation) summarises the story, in a syntax
    the parser reads badly: its hostile act is dropped when the body places an act of the same
    type by the same state, and the headline gives no place or another country ("Envoy gets
    20 years in Belgium over Paris rally bomb plot" would place the plot in Belgium)."""
    # the headline lines: those before the first sentence that ends like one (a title and
    # its repeat as the page heading)
    heads = 0
    while heads < len(sents) - 1 and sents[heads].text.rstrip()[-1:] not in ".!?:;\"”'’)":
        heads += 1
    if not heads or not any(per_sent[:heads]):
        return
    body = [c for group in per_sent[heads:] for c in group if c.hostile and c.place is not None]

    def placed_better(c: Candidate, b: Candidate) -> bool:
        assert b.place is not None
        # a headline naming the place the body names too, and no date, repeats the body's act
        # ("Officials say diplomats were behind killing of defector in Istanbul")
        return (
            b.type == c.type
            and b.agent_state in (c.agent_state, None)
            and (c.place is None or c.place.country != b.place.country or c.date is None)
        )

    for k in range(heads):
        kept = []
        for c in per_sent[k]:
            better = [b for b in body if c.hostile and placed_better(c, b)] if c.hostile else []
            if not better:
                kept.append(c)
            for b in better:  # "Nigeria's botched kidnapping": the state the headline names
                b.agent_state = b.agent_state or c.agent_state
        per_sent[k] = kept


def _definite_references(cands: list[Candidate]) -> list[Candidate]:
    """ "The murder", "the killing" with no date or place of their own refer back to the last
    act of that type told before (an assassination 'shot him in a park on 23 August', later
    'evidence that Russian state agencies were behind the murder'): what the reference adds
    (the state behind it, named doers) goes to that act, and the reference is not an act of its
    own, which fusion would join to any other incident of that type and state."""
    out: list[Candidate] = []
    responses = {c.head.i for c in cands if not c.hostile}
    _undate_acts_of_a_case(cands)
    for c in cands:
        head = c.head
        earlier = [p for p in out if p.hostile and p.type == c.type and p.sent.start < c.sent.start]
        definite = head.pos_ == "NOUN" and determiner(head) in ("the", "this", "that")
        bare = all(t.dep_ == "det" for t in head.children)  # "the bombing", not "the murder of X"
        if c.hostile and definite and bare and not earlier and (c.charged or _case_object(head, responses)):
            # "charged two men with the bombing", "on the anniversary of the attack", the act
            # told nowhere before: the date and place of the sentence are the response's
            c.date = None
            c.place = None
            c.charged = True
        # "was jailed for attempted murder": the crime of a sentence, with no date or place of
        # its own, is the act of that type told before
        crime = c.charged and head.pos_ == "NOUN" and determiner(head) is None
        if not (c.hostile and (definite or crime) and earlier and c.place is None and c.date is None):
            out.append(c)
            continue
        target = earlier[-1]
        if target.agent_state is None:
            target.agent_state = c.agent_state
        names = {(a.name, a.role) for a in target.actors}
        added = [a for a in c.actors if (a.name, a.role) not in names and a.role != "target"]
        target.actors += added
        target.referred |= {a.name for a in added if a.role == "perpetrator"}
    return out


def _companions(cands: list[Candidate]) -> list[Candidate]:
    """Others hurt in an act just told ("Men guarding the villa were killed as well", "His
    driver was killed with him", "Two guards were also shot"), with no date or place of their
    own, are victims of that act, not an act of their own."""
    out: list[Candidate] = []
    for c in cands:
        head = c.head
        too = any(
            (t.dep_ == "advmod" and t.lower_ in ("too", "also"))
            or (t.dep_ == "advmod" and t.lower_ == "well" and any(a.lower_ == "as" for a in t.children))
            or (
                t.dep_ == "prep"
                and t.lower_ == "with"
                and any(g.dep_ == "pobj" and g.lower_ in ("him", "her", "them") for g in t.children)
            )
            for t in head.children
        )
        earlier = [p for p in out if p.hostile and p.sent.start < c.sent.start]
        if c.hostile and too and earlier and c.date is None and c.place is None and head.pos_ == "VERB":
            act = earlier[-1]
            names = {(a.name, a.role) for a in act.actors}
            act.actors += [a for a in c.actors if (a.name, a.role) not in names and a.role != "perpetrator"]
            continue
        out.append(c)
    return out


def _undate_acts_of_a_case(cands: list[Candidate]) -> None:
    """An act told as what a response is for ("In July 2021 they charged three men with
    conspiring to kidnap her") takes no date from the response: a date that dates the response
    too is the response's, the act came before it."""
    for c in cands:
        if not (c.hostile and c.charged and c.date is not None):
            continue
        dated = c.date.date
        if any(
            not r.hostile and r.sent.start == c.sent.start and r.date and r.date.date == dated for r in cands
        ):
            c.date = None


def _case_object(head: Token, responses: set[int]) -> bool:
    """``head`` is what a response is about ("charged X with the bombing", "convicted of the
    murder") or the act an anniversary counts from ("the anniversary of the attack")."""
    prep = head.head
    if head.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in ("with", "of", "for", "over"):
        return False
    # "convicted six Libyans of the bombing": the parser hangs the phrase on the object
    owner = prep.head.head if prep.head.dep_ in ("dobj", "nsubjpass") else prep.head
    return owner.i in responses or prep.head.i in responses or prep.head.lemma_.lower() == "anniversary"


def _stopped_with_weapons(doc: Doc, cands: list[Candidate]) -> None:
    """A planned act whose operatives were arrested carrying its weapon ("stopped by police
    … with 500 grams of TATP in their car") was foiled: operatives or weapons deployed and
    stopped by the authorities, on the day of that arrest when the act has no date of its own.
    The weapon must imply the act's type (TATP -> bombing)."""
    seized: dict[str, Candidate] = {}
    for c in cands:
        if c.type == "arrest":
            for span in doc.spans[INSTR_KEY]:
                if c.sent.start <= span.start < c.sent.end:
                    seized.setdefault(span.label_, c)
    for c in cands:
        arrest = seized.get(c.type)
        if c.hostile and c.status == "planned" and arrest is not None:
            c.status = "foiled"
            if c.date is None and arrest.date is not None:
                c.date = arrest.date  # the day it was stopped is the day of the foiled act


def _status_anaphora(sents: list, per_sent: list[list[Candidate]], res: Resources) -> None:
    foiled = set(res.cues.get("status", {}).get("foiled", ()))
    for k in range(1, len(sents)):
        if per_sent[k] and any(c.hostile for c in per_sent[k]):
            continue
        sent = sents[k]
        subj = [t for t in sent if t.dep_ in ("nsubj", "nsubjpass")]
        refers_back = any(t.lower_ in ("both", "all", "they", "it", "each", "none") for t in subj)
        if refers_back and any(t.lemma_.lower() in foiled for t in sent):
            for cand in per_sent[k - 1]:
                if cand.hostile and cand.status in ("planned", "executed", None):
                    cand.status = "foiled"
        # "X drew a pistol and shot him in the head. The ambassador survived, but …": the one
        # shot, told again as the subject of "survived", lived
        survived = sent.root.lemma_.lower() == "survive" and any(
            t.dep_ == "nsubj" and t.head.i == sent.root.i and (t.pos_ == "PRON" or determiner(t) == "the")
            for t in sent
        )
        for cand in per_sent[k - 1] if survived else ():
            people = [a for a in cand.actors if a.role == "target" and a.kind == "person"]
            if cand.type == "assassination" and cand.status == "executed" and len(people) == 1:
                cand.status = "failed"


def _compatible(a: Candidate, b: Candidate) -> bool:
    """Can generic ``a`` ("the plot") be the specific act ``b``? Same country, or no country
    but the same month."""
    if a.agent_state and b.agent_state and a.agent_state != b.agent_state:
        return False
    if a.place and b.place:
        return a.place.country == b.place.country and (
            not (a.date and b.date) or a.date.date.compatible(b.date.date)
        )
    if (
        a.date
        and b.date
        and a.date.date.precision in ("month", "day")
        and b.date.date.precision in ("month", "day")
    ):
        return a.date.date.compatible(b.date.date)
    return False


def _resolve_generic(cands: list[Candidate], res: Resources) -> None:
    default = str(res.cues.get("default_generic_type", "armed_attack"))
    specific = [c for c in cands if c.type in HOSTILE_TYPES and not c.generic]
    for cand in cands:
        if cand.type != "generic":
            continue
        pick = [s for s in specific if _compatible(cand, s)]
        types = {s.type for s in pick}
        # "suspected of attacking X": an attack aimed at a named person is no armed attack on a
        # group or a site ("an attack on the home of X" is one); with no killing told, an assault
        aimed = cand.aimed_at_person and default == "armed_attack"
        cand.type = types.pop() if len(types) == 1 else "assault" if aimed else default
        if pick and len({s.type for s in pick}) <= 1 and cand.agent_state is None:
            cand.agent_state = pick[0].agent_state


def _extradition_origin(cands: list[Candidate]) -> None:
    last_arrest: str | None = None
    sender: tuple[int, str] | None = None  # the sentence and state of a named sender
    for cand in cands:
        if cand.type == "arrest":
            last_arrest = (cand.place.country if cand.place else None) or cand.agent_state or last_arrest
        elif cand.type == "extradition":
            origin = cand.origin.country if cand.origin else None
            if origin is None and not cand.responder_named and sender and sender[0] == cand.sent.start:
                # "Ruritania handed X over to …; Y was extradited in May": the same sender
                origin = sender[1]
            if origin is None and not cand.responder_named:
                origin = last_arrest
            if cand.responder_named and cand.origin is None and cand.agent_state:
                sender = (cand.sent.start, cand.agent_state)
            if origin:
                cand.agent_state = origin
                cand.place = cand.origin
            elif not cand.responder_named:
                cand.agent_state = None
                cand.place = None


def _blamed_states(doc: Doc, res: Resources, places: PlaceResolver) -> Counter[str]:
    """States the article holds behind hostile acts in so many words: "Iran was involved in the
    killings", "Russia was responsible for the poisoning", "Tehran was behind the plot"."""
    cues = res.cues.get("blame", {})
    words, objects = set(cues.get("words", ())), set(cues.get("objects", ()))
    hostile = {s.root.i for s in doc.spans[TRIG_KEY] if s.label_ in HOSTILE_TYPES or s.label_ == "generic"}
    roles = RoleFinder(doc, res, places)
    orders = set(cues.get("order_verbs", ()))
    # unnamed doers ("the killers had been sent by X"), not weapons
    unnamed = set(res.cues.get("anonymous_doers", ())) - set(res.cues.get("weapon_nouns", ()))
    out: Counter[str] = Counter()
    for tok in doc:
        out.update(_told_behind(tok, roles, hostile, objects, unnamed))
        if tok.lemma_.lower() == "blame" and tok.pos_ == "NOUN" and tok.dep_ == "dobj":
            # "de Gaulle laid the blame on Morocco"
            for prep in (*tok.children, *tok.head.children):
                for g in prep.children if prep.dep_ == "prep" and prep.lower_ == "on" else ():
                    if g.dep_ == "pobj" and (code := roles.phrase_country(g)):
                        out[code] += 1
            continue
        if tok.lemma_.lower() in orders and tok.pos_ == "VERB":
            # "the killing was commissioned by the Russian state", "Moscow ordered the killing"
            act = [
                c
                for c in tok.children
                if c.dep_ in ("dobj", "nsubjpass") and (c.i in hostile or c.lemma_.lower() in objects)
            ]
            by = [g for p in tok.children if p.dep_ == "agent" for g in p.children if g.dep_ == "pobj"]
            doers = (
                by
                if any(c.dep_ == "nsubjpass" for c in act)
                else [c for c in tok.children if c.dep_ == "nsubj"]
            )
            for doer in doers if act else []:
                if code := roles.phrase_country(doer):
                    out[code] += 1
            continue
        if tok.lemma_.lower() in ("blame", "accuse") and tok.pos_ == "VERB":
            # "the party blames the Rwandan government for both the shooting and his death"
            acts = [
                a
                for p in tok.children
                if p.dep_ == "prep" and p.lower_ in ("for", "of")
                for g in p.children
                if g.dep_ in ("pobj", "pcomp")
                for a in (g, *g.conjuncts)
                if a.i in hostile or a.lemma_.lower() in objects
            ]
            # "exiles blamed the Chechen authorities" (no "for …"): the article's acts, when the
            # one blamed is a state organ and nothing else is named as what they are blamed for
            # (a time is no cause: "for thirty years his family has blamed Tehran")
            bare = not any(
                p.dep_ in ("prep", "dative") and not any(g.ent_type_ == "DATE" for g in p.children)
                for p in tok.children
            )
            for obj in (c for c in tok.children if c.dep_ == "dobj") if acts or bare else []:
                # "his family has always blamed Damascus": a capital for its government;
                # "Mirzali blames the government in Baku for all three attacks"
                blamable = acts or roles.is_state_agent(obj)
                if blamable and (code := roles.blamed_state(obj) or _organ_in(tok, obj, roles)):
                    out[code] += 1
            continue
        if tok.pos_ in ("VERB", "AUX") and (blamed := _held_to_blame(tok, roles, hostile)):
            out[blamed] += 1
            continue
        if tok.lemma_.lower() == "trace" and tok.pos_ == "VERB":
            # "the FBI traced the bomb to DINA", "investigators traced the order back to Taipei"
            traced = [
                c
                for c in tok.children
                if c.dep_ == "dobj" and (c.i in hostile or c.lemma_.lower() in objects)
            ]
            backs = [c for c in tok.children if c.dep_ == "advmod" and c.lower_ == "back"]
            for prep in [c for h in (tok, *backs) for c in h.children] if traced else []:
                for g in prep.children if prep.dep_ == "prep" and prep.lower_ == "to" else ():
                    if g.dep_ == "pobj" and (code := roles.state_of(g)):
                        out[code] += 1
            continue
        if tok.lemma_.lower() not in words:
            continue
        acts = [
            g
            for p in (tok.children if tok.pos_ != "ADP" else [tok])
            if p.dep_ == "prep" or p is tok
            for g in p.children
            if g.dep_ == "pobj"
            and (g.i in hostile or g.lemma_.lower() in objects or _told_just_before(g, hostile))
        ]
        if not acts:
            continue
        # "Iran was behind the plot", "Libya accepted responsibility for the death": the clause's subject
        verb = tok.head if tok.dep_ in ("prep", "acomp", "dobj", "attr") else tok
        for subj in (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")):
            if code := roles.phrase_country(subj):
                out[code] += 1
    return out


def _organ_in(verb: Token, obj: Token, roles: RoleFinder) -> str | None:
    """ "blames the government in Baku": a state organ placed by a capital the parser hung on
    the verb."""
    if not (roles.is_state_agent(obj) and obj.pos_ == "NOUN"):
        return None
    for p in verb.children:
        for g in p.children if p.dep_ == "prep" and p.lower_ == "in" else ():
            if g.dep_ == "pobj" and g.ent_type_ == "GPE" and (code := roles.state_of(g)):
                return code
    return None


def _organ_state(tok: Token, roles: RoleFinder) -> str | None:
    """The state of ``tok`` when it names a state organ or a state ("Algeria's security
    services", "the Uzbek government", "the government of North Korea", "Damascus"), not
    people of that state ("two Algerian men")."""
    official = any(t.lemma_.lower() in (*STATE_ORGANS, "service", "police") for t in tok.subtree)
    if roles.is_state_agent(tok) or official:
        return roles.blamed_state(tok)
    return None


def _held_to_blame(verb: Token, roles: RoleFinder, hostile: set[int]) -> str | None:
    """Blame told without an act's name, after the acts: "relatives have always held Uruguay's
    military regime responsible", "Algeria's security services have been suspected before",
    "the FBI said that the government of North Korea was responsible", "the evidence pointed to
    the Uzbek government". Only a state organ or a state counts, and only after a hostile act."""
    if not any(i < verb.i for i in hostile):
        return None
    lemma = verb.lemma_.lower()
    named: list[Token] = []
    if lemma == "hold":
        for obj in (c for c in verb.children if c.dep_ == "dobj"):
            words = [*obj.children, *verb.children]
            if any(w.lemma_.lower() in ("responsible", "accountable") for w in words):
                named.append(obj)
        for small in (c for c in verb.children if c.lemma_.lower() in ("responsible", "accountable")):
            # parsed as a small clause: "held [Libya's intelligence service responsible]"
            named += [c for c in small.children if c.dep_ == "nsubj"]
    elif lemma == "suspect":
        named = [c for c in verb.children if c.dep_ in ("nsubjpass", "dobj")]
    elif lemma == "point":
        named = [
            g
            for p in verb.children
            if p.dep_ == "prep" and p.lower_ == "to"
            for g in p.children
            if g.dep_ == "pobj" and g.i not in hostile
        ]
    elif lemma == "be":
        bare = [
            c
            for c in verb.children
            if c.dep_ == "acomp"
            and c.lemma_.lower() == "responsible"
            and not any(g.dep_ == "prep" for g in c.children)
        ]
        named = [c for c in verb.children if c.dep_ == "nsubj"] if bare else []
    for tok in named:
        if code := _organ_state(tok, roles):
            return code
    return None


def _told_just_before(tok: Token, hostile: set[int]) -> bool:
    """ "it" that can only be an act told in its own sentence or the one before ("he was seized
    by armed men …; his family believes Thai agents were behind it")."""
    if tok.lower_ not in ("it", "this") or tok.pos_ != "PRON":
        return False
    sent = tok.sent
    start = sent.doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    return any(start <= i < tok.i for i in hostile)


# What a state denies when it denies a part in an act ("denied any involvement").
DENIED = ("involvement", "responsibility", "part", "role", "link", "connection", "hand")


def _denying_states(doc: Doc, res: Resources, places: PlaceResolver) -> Counter[str]:
    """States that deny a part in the article's acts ("Lisbon denied any involvement", "Pretoria
    denied it had anything to do with it"): the last resort for the state behind acts nobody is
    named for, since a state denies only what it is suspected of."""
    roles = RoleFinder(doc, res, places)
    out: Counter[str] = Counter()
    for tok in doc:
        if tok.lemma_.lower() != "deny" or tok.pos_ != "VERB":
            continue
        what = [
            c for c in tok.children if c.dep_ == "ccomp" or (c.dep_ == "dobj" and c.lemma_.lower() in DENIED)
        ]
        if not what:
            continue
        for subj in (c for c in tok.children if c.dep_ == "nsubj"):
            if subj.pos_ == "PROPN":  # a state, or its capital for its government
                code = places.country(subj.text) or places.capitals.get(subj.text.lower())
            else:
                code = roles.phrase_country(subj) if roles.is_state_agent(subj) else None
            if code:
                out[code] += 1
    return out


# Verbs of running an operation from a capital ("the operation was run from Baghdad").
RUN_VERBS = ("run", "direct", "order", "plan", "coordinate", "control", "orchestrate", "mastermind")


def _told_behind(
    tok: Token, roles: RoleFinder, hostile: set[int], objects: set[str], doers: set[str]
) -> list[str]:
    """States another construction holds behind an act, a doer or a weapon: "a killing blamed on
    agents of the government in Tehran", "a shooting that Lithuania blamed on Russia", "the
    bombing had been the work of operatives of the Libyan army", "the operation was run from
    Tehran", "they were Iranian agents", "the killers had been sent by Syrian intelligence"
    (``doers``: nouns for unnamed doers)."""
    lemma = tok.lemma_.lower()

    def act(t: Token) -> bool:
        return t.i in hostile or t.lemma_.lower() in objects

    def pobjs(head: Token, preps: tuple[str, ...], deps: tuple[str, ...] = ("prep",)) -> list[Token]:
        return [
            g
            for p in head.children
            if p.dep_ in deps and p.lower_ in preps
            for g in p.children
            if g.dep_ == "pobj"
        ]

    named: list[Token] = []
    if lemma in ("blame", "attribute") and tok.pos_ == "VERB":
        # "a killing widely blamed on X", "a shooting that Lithuania blamed on Russia"
        things = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
        things += [tok.head] if tok.dep_ in ("acl", "relcl") else []
        if any(act(t) for t in things):
            named = pobjs(tok, ("on", "to"), ("prep", "dative"))
    elif lemma == "work" and tok.pos_ == "NOUN" and tok.dep_ == "attr":
        # "the bombing had been the work of covert operatives of X"
        if any(c.dep_ == "nsubj" and act(c) for c in tok.head.children):
            named = pobjs(tok, ("of",))
    elif lemma in RUN_VERBS and tok.pos_ == "VERB":
        # "the operation was run from Tehran"
        if any(c.dep_ in ("nsubjpass", "dobj") and act(c) for c in tok.children):
            named = [g for g in pobjs(tok, ("from",)) if g.ent_type_ == "GPE"]
    elif lemma in roles.principal_verbs and tok.pos_ == "VERB":
        # "the killers had been sent by Syrian intelligence"
        if any(c.dep_ == "nsubjpass" and c.lemma_.lower() in doers for c in tok.children):
            named = [g for a in tok.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"]
    elif tok.dep_ == "attr" and tok.head.lemma_ == "be" and tok.lemma_.lower() in roles.member_nouns:
        # "the gunmen were never caught; Seoul said they were North Korean agents"
        subj = [c for c in tok.head.children if c.dep_ == "nsubj"]
        if any(c.lower_ == "they" or c.lemma_.lower() in doers for c in subj):
            named = [tok]
    return [code for g in named if (code := roles.blamed_state(g))]


def _place_trail(doc: Doc, res: Resources, places: PlaceResolver) -> list[tuple[int, str, bool]]:
    """Where the story is, token by token: (token index, country, is an authority) for each
    place an act is told at ("in Riyadh", "at Kuala Lumpur's airport", "into Saudi Arabia") and
    each local authority a demonym or a state qualifies ("Malaysian prosecutors")."""
    preps = set(res.cues.get("place_preps", ())) | {"to"}
    roles = RoleFinder(doc, res, places)
    local = set(res.cues.get("local_authority_nouns", ()))
    out: list[tuple[int, str, bool]] = []
    for ent in doc.ents:
        if ent.label_ not in ("GPE", "LOC"):
            continue
        gov = ent.root.head if ent.root.dep_ == "poss" else ent.root  # "at Kuala Lumpur's airport"
        described = any(a.dep_ in ("relcl", "appos", "acl") for a in gov.ancestors)
        at = gov.dep_ == "pobj" and gov.head.lower_ in preps and not described
        if at and (place := places.resolve(ent.text)):
            out.append((ent.start, place.country, False))
    for tok in doc:
        if any(a.dep_ in ("relcl", "appos") for a in (tok, *tok.ancestors)):
            # "Rosan, the Iraqi officer", "X, who prosecutors say are officers of Russia's GRU":
            # who someone is, no authority acting
            continue
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in local and (code := roles.phrase_country(tok)):
            out.append((tok.i, code, True))
    return sorted(out)


def _story_country(
    trail: list[tuple[int, str, bool]], cand: Candidate, acts: list[Candidate], states: set[str]
) -> str | None:
    """The country the story is in when a response is told with no one named to act ("she was
    released", "until the arrest in May") or only "a court", "the government": a local authority its sentence
    qualifies by state ("after Malaysian prosecutors let her …"), else the last place told
    before its trigger in its paragraph, else the country of the placed hostile act told before
    it (``acts``: :func:`_act_country`)."""
    head = cand.head
    passive = _passive(head) or (  # "was arrested the following week and charged days later"
        head.dep_ == "conj" and _passive(head.head) and not any(c.dep_ == "nsubj" for c in head.children)
    )
    if not (cand.local_responder or passive or head.pos_ == "NOUN"):
        return None
    own = [code for i, code, authority in trail if cand.sent.start <= i < cand.sent.end and authority]
    doc = head.doc
    before = [
        code
        for i, code, authority in trail
        if i < head.i and not authority and "\n" not in doc.text[doc[i].idx : head.idx]  # its paragraph
    ]
    return own[0] if own else before[-1] if before else _act_country(trail, cand, acts, states)


def _passive(tok: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children)


# Nouns for a hostile act a response is told after ("two days after the shooting").
ANSWERED_ACTS = frozenset(
    {
        "shooting",
        "killing",
        "murder",
        "attack",
        "bombing",
        "abduction",
        "kidnapping",
        "stabbing",
        "assassination",
    }
)


def _act_country(
    trail: list[tuple[int, str, bool]], cand: Candidate, acts: list[Candidate], states: set[str]
) -> str | None:
    """A response the story tells with no place at all ("He was arrested the following week and
    charged with the three murders days later") is in the country of the act it answers: the
    last placed hostile act told before it, of the type its case names when it names one
    ("charged with the murders", "investigations into both killings"), when the story has not
    since been told at a place in another country ("flew to Tehran", not "a ministry in
    Tehran") and the states that took the article's earlier responses (``states``), if any,
    include that country. No one acting ("No one has been charged") is no response."""
    head = cand.head
    subjects = [s for s in head.children if s.dep_ in SUBJECT]
    if any(determiner(s) == "no" or s.lower_ in ("nobody", "none") for s in subjects):
        return None
    about = {
        a.type
        for a in acts
        for p in head.children
        if p.dep_ == "prep" and p.lower_ in ("with", "of", "for", "over", "into")
        for g in p.children
        if a.head.i in {g.i, *(c.i for c in g.conjuncts)}
    }
    placed = [a for a in acts if a.place is not None and a.head.i < head.i and (not about or a.type in about)]
    if not placed:
        return None
    act = placed[-1]
    assert act.place is not None
    # "arrested on the Sunday after the shooting", "charged with his murder": told as the answer
    # to the act, whatever state took the article's other responses
    answers = bool(about) or any(
        t.dep_ == "pobj" and t.head.lower_ in ("after", "following") and t.lemma_.lower() in ANSWERED_ACTS
        for t in head.subtree
    )
    if states and act.place.country not in states and not answers:
        return None  # the article's responses are another state's: the act was abroad to them
    doc = head.doc
    for i, code, authority in trail:
        tok = doc[i]
        while tok.dep_ in ("compound", "amod"):
            tok = tok.head
        at_verb = tok.dep_ == "pobj" and tok.head.head.pos_ in ("VERB", "AUX")
        if act.head.i < i < head.i and at_verb and not authority and code != act.place.country:
            return None
    return act.place.country


def _fallback_states(cands: list[Candidate], doc: Doc, res: Resources, places: PlaceResolver) -> None:
    trail = _place_trail(doc, res, places)
    votes = Counter(c.agent_state for c in cands if c.hostile and c.agent_state)
    if not votes:
        votes = _blamed_states(doc, res, places)
    if not votes:
        for span in doc.spans.get(GAZ_KEY, []):
            ent = res.entity(span.kb_id_)
            if ent is not None and ent.kind in HOSTILE_KINDS and ent.country:
                votes[ent.country] += 1
    denied = not votes  # only a denial names the state: it goes to acts with no doer at all
    if denied:
        votes = _denying_states(doc, res, places)
    dominant = votes.most_common(1)[0][0] if votes else None
    here: str | None = None  # the country the article is about at this point
    held: dict[str, str] = {}  # a person arrested, charged or convicted -> by which state
    _held_by(cands)  # before the story's places: the state that holds the person comes first
    for n, cand in enumerate(cands):
        targets = [a.canonical or a.name for a in cand.actors if a.role == "target"]
        if not cand.hostile and cand.agent_state is None and cand.place is None:
            # "The court gave Saadouni 15 years", after "A Belgian court … sentenced": that court's state
            cand.agent_state = _body_told_before(cand, cands[:n])
        if cand.type in ("charge", "conviction") and cand.agent_state is None and cand.place is None:
            # "He was charged on March 9 with …": the state that holds him
            cand.agent_state = next((held[t] for t in targets if t in held), None)
        if cand.place is not None:
            here = cand.place.country
        elif not cand.hostile and cand.agent_state:
            here = cand.agent_state
        if not cand.hostile and cand.agent_state is None and cand.place is None and cand.local_responder:
            cand.agent_state = here
        unnamed = cand.local_responder or not any(a.role == "responder" for a in cand.actors)
        if not cand.hostile and cand.agent_state is None and cand.place is None and unnamed:
            # "Both women, who were arrested within days of the attack": the authorities of
            # the country the story is in at that point
            told = [r for r in cands if not r.hostile and r.head.i < cand.head.i]
            states = {r.agent_state for r in told if r.agent_state}
            country = _story_country(trail, cand, [c for c in cands if c.hostile], states)
            if dominant:  # a story about a state's hostile acts: its acting state
                cand.agent_state = country
            else:
                # "Two men were arrested a week later", in a story of a state's own police and
                # courts: its country, though it does not decide whether the mention is kept
                cand.story_state = country
        if cand.hostile:
            perp = [a for a in cand.actors if a.role == "perpetrator" and a.name not in cand.referred]
            no_doer = not perp and not cand.predicated
            some_doer = cand.state_agent or cand.generic or cand.anonymous
            if cand.agent_state is None and (no_doer or (some_doer and not denied)):
                cand.agent_state = dominant
        elif cand.agent_state is None and cand.place is not None:
            cand.agent_state = cand.place.country
        if (
            not cand.hostile
            and cand.agent_state
            and cand.agent_state in cand.target_countries
            and cand.type in ("expulsion", "diplomatic_measure", "sanction")
        ):
            # "the Treasury imposed sanctions on X, a former head of Saudi intelligence, while the
            # State Department announced visa restrictions": the state of the sentence's other response
            same = [
                c.agent_state
                for c in cands
                if c is not cand
                and not c.hostile
                and c.sent.start == cand.sent.start
                and c.agent_state
                and c.agent_state not in cand.target_countries
            ]
            cand.agent_state = cand.place.country if cand.place else (same[0] if same else None)
        if cand.type in ("arrest", "charge", "conviction") and cand.agent_state:
            held.update(dict.fromkeys(targets, cand.agent_state))
    _held_by(cands)


def _body_told_before(cand: Candidate, before: list[Candidate]) -> str | None:
    """The state of the body a response's definite responder ("the court", "the judge") names
    back: the last earlier response whose responder has the same head noun and a state."""
    nouns = {
        words[1]
        for a in cand.actors
        if a.role == "responder" and len(words := a.name.lower().split()) == 2 and words[0] == "the"
    }
    for r in reversed(before):
        if r.hostile or not r.agent_state:
            continue
        if any(a.role == "responder" and a.name.lower().rsplit(" ", 1)[-1] in nouns for a in r.actors):
            return r.agent_state
    return None


HOLDING = ("arrest", "charge", "conviction")


def _same_people(a: set[str], b: set[str]) -> bool:
    """Some name in ``a`` is some name in ``b``, or its last word ("Tam" and "Le Van Tam")."""
    last = {n.split()[-1].lower() for n in a if n.split()}
    return bool(a & b) or any(n.split() and n.split()[-1].lower() in last for n in b)


def _held_by(cands: list[Candidate]) -> None:
    """A person's arrest, charge or sentence told with no one named to act and no
    place ("He was arrested in 2013 over posts on his blog", "X, Y and Z were charged in
    November 2019; X was arrested at his home in Seattle that month") is the act of the state
    that holds that person elsewhere in the article, when only one state does."""

    def people(cand: Candidate) -> set[str]:
        return {a.canonical or a.name for a in cand.actors if a.role == "target" and a.kind == "person"}

    def state(c: Candidate) -> str | None:
        return c.agent_state or (c.place.country if c.place else None)

    held = [(state(c), people(c)) for c in cands if c.type in HOLDING and state(c) and not c.hostile]
    for cand in cands:
        if cand.hostile or cand.type not in HOLDING or cand.agent_state or cand.place is not None:
            continue
        if any(a.role == "responder" for a in cand.actors):
            continue  # "a court in the capital sentenced her": the story's country (below)
        mine = people(cand)
        states = {code for code, who in held if _same_people(who, mine)}
        if len(states) == 1:  # held by two states (detained abroad, tried at home): unknown
            cand.agent_state = states.pop()
        elif states:
            cand.story_state = None  # nor is it the state of the place the story was last at


def _dates_told_after(cands: list[Candidate], sents: list, analyzer: SentenceAnalyzer) -> None:
    """An undated act whose noun comes back as the subject of the next sentence ("… running an
    undeclared police station in Manhattan. The station opened in 2022, prosecutors said")
    takes the date that sentence gives it."""
    starts = [s.start for s in sents]
    for cand in cands:
        if not cand.hostile or cand.date is not None or cand.head.pos_ != "NOUN":
            continue
        k = starts.index(cand.sent.start) if cand.sent.start in starts else -1
        if k < 0 or k + 1 >= len(sents):
            continue
        nxt = sents[k + 1]
        lemma = cand.head.lemma_.lower()
        for tok in nxt:
            if tok.dep_ not in ("nsubj", "nsubjpass") or tok.lemma_.lower() != lemma:
                continue
            if determiner(tok) not in ("the", "this", "that"):
                continue
            cand.date = analyzer.verb_date(tok.head, nxt)
            break


def _response_years(cands: list[Candidate]) -> None:
    """An undated response takes the year of the last dated hostile act before it (the plot it
    answers), when the article does not say otherwise; flagged inferred. The act's year may
    itself be inferred from the article's explicit years (an undated article)."""
    last: Resolved | None = None
    for cand in cands:
        if cand.hostile and cand.date is not None and cand.date.date.year:
            last = cand.date
        elif (
            not cand.hostile
            and cand.date is None
            and last is not None
            and not (cand.later or cand.disclosure)
            and cand.type not in ("conviction", "release")  # a trial comes years after the act
        ):
            cand.date = Resolved(PartialDate.of(last.date.year or 0), inferred=True)


def _narrative_date(analyzer: SentenceAnalyzer, cand: Candidate, ref_year: int | None) -> Resolved | None:
    """The date an undated act takes from the narrative it is told in: the last date the text
    gave before its trigger ("He vanished in October of that year; … he was abducted"), when
    that is in an earlier year than the article's (a story of the past: "On 17 April 1984 …
    Shortly after ten someone opened fire"): that date when it is in the same paragraph, else
    its year. Never finer than the text gave; flagged inferred."""
    if cand.type == "conviction":
        return None  # a trial comes years after the act: the narrative's last date is the act's
    doc = cand.sent.doc
    # a date in a clause describing someone ("Markov, who had defected in 1969, …") is no time
    # of the narrative
    # nor is "since 1959" ("had lived in exile since 1959"): the start of a state, not an event
    told = [
        (i, r)
        for i, r in analyzer.anchors()
        if i < cand.head.i and not analyzer.descriptive(i) and not (i > 0 and doc[i - 1].lower_ == "since")
    ]
    if not told or ref_year is None:
        return None
    start, anchor = told[-1]
    if not anchor.date.year or anchor.date.year >= ref_year:
        return None
    if cand.type == "release" and doc[start].sent.start < _previous_sentence(cand.sent).start:
        # a release may come years after the arrest: only one told in the sentence of the date
        # or the next ("In April 2004 X was detained … He was freed after a hearing")
        return None
    if "\n" in doc.text[doc[start].idx : cand.head.idx]:
        return Resolved(PartialDate.of(anchor.date.year), inferred=True)
    parts = (anchor.date.value or "").split("-")
    if len(parts) == 3 and RE_ANAPHORIC_SPAN.match(doc.text, doc[start].idx):
        # "… flew in the following day. The abduction …": the narrative moved on from the
        # scene's day, the act is only known to its month
        return Resolved(PartialDate.of(anchor.date.year, int(parts[1])), inferred=True)
    return Resolved(anchor.date, inferred=True)


def _previous_sentence(sent: Span) -> Span:
    """The sentence before ``sent`` (``sent`` itself when it is the first)."""
    if sent.start == 0:
        return sent
    return sent.doc[sent.start - 1].sent


def _dateline(text: str, places: PlaceResolver) -> Place | None:
    """The city of a dateline opening the article ("PODGORICA – A court in Montenegro on
    Thursday convicted …", "MADRID, July 30 (Courier) – …"): a known city, or None."""
    m = RE_DATELINE.match(text)
    place = places.resolve(m.group(1)) if m else None
    return place if place is not None and place.place else None


def _of_the_day(date: PartialDate, published: dt.date | None) -> bool:
    """``date`` is the news of the article's day: within a week before publication (a month:
    the publication's)."""
    if published is None or not date.value or date.precision not in ("day", "month"):
        return False
    parts = [int(p) for p in date.value.split("-")]
    if len(parts) == 2:
        return (parts[0], parts[1]) == (published.year, published.month)
    return 0 <= (published - dt.date(*parts)).days <= 7


def _to_event(
    cand: Candidate,
    dates: DateResolver,
    ref_year: int | None,
    res: Resources,
    narrative: Resolved | None = None,
    dateline: Place | None = None,
    stateless: bool = False,
) -> EventMention | None:
    """The event a candidate becomes, or None: a hostile act with no state behind it and a
    response with no state that took it are dropped unless ``stateless`` (the learned filter
    decides on those)."""
    hostile = cand.type in HOSTILE_TYPES
    required = not hostile or res.cues.get("require_state_for_hostile", True)
    if cand.agent_state is None and required and not stateless:
        return None
    resolved = cand.date
    if (
        resolved is None
        and ref_year is not None
        and dates.published is not None
        and not (cand.charged or cand.later or cand.dateless)
    ):
        # the sentence gives no date: a dated article's year is a fair guess; an undated
        # article's most frequent year is not (retrospectives, embedded posts), so the date
        # stays unknown (never invented); so does the date of the act a sentence or a charge is
        # for, which came before the response reported; in a story of the past, the date of the
        # narrative it is told in
        resolved = narrative or Resolved(PartialDate.of(ref_year), False)
    date = resolved.date if resolved else PartialDate.unknown()
    old_after = int(res.cues.get("historical_years", 5))
    historical = bool(date.year and ref_year and ref_year - date.year >= old_after)
    country = cand.place.country if hostile and cand.place else None if hostile else cand.agent_state
    where = cand.place or (cand.origin if not hostile and cand.type != "extradition" else None)
    place = where if where and where.country == country else None
    if (
        not hostile
        and dateline is not None
        and dateline.country == country
        and (place is None or place.place is None)
        and _of_the_day(date, dates.published)
    ):
        # "PODGORICA – A court in Montenegro on Thursday convicted …": the day's response, in
        # the dateline's country and placed nowhere finer, is in the dateline's city
        place = dateline
    sent = cand.sent
    span = cand.trigger
    return EventMention(
        type=cand.type,
        status=(cand.status or "executed") if hostile else None,
        date=date,
        sentence_start=sent.start_char,
        sentence_end=sent.end_char,
        quote=sent.text,
        trigger=span.text,
        country=country,
        place=place.place if place else None,
        lat=place.lat if place else None,
        lon=place.lon if place else None,
        place_precision=place.precision if place else ("country" if country else "none"),
        agent_state=cand.agent_state,
        actors=cand.actors,
        historical=historical,
        confidence=0.4 if cand.generic else 0.7,
        trigger_start=span.start_char,
        trigger_end=span.end_char,
        generic=cand.generic,
        date_inferred=bool(resolved and resolved.inferred),
    )


def _entities(doc: Doc, res: Resources) -> list[EntityMention]:
    out = []
    gaz = list(doc.spans.get(GAZ_KEY, []))
    covered = {i for s in gaz for i in range(s.start, s.end)}
    for span in gaz:
        info = res.entity(span.kb_id_)
        out.append(
            EntityMention(
                text=span.text,
                label=span.label_,
                start=span.start_char,
                end=span.end_char,
                key=span.kb_id_,
                canonical=info.name if info else None,
                country=info.country if info else None,
                aliases=list(info.aliases) if info else [],
            )
        )
    for ner in doc.ents:
        if ner.label_ in ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC") and ner.start not in covered:
            out.append(EntityMention(text=ner.text, label=ner.label_, start=ner.start_char, end=ner.end_char))
    out.sort(key=lambda e: (e.start, e.end))
    return out
