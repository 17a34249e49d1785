"""Candidate filler spans and their features, on a spaCy parse of a MUC-4 document.

Candidates are noun chunks and each of their suffixes (``president cerezo`` → ``cerezo``),
noun chunks extended by an ``of`` phrase (``members of the camilist union``), named entities
and single nouns. Features are lexical (string, head, first/last word, neighbouring words),
syntactic (dependency of the head, governing verb, preposition), positional, sentence verbs,
and how often the string (and its head) filled each role in the training documents.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from plotwatch.muc4 import ROLES
from plotwatch.muc4.scorer import normalize

MAX_LEN = 12
_SKIP_START = {"DET", "PUNCT", "CCONJ", "ADP", "PART"}
_NOMINAL = {"NOUN", "PROPN"}

Features = dict[str, float]


@dataclass(frozen=True)
class Candidate:
    start: int  # token offsets in the doc
    end: int
    text: str  # the surface string
    norm: str  # normalised as the metric does


def candidates(doc: Doc) -> list[Candidate]:
    spans: set[tuple[int, int]] = set()
    for nc in doc.noun_chunks:
        s, e = nc.start, nc.end
        for i in range(s, e):
            if doc[i].pos_ not in _SKIP_START and not doc[i].is_punct:
                spans.add((i, e))
        for prep in doc[e - 1].rights:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for pobj in prep.children:
                    if pobj.dep_ == "pobj":
                        end = max(t.i for t in pobj.subtree) + 1
                        if end - s <= MAX_LEN:
                            spans.add((s, end))
    for ent in doc.ents:
        spans.add((ent.start, ent.end))
    for tok in doc:
        if tok.pos_ in _NOMINAL and not tok.is_punct:
            spans.add((tok.i, tok.i + 1))
    out = []
    for s, e in sorted(spans):
        if e - s > MAX_LEN:
            continue
        span = doc[s:e]
        norm = normalize(span.text)
        if not norm or len(norm) < 2:
            continue
        out.append(Candidate(s, e, span.text, norm))
    return out


def _bucket(n: int) -> str:
    if n <= 0:
        return "0"
    if n == 1:
        return "1"
    if n <= 3:
        return "2-3"
    if n <= 10:
        return "4-10"
    return "11+"


def _governor(tok: Token) -> tuple[str, str]:
    """How a head noun attaches to the word governing it: (relation, governor lemma).
    Conjuncts, appositions and compounds take the attachment of their head; a prepositional
    object is attached by its preposition (``by`` for passive agents)."""
    cur = tok
    for _ in range(3):
        if cur.dep_ in ("conj", "appos", "compound") and cur.head is not cur:
            cur = cur.head
        else:
            break
    if cur.dep_ == "pobj" and cur.head is not cur:
        prep = cur.head
        return "p:" + prep.lower_, prep.head.lemma_.lower() if prep.head is not prep else "-"
    if cur.head is cur:
        return "root", "-"
    return cur.dep_, cur.head.lemma_.lower()


@dataclass
class Lexicon:
    """Role-filler counts from training documents (string and head word, per role)."""

    strings: dict[str, Counter[str]]
    heads: dict[str, Counter[str]]

    @classmethod
    def empty(cls) -> Lexicon:
        return cls({r: Counter() for r in ROLES}, {r: Counter() for r in ROLES})

    def to_json(self) -> dict[str, dict[str, dict[str, int]]]:
        return {
            "strings": {r: dict(c) for r, c in self.strings.items()},
            "heads": {r: dict(c) for r, c in self.heads.items()},
        }

    @classmethod
    def from_json(cls, obj: Mapping[str, Mapping[str, Mapping[str, int]]]) -> Lexicon:
        return cls(
            {r: Counter(obj["strings"].get(r, {})) for r in ROLES},
            {r: Counter(obj["heads"].get(r, {})) for r in ROLES},
        )


def head_key(norm: str) -> str:
    return norm.rsplit(" ", 1)[-1]


def doc_fillers(spans: Mapping[str, Iterable[tuple[str, int]]]) -> dict[str, set[str]]:
    """Normalised gold filler strings per role of one document."""
    return {r: {normalize(m) for m, _ in spans.get(r, [])} - {""} for r in ROLES}


def candidate_features(
    doc: Doc,
    cands: list[Candidate],
    lexicon: Lexicon,
    exclude: Mapping[str, set[str]] | None = None,
) -> list[Features]:
    """One feature dict per candidate. ``exclude`` holds this document's own gold fillers,
    left out of the lexicon counts when featurising training documents."""
    sents = list(doc.sents)
    sent_index = {}
    sent_verbs: list[list[str]] = []
    sent_nouns: list[list[str]] = []
    for k, s in enumerate(sents):
        for t in s:
            sent_index[t.i] = k
        sent_verbs.append(sorted({t.lemma_.lower() for t in s if t.pos_ == "VERB"}))
        sent_nouns.append(sorted({t.lemma_.lower() for t in s if t.pos_ == "NOUN"}))
    freq = Counter(c.norm for c in cands)
    first_seen: dict[str, int] = {}
    for c in cands:
        first_seen.setdefault(c.norm, c.start)
    ents = {(e.start, e.end): e.label_ for e in doc.ents}
    out: list[Features] = []
    for c in cands:
        span: Span = doc[c.start : c.end]
        root = span.root
        f: Features = {"bias": 1.0}
        words = c.norm.split()
        head = words[-1]
        f["w=" + c.norm] = 1.0
        f["h=" + root.lemma_.lower()] = 1.0
        f["last=" + head] = 1.0
        f["first=" + words[0]] = 1.0
        for w in words[:-1]:
            f["mod=" + w] = 1.0
        f["len=" + str(min(len(words), 6))] = 1.0
        f["ent=" + ents.get((c.start, c.end), "none")] = 1.0
        f["etype=" + (root.ent_type_ or "none")] = 1.0
        f["pos=" + root.pos_] = 1.0
        f["tag=" + root.tag_] = 1.0
        f["has_of=" + str(" of " in f" {c.norm} ")] = 1.0
        rel, gov = _governor(root)
        f["dep=" + root.dep_] = 1.0
        f["rel=" + rel] = 1.0
        f["gov=" + gov] = 1.0
        f["relgov=" + rel + "|" + gov] = 1.0
        f["hdep=" + root.dep_ + "|" + root.head.lemma_.lower()] = 1.0
        f["hrel=" + head + "|" + rel] = 1.0
        etype = root.ent_type_ or "none"
        f["erel=" + etype + "|" + rel] = 1.0
        f["erelgov=" + etype + "|" + rel + "|" + gov] = 1.0
        gov_tok = root.head
        if gov_tok.pos_ == "NOUN" or rel.startswith("p:"):
            up = gov_tok.head if not rel.startswith("p:") else gov_tok.head.head
            f["gov2=" + up.lemma_.lower()] = 1.0
            f["relgov2=" + rel + "|" + gov + "|" + up.lemma_.lower()] = 1.0
        for k in (1, 2, 3):
            i = c.start - k
            f[f"l{k}=" + (doc[i].lower_ if i >= 0 else "<s>")] = 1.0
            j = c.end - 1 + k
            f[f"r{k}=" + (doc[j].lower_ if j < len(doc) else "</s>")] = 1.0
        for i in range(max(0, c.start - 6), c.start):
            f["lb=" + doc[i].lemma_.lower()] = 1.0
        for j in range(c.end, min(len(doc), c.end + 6)):
            f["rb=" + doc[j].lemma_.lower()] = 1.0
        k = sent_index.get(c.start, 0)
        f["sent=" + _bucket(k)] = 1.0
        f["sent0=" + str(k == 0)] = 1.0
        for v in sent_verbs[k] if k < len(sent_verbs) else []:
            f["sv=" + v] = 1.0
        for v in sent_nouns[k] if k < len(sent_nouns) else []:
            f["sn=" + v] = 1.0
        f["freq=" + _bucket(freq[c.norm])] = 1.0
        f["firstmention=" + str(first_seen[c.norm] == c.start)] = 1.0
        f["inparen=" + str(c.start > 0 and doc[c.start - 1].text == "(")] = 1.0
        for r in ROLES:
            own = exclude.get(r, set()) if exclude else set()
            n = lexicon.strings[r][c.norm] - (1 if c.norm in own else 0)
            nh = lexicon.heads[r][head] - sum(1 for m in own if head_key(m) == head)
            f[f"lex_{r}=" + _bucket(n)] = 1.0
            f[f"lexh_{r}=" + _bucket(nh)] = 1.0
        out.append(f)
    return out


def doc_features(doc: Doc) -> Features:
    """Bag of lemmas and lemma bigrams of the document (binary), plus those of its first
    three sentences, for the relevance and incident-type models."""
    f: Features = {"bias": 1.0}
    toks = [t.lemma_.lower() for t in doc if not t.is_punct and not t.is_space]
    for t in toks:
        f["u=" + t] = 1.0
    for a, b in itertools.pairwise(toks):
        f["b=" + a + "_" + b] = 1.0
    for k, s in enumerate(doc.sents):
        if k >= 3:
            break
        for tok in s:
            if not tok.is_punct and not tok.is_space:
                f["s=" + tok.lemma_.lower()] = 1.0
    return f


def by_string(cands: list[Candidate], feats: list[Features]) -> tuple[list[Candidate], list[Features]]:
    """One entry per distinct normalised string: its first occurrence, and the union of the
    features of all its occurrences plus how many there are."""
    order: dict[str, int] = {}
    firsts: list[Candidate] = []
    merged: list[Features] = []
    counts: list[int] = []
    for c, f in zip(cands, feats, strict=True):
        k = order.get(c.norm)
        if k is None:
            order[c.norm] = len(firsts)
            firsts.append(c)
            merged.append(dict(f))
            counts.append(1)
        else:
            merged[k].update(f)
            counts[k] += 1
    for f, n in zip(merged, counts, strict=True):
        f["nocc=" + _bucket(n)] = 1.0
    return firsts, merged
