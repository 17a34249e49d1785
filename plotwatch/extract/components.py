"""spaCy components: gazetteer entities, event triggers and instruments on the ``Doc``.

Each component is registered as a factory with a versioned name and a ``data_dir`` setting,
so ``nlp.add_pipe("plotwatch_triggers_v1", config={"data_dir": ...})`` builds it. They only
annotate the ``Doc`` (span groups), turning it into records is :mod:`plotwatch.extract.records`:

- ``doc.spans["pw_gaz"]``: gazetteer hits; ``label_`` = kind, ``kb_id_`` = entity id;
- ``doc.spans["pw_trig"]``: event triggers; ``label_`` = event type (or "generic"),
  ``kb_id_`` = the :attr:`TriggerEntry.key` that matched;
- ``doc.spans["pw_instr"]``: instruments; ``label_`` = the hostile type they imply.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from pathlib import Path

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans
from spacy.vocab import Vocab

from plotwatch.extract.resources import Resources, TriggerEntry, load_resources
from plotwatch.extract.syntax import (
    INVESTIGATING_OFFICIALS,
    SUBJECT,
    antecedent_of,
    attach_verdicts,
    detach_fronted_dates,
    one_subject,
    passive_subject,
)
from plotwatch.types import HOSTILE_TYPES

GAZ_KEY = "pw_gaz"
# A wire dateline opening a line: "VILNIUS, May 24, 2021 – ", "ANTWERP, Feb 4 (Wire Europe) – ",
# "BOGOTÁ – " (capitals with accents, the date left out).
RE_DATELINE = re.compile(
    r"(?m)^[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’. -]{2,40}(?:\([^)\n]{1,40}\))?(?:,[^\n–—]{0,60}?)?\s[–—-]{1,2}\s"
)
TERMINAL = {".", "!", "?", ":", ";", "”", '"', "’", "'", ")"}
TRIG_KEY = "pw_trig"
INSTR_KEY = "pw_instr"


def _resources(data_dir: str | None) -> Resources:
    return load_resources(Path(data_dir) if data_dir else None)


def _is_acronym(alias: str) -> bool:
    letters = [c for c in alias if c.isalpha()]
    return bool(letters) and len(letters) <= 6 and all(c.isupper() for c in letters)


class GazetteerComponent:
    """Marks gazetteer names and aliases: acronyms (and every form of an ``exact_case`` entity)
    case-sensitively, other names in any case."""

    def __init__(self, nlp: Language, resources: Resources) -> None:
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        for ent in resources.entities:
            exact: list[Doc] = []
            lower: list[Doc] = []
            for form in dict.fromkeys(ent.surface_forms):
                if not form.strip():
                    continue
                (exact if ent.exact_case or _is_acronym(form) else lower).append(nlp.make_doc(form))
            if exact:
                self.exact.add(ent.id, exact)
            if lower:
                self.lower.add(ent.id, lower)
        self.kinds = {e.id: e.kind for e in resources.entities}
        self.exact_case = {e.id for e in resources.entities if e.exact_case}
        self.order = {e.id: i for i, e in enumerate(resources.entities)}
        self.countries = {e.id: e.country for e in resources.entities}
        # one-word names and demonyms of states ("Belarus", "Belarusian"): which states an
        # article is about, to tell apart entities that share a name
        self.state_words = {
            form.lower(): ent.country
            for ent in resources.entities
            if ent.kind == "state" and ent.country
            for form in (*ent.surface_forms, *ent.demonyms)
            if " " not in form.strip()
        }

    def __call__(self, doc: Doc) -> Doc:
        hits: dict[tuple[int, int], list[str]] = {}
        for matcher in (self.exact, self.lower):
            for match_id, start, end in matcher(doc):
                hits.setdefault((start, end), []).append(doc.vocab.strings[match_id])
        named = self._states_named(doc) if any(len(set(keys)) > 1 for keys in hits.values()) else Counter()
        spans = []
        for (start, end), keys in hits.items():
            if all(k in self.exact_case for k in keys) and self._inside_longer_name(doc, start):
                continue  # "the State Security Service" (Georgia's) is not the Security Service (MI5)
            # a name two entities share ("KGB": the Soviet one, Belarus's): the one of the state
            # the article names most, else the one listed first
            key = min(set(keys), key=lambda k: (-named[self.countries[k] or ""], self.order[k]))
            spans.append(Span(doc, start, end, label=self.kinds[key], kb_id=key))
        doc.spans[GAZ_KEY] = filter_spans(spans)
        return doc

    def _inside_longer_name(self, doc: Doc, start: int) -> bool:
        """The name at ``start`` ends a longer proper name: a capitalised word before it that
        neither opens the sentence nor names a people or a place ("the State Security Service",
        not "the British Security Service")."""
        if start == 0:
            return False
        prev = doc[start - 1]
        return (
            prev.is_alpha
            and prev.is_title
            and not prev.is_sent_start
            and prev.ent_type_ not in ("NORP", "GPE")
            and prev.lower_ not in self.state_words
        )

    def _states_named(self, doc: Doc) -> Counter[str]:
        return Counter(code for tok in doc if (code := self.state_words.get(tok.lower_)))


class WordMatcher:
    """Word sequences matched by lemma (as written, Title or UPPER case) or by lower-case form.

    Two :class:`PhraseMatcher` s over explicit token sequences; the same matches as token
    patterns ``{"LEMMA": {"IN": [w, W, W]}}`` / ``{"LOWER": w}`` in a :class:`Matcher`, found
    in a fraction of the time.
    """

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        self.lemma = PhraseMatcher(vocab, attr="LEMMA")
        self.lower = PhraseMatcher(vocab, attr="LOWER")

    def add(self, key: str, words: tuple[str, ...]) -> None:
        words = tuple(w for w in words if w)
        if not words:
            return
        if len(words) <= 3:  # every mix of cases, as the token patterns allow
            variants = set(itertools.product(*({w, w.title(), w.upper()} for w in words)))
        else:
            variants = {words, tuple(w.title() for w in words), tuple(w.upper() for w in words)}
        docs = [Doc(self.vocab, words=list(v), lemmas=list(v)) for v in sorted(variants)]
        self.lemma.add(key, docs)
        self.lower.add(key, [Doc(self.vocab, words=list(words))])

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        """Distinct (key id, start, end) matches in document order."""
        found = set(self.lemma(doc)) | set(self.lower(doc))
        return sorted(found, key=lambda m: (m[1], m[2], m[0]))


def _near_lemmas(tok: Token) -> set[str]:
    """Lemmas of the tokens around a trigger that constraints look at."""
    near = {tok.head.lemma_.lower()}
    for child in tok.children:
        near.add(child.lemma_.lower())
        for grand in child.children:
            near.add(grand.lemma_.lower())
            near.update(g.lemma_.lower() for g in grand.children if g.dep_ == "pobj")
            if grand.dep_ == "conj":
                # "took three judges and a retired officer from their homes": the phrase the
                # parser hangs on the last of the objects
                near.update(
                    g.lemma_.lower()
                    for p in grand.children
                    if p.dep_ == "prep"
                    for g in p.children
                    if g.dep_ == "pobj"
                )
    return near


def agent_lemmas(tok: Token) -> set[str]:
    """Lemmas of the doer of a verb: the head (and compounds) of its passive "by" phrase, or
    its active subject ("stopped by security forces", "border guards intercepted …"); an
    "investigating judge" is an investigator."""
    out: set[str] = set()
    for child in tok.children:
        heads = []
        if child.dep_ == "agent":
            heads = [g for g in child.children if g.dep_ == "pobj"]
        elif child.dep_ == "nsubj":
            heads = [child]
        elif child.dep_ == "prep" and (heads := fronted_investigators(tok)):
            out.add("investigator")
        for h in heads:
            for t in (h, *h.conjuncts):
                out.add(t.lemma_.lower())
                out.update(c.lemma_.lower() for c in t.children if c.dep_ == "compound")
                out.update("investigator" for c in t.children if c.dep_ == "amod" and _investigating(c))
    return out


def _investigating(tok: Token) -> bool:
    return tok.lower_ == "investigating"


def _investigating_official(tok: Token) -> bool:
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return _investigating(tok) and nxt is not None and nxt.lemma_.lower() in INVESTIGATING_OFFICIALS


def fronted_investigators(tok: Token) -> list[Token]:
    """The doers of a subjectless verb the parser hid in a fronted phrase: "In 2015 investigating
    judges concluded …", parsed "in [investigating judges]"."""
    if any(c.dep_ in SUBJECT for c in tok.children):
        return []
    return [
        o
        for p in tok.children
        if p.dep_ == "prep"
        for g in p.children
        if _investigating(g)
        for o in g.children
        if o.dep_ == "dobj"
    ]


