"""Figures: numbers that count something ("450 terrorist attacks", "eight plots this year").

Works on a parsed spaCy ``Doc``. A figure is a number (digits, number words, or a multiplier
such as "quadruple") that is not part of a date, a time, an age, a list marker or a handle,
together with what it counts (the noun it modifies and that noun's modifiers) and who says it
(see :mod:`plotwatch.claims.speakers`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from plotwatch.claims.quantities import VERBAL
from plotwatch.claims.speakers import speaker_of
from plotwatch.types import ClaimMention

WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "thousand": 1000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "millions": None,
    "dozen": 12,
    "dozens": None,
    "hundreds": None,
    "thousands": None,
    "scores": None,
}
MULTIPLIERS = {
    "double": 2,
    "doubled": 2,
    "twice": 2,
    "triple": 3,
    "tripled": 3,
    "quadruple": 4,
    "quadrupled": 4,
    "fivefold": 5,
    "tenfold": 10,
}
ORDINALS = {
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
}
MONTHS = {
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
}
ORDINAL_NOUNS = {"attempt", "plot", "time", "attack", "operation", "incident", "case"}
QUALIFIERS = (
    "more than",
    "over",
    "at least",
    "about",
    "around",
    "nearly",
    "almost",
    "some",
    "up to",
    "fewer than",
    "less than",
    "roughly",
    "approximately",
    "upwards of",
)
GLUED = re.compile(r"^(?P<pre>[A-Za-z]+)(?P<num>\d[\d,]*)$")  # "out450": text glued to a number
NUMBER = re.compile(r"^\d{1,3}(,\d{3})+(\.\d+)?$|^\d+(\.\d+)?$")
SKIP_LABELS = {"DATE", "TIME", "ORDINAL", "MONEY_CODE"}
UNIT_DEPS = {"amod", "compound", "nmod"}
VERBAL_WORDS = {"tens", "hundreds", "thousands", "dozens", "scores", "millions"}


def _value(tok: Token) -> float | None:
    text = tok.text.lower().replace(",", "")
    if m := GLUED.match(tok.text):
        text = m["num"].replace(",", "")
    if NUMBER.match(text):
        return float(text)
    word = WORDS.get(text)
    return float(word) if word is not None else None


def _is_date_like(tok: Token) -> bool:
    if tok.ent_type_ in SKIP_LABELS:
        return True
    text = tok.text.replace(",", "")
    if text.isdigit() and len(text) == 4 and 1900 <= int(text) <= 2100:
        return True  # a year
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    prv = tok.nbor(-1) if tok.i > 0 else None
    if nxt is not None and nxt.text in {")", ".", ":"} and tok.i == tok.sent.start:
        return True  # a list marker "1)" / "2."
    if prv is not None and prv.text in {"@", "#", "No.", "no."}:
        return True
    if tok.dep_ == "nummod" and tok.head.i < tok.i and tok.head.pos_ == "PROPN":
        return True  # part of a name: "Channel 4", "Ashraf 3"
    if (nxt is not None and nxt.lower_ in MONTHS) or (prv is not None and prv.lower_ in MONTHS):
        return True  # "8 February", "October 10"
    if nxt is not None and nxt.lower_ in {"am", "pm", "a.m.", "p.m.", "gmt", "years-old", "%"}:
        return nxt.lower_ != "%"
    return (
        nxt is not None
        and nxt.lower_ in {"year", "years"}
        and nxt.i + 1 < len(tok.doc)
        and (tok.doc[nxt.i + 1].lower_ in {"old", "-old"})
    )


def _head_noun(tok: Token) -> Token | None:
    """The noun a number counts: its syntactic head, or the next noun within three tokens."""
    if tok.dep_ in {"nummod", "quantmod", "amod", "det"} and tok.head.pos_ in {"NOUN", "PROPN"}:
        return tok.head
    for nxt in tok.doc[tok.i + 1 : min(tok.i + 4, tok.sent.end)]:
        if nxt.pos_ in {"NOUN", "PROPN"}:
            return nxt
        if nxt.pos_ in {"VERB", "AUX", "PUNCT", "ADP"} and nxt.text != "-":
            break
    return None


def _unit(head: Token, number: Token) -> str:
    """What is counted: the head noun with its modifiers and first prepositional phrase."""
    left = [t for t in head.lefts if t.dep_ in UNIT_DEPS and t.i > number.i]
    start = min([head.i, *(t.left_edge.i for t in left)])
    end = head.i + 1
    for right in head.rights:
        if right.dep_ == "prep" and right.i == end:
            pobj = [c for c in right.children if c.dep_ == "pobj"]
            if pobj:
                end = min(pobj[0].right_edge.i + 1, right.i + 6)
            break
        if right.dep_ in {"acl", "relcl"} or right.is_punct:
            break
    words = head.doc[start:end]
    return " ".join(t.text for t in words if not t.is_punct or t.text == "-").strip()


def _qualifier(tok: Token) -> str | None:
    before = tok.doc[max(tok.sent.start, tok.i - 3) : tok.i].text.lower()
    return next((q for q in QUALIFIERS if before.endswith(q)), None)


def _verbal_phrase(tok: Token) -> str:
    """The verbal quantity a word heads, as written: "tens of thousands", "hundreds"."""
    left = [c for c in tok.lefts if c.dep_ == "quantmod"]
    start = min([tok.i, *(c.i for c in left)])
    phrase = " ".join(t.lower_ for t in tok.doc[start : tok.i + 1])
    return phrase if phrase in VERBAL else tok.lower_


def _candidates(sent: Span) -> Iterator[tuple[Token, float | None]]:
    for tok in sent:
        low = tok.lower_
        if low in MULTIPLIERS:
            yield tok, float(MULTIPLIERS[low])
        elif low in ORDINALS and tok.head.lemma_ in ORDINAL_NOUNS and tok.head.i == tok.i + 1:
            yield tok, float(ORDINALS[low])
        elif tok.like_num or GLUED.match(tok.text) or low in WORDS:
            if _is_date_like(tok):
                continue
            # "tens of thousands", "hundreds of": an imprecise but real figure
            if low in VERBAL_WORDS:
                if tok.dep_ == "quantmod" and tok.head.lower_ in VERBAL_WORDS:
                    continue  # "hundreds" of "hundreds of thousands": folded into its head
                yield tok, None
                continue
            value = _value(tok)
            prev = tok.nbor(-1) if tok.i > sent.start else None
            if prev is not None and prev.like_num and _value(prev) is not None:
                continue  # second half of "100 thousand" is folded into the first
            nxt = tok.nbor(1) if tok.i + 1 < sent.end else None
            if value is not None and nxt is not None and nxt.lower_ in {"thousand", "million", "billion"}:
                value *= WORDS[nxt.lower_] or 1
            if value is not None or low in WORDS:
                yield tok, value


def find_figures(doc: Doc) -> list[ClaimMention]:
    """Every figure in ``doc`` with its unit, qualifier and speaker."""
    out: list[ClaimMention] = []
    for sent in doc.sents:
        for tok, value in _candidates(sent):
            head = tok.head if tok.lower_ in ORDINALS else _head_noun(tok)
            if tok.lower_ in MULTIPLIERS:
                subj = next((c for c in tok.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
                if tok.pos_ == "VERB" and subj is not None:
                    head = subj  # "arrests have quadrupled": what quadrupled is counted
                else:
                    head = tok.head if tok.head.pos_ in {"NOUN", "PROPN"} else _head_noun(tok) or tok.head
            if tok.lower_ in VERBAL_WORDS:
                of = next((c for c in tok.children if c.lower_ == "of" and c.dep_ == "prep"), None)
                pobj = [c for c in of.children if c.dep_ == "pobj"] if of is not None else []
                head = pobj[0] if pobj else _head_noun(tok)
                if head is not None and head.lower_ in {"thousands", "hundreds", "millions"}:
                    inner = next((c for c in head.children if c.lower_ == "of"), None)
                    inner_obj = [c for c in inner.children if c.dep_ == "pobj"] if inner is not None else []
                    head = inner_obj[0] if inner_obj else None
            if head is None or head.i == tok.i:
                continue
            unit = _unit(head, tok)
            if not unit:
                continue
            text = sent.text.strip()
            start = sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
            out.append(
                ClaimMention(
                    kind="figure",
                    text=text,
                    start=start,
                    end=start + len(text),
                    value=value,
                    unit=unit,
                    speaker=speaker_of(sent),
                    qualifier=_verbal_phrase(tok) if value is None else _qualifier(tok),
                )
            )
    return out
