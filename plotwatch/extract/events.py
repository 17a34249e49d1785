"""Event candidates in one sentence: triggers filtered, merged, expanded, with their slots.

A :class:`Candidate` is an event mention before article-level resolution (generic types,
extradition origins, status anaphora, fallbacks); :mod:`plotwatch.extract.records` finishes it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from spacy.tokens import Doc, Span, Token

from plotwatch.extract.components import INSTR_KEY, TRIG_KEY
from plotwatch.extract.dates import (
    ACT_NOUNS,
    RE_AFTER_ACT,
    RE_ANAPHORIC_SPAN,
    RE_DATE_SPAN,
    RE_DM,
    RE_LATER,
    RE_MD,
    RE_THAT_YEAR,
    RE_UNITS_TAIL,
    RE_VAGUE_LATER,
    RE_YEAR,
    RE_YEARS_AGO_TODAY,
    RE_YEARS_TAIL,
    WEEKDAYS,
    DateResolver,
    Resolved,
    anchored,
    number,
    sentence_year,
)
from plotwatch.extract.places import Place, PlaceResolver
from plotwatch.extract.resources import Resources, TriggerEntry
from plotwatch.extract.roles import STATE_ORGANS, TIME_PREPS, RoleFinder, _in_objects
from plotwatch.extract.syntax import (
    SUBJECT,
    announced,
    antecedent_of,
    blocked,
    chain,
    determiner,
    fronted_preps,
    in_present,
    is_imperative,
    is_question,
    number_of,
    subtree_without,
    verb_above,
)
from plotwatch.types import HOSTILE_TYPES, ActorMention, PartialDate

# Entity labels of a name a month word may start ("Jan Jankowski", "Theresa May"): no date
NAME_LABELS = frozenset({"PERSON", "ORG", "FAC", "WORK_OF_ART", "PRODUCT"})

# Armed or secret bodies whose members, units or machines act for their state ("jets of the
# Cuban air force").
ARMED_ORGANS = frozenset({"force", "army", "navy", "military", "intelligence", "service", "guard", "police"})


INSTITUTIONS = ("government", "ministry", "police", "service", "agency", "prosecutor", "court")
CAUSE_PREPS = ("for", "of", "with", "over")  # "charged with plotting", "jailed for spying"
STATUS_ORDER = ("foiled", "failed", "planned", "executed")
PUBLISH_VERBS = ("publish", "issue", "release", "deliver", "present", "submit")
DOCUMENTS = ("report", "ruling", "judgment", "judgement", "verdict", "finding", "decision", "statement")
HARM_VERBS = ("injure", "wound", "maim", "hurt", "blind", "cripple")  # "a bomb badly injured X"
# Verbs that tie an act to whoever it is blamed on ("blamed on Iran", "attributed to Iran").
BLAME_VERBS = ("blame", "attribute", "trace")


# responses done to a person: a person owning the noun underwent it ("his arrest")
UNDERGONE = frozenset({"arrest", "charge", "conviction", "extradition", "release"})


@dataclass
class Candidate:
    """One event found in one sentence, before article-level resolution."""

    type: str  # an event type or "generic"
    entry: TriggerEntry
    trigger: Span
    sent: Span
    extra: list[Token] = field(default_factory=list)  # merged trigger heads
    status: str | None = None
    date: Resolved | None = None
    place: Place | None = None
    origin: Place | None = None  # "from X" (extradition)
    # the country the story is in, for a response no one is named to take in an article that
    # names no state behind its acts: the country of the event the learned filter keeps
    story_state: str | None = None
    actors: list[ActorMention] = field(default_factory=list)
    agent_state: str | None = None
    target_countries: set[str] = field(default_factory=set)
    instrument: str | None = None
    generic: bool = False
    state_agent: bool = False  # the perpetrator is a state organ/agent
    armed_body: bool = False  # the doers are soldiers, police or guards of no state named
    anonymous: bool = False  # the doers are named only by what they did ("two men", "a gunman", "the bomb")
    responder_named: bool = False
    local_responder: bool = False  # "the government", "police": the authorities of the place at hand
    charged: bool = False  # the act a response in the sentence is for ("sentenced for planning …")
    # an undated response told as after another ("later handed over", "after the verdict")
    later: bool = False
    disclosure: bool = False  # an authority's report of an act ("PET said that …"): after the act
    aimed_at_person: bool = False  # every target is a named person ("attacking X")
    dateless: bool = False  # the text gives it no date ("minister when X was shot")
    predicated: bool = False  # the act is the subject of a predicate about it ("the murder was political")
    # doers only a later reference names ("charged them with his murder"): they say nothing of
    # the state behind the act
    referred: set[str] = field(default_factory=set)

    @property
    def head(self) -> Token:
        return self.trigger.root

    @property
    def hostile(self) -> bool:
        return self.type in HOSTILE_TYPES or self.type == "generic"


RE_ACT_NOUN = re.compile(ACT_NOUNS)  # a hostile act's noun, by lemma
KILL_VERBS = frozenset({"kill", *HARM_VERBS})
DEATH_WORDS = frozenset({"kill", "killing", "die", "dead", "death", "murder", "fatally", "mortally"})
RE_DECADE = re.compile(r"\b\d{3}0s\b")  # "the 1960s", "in the 1980s"


def _within(head: Token, toks: list[Token]) -> list[Token]:
    """The tokens of ``toks`` inside the phrase ``head`` heads."""
    return [t for t in toks if head.left_edge.i <= t.i <= head.right_edge.i]


def _container(head: Token) -> Token | None:
    """The noun an act's noun is "of" ("a commission of inquiry", "a wave of arrests"), or None."""
    if (
        head.pos_ == "NOUN"
        and head.dep_ == "pobj"
        and head.head.lower_ == "of"
        and head.head.head.pos_ == "NOUN"
    ):
        return head.head.head
    return None