def tells_act(tok: Token, hostile: set[int]) -> bool:
    """The clause ``tok`` introduces ("concluded that the murder had been carried out by …")
    tells a hostile act (``hostile``: heads of hostile triggers)."""
    return any(t.i in hostile for c in tok.children if c.dep_ == "ccomp" for t in c.subtree)


# What is fired, not who is hit ("several shots were fired at him": him); what is brought, not
# who is accused ("charges were brought against him": him).
MISSILES = frozenset({"shot", "bullet", "round", "volley", "burst", "charge"})
NOT_WHOM = ("DATE", "TIME")  # "fired him at once", "at dawn": no one aimed at


def patient_of(tok: Token) -> Token | None:
    """The thing acted upon: the direct object, the passive subject, or a shared subject."""
    for child in tok.children:
        if child.dep_ in ("dobj", "nsubjpass") and child.lemma_.lower() not in MISSILES:
            return child
    if tok.dep_ == "xcomp" and any(c.dep_ == "auxpass" for c in tok.children):
        # "X survived being shot": the one shot is the subject of "survived"
        subj = next((c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            return subj
    shared = passive_subject(tok)  # "X spent years in custody …, and was freed"
    if shared:
        return shared[0]
    bare = not any(c.dep_ in (*SUBJECT, "dobj", "aux") for c in tok.children)
    if (
        tok.dep_ == "conj"
        and tok.tag_ in ("VBN", "VBD")
        and bare
        and any(c.dep_ == "auxpass" for c in tok.head.children)
    ):
        # "he was arrested in Russia and handed over to Sweden": the passive shares its subject
        subj = next((c for c in tok.head.children if c.dep_ == "nsubjpass"), None)
        if subj is not None:
            return subj
    for verb in (c for c in tok.children if c.dep_ == "conj" and c.pos_ == "VERB"):
        # "shot and wounded X": the verbs share the object
        if not any(c.dep_ in SUBJECT for c in verb.children):
            obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
            if obj is not None:
                return obj
    if tok.pos_ == "VERB":
        # "fired at X", "fired on X", "fired into his car" (at its owner)
        # after the verb: "On the morning of 6 October shots were fired at him" (a time before it)
        for prep in (
            c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("at", "on", "into") and c.i > tok.i
        ):
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if pobj is not None and prep.lower_ == "into" and pobj.lower_ not in ("him", "her", "them"):
                pobj = next((c for c in pobj.children if c.dep_ == "poss"), None)  # not "into him"
            if pobj is not None:
                return pobj
    if tok.pos_ == "NOUN":
        # "his release", "the release of two hostages": the owner or the "of" phrase
        for child in tok.children:
            if child.dep_ == "poss":
                return child
            if child.dep_ == "prep" and child.lower_ == "of":
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if pobj is not None:
                    return pobj
    head = tok
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head
        for child in head.children:
            if child.dep_ in ("dobj", "nsubjpass"):
                return child
    return None


class TriggerComponent:
    """Marks event triggers (lemma sequences from ``triggers.yaml``) and instruments."""

    def __init__(self, nlp: Language, resources: Resources) -> None:
        self.matcher = WordMatcher(nlp.vocab)
        self.entries: dict[str, TriggerEntry] = {}
        for entry in resources.triggers:
            self.entries[entry.key] = entry
            self.matcher.add(entry.key, entry.lemmas)
        self.instr = WordMatcher(nlp.vocab)
        for phrase, etype in resources.instruments.items():
            self.instr.add(f"instr:{etype}:{phrase}", tuple(phrase.split()))
        self.person_nouns = set(resources.cues.get("person_nouns", []))
        self.doer_nouns = set(resources.cues.get("doer_nouns", []))
        # "stab to death" told around its object ("stabbed his mother and daughters to death")
        self.to_death = {e.lemmas[0]: e for e in resources.triggers if e.lemmas[1:] == ("to", "death")}
        # a verb and its object or preposition told apart ("brought the first charges", "charges
        # were brought", "fired several shots at"); an act's object told apart is no act
        # ("gathered enough credible intelligence to conclude")
        self.verb_object = {e.lemmas: e for e in resources.triggers if len(e.lemmas) == 2}
        self.response_object = {k: e for k, e in self.verb_object.items() if e.type not in HOSTILE_TYPES}
        self.surnames: set[str] = set()  # the words of the article's person names (set per doc)

    def _accept(self, entry: TriggerEntry, span: Span) -> bool:
        head = span.root
        if entry.pos and head.pos_ not in entry.pos:
            return False
        if entry.objects and not (_near_lemmas(head) & set(entry.objects)):
            return False
        if entry.agents and not (agent_lemmas(head) & set(entry.agents)):
            return False
        if entry.agents and any(
            c.dep_ == "prep" and c.lower_ == "from" and any(g.dep_ == "pcomp" for g in c.children)
            for c in head.children
        ):
            return False  # "stopped the activists from entering": prevented, not held
        if entry.patient_not:
            patient = patient_of(head)
            if patient is not None and patient.lemma_.lower() in entry.patient_not:
                return False
        if entry.subject_patient and not any(c.dep_ == "nsubj" and self._vanished(c) for c in head.children):
            return False  # "X vanished": only a person, not the doers, disappears in this sense
        if entry.person_patient:
            patient = patient_of(head)
            if patient is None or not self._is_person(patient):
                return False
        return True

    def _vanished(self, tok: Token) -> bool:
        """The subject of "disappeared" a victim can be: a person, not one of the doers ("the
        gunmen", "the two agents who shot him") nor "they" (who may be either)."""
        tok = antecedent_of(tok)  # "two refugees, X and Y, who disappeared": the antecedent
        if tok.lower_ in ("they", "them") or tok.lemma_.lower() in self.doer_nouns:
            return False
        named = tok.ent_type_ == "PERSON" or any(
            c.dep_ in ("appos", "conj") and c.ent_type_ == "PERSON" for c in tok.children
        )
        plural = tok.tag_ in ("NNS", "NNPS") or tok.pos_ in ("DET", "NUM", "ADJ", "PRON")
        if not named and plural and tok.lower_ not in ("he", "she"):
            return False  # "some of his opponents simply vanished": a summary, not one act
        return self._is_person(tok)

    def _is_person(self, tok: Token) -> bool:
        return (
            tok.ent_type_ in ("PERSON", "NORP")
            or (tok.pos_ == "PROPN" and tok.ent_type_ in ("", "ORG") and tok.text in self.surnames)
            or any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in tok.children)  # "the editor X"
            or any(  # "X, a local politician" (a name the tagger does not know)
                c.dep_ == "appos" and c.lemma_.lower() in self.person_nouns
                for c in tok.children
                if c.i > tok.i
            )
            or (  # "the human rights defender X" (even when the tagger takes X for an organisation)
                tok.pos_ == "PROPN"
                and any(c.dep_ == "compound" and c.lemma_.lower() in self.person_nouns for c in tok.children)
            )
            or tok.lemma_.lower() in self.person_nouns
            or tok.lower_ in ("he", "she", "they", "him", "her", "them", "his", "their")  # "into his car"
            or (tok.lower_ == "who" and tok.head.dep_ == "relcl")  # "two students, who were seized"
            or any(  # "several of the conspirators", "two of the men"
                g.dep_ == "pobj" and self._is_person(g)
                for c in tok.children
                if c.dep_ == "prep" and c.lower_ == "of" and tok.pos_ in ("NUM", "ADJ", "PRON", "DET")
                for g in c.children
            )
        )

    def _split(self, doc: Doc) -> list[Span]:
        """Two-part triggers told apart: "stab to death" around its object ("beat them and
        their driver to death"), a verb and its object ("brought the first charges", "the
        charges were brought") or its preposition ("fired several shots at him"). The verb is
        the whole phrase's trigger."""
        out = []
        for tok in (t for t in doc if t.pos_ == "VERB"):
            entry = self._to_death(tok) or self._verb_object(tok) or self._verb_prep(tok)
            if entry is not None:
                out.append(Span(doc, tok.i, tok.i + 1, label=entry.type, kb_id=entry.key))
        return out

    def _to_death(self, verb: Token) -> TriggerEntry | None:
        entry = self.to_death.get(verb.lemma_.lower())
        told_apart = any(
            c.dep_ == "prep" and c.lower_ == "to" and c.i > verb.i + 1
            for c in verb.children
            if any(g.dep_ == "pobj" and g.lower_ == "death" for g in c.children)
        )
        return entry if told_apart else None

    def _verb_object(self, verb: Token) -> TriggerEntry | None:
        lemma = verb.lemma_.lower()
        for obj in verb.children:
            entry = self.response_object.get((lemma, obj.lemma_.lower()))
            if entry is not None and obj.dep_ in ("dobj", "nsubjpass") and obj.i != verb.i + 1:
                return entry
        return None

    def _verb_prep(self, verb: Token) -> TriggerEntry | None:
        """ "fired several shots at him", "spied for years on exiles": the preposition on the
        verb or on what was fired."""
        objs = [c for c in verb.children if c.dep_ == "dobj"]
        if any(o.lemma_.lower() not in MISSILES for o in objs):
            return None
        lemma = verb.lemma_.lower()
        for prep in (p for h in (verb, *objs) for p in h.children if p.dep_ == "prep" and p.i > verb.i + 1):
            entry = self.verb_object.get((lemma, prep.lower_))
            aimed = any(g.dep_ == "pobj" and g.ent_type_ not in NOT_WHOM for g in prep.children)
            if entry is not None and aimed:
                return entry
        return None

    def __call__(self, doc: Doc) -> Doc:
        attach_verdicts(doc)
        detach_fronted_dates(doc)
        one_subject(doc)
        # a surname told alone ("Havel was freed", which the tagger may take for an
        # organisation) is the person named in full before
        self.surnames = {t.text for e in doc.ents if e.label_ == "PERSON" and len(e) > 1 for t in e}
        spans = []
        split = self._split(doc)
        done = {s.start for s in split}
        for match_id, start, end in self.matcher(doc):
            entry = self.entries[doc.vocab.strings[match_id]]
            span = Span(doc, start, end, label=entry.type, kb_id=entry.key)
            if end - start == 1 and start in done:
                continue  # "stabbed … to death" is no stabbing survived, "brought charges" no carrying
            if self._accept(entry, span):
                spans.append(span)
        spans += [s for s in split if self._accept(self.entries[s.kb_id_], s)]
        hostile = {s.root.i for s in spans if s.label_ in HOSTILE_TYPES or s.label_ == "generic"}
        spans = [
            s
            for s in spans
            if not (self.entries[s.kb_id_].finding and not tells_act(s.root, hostile))
            # "an investigating judge", "investigating judges in Paris placed …" (which the parser
            # may read as an inquiry into judges): who they are, not an inquiry opened
            and not (
                s.label_ == "investigation" and (s.root.dep_ == "amod" or _investigating_official(s.root))
            )
        ]
        doc.spans[TRIG_KEY] = filter_spans(spans)
        instr = []
        for match_id, start, end in self.instr(doc):
            _, etype, _phrase = doc.vocab.strings[match_id].split(":", 2)
            span = Span(doc, start, end, label=etype)
            if span.root.pos_ in ("NOUN", "PROPN", "ADJ", "X"):  # "poison" the noun, not "poisoned"
                instr.append(span)
        doc.spans[INSTR_KEY] = filter_spans(instr)
        return doc


class SentenceComponent:
    """Sentence starts the parser must respect: paragraphs, headline and byline lines, datelines.

    A blank line always ends a sentence. A single line break ends one when the line before ends
    with terminal punctuation or is a short line without it (a headline, "Published: …",
    "By …") followed by a capital. A wire dateline ("VILNIUS, May 24, 2021 – ") is a sentence
    of its own, so the parse of the lead sentence does not take the city as its subject.
    """

    def __init__(self, max_headline: int = 100) -> None:
        self.max_headline = max_headline

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        for tok in doc[1:]:
            prev = doc[tok.i - 1]
            if tok.is_space or not prev.is_space or "\n" not in prev.text:
                continue
            if "\n\n" in prev.text.replace("\r", ""):
                tok.is_sent_start = True
                continue
            before = doc[prev.i - 1] if prev.i > 0 else None
            if before is None:
                continue
            line_start = text.rfind("\n", 0, before.idx) + 1
            line = text[line_start : before.idx + len(before.text)]
            if before.text[-1:] in TERMINAL or (
                len(line) <= self.max_headline and (tok.text[:1].isupper() or tok.text[:1].isdigit())
            ):
                tok.is_sent_start = True
        for m in RE_DATELINE.finditer(text):
            span = doc.char_span(m.end(), m.end() + 1, alignment_mode="expand")
            if span is not None and span.start > 0:
                doc[span.start].is_sent_start = True
        return doc


@Language.factory("plotwatch_sentences_v1", default_config={"max_headline": 100})
def make_sentences(nlp: Language, name: str, max_headline: int) -> SentenceComponent:
    """Factory for :class:`SentenceComponent` (add it before the parser)."""
    return SentenceComponent(max_headline)


@Language.factory("plotwatch_gazetteer_v1", default_config={"data_dir": None})
def make_gazetteer(nlp: Language, name: str, data_dir: str | None) -> GazetteerComponent:
    """Factory for :class:`GazetteerComponent`."""
    return GazetteerComponent(nlp, _resources(data_dir))


@Language.factory("plotwatch_triggers_v1", default_config={"data_dir": None})
def make_triggers(nlp: Language, name: str, data_dir: str | None) -> TriggerComponent:
    """Factory for :class:`TriggerComponent`."""
    return TriggerComponent(nlp, _resources(data_dir))
