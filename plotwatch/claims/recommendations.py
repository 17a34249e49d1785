"""Recommendations and demands: "the world must expel all intelligence officers".

A recommendation is a clause whose verb is governed by a deontic modal (must, should, ought to,
need to) or is the complement of a demand verb ("called on X to sanction", "urged X to …"),
and each item of a bulleted or numbered list introduced by such a clause ("Moniquet wrote that
the world must:" followed by "• expel …"). Questions and negated modals are not recommendations.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from plotwatch.claims.speakers import speaker_of
from plotwatch.types import ClaimMention

MODALS = {"must", "should", "ought", "need"}
DEMAND_VERBS = {"call", "urge", "demand", "ask", "recommend", "advise", "appeal", "press"}
INTRO = re.compile(
    r"\b(must|should|ought to|need to|call(s|ed)? (on|for)|urge[sd]?|recommend[a-z]*|demand[a-z]*)\b", re.I
)
LIST_ITEM = re.compile(r"^\s*(?:[•\-*–·▪]|\d{1,2}[).]|[a-z][).])\s+(?P<item>\S.*)$")


def _action(verb: Token) -> str:
    """The demanded action: the verb with its object, as written."""
    right = [t for t in verb.rights if t.dep_ in {"dobj", "prep", "prt", "attr", "ccomp", "xcomp"}]
    end = max([verb.i, *(t.right_edge.i for t in right)]) + 1
    end = min(end, verb.i + 14)
    return verb.doc[verb.i : end].text


def _modal_verbs(sent: Span) -> list[Token]:
    out = []
    for tok in sent:
        if tok.pos_ not in {"VERB", "AUX"} or tok.dep_ == "aux":
            continue
        auxes = [c for c in tok.children if c.dep_ == "aux"]
        negated = any(c.dep_ == "neg" for c in tok.children)
        if negated:
            continue
        if (
            any(a.lower_ in MODALS for a in auxes)
            or (tok.head.lemma_ in {"need", "ought"} and tok.dep_ == "xcomp")
            or (tok.dep_ == "xcomp" and tok.head.lemma_ in DEMAND_VERBS)
        ):
            out.append(tok)
    return out


def _list_items(doc: Doc, after: int) -> list[tuple[int, int, str]]:
    """The bullet items directly following character offset ``after``."""
    items = []
    text = doc.text
    pos = text.find("\n", after)
    blank_run = 0
    while 0 <= pos < len(text):
        line_end = text.find("\n", pos + 1)
        line_end = len(text) if line_end == -1 else line_end
        line = text[pos + 1 : line_end]
        if not line.strip():
            blank_run += 1
            if blank_run > 1:
                break
        elif m := LIST_ITEM.match(line):
            blank_run = 0
            start = pos + 1 + m.start("item")
            items.append((start, pos + 1 + len(line.rstrip()), m["item"].rstrip()))
        else:
            break
        pos = line_end if line_end < len(text) else -1
    return items


def _intro_lines(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) of lines ending in ":" that announce a list of demands."""
    out = []
    pos = 0
    for line in doc.text.splitlines(keepends=True):
        body = line.rstrip()
        if body.endswith(":") and INTRO.search(body):
            out.append((pos, pos + len(body)))
        pos += len(line)
    return out


def _sentence_at(doc: Doc, char: int) -> Span | None:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span.sent if span is not None else None


def find_recommendations(doc: Doc) -> list[ClaimMention]:
    out: list[ClaimMention] = []
    covered: list[tuple[int, int]] = []
    for start, end in _intro_lines(doc):
        sent = _sentence_at(doc, max(start, end - 2))
        speaker = speaker_of(sent) if sent is not None else None
        items = _list_items(doc, end)
        for istart, iend, item in items:
            out.append(
                ClaimMention(
                    kind="recommendation", text=item, start=istart, end=iend, unit=item, speaker=speaker
                )
            )
        if items:
            covered.append((start, items[-1][1]))
    for sent in doc.sents:
        if sent.text.rstrip().endswith("?"):
            continue
        if any(a <= sent.start_char < b or a < sent.end_char <= b for a, b in covered):
            continue
        verbs = _modal_verbs(sent)
        if not verbs:
            continue
        speaker = speaker_of(sent)
        text = sent.text.strip()
        start = sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
        for verb in verbs:
            out.append(
                ClaimMention(
                    kind="recommendation",
                    text=text,
                    start=start,
                    end=start + len(text),
                    unit=_action(verb),
                    speaker=speaker,
                )
            )
    return out