class SentenceAnalyzer:
    """Finds :class:`Candidate` s in the sentences of one ``Doc``."""

    def __init__(
        self,
        doc: Doc,
        res: Resources,
        places: PlaceResolver,
        dates: DateResolver,
        entries: dict[str, TriggerEntry],
    ) -> None:
        self.doc = doc
        self.res = res
        self.cues: dict[str, Any] = res.cues
        self.places = places
        self.dates = dates
        self.entries = entries
        self.roles = RoleFinder(doc, res, places)
        self.status_cues = {k: set(v) for k, v in self.cues.get("status", {}).items()}
        self.place_preps = set(self.cues.get("place_preps", ()))
        self.origin_preps = set(self.cues.get("origin_preps", ()))
        self.carry_verbs = set(self.cues.get("carry_verbs", ()))
        self.doers = set(self.cues.get("doer_nouns", ()))
        self.purpose = set(self.cues.get("purpose_nouns", ()))
        self.habitual = set(self.cues.get("habitual_nouns", ()))
        self.habitual_adverbs = set(self.cues.get("habitual_adverbs", ()))
        self.blow_verbs = set(self.cues.get("blow_verbs", ()))
        self.sequence = set(self.cues.get("sequence_marks", ()))
        self.local = set(self.cues.get("local_authority_nouns", ()))
        self.titles = set(self.cues.get("office_titles", ()))
        self._anchors: list[tuple[int, Resolved]] | None = None
        # the events told so far (trigger position, own date), for "arrested soon afterwards"
        self._told: list[tuple[int, Resolved | None, str]] = []
        self.reporting = set(self.cues.get("reporting_verbs", ()))
        self.disclosing = set(self.cues.get("disclosure_verbs", ()))
        self.inquiry = next((e for e in entries.values() if e.type == "investigation"), None)
        self.person_nouns = set(self.cues.get("person_nouns", ()))
        self.declare_verbs = set(self.cues.get("declare_verbs", ()))
        self.blame_words = set(self.cues.get("blame", {}).get("words", ()))
        self.order_verbs = set(self.cues.get("blame", {}).get("order_verbs", ()))
        self.court_nouns = set(self.cues.get("court_nouns", ()))
        self.anonymous_doers = set(self.cues.get("anonymous_doers", ()))
        self.weapons = set(self.cues.get("weapon_nouns", ()))
        self.settlements = set(self.cues.get("settlement_nouns", ()))
        self.facilities = set(self.cues.get("facility_heads", ()))
        self.venue_parts = set(self.cues.get("venue_part_nouns", ()))
        self.things = set(self.cues.get("thing_nouns", ()))
        self.illness = set(self.cues.get("illness_words", ()))
        self.later_words = set(self.cues.get("later_adverbs", ()))
        self.military = set(self.cues.get("military_nouns", ()))
        self.commandos = set(self.cues.get("commando_nouns", ()))
        self.armed_bodies = set(self.cues.get("armed_body_nouns", ()))
        self.reaction_verbs = set(self.cues.get("reaction_verbs", ()))
        self.attempt_verbs = set(self.cues.get("attempt_governors", ()))
        self.undo = set(self.cues.get("undo_verbs", ()))
        self.effecting = set(self.cues.get("effecting_verbs", ()))
        self.contest = set(self.cues.get("contest_verbs", ()))
        self.name_heads = set(self.cues.get("name_heads", ()))
        self.inquiring_heads = set(self.cues.get("inquiring_heads", ()))
        self.historical = int(self.cues.get("historical_years", 5))  # years back a story is of the past
        self.armed = next((e for e in entries.values() if e.type == "armed_attack" and not e.weak), None)
        self.kidnap = next((e for e in entries.values() if e.type == "kidnapping"), None)
        rendition = self.cues.get("rendition", {})
        self.seize_verbs = set(rendition.get("seize", ()))
        self.lawful_seize = set(rendition.get("lawful", ()))
        self.carry_verbs = set(rendition.get("carry", ()))

    # -- the sentence -------------------------------------------------------------------

    def analyze(self, sent: Span) -> list[Candidate]:
        trigs = [s for s in self.doc.spans[TRIG_KEY] if sent.start <= s.start < sent.end]
        seizure = any(t.lemma_.lower() in self.seize_verbs and t.pos_ == "VERB" for t in sent)
        blame = any(t.lemma_.lower() in self.blame_words for t in sent)  # for _attributions
        if not (trigs or seizure or blame) or is_question(sent) or is_imperative(sent):
            return []
        cands = []
        for span in trigs:
            entry = self.entries[span.kb_id_]
            if span.root.i in self.roles.gaz and self.roles.gaz[span.root.i].label_ != "person":
                continue  # "paraded by the Rwanda Investigation Bureau": a name, not an event
            if self._in_a_name(span.root, sent):
                continue  # "detectives of the Criminal Investigation Department": a name
            if self._pending(span.root):
                continue  # "held there pending extradition": not yet
            why = blocked(span.root, self.cues)
            if why and not (
                why == "modal" and entry.type not in HOSTILE_TYPES and announced(span.root, self.cues)
            ):
                continue
            root = span.root
            if (
                entry.type not in HOSTILE_TYPES
                and root.tag_ == "VBG"
                and root.dep_ == "pcomp"
                and root.head.lower_ == "for"
                and root.head.head.pos_ == "NOUN"
            ):
                continue  # "the time limit for bringing charges": a noun's purpose, no event
            if entry.type not in HOSTILE_TYPES and self._not_done(root):
                continue  # "lobbied for her release", "fought his extradition": not done
            if entry.type not in HOSTILE_TYPES and self._tried(root, self.attempt_verbs):
                continue  # "as they tried to arrest X", "sought to extradite him": not done
            if entry.type not in HOSTILE_TYPES and self._undone(root):
                continue  # "the government revoked the expulsion order": no expulsion
            under = root.dep_ == "pobj" and root.head.lower_ == "under"
            if entry.type == "investigation" and under and any(s.root.i == root.head.head.i for s in trigs):
                continue  # "placed under formal investigation": the placing is the charge
            if entry.type == "investigation" and self.armed is not None and self._military_raid(root):
                entry = self.armed  # "commandos raided ANC houses": an attack, not a police raid
            cands.append(
                Candidate(
                    type=entry.type,
                    entry=entry,
                    trigger=span,
                    sent=sent,
                    status=entry.status,
                    generic=entry.type == "generic",
                )
            )
        cands = self._merge(cands)
        instruments = [s for s in self.doc.spans[INSTR_KEY] if sent.start <= s.start < sent.end]
        heads = {c.head.i for c in cands}
        out: list[Candidate] = []
        for cand in cands:
            others = heads - {cand.head.i}
            if cand.hostile and instruments:
                cand.instrument = instruments[0].text
                if cand.generic:
                    cand.type, cand.generic = instruments[0].label_, False
                cand.actors.append(ActorMention(name=instruments[0].text, role="instrument", kind="weapon"))
            self._fill(cand, others)
            if cand.hostile:
                cand.charged = self._charged(cand, cands)
            out.extend(self._expand(cand, others))
        out += self._disclosures(out, heads)
        out += self._attributions(sent, out, heads)
        out += self._renditions(sent, out, heads)
        out = self._handed_over(out)
        found = self._fold_responses([c for c in out if not self._vague(c)])
        self._told += [(c.head.i, c.date, c.type) for c in found]
        return found

    def _in_a_name(self, tok: Token, sent: Span) -> bool:
        """A capitalised trigger word inside a body's name the gazetteer does not know ("the
        Federal Investigation Agency", "the Bureau of Investigation"; cues ``name_heads``)."""
        if tok.i == sent.start or not tok.text[:1].isupper() or tok.is_upper:
            return False
        head = tok.head
        if tok.dep_ == "pobj" and head.lower_ == "of":
            head = head.head
            if head.lemma_.lower() in self.inquiring_heads:
                return False  # "the Commission of Inquiry": the inquiry is what it does
        elif tok.dep_ not in ("compound", "amod"):
            return False
        return head.i != tok.i and head.text[:1].isupper() and head.lemma_.lower() in self.name_heads

    def _not_done(self, tok: Token) -> bool:
        """A response noun asked for ("lobbied for her release", "a warrant for his arrest") or
        the object of a verb of contesting or awaiting it ("fought his extradition", cues
        ``contest_verbs``)."""
        if tok.pos_ != "NOUN":
            return False
        if tok.dep_ == "pobj" and tok.head.lower_ == "for":
            return True
        return tok.dep_ == "dobj" and tok.head.lemma_.lower() in self.contest

    def _undone(self, tok: Token) -> bool:
        """A response word a verb of undoing takes as object: "revoked the expulsion order",
        "the sanctions were lifted"."""
        obj = tok.head if tok.dep_ in ("compound", "amod") else tok
        return obj.dep_ in ("dobj", "nsubjpass") and obj.head.lemma_.lower() in self.undo

    def _military_raid(self, verb: Token) -> bool:
        """A raid carried out by soldiers ("commandos raided ANC houses"), not by the police."""
        return verb.lemma_.lower() == "raid" and any(
            t.lemma_.lower() in self.military for t in self.roles.agent_tokens(verb, set())
        )

    def _disclosures(self, cands: list[Candidate], heads: set[int]) -> list[Candidate]:
        """An authority reporting another state's hostile act ("Denmark's intelligence service
        said on Tuesday that an Iranian intelligence service had planned to kill …") publicly
        reveals or attributes it: an investigation by the authority's state, on the report's
        date. Only when the act is tied to a state and the reporter is an authority (a state,
        agency, ministry, police, court) of a different one."""
        out: list[Candidate] = []
        if self.inquiry is None:
            return out
        seen: set[int] = set()
        for c in cands:
            if not c.hostile or c.agent_state is None:
                continue
            verb = next((t for t in self._report_path(c.head) if self._reporting(t)), None)
            if verb is None or verb.lemma_.lower() not in self.disclosing or verb.i in seen | heads:
                continue
            seen.add(verb.i)
            # "the Dutch government informed parliament that …"
            inv = self._statement(verb, c.sent, heads, lambda t: t.lemma_.lower() in INSTITUTIONS)
            if inv is not None and inv.agent_state != c.agent_state:
                out.append(inv)
        return out

    def _statement(
        self, verb: Token, sent: Span, heads: set[int], institution: Callable[[Token], bool]
    ) -> Candidate | None:
        """The investigation a reporting verb stands for (``_disclosures``, ``_attributions``),
        dated by the report itself, not by the act it reports; None unless an authority of a
        named state made it (a gazetteer body, or a doer ``institution`` accepts)."""
        assert self.inquiry is not None
        inv = Candidate(
            type="investigation",
            entry=self.inquiry,
            trigger=Span(self.doc, verb.i, verb.i + 1, label="investigation"),
            sent=sent,
            disclosure=True,
        )
        self._fill(inv, heads)
        inv.date = self.verb_date(verb, sent) or self.frame_date(sent)
        authority = any(
            a.role == "responder" and a.kind not in ("unknown", "person") for a in inv.actors
        ) or any(institution(t) for t in self.roles.agent_tokens(verb, set()))
        return inv if authority and inv.responder_named and inv.agent_state is not None else None

    def _attributions(self, sent: Span, cands: list[Candidate], heads: set[int]) -> list[Candidate]:
        """An authority saying in so many words that a state was behind the acts ("the FBI said
        that the government of North Korea was responsible", "Swedish police said that Tehran
        had been behind the shooting") attributes them publicly, as ``_disclosures`` does when
        the act itself is told in the clause: an investigation by the authority's state, on the
        day of the statement. Not when the clause is negated ("was not behind it"), the state
        blamed is the authority's own, or the reporting verb is already an event's trigger."""
        out: list[Candidate] = []
        if self.inquiry is None:
            return out
        told = {c.trigger.root.i for c in cands}
        for tok in sent:
            if tok.lemma_.lower() not in self.blame_words:
                continue
            clause = tok.head if tok.dep_ in ("prep", "acomp", "attr", "dobj") else tok
            if clause.dep_ != "ccomp" or tok.pos_ not in ("ADJ", "ADP", "ADV", "VERB", "NOUN"):
                continue
            if any(c.dep_ == "neg" for c in (*clause.children, *tok.children)):
                continue  # "said that Minsk was not behind it": no attribution
            verb = clause.head
            if not self._reporting(verb) or verb.lemma_.lower() not in self.disclosing:
                continue
            if verb.i in heads | told:
                continue
            blamed = next(
                (
                    code
                    for c in clause.children
                    if c.dep_ in ("nsubj", "nsubjpass")
                    and (code := self.roles.blamed_state(c) or self.roles.phrase_country(c))
                ),
                None,
            )
            if blamed is None:
                continue
            inv = self._statement(verb, sent, heads, self.roles.is_authority)
            if inv is not None and inv.agent_state != blamed:
                told.add(verb.i)
                out.append(inv)
        return out

    def _renditions(self, sent: Span, cands: list[Candidate], heads: set[int]) -> list[Candidate]:
        """A person seized and carried off to a state ("detained seven Turkish citizens … and put
        them on a plane to Turkey", "was seized during a stopover in Dubai and taken to Iran") is
        a rendition, a kidnapping by the state they are taken to, where they were seized. A
        lawful-sounding seizure (arrested, detained) counts only when those seized are of that
        state (a forced return), not a deportation of strangers; "deported" is never one."""
        out: list[Candidate] = []
        if self.kidnap is None:
            return out
        for tok in sent:
            lemma = tok.lemma_.lower()
            if tok.pos_ != "VERB" or lemma not in self.seize_verbs | self.lawful_seize:
                continue
            # "seized … and taken to Iran"; "overpowered by agents, drugged and taken to Israel"
            # (the parser hangs the last verbs on the agents)
            joined = [*tok.conjuncts, *(t for t in self._clause(tok) if t.dep_ in ("conj", "acl"))]
            dest = next(
                (d for c in joined if c.lemma_.lower() in self.carry_verbs and (d := self._destination(c))),
                None,
            )
            if dest is None:
                continue
            patients = [p for p in self.roles.patient_tokens(tok) if self._person(p)]
            if not patients:
                continue  # "seized a tanker and took it to Bandar Abbas"
            if lemma in self.lawful_seize and not any(self.roles.phrase_country(p) == dest for p in patients):
                continue
            cand = Candidate(
                type="kidnapping",
                entry=self.kidnap,
                trigger=Span(self.doc, tok.i, tok.i + 1, label="kidnapping"),
                sent=sent,
                status="executed",
            )
            self._fill(cand, heads - {tok.i})
            if cand.place is None:
                seizer = self.roles.agent_tokens(tok, set())
                code = next((c for t in seizer if (c := self.roles.responder_country(t))), None)
                cand.place = Place(code) if code else None
            if cand.place is not None and cand.place.country == dest:
                continue
            cand.status, cand.agent_state = "executed", dest
            told = next((c for c in cands if c.type == "kidnapping"), None)
            if told is None:
                out.append(cand)
                continue
            seized_in = cand.place.country if cand.place else None
            if told.agent_state in (None, seized_in):  # the police who seized them did not take them
                told.agent_state = dest
            told.place = told.place or cand.place
            if told.date is None or (
                cand.date is not None and len(str(cand.date.date)) > len(str(told.date.date))
            ):
                told.date = cand.date
        return out

    def _handed_over(self, cands: list[Candidate]) -> list[Candidate]:
        """A person abducted and handed over to a foreign state's agents ("was abducted by Thai
        police and handed over to Vietnamese security officers") was kidnapped for the state that
        received them (those who seized them were its accomplices): one kidnapping by that state,
        no extradition by the hosts. Only an abduction (not an arrest) and a hand-over to the
        police, security or intelligence officers or agents of another state than the seizers'."""
        drop: set[int] = set()
        for cand in cands:
            verb = cand.head
            if cand.type != "kidnapping" or verb.pos_ != "VERB" or verb.lemma_.lower() in self.lawful_seize:
                continue
            seizers = self.roles.agent_tokens(verb, set())
            seized_by = next((c for t in seizers if (c := self.roles.responder_country(t))), None)
            for hand in (c for c in verb.conjuncts if c.lemma_.lower() == "hand" and c.i > verb.i):
                if any(c.dep_ in SUBJECT for c in hand.children):
                    continue  # "X was abducted, and police handed Y to …": another clause
                to = [
                    g
                    for p in hand.children
                    if p.dep_ == "prep" and p.lower_ == "to"
                    for g in p.children
                    if g.dep_ == "pobj" and (self.roles.is_state_agent(g) or self.roles.is_authority(g))
                ]
                dest = next((c for g in to if (c := self.roles.phrase_country(g))), None)
                if dest is None or dest == seized_by:
                    continue
                cand.agent_state, cand.status = dest, "executed"
                drop.add(hand.i)
        return [c for c in cands if not (c.type == "extradition" and c.head.i in drop)]

    @staticmethod
    def _clause(verb: Token) -> list[Token]:
        """The verb's subtree without relative clauses ("who was later taken to X" is another's)."""
        out = []
        for t in verb.subtree:
            cur = t
            while cur.i != verb.i and cur.dep_ != "relcl":
                cur = cur.head
            if cur.i == verb.i:
                out.append(t)
        return out

    def _person(self, tok: Token) -> bool:
        return (
            tok.ent_type_ in ("PERSON", "NORP")
            or tok.lemma_.lower() in self.person_nouns
            or tok.lower_ in ("he", "she", "they", "him", "her", "them", "who")
        )

    def _destination(self, verb: Token) -> str | None:
        """The state a person is carried to: "put them on a plane to Turkey", "taken to Iran"."""
        for prep in verb.subtree:
            if prep.dep_ == "prep" and prep.lower_ in ("to", "into"):
                for pobj in prep.children:
                    if pobj.dep_ == "pobj" and (place := self._place_of(pobj)) is not None:
                        return place.country
        return None

    @staticmethod
    def _report_path(tok: Token) -> list[Token]:
        """The governors of an act up to the report that tells it, through a relative clause
        ("concluded that the prince approved the operation in which X was killed")."""
        path = list(chain(tok))[1:]
        while (path and path[-1].dep_ == "relcl") or (not path and tok.dep_ == "relcl"):
            last = path[-1] if path else tok
            path += list(chain(last.head))
        return path

    @staticmethod
    def _charged(cand: Candidate, cands: list[Candidate]) -> bool:
        """The hostile act is the cause of something else the sentence reports: "sentenced …
        for planning a bomb attack", "gets 20 years over bomb plot", "convicted of plotting"."""
        responses = {c.head.i for c in cands if not c.hostile}
        for tok in list(chain(cand.head))[1:6]:
            if tok.dep_ != "prep":
                continue
            if tok.lower_ in ("for", "over") or (tok.lower_ in ("of", "with") and tok.head.i in responses):
                return True
        return False

    def _fold_responses(self, cands: list[Candidate]) -> list[Candidate]:
        """One response told twice in a sentence ("adopted sanctions …, when the EU also put a
        branch on the terror list") is one event: same type, same acting state, same country."""
        out: list[Candidate] = []
        for cand in cands:
            if cand.hostile or cand.agent_state is None:
                out.append(cand)
                continue
            twin = next(
                (
                    o
                    for o in out
                    if not o.hostile
                    and o.type == cand.type
                    and o.agent_state == cand.agent_state
                    and (o.place.country if o.place else None) == (cand.place.country if cand.place else None)
                    and not self._other_times(o, cand)
                ),
                None,
            )
            if twin is None:
                out.append(cand)
                continue
            if twin.date is None or (
                cand.date is not None and len(str(cand.date.date)) > len(str(twin.date.date))
            ):
                twin.date = cand.date
            names = {(a.name, a.role) for a in twin.actors}
            twin.actors += [a for a in cand.actors if (a.name, a.role) not in names]
        return out

    @staticmethod
    def _other_times(one: Candidate, other: Candidate) -> bool:
        """Two responses each dated, at times neither of which holds the other ("added X to its
        list in March 2004 and imposed an embargo in May 2006"): two acts, not one told twice."""
        if one.date is None or other.date is None:
            return False
        a, b = one.date.date.value or "", other.date.date.value or ""
        return not (a.startswith(b) or b.startswith(a))

    def _merge(self, cands: list[Candidate]) -> list[Candidate]:
        """Fold "plot to assassinate", "plots to attack" and weak triggers into one event."""
        by_head = {c.head.i: c for c in cands}
        dropped: set[int] = set()
        for c in cands:
            # "the murder of X, who was killed by a bomb … in February": the relative clause on
            # the victim tells the act the noun names (its date, its place, its means)
            act = self._act_of_victim(c.head, by_head)
            if c.hostile and act is not None and act.head.i not in dropped:
                act.extra.append(c.head)
                dropped.add(c.head.i)
                by_head[c.head.i] = act
        for c in cands:
            if not c.hostile or c.head.i in dropped:
                continue
            path = list(chain(c.head))[:4]
            for k, gov in enumerate(path[1:], start=1):
                if path[k - 1].dep_ in ("conj", "appos"):
                    break  # "the 1982 bombing …, and the 1994 bombing": a list of acts
                if path[k - 1].dep_ == "advcl" and any(t.dep_ in SUBJECT for t in path[k - 1].children):
                    break  # "X was killed by a bomb, and a year later a gunman shot Y": its own doer
                other = by_head.get(gov.i)
                if other is None or not other.hostile or other.head.i in dropped:
                    continue
                keep, lose = (c, other) if (other.generic or other.entry.weak) else (other, c)
                if c.entry.weak and other.entry.weak and not (c.generic or other.generic):
                    keep, lose = other, c  # "a gunman shot X": the act the verb tells
                if keep.generic and not lose.generic:
                    keep, lose = lose, keep
                if keep.type == "bombing" and self._kills_person(lose):
                    keep, lose = lose, keep  # "X was killed by a bomb": aimed at one person
                keep.extra.append(lose.head)
                dropped.add(lose.head.i)
                break
            prev = c.head.nbor(-1) if c.head.i > 0 else None
            if prev is not None and prev.lower_ == "to" and prev.i > 0:
                other = by_head.get(prev.nbor(-1).i)
                free = other is not None and {other.head.i, c.head.i}.isdisjoint(dropped)
                if other is not None and other.hostile and free:
                    keep, lose = (c, other) if other.generic else (other, c)
                    keep.extra.append(lose.head)
                    dropped.add(lose.head.i)
        # "X, who disappeared in Istanbul in 2019, was abducted by …": the disappearance is the
        # abduction the sentence tells (its time and place)
        told = [o for o in cands if o.type == "kidnapping" and not o.entry.subject_patient]
        for c in cands:
            other = next((o for o in told if o.head.i not in dropped), None)
            if c.entry.subject_patient and c.head.i not in dropped and other is not None:
                other.extra.append(c.head)
                dropped.add(c.head.i)
        # "opened a murder investigation": the act names what the response is about, an act told
        # elsewhere (or nowhere), not an act of its own
        responses = {c.head.i for c in cands if not c.hostile}
        dropped |= {
            c.head.i for c in cands if c.hostile and c.head.dep_ == "compound" and c.head.head.i in responses
        }
        # "surveillance footage", "assault rifles": the act word only qualifies a thing
        dropped |= {
            c.head.i
            for c in cands
            if c.hostile and c.head.dep_ in ("compound", "amod") and c.head.head.lemma_.lower() in self.things
        }
        dropped |= {  # "a heart attack"
            c.head.i
            for c in cands
            if c.hostile
            and any(
                t.dep_ in ("compound", "amod") and t.lemma_.lower() in self.illness for t in c.head.children
            )
        }
        for c in cands:
            # "kicked and punched him": verbs of one type joined with no subject of their own
            # tell one act
            other = by_head.get(c.head.head.i) if c.head.dep_ == "conj" else None
            if (
                other is not None
                and other.type == c.type
                and c.hostile
                and c.head.pos_ == "VERB"
                and not any(t.dep_ in SUBJECT for t in c.head.children)
                and {c.head.i, other.head.i}.isdisjoint(dropped)
            ):
                other.extra.append(c.head)
                dropped.add(c.head.i)
        for c in cands:
            # "gunmen opened fire on a car and killed X": the shooting is the means of the killing
            # its joined verb tells (no subject of its own), one act aimed at X
            other = by_head.get(c.head.head.i) if c.head.dep_ == "conj" else None
            if (
                other is not None
                and c.head.pos_ == "VERB"
                and not any(t.dep_ in SUBJECT for t in c.head.children)
                and {c.head.i, other.head.i}.isdisjoint(dropped)
                and {c.type, other.type} == {"armed_attack", "assassination"}
            ):
                kill, attack = (c, other) if c.type == "assassination" else (other, c)
                if self._kills_person(kill):
                    kill.extra.append(attack.head)
                    dropped.add(attack.head.i)
        kept = [c for c in cands if c.head.i not in dropped]
        hostile = [c for c in kept if c.hostile]
        if len(hostile) > 1:  # "monitoring them with the intention of killing them": one act
            purposive = {c.head.i for c in hostile if self._in_purpose(c.head)}
            if len(purposive) < len(hostile):
                kept = [c for c in kept if c.head.i not in purposive]
        return [c for c in kept if not self._habitual(c)]

    def _kills_person(self, cand: Candidate) -> bool:
        """A killing told of named people ("killed the journalist X"): the one it was aimed at."""
        return cand.type == "assassination" and any(
            t.ent_type_ == "PERSON" or any(c.ent_type_ == "PERSON" for c in t.children if c.dep_ == "appos")
            for t in self.roles.patient_tokens(cand.head)
        )

    @staticmethod
    def _act_of_victim(verb: Token, by_head: dict[int, Candidate]) -> Candidate | None:
        """The hostile noun ("the murder of X") whose victim a relative clause at ``verb``
        describes ("X, a former president, who was killed by a bomb"), or None."""
        if verb.dep_ != "relcl":
            return None
        victim = verb.head
        if victim.dep_ == "appos":
            victim = victim.head
        of = victim.head
        if victim.dep_ != "pobj" or of.lower_ != "of":
            return None
        act = by_head.get(of.head.i)
        return act if act is not None and act.hostile and act.head.pos_ == "NOUN" else None

    def _in_purpose(self, tok: Token, upto: Token | None = None) -> bool:
        return any(
            t.lemma_.lower() in self.purpose for t in list(chain(tok))[1:] if upto is None or t.i != upto.i
        )

    def _habitual(self, cand: Candidate) -> bool:
        """ "a long history of assassinating dissidents", "who have repeatedly threatened
        critics": a habit, not an event."""
        if not cand.hostile:
            return False
        blows = cand.head.lemma_.lower() in self.blow_verbs and cand.head.pos_ == "VERB"
        if not blows and any(
            c.dep_ == "advmod" and c.lower_ in self.habitual_adverbs for c in cand.head.children
        ):
            return True
        return any(t.lemma_.lower() in self.habitual for t in list(chain(cand.head))[1:4])

    # -- slots --------------------------------------------------------------------------

    def _fill(self, cand: Candidate, others: set[int]) -> None:
        head, sent = cand.head, cand.sent
        roots = [head, *cand.extra]
        scope: list[Token] = []
        for r in roots:
            skip = others | ({c.i for c in r.children if c.dep_ == "conj"} if r.pos_ == "NOUN" else set())
            if cand.hostile and r.pos_ == "NOUN":
                # "the car bomb that killed X in central Kyiv in July 2016": the killing told of
                # the act's own noun is the act, its date and place the act's
                skip -= {c.i for c in r.children if c.dep_ == "relcl" and c.lemma_.lower() in KILL_VERBS}
            # "They were seized there, and the others were taken the next day": a joined clause
            # with a subject of its own tells another act, its date and places are not this one's
            skip |= {
                c.i
                for c in r.children
                if c.dep_ == "conj"
                and c.pos_ in ("VERB", "AUX")
                and any(g.dep_ in SUBJECT for g in c.children)
            }
            # "X, who was a counsellor at the embassy in Vienna, was convicted": the clause
            # describes a participant, its places and dates are not the event's
            # ("X and Y, who prosecutors say are officers of Russia's GRU, were sentenced": the
            # clause on the last of a list describes them all)
            skip |= {
                t.i
                for c in r.children
                if c.dep_ in (*SUBJECT, "dobj")
                for n in (c, *c.conjuncts)
                for t in n.children
                if t.dep_ in ("relcl", "appos", "acl")
            }
            scope.extend(subtree_without(r, skip))
        climb = [t for r in roots for t in self._climb(r, others)]
        if cand.hostile:  # "PET said on Tuesday that agents had planned to kill …": Tuesday is the report's
            climb = [t for t in climb if not self._reporting(t)]
        cand.date = self._date(cand, scope, climb, others)
        if not cand.hostile and (perfect := self._present_perfect(head)) is not None:
            cand.date = self._recent_date(cand, perfect)
        # "Ten years after agents bombed his office, he on Monday published …": not Monday
        if (counted := self._years_after(head)) is not None and not (
            cand.date is not None and cand.date.date.compatible(counted.date)
        ):
            cand.date = counted
        cand.date = cand.date or self._report_date(cand) or self.frame_date(sent)
        # "… are looking into X, after a group based in Spain published a report": the places of
        # a clause told as before or after the act are that clause's
        later = {
            t.i
            for t in scope
            if t.i not in {r.i for r in roots}
            and t.dep_ == "advcl"
            and any(c.dep_ == "mark" and c.lower_ in self.sequence for c in t.children)
            for t in t.subtree
        }
        if cand.hostile:
            # "X was shot dead in London, a killing blamed on agents of the government in
            # Baghdad": a place in what the act is blamed on is not where it was done
            later |= {
                t.i
                for v in scope
                if v.pos_ == "VERB" and v.lemma_.lower() in BLAME_VERBS and v.i not in {r.i for r in roots}
                for p in v.children
                if p.dep_ in ("prep", "dative") and p.lower_ in ("on", "to")
                for t in p.subtree
            }
        if not cand.hostile:
            # "X was charged alongside him and is believed to be in Iran": a joined clause with a
            # tense of its own says where he is now, not where he was charged ("was freed but
            # kept under watch in Ningbo" shares the act's)
            later |= {
                t.i
                for c in head.children
                if c.dep_ == "conj"
                and c.pos_ in ("VERB", "AUX")
                and any(a.dep_ in ("aux", "auxpass") for a in c.children)
                for t in c.subtree
            }
        places, origin = self._places(
            [t for t in scope if t.i not in later],
            climb,
            sent,
            taken=cand.type == "kidnapping",
            hostile=cand.hostile,
        )
        if head.pos_ == "NOUN" or head.tag_ == "VBG":  # "the Paris bombing", "the Istanbul consulate killing"
            own = [
                p
                for c in self._compounds(head)
                if c.ent_type_ == "GPE" and (p := self.places.resolve(c.text)) is not None
            ]
            places = (own[:1] or places) if cand.hostile else (places or own)
        if cand.hostile and not places:  # "the Paris rally bomb plot": a city naming the act
            # in reading order: "the London Central Mosque" is in London
            proper = sorted(
                (t for t in scope if t.dep_ in ("compound", "nmod") and t.pos_ == "PROPN"), key=lambda t: t.i
            )
            named = (self._place_of(t) for t in proper)
            places = [p for p in named if p is not None and p.place][:1]
        if cand.hostile and not places:
            places = self._at_the_victim(head)  # "shot the journalist Ali Rezaei in Leeds"
        if not places and (where := self._where_antecedent(head)) is not None:
            places = [where]  # "put him on a plane to New York, where he was arrested"
        if not places and origin is not None and cand.type == "kidnapping":
            places = [origin]  # "lured the composer from West Berlin": taken from where he was
        cand.place = places[0] if places else None
        cand.origin = origin
        if cand.hostile:
            self._status(cand, roots)
            responses = {
                s.root.i
                for s in self.doc.spans[TRIG_KEY]
                if s.label_ not in HOSTILE_TYPES and s.label_ != "generic"
            }
            perp = self._perpetrators(head, responses)
            # "The killing was part of a campaign": the act is the subject of what is said of
            # it, not its own doer (nor, folded into the act it refers to, that act's)
            # A weapon told as the subject of what it did ("A bomb planted in the car went off",
            # "a car bomb injured X") is the act done with no doer named, not a predicate on it.
            cand.predicated = any(t.i == head.i for t in perp) and head.lemma_.lower() not in self.weapons
            perp = [t for t in perp if t.i != head.i]
            perp += [p for t in perp for p in self.roles.principals(t)]
            behind = [p for r in roots for p in self.roles.behest(r) if p not in perp]
            behind += [p for p in self._done_for(head) if p not in perp + behind]
            perp += behind
            tgt = [t for r in roots for t in self.roles.patient_tokens(r)]
            if cand.entry.subject_patient:
                # "X disappeared from his flat": the subject underwent it ("who" is its antecedent)
                tgt = [antecedent_of(c) for c in head.children if c.dep_ == "nsubj"]
                perp = [t for t in perp if t.i not in {x.i for x in tgt} and t.dep_ != "nsubj"]
            if not tgt and head.pos_ == "NOUN" and head.dep_ == "pobj" and head.head.head.pos_ == "VERB":
                # "were arrested and flown to Turkey in a rendition": done to the verb's patient
                tgt = self.roles.patient_tokens(head.head.head)
            harm = [head.head] if head.dep_ == "nsubj" else [c for c in head.children if c.dep_ == "relcl"]
            if not tgt and any(h.lemma_.lower() in HARM_VERBS for h in harm):
                # "a car bomb (that) badly injured X": the bomb's victims are the harming verb's object
                tgt = [
                    t
                    for h in harm
                    if h.lemma_.lower() in HARM_VERBS
                    for c in h.children
                    if c.dep_ == "dobj"
                    for t in (c, *c.conjuncts)
                ]
            # "opened fire", also as a merged trigger ("opened fire on a car and killed X")
            extra = {e.i for e in cand.extra}
            spans = [cand.trigger, *(s for s in self.doc.spans[TRIG_KEY] if s.root.i in extra)]
            tgt = [t for t in tgt if not any(s.start <= t.i < s.end for s in spans)]
            cand.actors += self.roles.actors(perp, "perpetrator", sent)
            cand.actors += self.roles.actors(tgt, "target", sent)
            cand.aimed_at_person = bool(tgt) and all(
                t.ent_type_ == "PERSON" or t.lower_ in ("him", "her") for t in tgt
            )
            # "X had been hired to kill Y": hired hands act for someone behind them
            hired = any(
                t.dep_ == "nsubjpass" and t.head.lemma_.lower() in self.roles.principal_verbs for t in perp
            )
            cand.anonymous = bool(perp) and all(self._anonymous(t) and t.i != head.i for t in perp)
            cand.armed_body = any(self._armed_body(t) for t in perp)
            cand.state_agent = (
                hired
                or any(self.roles.is_state_agent(t) for t in perp)
                or any(self._official(t) for t in behind)
            )
            if (
                cand.entry.weak
                and cand.type == "assassination"
                # a surname the tagger reads as a plural ("Davies") is one person
                and any((t.tag_ in ("NNS", "NNPS") and t.ent_type_ != "PERSON") or number_of(t) for t in tgt)
                # "eight officers were shot by firing squad": executions, each a killing
                and not any(t.lemma_.lower() == "squad" and t.i > head.i for t in head.subtree)
            ):
                cand.type = "armed_attack"  # killing many is not an assassination
            fired_on = [
                [g for t in cand.trigger for g in _in_objects(t, (prep,)) if g.i > t.i]
                for prep in ("on", "at")
            ]
            aimed = fired_on[0] or fired_on[1]  # "opened fire on him at his home"
            if (
                cand.type == "armed_attack"
                and cand.entry.lemmas == ("open", "fire")
                and self._one_person(aimed)
            ):
                # "opened fire on the commander Adam Osmayev", "opened fire on him at his home": an
                # attempt on one person's life, failed unless a death is told
                cand.type = "assassination"
                if not any(t.lemma_.lower() in DEATH_WORDS for t in sent):
                    cand.status = "failed"
            died = self._died_when(head) if cand.type == "bombing" else []
            if died:
                # "X, who died in January 2012 when a magnetic bomb was stuck to his car": the
                # bomb killed one named person, an assassination
                cand.actors += self.roles.actors(died, "target", sent)
                cand.type, cand.status = "assassination", "executed"
            victims = [a for a in cand.actors if a.role == "target"]
            people = [a for a in victims if a.kind == "person"]
            if (
                cand.type == "bombing"
                and cand.status == "failed"
                and 0 < len(people) <= 2
                # "X and Y, two ANC supporters": the victims' organisation is no victim
                and all(a.kind in ("person", "organization", "group", "state") for a in victims)
            ):
                # a bomb that injured one or two named people who survived it was an attempt
                # on their lives ("a parcel bomb maimed X", "X was badly hurt by a car bomb")
                cand.type = "assassination"
            cand.agent_state = self._hostile_state(cand, perp, tgt)
            if self._time_of_description(head):
                cand.date, cand.dateless = None, True
        else:
            cand.status = None
            # "declared two members of the staff persona non grata", "Malaysia declared the
            # ambassador persona non grata": a small clause, its subject is acted upon, the
            # declaring verb's subject acts
            declaring = (
                head.dep_ in ("ccomp", "xcomp", "oprd") and head.head.lemma_.lower() in self.declare_verbs
            )
            small = [c for c in head.children if c.dep_ in SUBJECT] if declaring else []
            # "X had been declared persona non grata by Poland": the one declared is the
            # declaring verb's passive subject, the "by" phrase (which the parser may hang on
            # any word of the expression) names who declared
            declared = [c for c in head.head.children if c.dep_ == "nsubjpass"] if declaring else []
            if small:
                resp = [self._reported_subject(t) for t in self.roles.agent_tokens(head.head, others)]
                tgt = small
            elif declared:
                resp = [
                    g
                    for t in (head.head, *head.subtree)
                    for p in t.children
                    if p.dep_ == "agent" or (p.dep_ == "prep" and p.lower_ == "by")
                    for g in p.children
                    if g.dep_ == "pobj"
                ]
                tgt = declared
            elif cand.type == "diplomatic_measure" and (giver := self._giver(head)) is not None:
                resp, tgt = [giver], []
            elif cand.entry.subject_patient:
                # "Ulemek surrendered to the police": the subject is held by those he gave himself up to
                tgt = [antecedent_of(c) for c in head.children if c.dep_ == "nsubj"]
                resp = _in_objects(head, ("to",))
            else:
                resp = [self._reported_subject(t) for t in self._doers(head, others)]
                tgt = self.roles.patient_tokens(head)
                if (owner := self._owner(cand, resp)) is not None:
                    # "Chile's Supreme Court approved his extradition": the possessor of a
                    # response noun done to people underwent it; "Chile announced its expulsion
                    # of …": a pronoun owning another stands for the governing verb's doer
                    tgt = (tgt or resp) if owner == "undergoer" else tgt
                    resp = [self._reported_subject(t) for t in self.roles.agent_tokens(head.head, others)]
                # "was convicted at the Old Bailey": the court where it was done did it
                held = [t for t in tgt if self._court_of(t)]
                tgt = [t for t in tgt if t not in held]
                # "found guilty by a jury at Leeds Crown Court": the court the jury sat in
                held += [g for r in resp for p in r.children for g in p.children if self._court_of(g)]
                if not resp and not held and cand.type in ("conviction", "charge"):
                    # "found guilty of an offence at Westminster Magistrates' Court": the court
                    # the parser hung on the offence
                    held = [t for t in head.subtree if self._court_of(t) and t.i not in others]
                resp = [r for r in resp if r.lemma_.lower() != "jury"] + held if held else resp
            cand.actors += self.roles.actors(resp, "responder", sent)
            cand.actors += self.roles.actors(tgt, "target", sent)
            # "sanctions on X, a former deputy head of Saudi intelligence": the apposition's state too
            described = [a for t in tgt for a in t.children if a.dep_ == "appos"]
            cand.target_countries = {c for t in (*tgt, *described) if (c := self.roles.phrase_country(t))}
            if not resp and cand.type == "arrest":
                # "they were handed to the police": those it was handed to hold them
                resp = [
                    g
                    for p in head.children
                    if p.dep_ == "prep" and p.lower_ == "to"
                    for g in p.children
                    if g.dep_ == "pobj" and self.roles.is_authority(g)
                ]
                cand.actors += self.roles.actors(resp, "responder", sent)
            if not resp:
                # "X was arrested in October 2020, when the Justice Department charged eight
                # people": the authority of the response the "when" clause tells
                dates = [
                    g for p in head.children if p.dep_ == "prep" for g in p.children if g.ent_type_ == "DATE"
                ]
                resp = [
                    self._reported_subject(t)
                    for h in (head, *dates)  # "arrested in October 2020, when …"
                    for c in h.children
                    if c.dep_ in ("advcl", "relcl")
                    and any(m.dep_ == "advmod" and m.lower_ == "when" for m in c.children)
                    for t in self.roles.agent_tokens(c, set())
                    if self.roles.is_authority(t)
                ]
            states = [self.roles.responder_country(t) for t in resp if not self._many_institutions(t)]
            if not any(states):
                states = [self._its_state(t) for t in resp]
            cand.responder_named = any(states)
            cand.agent_state = next((s for s in states if s), None)
            cand.local_responder = not cand.responder_named and any(
                (t.lemma_.lower() in self.local or self._titled(t)) and not self._many_institutions(t)
                for t in resp
            )
            cand.later = cand.date is None and self._told_later(cand)
            if not places:
                places = [p for t in resp if (p := self.roles.responder_place(t)) is not None][:1]
                cand.place = places[0] if places else None
        cand._places = places  # type: ignore[attr-defined]

    def _doers(self, head: Token, others: set[int]) -> list[Token]:
        """Who did the response ``head``. "X hurried to declare their support for the king after
        the arrests": a time, not the arrests' doer (as for hostile acts in ``_perpetrators``);
        "after the arrests by police" still names it."""
        found = self.roles.agent_tokens(head, others)
        if head.dep_ == "pobj" and head.head.lower_ in TIME_PREPS and determiner(head) == "the":
            return _within(head, found)
        return found

    def _own_doers(self, head: Token, found: list[Token]) -> list[Token]:
        """ "Britain condemned the killing": those who react to a hostile act are not its doers;
        only a doer told with the act's noun ("condemned the killing of X by Saudi agents") is.
        (A response reacted to, "welcomed the arrest", is one told before: its doer's state comes
        from the story, as before.)"""
        if head.pos_ == "NOUN" and head.dep_ == "dobj" and head.head.lemma_.lower() in self.reaction_verbs:
            return _within(head, found)
        return found

    def _owner(self, cand: Candidate, resp: list[Token]) -> str | None:
        """What the only doer found, the possessor of a response noun, is when a verb brings the
        response about ("approved his extradition", "her release was ordered", cues
        ``effecting_verbs``) or a time preposition governs it ("after his release"): "undergoer"
        for a person owning an arrest, charge, conviction, extradition or release, "pronoun"
        for "its"/"their" owning another response; None otherwise ("fought his extradition",
        "a warrant for his arrest")."""
        head, gov = cand.head, cand.head.head
        effected = (gov.pos_ == "VERB" and gov.lemma_.lower() in self.effecting) or (
            gov.pos_ == "ADP" and gov.lower_ in self.sequence
        )
        if not (
            head.pos_ == "NOUN"
            and head.dep_ in ("dobj", "nsubjpass", "nsubj", "pobj")
            and effected
            and resp
            and all(t.dep_ == "poss" and t.head.i == head.i for t in resp)
        ):
            return None
        people = all(t.lower_ in ("his", "her", "their") or t.ent_type_ == "PERSON" for t in resp)
        if cand.type in UNDERGONE and people:
            return "undergoer"
        if cand.type not in UNDERGONE and all(t.lower_ in ("its", "their") for t in resp):
            return "pronoun"
        return None

    def _years_after(self, head: Token) -> Resolved | None:
        """ "Thirty years after the car bomb, X still speaks of …", "forty years since the
        attempt on X", "Ten years after agents bombed his office, he still writes": an act a
        length of years is counted from, when that length frames a clause in the present (or
        one at the article's own time, or no clause: a headline), was that many years before
        publication."""
        link: Token | None = None
        if head.dep_ == "pobj" and head.head.dep_ == "prep" and head.head.lower_ in ("after", "since"):
            link = head.head
        elif head.dep_ == "advcl":  # "after agents bombed his office"
            marks = [c for c in head.children if c.dep_ == "mark" and c.lower_ in ("after", "since")]
            link = marks[0] if marks else None
        elif head.dep_ == "ROOT":  # "Five weeks after X vanished, …", the parser's root
            marks = [c for c in head.children if c.dep_ == "mark" and c.lower_ == "after"]
            link = marks[0] if marks else None
        if link is None:
            return None
        if (
            link.i > 0
            and self.doc[link.i - 1].lower_ in ("days", "weeks", "months")
            and link.lower_ == "after"
        ):
            return self._units_after(head, link)
        if link.i == 0 or self.doc[link.i - 1].lower_ != "years":
            return None
        sent = head.sent
        m = RE_YEARS_TAIL.search(self.doc.text[sent.start_char : self.doc[link.i - 1].idx + len("years")])
        n = number(m.group(1)) if m else None
        if not n:
            return None
        # the clause the length frames: the first verb above it that is not the act's own
        gov = verb_above(head.head if head.dep_ == "advcl" else link.head)
        if gov.pos_ in ("VERB", "AUX") and gov.i != head.i:
            present = in_present(gov)
            own = self.verb_date(gov, sent)
            pub = self.dates.published
            now = own is not None and pub is not None and own.date.year == pub.year
            if not (present or now):
                return None
        return self.dates.years_before(n, self.doc.text)

    def _units_after(self, head: Token, link: Token) -> Resolved | None:
        """ "Five weeks after X vanished, the president confirmed on Monday …": the act was that
        long before the clause's own date (its month for weeks and months, its day for days)."""
        sent = head.sent
        m = RE_UNITS_TAIL.search(
            self.doc.text[sent.start_char : self.doc[link.i - 1].idx + len(self.doc[link.i - 1])]
        )
        n = number(m.group(1)) if m else None
        gov = verb_above(head.head if head.dep_ == "advcl" else link.head)
        if gov.i == head.i:  # "…, the president confirmed on Monday": the clause joined after it
            later = [
                c
                for c in head.children
                if c.pos_ == "VERB" and c.dep_ in ("conj", "ccomp", "parataxis") and c.i > head.i
            ]
            gov = later[0] if later else head
        own = self.verb_date(gov, sent) if gov.i != head.i else None
        if not n or m is None or own is None or own.date.precision != "day" or not own.date.value:
            return None
        day = dt.date.fromisoformat(own.date.value)
        unit = m.group(2).lower()
        back = day - dt.timedelta(days=n * (7 if unit == "week" else 30 if unit == "month" else 1))
        if unit == "day":
            return Resolved(PartialDate.of(back.year, back.month, back.day), True)
        return Resolved(PartialDate.of(back.year, back.month), True)

    @staticmethod
    def _died_when(head: Token) -> list[Token]:
        """The named person who "died when" the bomb at ``head`` went off, or []."""
        for cur in list(head.ancestors)[:5]:  # across the "when" clause the parser may hang anywhere
            if cur.lemma_.lower() != "die" or cur.pos_ != "VERB":
                continue
            between = head.doc[cur.i + 1 : head.i]
            if not any(t.lower_ == "when" for t in between):
                return []
            who = [antecedent_of(c) for c in cur.children if c.dep_ == "nsubj"]
            return [s for s in who if s.ent_type_ == "PERSON"]
        return []

    @staticmethod
    def _time_of_description(head: Token) -> bool:
        """ "X, who was the minister when Y was shot": an act told as the time of a clause that
        describes someone, not dated by the sentence it is in (nor by the narrative)."""
        return (
            head.dep_ == "advcl"
            and any(c.dep_ == "advmod" and c.lower_ == "when" for c in head.children)
            and head.head.dep_ == "relcl"
        )

    def _anonymous(self, tok: Token) -> bool:
        """A doer the text does not name or tie to anyone: "two men", "a gunman", "the team",
        "the bomb" (a weapon told as the doer). Such a doer leaves the state behind the act open."""
        return (
            tok.pos_ == "NOUN"
            and tok.lemma_.lower() in self.anonymous_doers
            and not self.roles.named_in(tok)
            # "two Palestinian gunmen", "gunmen from Hamas": tied to a people or a group
            and not any(
                t.ent_type_ in ("NORP", "ORG", "GPE")
                for c in tok.children
                if c.dep_ in ("amod", "compound", "nmod", "poss")
                or (c.dep_ == "prep" and c.lower_ in ("from", "of"))
                for t in c.subtree
            )
            and self.roles.phrase_country(tok) is None
            and not self.roles.principals(tok)
        )

    @staticmethod
    def _compounds(tok: Token) -> list[Token]:
        """The compound modifiers of a noun, and theirs ("Paris" in "Paris rally bomb plot")."""
        out: list[Token] = []
        stack = [c for c in tok.children if c.dep_ == "compound"]
        while stack:
            cur = stack.pop()
            out.append(cur)
            stack.extend(c for c in cur.children if c.dep_ == "compound")
        return sorted(out, key=lambda t: t.i)

    @staticmethod
    def _giver(head: Token) -> Token | None:
        """ "the ministry handed the ambassador, X, a note of protest": a note (a noun the parser
        may hang on the recipient as an apposition) is the act of the one who hands it over."""
        if head.pos_ != "NOUN":
            return None
        verb = head.head
        while verb.dep_ in ("appos", "dobj", "dative") and verb.pos_ != "VERB" and verb.head.i != verb.i:
            verb = verb.head
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in ("hand", "deliver", "send", "give", "present"):
            return None
        return next((c for c in verb.children if c.dep_ == "nsubj"), None)

    def _its_state(self, tok: Token) -> str | None:
        """ "Ruritania has long … In 1990 its security services handed X to …": an authority
        owned by "its" is the state last named as a clause subject, in this sentence or the one
        before."""
        if not self.roles.is_authority(tok) or not any(
            c.dep_ == "poss" and c.lower_ == "its" for c in tok.children
        ):
            return None
        start = tok.sent.start
        if start > 0:
            start = self.doc[start - 1].sent.start
        for cur in reversed(self.doc[start : tok.i]):
            if cur.dep_ == "nsubj" and cur.ent_type_ == "GPE":
                place = self.places.resolve(cur.text, allow_city=False)  # a state or its capital
                return place.country if place else None
        return None

    def _reported_subject(self, tok: Token) -> Token:
        """ "The United States said it would expel …": "it" is the subject of "said"."""
        if tok.lower_ not in ("it", "they"):
            return tok
        for cur in list(chain(tok.head))[1:]:
            subj = next((c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None and subj.lower_ not in ("it", "they"):
                return subj
        return tok

    def _blamed_state(self, sent: Span) -> str | None:
        """ "…, which Argentina blamed on Iran", "attributed the killings to Iran": Iran."""
        for tok in sent:
            if tok.lemma_.lower() not in BLAME_VERBS or tok.pos_ != "VERB":
                continue
            # "the FBI traced the bomb to DINA", "investigators traced the order back to Taipei"
            backs = [c for c in tok.children if c.dep_ == "advmod" and c.lower_ == "back"]
            for prep in (c for h in (tok, *backs) for c in h.children):
                if prep.dep_ in ("prep", "dative") and prep.lower_ in ("on", "to"):
                    for pobj in prep.children:
                        if pobj.dep_ == "pobj" and (code := self.roles.blamed_state(pobj)):
                            return code
        return None

    def _perpetrators(self, head: Token, responses: set[int]) -> list[Token]:
        """Subject of the act; when the act hangs off a response ("charged X with plotting",
        "arrested X for spying"), the one the response acted upon."""
        path = list(chain(head))
        for k, cur in enumerate(path[1:], start=1):
            finding = cur.lemma_.lower() in self.res.finding_lemmas
            if cur.i in responses and path[k - 1].dep_ == "ccomp" and finding:
                # "an inquiry concluded that officers had carried out last month's bombing": what
                # it found, done by the subject of the clause found
                found = self.roles.agent_tokens(path[k - 1], set(), reported=False)
                if found:
                    return found
                break
            if cur.i in responses:
                # "arrested X for spying", "accused them of running …", not "were arrested …
                # and flown to Turkey in a rendition" (what was done to them)
                cause = any(t.dep_ == "prep" and t.lower_ in CAUSE_PREPS for t in path[1:k])
                if cause or not any(t.dep_ == "conj" and t.pos_ == "VERB" for t in path[:k]):
                    return self.roles.patient_tokens(cur)
                break
            if cur.pos_ == "VERB" and cur.lemma_.lower() in ("blame", "accuse", "suspect"):
                # "exiles blamed the security service for the killing": the one blamed
                if any(t.dep_ == "prep" and t.lower_ in ("for", "of") for t in path[1:k]):
                    return self.roles.patient_tokens(cur)
                break
        if head.dep_ == "pobj" and head.head.lower_ in TIME_PREPS and determiner(head) == "the":
            return []  # "boarded a flight hours after the killing": a time, not the killing's doer
        foil = self.status_cues.get("foiled", set())
        out = []
        for tok in self._own_doers(head, self.roles.agent_tokens(head, set(), reported=False)):
            gov = tok.head if tok.dep_ in (*SUBJECT, "poss") else tok.head.head
            if gov.i != head.i and gov.lemma_.lower() in foil:
                continue  # "an attempt to kill X was foiled by police": police foiled it
            # "killed by a bomb that agents had hidden", "a bomb planted by agents killed X":
            # those who placed the weapon are the doers
            out.extend(self._placed_by(tok) or [tok])
        return out

    def _placed_by(self, weapon: Token) -> list[Token]:
        """Who placed, sent or hid a weapon told as the doer ("a bomb planted by X", "a bomb
        that X had hidden"), or nothing when ``weapon`` is no weapon or nobody is named."""
        if weapon.lemma_.lower() not in self.weapons:
            return []
        for clause in (c for c in weapon.children if c.dep_ in ("acl", "relcl")):
            for child in clause.children:
                if child.dep_ == "agent":
                    return [g for g in child.children if g.dep_ == "pobj"]
                if child.dep_ == "nsubj" and child.tag_ not in ("WP", "WDT"):
                    return [child]
        return []

    def _reporting(self, tok: Token) -> bool:
        """A verb that reports what its clausal complement says happened ("said", "revealed")."""
        return (
            tok.pos_ == "VERB"
            and (tok.lemma_.lower() in self.reporting or tok.lemma_.lower() in self.res.finding_lemmas)
            and any(c.dep_ == "ccomp" for c in tok.children)
        )

    def _climb(self, tok: Token, others: set[int]) -> list[Token]:
        """Governors whose modifiers may hold the trigger's place or date: up to the first verb
        (through "planned to …" xcomp chains), never past another trigger."""
        out: list[Token] = []
        prev = tok
        for cur in list(chain(tok, others))[1:]:
            if prev.dep_ == "advcl" and any(
                c.dep_ == "mark" and c.lower_ in self.sequence for c in prev.children
            ):
                break  # "reacted on Monday after Belarus diverted a jet": Monday is not the diversion's
            if prev is tok and tok.pos_ == "NOUN" and cur.lower_ == "for" and cur.head.pos_ == "VERB":
                break  # "for the second killing he was decorated in Moscow": not the killing's place
            out.append(cur)
            if cur.pos_ in ("VERB", "AUX") and prev.dep_ not in ("xcomp", "conj"):
                break
            prev = cur
        return out

    def _status(self, cand: Candidate, roots: list[Token]) -> None:
        lemmas: set[str] = set()
        for r in roots:
            lemmas.update(t.lemma_.lower() for t in self._own_chain(r))
            if r.lemma_.lower() not in self.doers:  # "three hired gunmen": the men were hired
                lemmas.update(t.lemma_.lower() for t in self.doc[max(r.i - 3, cand.sent.start) : r.i])
                lemmas.update(c.lemma_.lower() for c in r.children)
                lemmas.update(t.lower_ for t in r.children)
            if any(c.lower_ in ("mortally", "fatally") for c in r.children):
                lemmas -= {"wound", "injure"}  # "mortally wounded X": killed
        sent_lemmas = {t.lemma_.lower() for t in cand.sent}
        tried = set(self.cues.get("attempt_governors", ()))
        for status in STATUS_ORDER:
            cue = self.status_cues.get(status, set())
            if cue & lemmas or (status == "foiled" and cue & sent_lemmas):
                cand.status = status
                break
            if status == "failed" and any(self._tried(r, tried) for r in roots):
                cand.status = status
                break
        head = cand.head
        if (
            cand.status == "planned"
            and head.pos_ == "NOUN"
            and head.dep_ in ("dobj", "nsubjpass", "xcomp")
            and head.head.lemma_.lower() in self.order_verbs
        ):
            cand.status = cand.entry.status  # "the state ordered the killing": the act ordered, done
        if cand.status == "planned" and any(
            s.label_ in ("arrest", "charge")
            for s in self.doc.spans[TRIG_KEY]
            if s.root.i != cand.head.i and s.root.i in {t.i for t in chain(cand.head)}
        ):
            cand.status = "foiled"

    def _own_chain(self, tok: Token) -> list[Token]:
        """``tok`` and its governors up to a clause told as before or after another ("ordered
        diplomats to leave, three weeks after X was poisoned": the order is not the poisoning's)."""
        out: list[Token] = []
        for cur in chain(tok):
            out.append(cur)
            if cur.dep_ == "advcl" and any(
                c.dep_ == "mark" and c.lower_ in self.sequence for c in cur.children
            ):
                break
        return out

    @staticmethod
    def _tried(tok: Token, verbs: set[str]) -> bool:
        """ "tried to bomb", "sought to kill": the act governed by an attempt verb (xcomp)."""
        cur = tok
        while cur.dep_ in ("xcomp", "conj") and cur.head.i != cur.i:
            cur = cur.head
            if cur.lemma_.lower() in verbs and cur.pos_ == "VERB":
                return True
        return False

    def _court_of(self, tok: Token) -> bool:
        """A court in the gazetteer named in "at"/"in"/"before" ("convicted at the Old Bailey")."""
        span = self.roles.gaz.get(tok.i)
        at = tok.dep_ == "pobj" and tok.head.lower_ in ("at", "in", "before", "by")
        return at and span is not None and span.label_ == "court"

    def _titled(self, tok: Token) -> bool:
        """ "President Barack Obama", "Chancellor Merkel": a person named by a title of office,
        who acts for the state the story is in when nothing else names it."""
        return tok.ent_type_ == "PERSON" and any(
            c.dep_ == "compound" and c.lemma_.lower() in self.titles for c in tok.children
        )

    @staticmethod
    def _many_institutions(tok: Token) -> bool:
        """ "Governments in Europe and North America", "courts": many states, not the local one
        ("authorities", "officials", "police" are the local ones in any number)."""
        return tok.tag_ in ("NNS", "NNPS") and tok.lemma_.lower() in (
            "government",
            "ministry",
            "court",
            "cabinet",
        )

    def _told_later(self, cand: Candidate) -> bool:
        """A response told as coming after something else ("was later handed over to Belgium",
        "After the verdict, the ministry summoned …"): the year of the act before it is no
        guess at its date."""
        head = cand.head
        if any(c.dep_ == "advmod" and c.lower_ in self.later_words for c in head.children):
            return True
        responses = {s.root.i for s in self.doc.spans[TRIG_KEY] if s.label_ not in HOSTILE_TYPES}
        after = [p for p in fronted_preps(cand.sent) if p.lower_ == "after"]
        return any(
            g.i in responses or g.lemma_.lower() in self.court_nouns
            for p in after
            for g in p.children
            if g.dep_ == "pobj"
        )

    def _done_for(self, head: Token) -> list[Token]:
        """The state organ (or state) an act is done for: "a police station for China's
        Ministry of Public Security", "spied for Iran"."""
        return [
            pobj
            for prep in head.children
            if prep.dep_ == "prep" and prep.lower_ == "for"
            for pobj in prep.children
            if pobj.dep_ == "pobj" and (self.roles.is_state_agent(pobj) or self._official(pobj))
        ]

    def _one_person(self, tgt: list[Token]) -> bool:
        """The act's targets are one person: a name, "him"/"her", or a person noun with a name
        in it ("the Chechen volunteer commander Adam Osmayev")."""
        if len(tgt) != 1 or tgt[0].conjuncts:
            return False
        tok = tgt[0]
        if tok.ent_type_ == "PERSON" or tok.lower_ in ("him", "her"):
            return True
        return (
            tok.tag_ == "NN"
            and tok.lemma_.lower() in self.person_nouns
            and any(t.ent_type_ == "PERSON" for t in tok.subtree)
        )

    @staticmethod
    def _official(tok: Token) -> bool:
        """A phrase naming an organ of a state: "an Indian government employee", "the ministry"."""
        return any(t.lemma_.lower() in STATE_ORGANS for t in tok.subtree)

    def _armed_body(self, tok: Token) -> bool:
        """Soldiers, troops, police or guards ("members of the presidential guard", "security
        forces"), with no state named on them."""
        members = tok.lemma_.lower() in self.roles.member_nouns
        bodies = [tok, *(_in_objects(tok, ("of",)) if members else ())]
        return any(
            b.lemma_.lower() in self.armed_bodies and self.roles.phrase_country(b) is None for b in bodies
        )

    def _hostile_state(self, cand: Candidate, perp: list[Token], tgt: list[Token]) -> str | None:
        for tok in perp:
            # commandos are a state's ("South African commandos raided …"); troops and soldiers
            # (of an occupation, a war) are no covert operation abroad
            commando = tok.lemma_.lower() in self.commandos
            organ = self.roles.is_state_agent(tok) or self._official(tok) or commando
            if organ or tok.ent_type_ in ("ORG", "GPE", "NORP"):
                # a capital for its government ("Pyongyang ordered …", "a team sent from Tehran")
                code = self.roles.phrase_country(tok) or (
                    self.roles.state_of(tok) if tok.ent_type_ == "GPE" else None
                )
                if code:
                    return code
            # "Kim, the North Korean agent who planted the bomb": the doer's apposition, or the
            # noun its relative pronoun stands for
            near = [c for c in tok.children if c.dep_ == "appos"]
            if antecedent_of(tok) is not tok:
                near.append(antecedent_of(tok))
            for body in (o for o in _in_objects(tok, ("of",)) if o.lemma_.lower() in ARMED_ORGANS):
                # "two fighter jets of the Cuban air force", "gunmen of the Syrian army": whose they are
                if code := self.roles.phrase_country(body):
                    return code
            for ap in near:
                if (self.roles.is_state_agent(ap) or self._official(ap)) and (
                    code := self.roles.phrase_country(ap)
                ):
                    return code
        for child in cand.head.children:
            if child.dep_ == "compound" and child.ent_type_ == "GPE":
                continue  # "the Paris bombing", "the France attack": a place
            if child.dep_ in ("poss", "amod", "compound", "nmod", "npadvmod"):
                code = self.roles.phrase_country(child)
                if code:
                    return code
        for pobj in self._done_for(cand.head):
            code = self.roles.phrase_country(pobj)
            if code:
                return code
        govs = [e for e in cand.extra if e.pos_ == "NOUN"]  # merged "plot to kidnap"
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in cand.head.children)
        if infinitive and cand.head.dep_ in ("acl", "xcomp", "relcl") and cand.head.head.pos_ == "NOUN":
            govs.append(cand.head.head)  # "an attempt to kill", "a plan to bomb"
        for gov in govs:
            for child in gov.children:  # "a Russian attempt to kill …", "an Iranian plan to bomb …"
                if child.dep_ in ("amod", "compound", "nmod") and child.ent_type_ != "GPE":
                    code = self.roles.phrase_country(child)
                    if code:
                        return code
        blamed = self._blamed_state(cand.sent)
        if blamed:
            return blamed
        noun = cand.head.head if cand.head.dep_ == "relcl" else cand.head
        if noun.dep_ == "dobj" and noun.head.lemma_.lower() in self.order_verbs:
            # "the prince approved the operation in which X was killed", "Moscow ordered the killing"
            for subj in (c for c in noun.head.children if c.dep_ in SUBJECT):
                if code := self.roles.phrase_country(subj):
                    return code
        for gov in list(chain(cand.head))[1:4]:
            # "Iran was involved in the killings", "Russia was responsible for the poisoning"
            if gov.lemma_.lower() in self.blame_words:
                verb = gov.head if gov.dep_ in ("acomp", "prep") else gov
                for subj in (c for c in verb.children if c.dep_ in SUBJECT):
                    if code := self.roles.phrase_country(subj):
                        return code
        tgt_ids = {t.i for tok in tgt for t in tok.subtree}
        for tok in cand.sent:
            span = self.roles.gaz.get(tok.i)
            if span is not None and tok.i not in tgt_ids and span.label_ in ("agency", "unit"):
                ent = self.res.entity(span.kb_id_)
                if ent is not None and ent.country:
                    return ent.country
        return None

    def _date(
        self, cand: Candidate, scope: list[Token], climb: list[Token], others: set[int]
    ) -> Resolved | None:
        sent = cand.sent
        spans = self._date_spans(sent)
        if not spans:
            return None
        scope_ids = {t.i for t in scope}
        climb_ids = {t.i for t in climb}
        fronted = {t.i for p in fronted_preps(sent) for t in p.subtree}
        # "freed on 11 March, when the prosecution dropped the murder charge": an act naming what
        # another noun is about is not what the "when" clause tells, its date is the charge's
        named = cand.hostile and cand.head.dep_ == "compound" and cand.head.head.pos_ == "NOUN"
        when = set() if named else self._when_dates([cand.head, *cand.extra, *climb])
        # "detained seven citizens working for a school chain on Thursday": a day of the week
        # inside a description of a participant is still the act's (descriptions take years)
        own = {t.i for r in [cand.head, *cand.extra] for t in r.subtree}
        # "In February the police chief said that Mossad had carried out the killing": a date
        # fronted before a report is the report's, not the act's
        reported = cand.hostile and any(self._reporting(t) for t in list(chain(cand.head))[1:])
        best: tuple[tuple[bool, int], Resolved] | None = None
        named_year: Resolved | None = None
        decade = False
        for span in spans:
            if span.start <= cand.head.i < span.end and (m := RE_AFTER_ACT.fullmatch(span.text)):
                # "three days after the 1998 killing": the act counted from, of the year it names
                named_year = Resolved(PartialDate.of(int(m.group(5)))) if m.group(5) else None
                continue
            root = span.root
            while root.dep_ in ("compound", "nmod") and root.head.i != root.i:
                root = root.head  # "on Monday evening": the phrase's head is "evening"
            described = self._in_description(root, cand, climb_ids)
            if described and not cand.hostile and not self._day_word(span.text):
                continue  # "released from prison in X, where he had been held since 2014"
            if not cand.hostile and self._dates_act(span):
                continue  # "charges Koroma over November attacks": the attacks' month
            attached = (
                root.i in scope_ids
                or root.head.i in climb_ids
                or (root.head.dep_ == "prep" and root.head.head.i in climb_ids)
                # "leaders meeting on Monday agreed to bar …": the meeting's time is the act's
                or (
                    root.head.dep_ == "prep"
                    and root.head.head.dep_ == "acl"
                    and root.head.head.head.dep_ in SUBJECT
                    and root.head.head.head.head.i in climb_ids
                )
                # "reached a conclusion in 2018 and froze …": a time on the object is the verb's
                or (
                    root.head.dep_ == "prep"
                    and root.head.head.dep_ == "dobj"
                    and root.head.head.head.i in climb_ids
                )
            )
            if not attached and root.i in fronted and not (others & climb_ids) and not reported:
                attached = True
            if not attached and (root.i in when or (root.i in own and self._day_word(span.text))):
                attached = True
            if not attached and not cand.hostile and self._shares_frame(cand.head):
                # "In May this year police arrested three men … and charged them": May too
                verb = cand.head.head
                on_verb = root.head.i == verb.i or (root.head.dep_ == "prep" and root.head.head.i == verb.i)
                attached = on_verb and root.i < verb.i
            if attached:
                # "less than two weeks after X was killed on 2 October 2018": the length of
                # time is the gap to another act, the clause's own date wins when it has one
                offset = root.dep_ == "npadvmod" and any(
                    c.dep_ == "mark" and c.lower_ in self.sequence for c in root.head.children
                )
                key = (offset, abs(root.i - cand.head.i))
                # "sentenced her to five years in prison": a length of time that resolves to no
                # date yields to the nearest phrase that does
                year = self._clause_year(sent, span)
                resolved = self._day_told_before(
                    span, self.dates.resolve(span.text, year, self._anchor_before(span.start, span.text))
                )
                if resolved is not None and (best is None or key < best[0]):
                    best = (key, resolved)
                decade = decade or (resolved is None and RE_DECADE.search(span.text) is not None)
        if best is None and named_year is None and decade:
            # "jailed more than once in the 1960s": a time the text gives and no date can say;
            # not the year of publication either
            cand.dateless = True
        return best[1] if best else named_year

    @staticmethod
    def _clause_year(sent: Span, span: Span) -> int | None:
        """The year a month or day of ``span`` takes from its sentence: its single explicit
        year, leaving out relative clauses about a participant that ``span`` is not in ("X, who
        had gone into exile in 2001, was detained at the end of December": not 2001)."""
        inside = {t.i for t in span}
        left_out: set[int] = set()
        for tok in sent:
            if tok.dep_ == "relcl" and tok.i not in left_out:
                sub = {t.i for t in tok.subtree}
                if not sub & inside:
                    left_out |= sub
        if not left_out:
            return sentence_year(sent.text)
        return sentence_year(" ".join(t.text for t in sent if t.i not in left_out))

    @staticmethod
    def _in_description(tok: Token, cand: Candidate, stops: set[int]) -> bool:
        """``tok`` sits in a clause describing a participant or a place of the event ("freed
        from prison in X, where he had been held since 2014", "in the murder of X, a lawyer shot
        dead 21 years ago"), not in one describing the event's own noun."""
        roots = {cand.head.i, *(t.i for t in cand.extra)}
        if (holder := _container(cand.head)) is not None:
            roots.add(holder.i)  # "a commission of inquiry set up in 1992": the inquiry's own noun
        cur = tok
        while cur.head.i != cur.i and cur.i not in roots | stops:
            if cur.dep_ in ("relcl", "acl") and cur.head.i not in roots and cur is not tok:
                # "in its final report, published in 1998, the commission found …": the
                # publishing of the document the response is made in is the response's time
                return not (
                    cur.lemma_.lower() in PUBLISH_VERBS
                    and cur.head.lemma_.lower() in DOCUMENTS
                    and cur.head.dep_ == "pobj"
                    and cur.head.head.head.i in roots
                )
            cur = cur.head
        return False

    def _dates_act(self, span: Span) -> bool:
        """The date ``span`` is told on the noun of an act right after it ("over November
        attacks", "for the 1998 bombing"), however the parser hangs it: the act's date, not a
        response's. ("Sentenced for the killing in 1993" is left alone: the year may be the
        sentence's.)"""
        after = self.doc[span.end] if span.end < len(self.doc) else None
        return after is not None and RE_ACT_NOUN.fullmatch(after.lemma_.lower()) is not None

    @staticmethod
    def _present_perfect(head: Token) -> Token | None:
        """The verb of a response told in the present perfect ("have been detained", "has
        allowed", "has opened an investigation"), or None."""
        verb = head.head if head.pos_ == "NOUN" and head.dep_ in ("dobj", "nsubjpass") else head
        while verb.dep_ == "conj" and not any(c.dep_ == "aux" for c in verb.children):
            verb = verb.head  # "has been arrested and charged"
        has = any(c.dep_ == "aux" and c.lower_ in ("has", "have") for c in verb.children)
        return verb if has and verb.pos_ in ("VERB", "AUX") else None

    def _recent_date(self, cand: Candidate, verb: Token) -> Resolved | None:
        """A response told in the present perfect happened shortly before it is reported: the
        month of the report (or of publication) when the text gives it no date of its own. A
        present perfect takes no definite past time ("have been detained … last month" is the
        parser hanging another clause's time on it, "after he was arrested last Thursday" another
        act's), only "since …" or a time of the present."""
        pub = self.dates.published
        if pub is None:
            return cand.date
        own = cand.date.date if cand.date is not None else None
        report = self._report_date(cand)
        if (
            own is not None
            and own.value
            and (report is None or report.date != own)  # "…, police said on Friday": the report's day
            and (
                own.compatible(PartialDate.of(pub.year, pub.month, pub.day))  # "today", "this month"
                or any(c.dep_ == "prep" and c.lower_ == "since" for c in verb.children)
            )
        ):
            return cand.date
        if report is not None and report.date.precision in ("month", "day") and report.date.value:
            year, month = int(report.date.value[:4]), int(report.date.value[5:7])
            day = int(report.date.value[8:]) if report.date.precision == "day" else None
        else:
            year, month, day = pub.year, pub.month, pub.day
        if day is not None and day <= 7:
            return Resolved(PartialDate.of(year))  # early in a month, "recently" may be the last one
        return Resolved(PartialDate.of(year, month))

    def verb_date(self, verb: Token, sent: Span) -> Resolved | None:
        """The date attached to ``verb`` ("opened in 2022", "opened on Monday"), or None."""
        for span in self._date_spans(sent):
            root = span.root
            while root.dep_ in ("compound", "nmod") and root.head.i != root.i:
                root = root.head
            if root.head.i == verb.i or (root.head.dep_ == "prep" and root.head.head.i == verb.i):
                return self.dates.resolve(
                    span.text, sentence_year(sent.text), self._anchor_before(span.start)
                )
        return None

    @staticmethod
    def _day_word(text: str) -> bool:
        low = text.lower()
        return any(w in low for w in (*WEEKDAYS, "yesterday", "today"))

    @staticmethod
    def _when_dates(toks: list[Token]) -> set[int]:
        """Dates that head a "when" clause holding one of ``toks`` ("one in Kosovo in March,
        when six men were arrested and flown to Turkey"): the clause's time."""
        out: set[int] = set()
        for tok in toks:
            cur = tok
            while cur.dep_ == "conj" and cur.head.i != cur.i:
                cur = cur.head
            if (
                cur.dep_ in ("relcl", "advcl")
                and any(c.dep_ == "advmod" and c.lower_ == "when" for c in cur.children)
                and cur.head.ent_type_ == "DATE"
            ):
                out.add(cur.head.i)
        return out

    def _report_date(self, cand: Candidate) -> Resolved | None:
        """A response told in the clause of a dated report ("Prosecutors said on Friday that
        they had opened an investigation") took place by the report's date, the best the text
        gives. Not for hostile acts: the report comes after them."""
        if cand.hostile:
            return None
        verb = next((t for t in list(chain(cand.head))[1:] if self._reporting(t)), None)
        return None if verb is None else self.verb_date(verb, cand.sent)

    @staticmethod
    def _shares_frame(head: Token) -> bool:
        """A verb joined to the sentence's main verb with no subject of its own ("police arrested
        X and charged them"): the phrases fronted before the main verb frame it too."""
        return (
            head.dep_ == "conj"
            and head.pos_ == "VERB"
            and head.head.i == head.sent.root.i
            and not any(c.dep_ in SUBJECT for c in head.children)
        )

    def anchors(self) -> list[tuple[int, Resolved]]:
        """Every date of the text that resolves, by token position; each resolved against the
        ones before it ("on 30 June … the following day")."""
        if self._anchors is None:
            self._anchors = []
            for sent in self.doc.sents:
                for span in sorted(self._date_spans(sent), key=lambda s: s.start):
                    # "X, who succeeded his father in 2009, was declared the winner of the vote
                    # of 27 August": the relative clause's year is not the vote's
                    year = self._clause_year(sent, span)
                    # "hours later" counts from the narrative's last date, not from a date in an
                    # apposition describing someone ("X, an editor of a channel that organised
                    # protests after the election of August 2020"); "who went missing in late
                    # 2015. … in October of that year" does count from its relative clause
                    # nor from "since 1995" ("has lived there since 1995"): the start of a state
                    told = [
                        r
                        for start, r in self._anchors
                        if not self.descriptive(start, ("appos",))
                        and not self._thing_clause(start)
                        and not self._since(start)
                    ]
                    prev = told[-1] if told and anchored(span.text, None) is not False else None
                    clause = self._describing(span.root.i)
                    last = self._anchors[-1][0] if self._anchors else None
                    if clause is not None and last is not None and clause == self._describing(last):
                        # "Telli, who was arrested in 1976 and starved to death the following
                        # year": a date in a describing clause counts from one before it there
                        prev = self._anchors[-1][1]
                    # a bare "6 April" takes its year from the last point of the narrative told,
                    # not from a span of years ("Koroma, who led the country from 2007 to 2018")
                    # nor a "where" clause describing a place ("in Montreal, where police
                    # arrested protesters in February 1969")
                    points = [
                        (s, r) for s, r in self._anchors if not self._period(s) and not self._place_clause(s)
                    ]
                    if (
                        prev is None
                        and points
                        and not self._since(self._anchors[-1][0])
                        and not self._aside(points[-1][0], span.start)
                    ):
                        # a bare "31 May" right after "has lived there since 1995" takes its year
                        # from the publication, not from that start or a date before it
                        prev = points[-1][1]
                    if RE_THAT_YEAR.search(span.text) and self._anchors:
                        # "the mutiny that overthrew him in March 2012 … On 30 April that year":
                        # the year the text named last, in whatever clause
                        prev = self._anchors[-1][1]
                    res = self._day_told_before(span, self.dates.resolve(span.text, year, prev))
                    if res is not None and not self._back_to_now(span):
                        self._anchors.append((span.start, res))
        return self._anchors

    def _day_told_before(self, span: Span, res: Resolved | None) -> Resolved | None:
        """ "On 26 July 2023 … In the days after 26 July": a day and month with no year, told
        before with its year, is that day. "The case began on 3 April … (in 2004 …) after the
        arrests in April": a bare month on an act told before ("the" act) is the month of it."""
        if res is not None and res.date.precision == "month" and self._month_of_told_act(span):
            month = (res.date.value or "")[5:7]
            for start, told in reversed(self._anchors or []):
                value = told.date.value or ""
                if start < span.start and told.date.precision in ("day", "month") and value[5:7] == month:
                    return Resolved(PartialDate.of(int(value[:4]), int(month)))
            return res
        if res is None or res.date.precision != "day" or RE_YEAR.search(span.text):
            return res
        if not (RE_DM.search(span.text) or RE_MD.search(span.text)) or anchored(span.text, None) is not False:
            return res  # only a bare day and month ("26 July"), not "the same day" or "a year ago today"
        same_day = (res.date.value or "")[5:]
        for start, told in reversed(self._anchors or []):
            day = (told.date.value or "")[5:] if told.date.precision == "day" else ""
            if start < span.start and day == same_day:
                return told
        return res

    @staticmethod
    def _month_of_told_act(span: Span) -> bool:
        """``span`` is a bare month right after a definite noun ("the arrests in April"), however
        the parser hangs it."""
        doc, k = span.doc, span.start
        if RE_YEAR.search(span.text) or any(t.like_num for t in span) or k < 3:
            return False
        noun = doc[k - 2]
        return doc[k - 1].lower_ == "in" and noun.pos_ == "NOUN" and doc[k - 3].lower_ == "the"

    def _since(self, i: int) -> bool:
        """The date at token ``i`` follows "since": the start of a state, not a time of the story."""
        return i > 0 and self.doc[i - 1].lower_ == "since"

    def _period(self, i: int) -> bool:
        """The date at token ``i`` is an end of a span of years ("led the country from 2007 to
        2018", "between 1990 and 1994"): a stretch of time, not a point of the narrative."""
        doc = self.doc
        before = doc[i - 1].lower_ if i > 0 else ""
        if before in ("from", "between"):
            return any(t.lower_ in ("to", "until", "and") for t in doc[i + 1 : min(i + 4, len(doc))])
        if before in ("to", "until", "and"):
            return any(t.lower_ in ("from", "between") for t in doc[max(i - 5, 0) : i - 1])
        return False

    def _back_to_now(self, span: Span) -> bool:
        """ "Forty years later, nobody has been tried": a length after the story's date that
        frames a clause in the present is the time of writing, a leap out of the story that
        its next "that night", "four days later" do not count from."""
        if not RE_LATER.search(span.text):
            return False
        return in_present(verb_above(span.root))

    def _thing_clause(self, i: int) -> bool:
        """A date in a relative clause describing a thing ("the nerve agent that officers used in
        March"): no time of the narrative for "the same day" to count from. A "who" clause tells
        a person's story ("who went missing in late 2015. … in October of that year") and counts."""
        return any(
            a.dep_ == "relcl"
            and a.head.ent_type_ not in ("PERSON", "NORP")
            and not any(c.lower_ in ("who", "whom", "whose") for c in a.children)
            for a in self.doc[i].ancestors
        )

    def _place_clause(self, i: int) -> bool:
        """A date in a "where" clause describing a place ("in Montreal, where riot police had
        arrested protesters in February 1969"): what happened there before, no time of the
        narrative for a bare day ("On 6 April") to take its year from. (A clause describing a
        thing, "the newspaper that printed the files in October 1979", may be the story's time.)"""
        return any(
            a.dep_ == "relcl" and any(c.lower_ == "where" for c in a.children) for a in self.doc[i].ancestors
        )

    def _describing(self, i: int, deps: tuple[str, ...] = ("relcl", "appos")) -> Token | None:
        """The nearest clause or apposition describing someone that token ``i`` is in."""
        return next((a for a in self.doc[i].ancestors if a.dep_ in deps), None)

    def descriptive(self, i: int, deps: tuple[str, ...] = ("relcl", "appos")) -> bool:
        """A date in a clause describing someone ("Markov, who had defected in 1969, …"): no
        time of the narrative."""
        return self._describing(i, deps) is not None

    def _aside(self, start: int, i: int) -> bool:
        """The date at ``start`` sits in a relative clause of the sentence of token ``i`` that
        ``i`` is not in ("X, who had gone into exile in 2001, was detained at the end of
        December": 2001 gives December no year; "the murder of X, who disappeared in August
        2000, and an attempt on Y two months earlier" still counts from it)."""
        tok, here = self.doc[start], self.doc[i]
        if tok.sent.start != here.sent.start:
            return False
        cur = tok
        while cur.head.i != cur.i:
            if cur.dep_ == "relcl":
                return not cur.left_edge.i <= i <= cur.right_edge.i
            cur = cur.head
        return False

    def _anchor_before(self, i: int, text: str = "") -> Resolved | None:
        """The last date told before ``i`` that an anaphoric date may count from: a date in a
        clause describing a thing, or after "since" (the start of a state), is passed over (as in
        ``anchors``); a bare day right after such a start has none. "Soon afterwards", "days
        later" (``text``) count from the story's last event: when an event with no date of its
        own was told since that date ("… and died in 2003. His gunman was shot by a bodyguard.
        His accomplices were arrested soon afterwards"), the date was no time of the story's
        events, and the last event told with a date is the anchor. "Five days after the
        shooting" counts from the last act (an arrest: the last arrest) told with a date ("the
        1998 killing": of that year)."""
        found = [(start, r) for start, r in self.anchors() if start < i]
        bare = bool(text) and anchored(text, None) is False
        if bare and found and self._since(found[-1][0]):
            return None  # as in ``anchors``: the publication's year
        found = [
            (start, r)
            for start, r in found
            if not self._since(start)
            and not (bare and (self._aside(start, i) or self._period(start) or self._place_clause(start)))
        ]
        pub = self.dates.published
        # "the government that announced the withdrawal in the last days of October 1956. Early
        # on 4 November …": in a story of the distant past, a date that only wants a year takes
        # the last one told, in whatever clause (as ``anchors`` does); in news ("campaigners
        # rounded up in May 2018. On 28 December a court …") the bare day is the latest one
        # before publication
        year = found[-1][1].date.year if found else None
        if bare and pub and year and pub.year - year >= self.historical:
            return found[-1][1]
        if found and RE_THAT_YEAR.search(text):
            return found[-1][1]  # "On 30 April that year": the year named last (as in ``anchors``)
        told = [(start, r) for start, r in found if not self._thing_clause(start)]
        last = told[-1] if told else (found[-1] if found else None)
        events = [(h, d, t) for h, d, t in self._told if h < i]
        if m := RE_AFTER_ACT.search(text):
            arrest = "arrest" in m.group(0).lower()
            year = int(m.group(5)) if m.group(5) else None  # "after the 1998 killing": that year's
            acts = [
                d
                for h, d, t in events
                if d is not None
                and (t == "arrest" if arrest else t in HOSTILE_TYPES)
                and (year is None or d.date.year == year)
            ]
            if acts:
                return acts[-1]
        after = last is not None and any(d is None and h > last[0] for h, d, _t in events)
        if after and RE_VAGUE_LATER.search(text):
            dated = [d for h, d, _t in events if d is not None]
            if dated:
                return dated[-1]
        return last[1] if last else None

    def frame_date(self, sent: Span) -> Resolved | None:
        """The date a scene-setting sentence gives the next one of its paragraph: "On Monday
        the response widened. The United States said it would expel 60 officials …"."""
        if sent.start == 0 or self._date_spans(sent):
            return None
        prev = self.doc[sent.start - 1].sent
        if "\n\n" in self.doc.text[prev.end_char : sent.start_char].replace("\r", ""):
            return None  # another paragraph
        if any(prev.start <= s.start < prev.end for s in self.doc.spans[TRIG_KEY]):
            return None  # its date is its own event's
        spans = self._date_spans(prev)
        if len(spans) != 1:
            return None
        if self._since(spans[0].start):
            return None  # "had lived in exile since 1959": the start of a state, no scene's time
        root = spans[0].root
        fronted = {t.i for p in fronted_preps(prev) for t in p.subtree}
        on_root = root.head.i == prev.root.i or (root.head.dep_ == "prep" and root.head.head.i == prev.root.i)
        if root.i not in fronted and not on_root:
            return None
        return self.dates.resolve(
            spans[0].text, sentence_year(prev.text), self._anchor_before(spans[0].start)
        )

    def _date_spans(self, sent: Span) -> list[Span]:
        spans = {
            (e.start, e.end): e
            for e in map(self._own_phrase, sent.ents)
            # "on Saturday night", which the tagger reads as a time: the day
            if e.label_ == "DATE" or (e.label_ == "TIME" and any(w in e.text.lower() for w in WEEKDAYS))
        }
        matches = [*RE_DATE_SPAN.finditer(sent.text), *RE_ANAPHORIC_SPAN.finditer(sent.text)]
        for m in RE_YEARS_AGO_TODAY.finditer(sent.text):
            # "Thirty years ago today", which the tagger reads as two dates: one day
            span = self.doc.char_span(sent.start_char + m.start(), sent.start_char + m.end())
            if span is not None:
                spans = {k: v for k, v in spans.items() if not span.start <= k[0] < span.end}
                spans[(span.start, span.end)] = span
        for m in matches:
            span = self.doc.char_span(
                sent.start_char + m.start(), sent.start_char + m.end(), alignment_mode="expand"
            )
            if span is None:
                continue
            first = span[0]
            if not any(c.isdigit() for c in m.group(0)) and (
                first.ent_type_ in NAME_LABELS
                or (first.dep_ == "compound" and first.head.pos_ == "PROPN" and first.head.i > first.i)
            ):
                continue  # "Jan Jankowski", "Theresa May", "June Brown": a name, no month
            # "Five days after the shooting" where the tagger saw only "Five days": the longer reading
            longer = [(s, e) for s, e in spans if s == span.start and e < span.end]
            # "three days after the 1998 killing": one date; "6 October 2020" where the tagger saw
            # only "October 2020" (it read "the morning of 6" as a time): the whole date
            longer += [(s, e) for s, e in spans if span.start < s and e <= span.end]
            for key in longer:
                del spans[key]
            if not any(s <= span.start < e for s, e in spans):
                spans[(span.start, span.end)] = span
        return [s for s in spans.values() if not self._present_day(s)]

    def _own_phrase(self, ent: Span) -> Span:
        """A date the tagger ran into the next phrase ("sentenced in January 2010 to seven
        years": one entity) ends where a preposition hung outside it begins, when a year comes
        before it ("forty years to the day" is one phrase)."""
        year = False
        for tok in ent:
            if year and tok.dep_ == "prep" and not ent.start <= tok.head.i < ent.end:
                return Span(self.doc, ent.start, tok.i, label=ent.label_)
            year = year or (tok.like_num and len(tok.text) == 4)
        return ent

    def _present_day(self, span: Span) -> bool:
        """ "today's Guinea-Bissau", "what is today Kazakhstan": the place's present name, no
        date."""
        low = [t.lower_ for t in span]
        if low[:1] != ["today"] or len(low) > 2 or (len(low) == 2 and low[1] not in ("'s", "’s")):
            return False
        after = self.doc[span.end] if span.end < len(self.doc) else None
        if after is not None and after.lower_ in ("'s", "’s") and after.i + 1 < len(self.doc):
            after = self.doc[after.i + 1]
        return after is not None and after.pos_ == "PROPN"

    def _places(
        self, scope: list[Token], climb: list[Token], sent: Span, taken: bool = False, hostile: bool = False
    ) -> tuple[list[Place], Place | None]:
        """Places and origin of an act; ``taken``: a kidnapping, whose "drove him into X" is
        where the victim was taken, not where he was seized; ``hostile``: a hostile act, whose
        "fired on a crowd at the cemetery in Dili" is in Dili."""
        found: list[Place] = []
        aside: list[Place] = []  # told in a clause under the act's ("as he came home from exile in X")
        origin: Place | None = None
        in_scope = {t.i for t in scope}
        preps = [t for t in scope if t.dep_ == "prep"]
        preps += [c for t in climb for c in t.children if c.dep_ == "prep"]
        preps += fronted_preps(sent)
        for prep in preps:
            low = prep.lower_
            nests = low in self.place_preps or (hostile and low == "on")
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                for tok in [pobj, *pobj.conjuncts]:
                    place = self._place_of(tok)
                    if place is None and nests and tok.pos_ == "NOUN":
                        place = self._nested_place(tok)  # "into the gathering in Paris"
                    if place is None:
                        continue
                    if low in self.origin_preps:
                        origin = origin or place
                    elif taken and low in ("into", "to") and prep.head.lemma_.lower() in self.carry_verbs:
                        continue  # "seized him at home and drove him into Spain": where he was taken
                    elif nests:
                        (aside if self._under_clause(prep, in_scope) else found).append(place)
            if found and prep in fronted_preps(sent):
                break
        found = found or aside
        uniq: list[Place] = []
        for p in found:
            same = [q for q in uniq if q.country == p.country]
            if not same:
                uniq.append(p)
            elif p.place and not same[0].place:
                uniq[uniq.index(same[0])] = p
        return uniq, origin

    @staticmethod
    def _under_clause(prep: Token, scope: set[int]) -> bool:
        """``prep`` hangs in an adverbial, complement or relative clause inside the act's scope
        ("shot dead at the airport as he came home from exile in the United States": the
        exile's place)."""
        cur = prep
        while cur.i in scope and cur.head.i != cur.i and cur.head.i in scope:
            if cur.dep_ in ("advcl", "ccomp", "acl", "relcl"):
                return True
            cur = cur.head
        return False

    def _at_the_victim(self, head: Token) -> list[Place]:
        """The place the parser hangs on the victim's name rather than on the verb ("shot the
        journalist Ali Rezaei in Leeds"): a name is no role ("the PLO's representative in
        France"), so a place after it is where the act was done."""
        if head.pos_ != "VERB":
            return []
        for obj in (c for c in head.children if c.dep_ in ("dobj", "nsubjpass")):
            for name in (obj, *(c for c in obj.children if c.dep_ == "appos")):
                # a proper name, tagged a person or put beside a noun ("the exile Mykola Lebed")
                named = name.ent_type_ == "PERSON" or (
                    name is not obj and name.ent_type_ not in ("GPE", "LOC", "FAC")
                )
                if name.pos_ != "PROPN" or not named:
                    continue
                for prep in (
                    c for c in name.children if c.dep_ == "prep" and c.lower_ in ("in", "near", "outside")
                ):
                    for pobj in (c for c in prep.children if c.dep_ == "pobj" and c.ent_type_ == "GPE"):
                        if (place := self._place_of(pobj)) is not None:
                            return [place]
        return []

    def _where_antecedent(self, verb: Token) -> Place | None:
        """The place a "where" clause hangs on: "flown to Cairo, where he was tortured"."""
        if verb.dep_ != "relcl" or not any(c.dep_ == "advmod" and c.lower_ == "where" for c in verb.children):
            return None
        return self._place_of(verb.head)

    def _nested_place(self, noun: Token, depth: int = 0) -> Place | None:
        """The place of a venue noun: "a rally near Paris", "the gathering in Villepinte", "a
        crowd at the Santa Cruz cemetery in Dili", "people gathered in the main square of
        Andijan", "in the streets of Tegucigalpa" (the "of" of a part of a town)."""
        preps = [c for c in noun.children if c.dep_ == "prep" and c.lower_ in self.place_preps]
        if noun.lemma_.lower() in self.venue_parts:
            preps += [c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"]
        if depth < 2:  # "thousands of people gathered in …": the place of the gathering
            preps += [
                p
                for v in noun.children
                if v.dep_ == "acl" and v.pos_ == "VERB"
                for p in v.children
                if p.dep_ == "prep" and p.lower_ in self.place_preps
            ]
        for prep in preps:
            for pobj in prep.children:
                if pobj.dep_ != "pobj":
                    continue
                place = self._place_of(pobj)
                if place is None and depth < 2 and pobj.pos_ == "NOUN":
                    place = self._nested_place(pobj, depth + 1)
                if place is not None:
                    return place
        return None

    def _place_of(self, tok: Token) -> Place | None:
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in self.settlements:
            # "in the Paris suburb of Suresnes", "the nearby town of El Campello": the "of" names it
            for pobj in (
                g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
            ):
                if pobj.dep_ != "pobj" or pobj.pos_ != "PROPN":
                    continue
                # a name the tagger did not read as a place is one here
                place = self._place_of(pobj) or self.places.resolve(
                    self.doc[pobj.left_edge.i : pobj.i + 1].text
                )
                if place is not None and place.place:
                    return place
        if tok.pos_ == "PROPN" and tok.lower_ in self.facilities:
            place = self._facility_town(tok)
            if place is not None:
                return place
            ner = self.roles.ents.get(tok.i)
            if ner is not None and ner.start == tok.i - (ner[0].lower_ == "the") and " of " in ner.text:
                # "the University of Papua New Guinea", however the parser splits the name
                return self.places.resolve(ner.text.split(" of ", 1)[1])
            return None  # a building's own word is no town ("University", Florida)
        if (
            tok.pos_ == "NOUN"
            and tok.lower_ in self.facilities
            and tok.i > 0
            and self.doc[tok.i - 1].pos_ == "PROPN"
        ):
            place = self._facility_town(tok)  # "at Lilongwe airport", "in Zomba prison"
            if place is not None:
                return place
        if tok.lemma_.lower() in ("soil", "territory"):
            code = self.roles.phrase_country(tok)
            return Place(code) if code else None
        if tok.lemma_.lower() == "capital" and tok.pos_ == "NOUN":  # "in the Qatari capital"
            code = self.roles.phrase_country(tok)
            return self.places.capital_of(code) if code else None
        for poss in (
            c for c in tok.children if c.dep_ == "poss" and c.pos_ == "PROPN" and tok.pos_ == "PROPN"
        ):
            place = self._place_of(poss)  # "in Manhattan's Chinatown": the possessor places it
            if place is not None:
                return place
        gaz = self.roles.gaz.get(tok.i)
        # a state's name is a place whatever the tagger makes of it ("to Tajikistan" as NORP)
        ner = self.roles.ents.get(tok.i)
        inside = ner is not None and gaz is not None and len(ner) > len(gaz)  # "America" in "North America"
        ent = gaz if gaz is not None and gaz.label_ == "state" and not inside else ner or gaz
        if ent is not None and ent.label_ in ("GPE", "LOC", "state", "FAC"):
            place = self.places.resolve(ent.text, allow_city=ent.label_ in ("GPE", "LOC", "FAC"))
            if place is not None:
                return place
            if len(ent) > 1:
                return None  # "North America" is no place a word of it names ("America")
        if tok.pos_ == "PROPN" and tok.ent_type_ in ("GPE", "LOC", "ORG", ""):
            # an untagged proper noun after "in"/"near" ("shot dead in Almere") may be a town,
            # read with the names before it ("New York", not "York")
            left = [c for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < tok.i]
            if left:
                return self.places.resolve(self.doc[left[0].i : tok.i + 1].text)
            return self.places.resolve(tok.text)
        if tok.ent_type_ == "PERSON" and ner is not None and len(ner) == 1:
            # "a court in Dakar", with Dakar tagged a person: after a word of place, a lone name
            # that is a state's capital, or a big town of a state the article names, is that
            # town ("the family's estate in Surrey" is no Canadian city in a British story)
            town = self.places.big_town(tok.text)
            if town is not None and (
                self.places.capital_state(tok.text) == town.country or town.country in self.places.context
            ):
                return town
        return None

    def _facility_town(self, head: Token) -> Place | None:
        """The town a building's or site's name carries: "of" it ("the University of Tsukuba")
        or first in it ("Manila International Airport", "the New York Hilton Hotel": the longest
        run of its first words that is a big town; "the Central Mosque" is in no town called
        Central)."""
        for pobj in (g for g in _in_objects(head, ("of",)) if g.pos_ == "PROPN"):
            place = self._place_of(pobj)
            if place is not None:
                return place
        start = head.i
        while start > head.sent.start and self.doc[start - 1].pos_ == "PROPN":
            start -= 1
        for end in range(min(head.i, start + 3), start, -1):
            place = self.places.big_town(self.doc[start:end].text)
            if place is not None:
                return place
        return None

    # -- expansion and filtering ----------------------------------------------------------

    def _expand(self, cand: Candidate, others: set[int]) -> list[Candidate]:
        places: list[Place] = getattr(cand, "_places", [])
        if not cand.hostile:
            resp = self._doers(cand.head, others)
            states = []
            for tok in resp:
                # "prosecutors in Scotland and the United States charged …": one each
                where = [
                    g
                    for c in tok.children
                    if c.dep_ == "prep" and c.lower_ in ("in", "of", "from")
                    for p in c.children
                    if p.dep_ == "pobj"
                    for g in (p, *p.conjuncts)
                ]
                for t in [tok, *tok.conjuncts, *(where if len(where) > 1 else [])]:
                    code = self.roles.phrase_country(t)
                    if code and code not in states:
                        states.append(code)
            if len(states) <= 1 and any(t.lower_ in ("they", "we") for t in resp):
                # "the United States and Canada announced that they were recalling …"
                gov = next(
                    (g for g in cand.head.ancestors if any(c.dep_ == "nsubj" for c in g.children)), None
                )
                subj = next((c for c in gov.children if c.dep_ == "nsubj"), None) if gov is not None else None
                if subj is not None and subj.conjuncts:
                    named = [s for t in (subj, *subj.conjuncts) if (s := self.roles.phrase_country(t))]
                    if len(set(named)) > 1:
                        states = list(dict.fromkeys(named))
            if len(states) > 1:
                return [replace(cand, agent_state=s, actors=list(cand.actors)) for s in states]
            gapped = self._gapped_states(cand.head)
            if cand.agent_state and gapped:
                # "Britain recalled its high commissioner and the United States its ambassador":
                # the second state, with its verb left out, acts too; it is no target
                phrases = {code: self.doc[tok.left_edge.i : tok.i + 1].text for tok, code in gapped}
                states_named = {*phrases.values(), *(p.removeprefix("the ") for p in phrases.values())}
                actors = [a for a in cand.actors if not (a.role == "target" and a.name in states_named)]
                for phrase in phrases.values():
                    # "its ambassador and Norway its envoy": the first state's object only
                    actors = [
                        replace(a, name=a.name.split(f" and {phrase} ")[0]) if a.role == "target" else a
                        for a in actors
                    ]
                out = [replace(cand, actors=actors)]
                for code, phrase in phrases.items():
                    if code != cand.agent_state:
                        own = [a for a in actors if a.role != "responder"]
                        who = ActorMention(name=phrase, role="responder", kind="state", country=code)
                        out.append(replace(cand, agent_state=code, actors=[who, *own]))
                return out
            return [cand]
        ones = [t for t in cand.sent if t.lower_ == "one" and t.i > cand.head.i]
        per_one = [(t, self._places(list(t.subtree), [], cand.sent)[0]) for t in ones]
        per_one = [(t, p) for t, p in per_one if p]
        if len(per_one) >= 2:
            out = []
            for tok, ps in per_one:
                date = self._date(cand, list(tok.subtree), [], set()) or cand.date
                out.append(replace(cand, place=ps[0], date=date, actors=list(cand.actors)))
            for c in out:
                c._expanded = True  # type: ignore[attr-defined]
            return out
        countries: list[Place] = []
        for p in places:
            if p.country not in [q.country for q in countries]:
                countries.append(p)
        if len(countries) > 1:
            out = [replace(cand, place=p, actors=list(cand.actors)) for p in countries]
            for c in out:
                c._expanded = True  # type: ignore[attr-defined]
            return out
        return [cand]

    def _gapped_states(self, head: Token) -> list[tuple[Token, str]]:
        """The states of gapped clauses joined to a response ("… recalled its envoy and the
        United States its ambassador"): a state the parser conjoins to something after the
        trigger, followed by "its"/"their" and a noun of its own (however the parser hangs them)."""
        out = []
        doc = self.doc
        for tok in head.subtree:
            if tok.i <= head.i or tok.dep_ != "conj" or tok.i + 2 >= len(doc):
                continue
            nxt = doc[tok.i + 1]
            owned = (
                nxt.lower_ in ("its", "their") and nxt.head.pos_ in ("NOUN", "PROPN") and nxt.head.i > nxt.i
            )
            if owned and tok.ent_type_ == "GPE" and (code := self.roles.phrase_country(tok)):
                out.append((tok, code))
        return out

    def _done_by_non_state(self, cand: Candidate) -> bool:
        """ "an armed group whose raids in southern Rwanda killed nine people": a response word
        whose doer is something other than an authority is no response."""
        for poss in (c for c in cand.head.children if c.dep_ == "poss" and c.lower_ == "whose"):
            clause = next((t for t in chain(poss) if t.dep_ == "relcl"), None)
            if clause is not None and not self.roles.is_authority(clause.head):
                return True
        return False

    @staticmethod
    def _pending(tok: Token) -> bool:
        """ "held pending extradition", "awaiting trial": a response still to come."""
        waiting = ("pending", "awaiting")
        return (tok.dep_ == "pobj" and tok.head.lower_ in waiting) or any(
            c.lower_ in waiting for c in tok.children
        )

    @staticmethod
    def _casualty_count(head: Token) -> bool:
        """ "Two employees of the depot were killed", "All 259 people aboard were killed", "One
        was killed": a count of the dead with no doer and no name tells the toll of an act told
        elsewhere, not an act of its own."""
        if head.pos_ != "VERB" or head.lemma_.lower() not in ("kill", "die"):
            return False
        if any(c.dep_ == "agent" for c in head.children):
            return False
        subj = next((c for c in head.children if c.dep_ in ("nsubjpass", "nsubj")), None)
        if subj is None or (subj.dep_ == "nsubj" and head.lemma_.lower() == "kill"):
            return False
        # "Three Chechen exiles were killed": victims told by who they are are the act's own
        named = (c for c in subj.children if c.dep_ in ("amod", "compound"))
        if any(t.ent_type_ == "PERSON" for t in subj.subtree) or any(
            c.pos_ == "PROPN" or c.ent_type_ == "NORP" for c in named
        ):
            return False
        return subj.tag_ == "CD" or any(c.dep_ == "nummod" for c in subj.children)

    def _vague(self, cand: Candidate) -> bool:
        """A count ("eight plots"), a class ("such attacks", "people who threaten dissidents")
        or an act with no anchor."""
        if not cand.hostile:
            return self._done_by_non_state(cand)
        head = cand.head
        if self._casualty_count(head):
            return True
        if (
            head.dep_ == "relcl"
            and head.tag_ in ("VBP", "VBZ")
            and head.head.tag_ in ("NNS", "NNPS")
            and determiner(head.head) not in ("the", "these", "those", "both")
        ):
            return True  # "a policy aimed at people who threaten dissidents abroad": a class
        n = number_of(head)
        det = determiner(head)
        plural = head.tag_ in ("NNS", "NNPS")
        if det in ("these", "those", "such", "any", "every", "all") or (
            head.pos_ == "NOUN" and any(c.lower_ == "such" for c in head.children)
        ):
            return True
        anchored = cand.place is not None or cand.date is not None
        named = any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in head.children)
        if plural and not n and named and cand.date is not None and not cand.generic:
            return False  # "the Mykonos assassinations in 1992": one named, dated event
        if (n and n > 1) or plural:
            # "two killings in the Netherlands": a weak word counted is a summary of acts
            weak = cand.generic or (cand.entry.weak and head.pos_ == "NOUN")
            return not getattr(cand, "_expanded", False) and (weak or cand.place is None)
        return not anchored and not any(a.role == "target" and a.key for a in cand.actors) and cand.generic
