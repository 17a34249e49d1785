"""Who says it: attribution of a sentence to a speaker.

In order: "according to X"; the subject of a reporting verb governing the sentence ("X said",
"X wrote that", "X brought attention to this by tweeting"); an embedded social-media post
signed "— X (@handle)" right after the sentence; a nearby preceding sentence in which someone
reports (a press conference, a statement, a report).
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

REPORTING = {
    "say",
    "tell",
    "tweet",
    "write",
    "state",
    "announce",
    "claim",
    "report",
    "estimate",
    "note",
    "add",
    "warn",
    "allege",
    "assert",
    "declare",
    "insist",
    "argue",
    "explain",
    "confirm",
    "reveal",
    "disclose",
    "accuse",
    "tally",
    "count",
    "advise",
    "recommend",
    "urge",
    "call",
    "demand",
    "post",
    "testify",
    "find",
    "conclude",
}
REPORTING_NOUNS = {
    "press conference",
    "statement",
    "report",
    "white paper",
    "briefing",
    "letter",
    "tweet",
    "communiqué",
    "interview",
    "paper",
}
REPORTING_HEADS = {
    "conference",
    "statement",
    "report",
    "paper",
    "briefing",
    "letter",
    "communiqué",
    "interview",
}
SIGNATURE = re.compile(r"^\s*[—–-]+\s*(?P<name>[^(\n]{2,60}?)\s*\(@\w+\)", re.M)
SUBJECTS = {"nsubj", "nsubjpass"}


def _phrase(tok: Token) -> str:
    """A speaker's name: the subject with its compounds and appositions, no determiners."""
    owner = next((c for c in tok.children if c.dep_ == "poss"), None)
    if owner is not None and tok.lemma_.lower() in {
        "report",
        "paper",
        "statement",
        "study",
        "tweet",
        "letter",
    }:
        tok = owner  # "Moniquet's report says" → Moniquet
    words = [t for t in tok.subtree if t.dep_ not in {"det", "punct", "relcl", "acl", "prep"}]
    keep = [t for t in words if (t.i <= tok.i or t.dep_ in {"flat", "compound"}) and t.dep_ != "case"]
    text = " ".join(t.text for t in keep[:8])
    return re.sub(r"\s+'s\b", "'s", text).strip()


def _subject_of(verb: Token) -> Token | None:
    cur: Token | None = verb
    for _ in range(4):  # climb conjunctions / participles to find an explicit subject
        if cur is None:
            return None
        subj = next((c for c in cur.children if c.dep_ in SUBJECTS), None)
        if subj is not None and subj.pos_ != "PRON":
            return subj
        if subj is not None:
            return None  # a pronoun: unresolved here
        cur = cur.head if cur.head.i != cur.i else None
    return None


def _according_to(sent: Span) -> str | None:
    for tok in sent:
        if tok.lower_ == "according" and tok.i + 1 < sent.end and tok.nbor(1).lower_ == "to":
            pobj = [c for c in tok.nbor(1).children if c.dep_ == "pobj"]
            if pobj:
                return _phrase(pobj[0])
    return None


def _reporting_subject(sent: Span) -> str | None:
    for tok in sent:
        if tok.lemma_.lower() in REPORTING and tok.pos_ in {"VERB", "AUX"}:
            subj = _subject_of(tok)
            if subj is not None:
                return _phrase(subj)
    return None


def _signature(sent: Span) -> str | None:
    after = sent.doc.text[sent.end_char : sent.end_char + 400]
    m = SIGNATURE.search(after)
    if m and after[: m.start()].count("\n") <= 3:
        return m["name"].strip()
    return None


def _preceding_reporter(sent: Span, window: int = 2) -> str | None:
    sents = list(sent.doc.sents)
    idx = next((i for i, s in enumerate(sents) if s.start == sent.start), 0)
    for prev in reversed(sents[max(0, idx - window) : idx]):
        for tok in prev:
            if tok.lemma_.lower() in REPORTING_HEADS and tok.dep_ in {"dobj", "pobj", "nsubjpass"}:
                verb = tok.head if tok.dep_ != "pobj" else tok.head.head
                subj = _subject_of(verb)
                if subj is not None:
                    return _phrase(subj)
    return None


def speaker_of(sent: Span) -> str | None:
    """The speaker of the claim in ``sent``, or None when the text does not say."""
    return _according_to(sent) or _reporting_subject(sent) or _signature(sent) or _preceding_reporter(sent)
