"""Walking the dependency parse: governors, clause chains, and "is this really an event?".

These helpers look at one trigger token and its sentence. They know nothing about event
types; the cue lists come from ``cues.yaml``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from spacy.tokens import Doc, Span, Token

# Edges we climb from a trigger to reach the verb that carries its subject, aux and modifiers.
CLIMB = {
    "xcomp",
    "conj",
    "pcomp",
    "prep",
    "pobj",
    "dobj",
    "acl",
    "advcl",
    "attr",
    "appos",
    "oprd",
    "npadvmod",
    "amod",
    "compound",
    "nsubj",
    "nsubjpass",
    "ccomp",
    "agent",
    "dative",
}
# Edges that stop climbing for modality: a relative clause has its own mood.
BOUNDARY = {"relcl"}
SUBJECT = ("nsubj", "nsubjpass", "csubj")


def chain(tok: Token, stop: set[int] | None = None) -> Iterator[Token]:
    """``tok`` and its governors up to the clause root (stopping before tokens in ``stop``)."""
    yield tok
    cur = tok
    while cur.head.i != cur.i and cur.dep_ not in BOUNDARY:
        cur = cur.head
        if stop and cur.i in stop:
            return
        yield cur


def passive_subject(head: Token) -> list[Token]:
    """The one a subjectless passive conjunct is done to: the subject of the active verb it is
    joined to ("X opened a parcel and was killed"), or of the main clause when the parser joined
    it to a subordinate one whose subject is a state or a body ("He spent years in custody while
    Russia sought his extradition, and was freed": "He")."""
    if head.dep_ != "conj" or not any(c.dep_ == "auxpass" for c in head.children):
        return []
    if any(c.dep_ in (*SUBJECT, "dobj") for c in head.children):
        return []
    first = head
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    if any(c.dep_ == "auxpass" for c in first.children):
        return []
    subj = [c for c in first.children if c.dep_ == "nsubj"]
    marked = first.dep_ == "advcl" and any(c.dep_ == "mark" for c in first.children)
    if marked and subj and all(t.ent_type_ in ("GPE", "ORG", "NORP") for t in subj):
        # a state or a body as the subordinate clause's subject: the clause closed before "and"
        subj = [c for c in first.head.children if c.dep_ == "nsubj"]
    return subj


def antecedent_of(tok: Token) -> Token:
    """The noun a relative pronoun stands for ("two refugees, X and Y, who disappeared": the
    phrase "who" hangs on), else ``tok`` itself."""
    if tok.lower_ in ("who", "that") and tok.head.dep_ == "relcl":
        return tok.head.head
    return tok


def verb_above(tok: Token) -> Token:
    """The first verb at or above ``tok`` (the clause a phrase belongs to), else the root."""
    while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i:
        tok = tok.head
    return tok


def in_present(verb: Token) -> bool:
    """The clause of ``verb`` is told in the present or present perfect ("still speaks",
    "nobody has been tried")."""
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    return verb.tag_ in ("VBZ", "VBP") or bool(aux & {"has", "have", "is", "are", "'s"})


def subtree_without(tok: Token, exclude: set[int]) -> Iterator[Token]:
    """The subtree of ``tok`` minus the subtrees rooted at tokens in ``exclude``."""
    stack = [tok]
    while stack:
        cur = stack.pop()
        yield cur
        stack.extend(c for c in cur.children if c.i not in exclude)


def is_question(sent: Span) -> bool:
    return sent.text.rstrip().endswith("?")


def is_imperative(sent: Span) -> bool:
    """A sentence that starts with a bare verb and has no subject ("Expel all diplomats")."""
    words = [t for t in sent if not (t.is_punct or t.like_num or t.is_space or t.text in "•-–*")]
    if not words:
        return False
    first = words[0]
    if first.tag_ != "VB" or first.i > sent.start + 3:
        return False
    root = sent.root
    return not any(c.dep_ in SUBJECT for c in root.children)


def blocked(tok: Token, cues: dict[str, Any]) -> str | None:
    """Why the trigger at ``tok`` does not report an event that happened, or None."""
    modal = set(cues.get("modal_aux", ()))
    denial = set(cues.get("denial", ()))
    recommend = set(cues.get("recommendation", ()))
    marks = set(cues.get("hypothetical_marks", ()))
    negation = set(cues.get("negation", ()))
    nobody = set(cues.get("negative_subjects", ()))
    future = set(cues.get("future", ()))
    promised = set(cues.get("promise_verbs", ()))
    finite = False  # a finite clause or participle between trigger and governor
    closed = False  # passed a finite verb with its own subject: its governors' mood is not ours
    prev = tok
    for i, cur in enumerate(chain(tok)):
        if i > 0 and _across_semicolon(prev, cur):
            break  # "X was arrested …; the case never reached a verdict": a clause of its own
        prev = cur
        lemma = cur.lemma_.lower()
        if i > 0 and lemma in denial:
            return "denial"
        if i > 0 and lemma in recommend and not finite:
            return "recommendation"  # "called on X to sanction", "urged the expulsion of"
        if closed:
            continue
        if i > 0 and (cur.tag_ in ("VBD", "VBZ", "VBP") or cur.dep_ == "advcl"):
            finite = True
        gerund_charge = cur.tag_ == "VBG" and cur.dep_ == "pcomp"  # "jailed for planning an attack"
        if i > 0 and lemma in future and cur.tag_ in ("VBZ", "VBP", "VB", "VBG") and not gerund_charge:
            return "future"
        if i > 0 and lemma in promised and cur.tag_ == "VBD" and not gerund_charge:
            return "future"  # "the government promised an inquiry that came to nothing"
        if i == 1 and lemma == "about" and tok.dep_ == "xcomp":
            return "future"  # "he was about to be arrested"
        for child in cur.children:
            clow = child.lower_
            if child.dep_ == "aux" and clow in modal:
                return "modal"
            if child.dep_ == "neg" or (child.dep_ == "det" and clow == "no" and i == 0):
                return "negation"
            if child.dep_ == "mark" and clow in marks:
                return "hypothetical"
            if i == 0 and child.dep_ == "prep" and clow in negation:
                return "negation"
            if (
                i == 0
                and child.dep_ in (*SUBJECT, "dobj")
                and (clow in nobody or any(g.dep_ == "det" and g.lower_ == "no" for g in child.children))
            ):
                # "Nobody was ever convicted of either attack", "no one was arrested";
                # "prosecutors have charged no one", "arrested nobody"
                return "negation"
        if cur.dep_ == "pobj" and cur.head.lower_ in negation:
            return "negation"
        if cur.pos_ == "VERB" and cur.tag_ == "VBG" and cur.dep_ == "ROOT":
            break
        if cur.tag_ in ("VBD", "VBZ", "VBP") and any(c.dep_ in SUBJECT for c in cur.children):
            if cur.dep_ == "conj" and cur.pos_ == "VERB":
                break  # "Lagos denied it, but Britain expelled two diplomats": a clause of its own
            closed = True  # "…, while EU governments announced expulsions": their own clause
    return None


def _across_semicolon(dep: Token, gov: Token) -> bool:
    """``dep``'s clause ends at a semicolon before its governor ``gov``: the parser hung a
    clause on the one after the semicolon ("X and others were arrested and charged; the case
    never reached a verdict" makes the arrest the object of "reached")."""
    doc = dep.doc
    end = dep.right_edge.i
    return gov.i > end and any(doc[k].text == ";" for k in range(end + 1, gov.i))


def announced(tok: Token, cues: dict[str, Any]) -> bool:
    """ "X said it would expel …": a "would"/"will" under a finite reporting verb, no other modal."""
    report = set(cues.get("announce", ()))
    modal = set(cues.get("modal_aux", ()))
    future = False
    for cur in chain(tok):
        for child in cur.children:
            if child.dep_ == "aux" and child.lower_ in modal:
                if child.lower_ not in ("would", "will", "'ll"):
                    return False
                future = True
        if future and cur.lemma_.lower() in report and cur.tag_ in ("VBD", "VBZ", "VBP"):
            return True
    return False


def fronted_preps(sent: Span) -> list[Token]:
    """Prepositions before the main verb's subject ("In June, …", "In the US, …")."""
    root = sent.root
    out = []
    for child in root.children:
        if child.i >= root.i:
            break
        if child.dep_ == "prep":
            out.append(child)
        if child.dep_ in SUBJECT:
            break
    return out


def number_of(tok: Token) -> int | None:
    """The cardinal modifying ``tok`` ("eight plots" -> 8), or None."""
    words = {
        "two": 2,
        "three": 3,
        "four": 4,
        "five": 5,
        "six": 6,
        "seven": 7,
        "eight": 8,
        "nine": 9,
        "ten": 10,
        "several": 3,
        "dozens": 24,
        "scores": 40,
        "hundreds": 200,
    }
    for child in tok.children:
        if child.ent_type_ == "DATE" and re.fullmatch(r"1[89]\d\d|20\d\d", child.text):
            continue  # "the 1979 hostage crisis": a year, not a count
        if child.dep_ == "nummod" or (child.dep_ == "amod" and child.lower_ in words):
            low = child.lower_.replace(",", "")
            if low.isdigit():
                return int(low)
            return words.get(low, 2)
    return None


def determiner(tok: Token) -> str | None:
    for child in tok.children:
        if child.dep_ in ("det", "predet"):
            return child.lower_
    return None


# Officials named by the inquiry they lead ("the investigating judge", "investigating magistrates").
INVESTIGATING_OFFICIALS = ("judge", "magistrate", "officer", "prosecutor", "detective", "team")


def repair_parse(doc: Doc) -> None:
    """Mend parser errors the rules would otherwise read as facts.

    - "the Rome killing": a place name between a determiner and its noun is parsed as the noun's
      subject, which would make Rome the killer; it is a compound modifier (a place).
    - "investigating judges in Paris placed three men under investigation": "investigating" is
      parsed as a verb whose object is "judges" (an inquiry into judges); it modifies them.
    - "was charged and, in 1982, convicted": the phrase set off after "and" is the second
      verb's (:func:`_gapped_conjunct`).

    ("found X, Y and the sergeant Z guilty" is mended earlier, by :func:`attach_verdicts`,
    before the triggers are read.)
    """
    for tok in doc:
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if (
            tok.lower_ == "investigating"
            and nxt is not None
            and nxt.lemma_.lower() in INVESTIGATING_OFFICIALS
            and nxt.head.i == tok.i
            and nxt.dep_ == "dobj"
            and tok.dep_ in ("csubj", "nsubj", "ROOT")
        ):
            head, dep = tok.head, tok.dep_
            mods = [c for c in tok.children if c.i < tok.i]
            nxt.head = nxt if head.i == tok.i else head
            nxt.dep_ = "nsubj" if dep == "csubj" else dep
            tok.head, tok.dep_ = nxt, "amod"
            for mod in mods:
                mod.head = nxt
    for tok in doc:
        _gapped_conjunct(tok)
    for tok in doc:
        head = tok.head
        nominal = head.pos_ == "NOUN" or head.tag_ == "VBG"  # "killing" tagged a verb, too
        if tok.dep_ != "nsubj" or not nominal or tok.i > head.i or tok.ent_type_ != "GPE":
            continue
        dets = [c for c in (*head.children, *tok.children) if c.dep_ == "det" and c.i < tok.i]
        if dets and all(t.ent_type_ == "GPE" or t.dep_ == "compound" for t in doc[tok.i + 1 : head.i]):
            tok.dep_ = "compound"


def _gapped_conjunct(cc: Token) -> None:
    """ "was charged and, in 1982, convicted of …": the parser hangs the phrase set off by
    commas after "and" on the first verb and makes the second a subordinate clause; the phrase
    is the second verb's, and the verbs are conjuncts."""
    doc = cc.doc
    verb = cc.head
    if cc.dep_ != "cc" or cc.lower_ not in ("and", "but") or verb.pos_ not in ("VERB", "AUX"):
        return
    k = cc.i + 1
    if k >= len(doc) or doc[k].text != ",":
        return
    prep = doc[k + 1] if k + 1 < len(doc) else None
    if prep is None or prep.dep_ != "prep" or prep.head.i != verb.i:
        return
    comma = prep.right_edge.i + 1
    nxt = comma + 1
    if nxt >= len(doc) or doc[comma].text != ",":
        return
    second = doc[nxt]
    if second.head.i == verb.i and second.dep_ == "advcl" and second.tag_ in ("VBN", "VBD"):
        prep.head = second
        second.dep_ = "conj"


def detach_fronted_dates(doc: Doc) -> None:
    """ "On 7 May 1999 Yury Zakharanka, a former minister, was seized": with no comma after a
    fronted date the parser takes the name that follows for the date's object, and the verb is
    left with no subject; the date is the preposition's object and the name the verb's subject
    (run by the trigger component, before the triggers are read)."""
    for prep in doc:
        if prep.dep_ != "prep" or prep.lower_ not in ("on", "in") or prep.head.pos_ not in ("VERB", "AUX"):
            continue
        verb, obj = prep.head, next((c for c in prep.children if c.dep_ == "pobj"), None)
        if obj is None or not prep.i < obj.i < verb.i or obj.ent_type_ in ("DATE", "TIME"):
            continue  # "on Monday evening agreed": the time ends the date, no name follows
        dates = [c for c in obj.children if c.i < obj.i and c.ent_type_ == "DATE"]
        if not dates or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            continue
        if any(t.ent_type_ == "DATE" for t in doc[dates[-1].right_edge.i + 1 : obj.i]):
            continue  # the date runs on into the noun ("On May 7 1999 morning"): no subject there
        root = next((d for d in reversed(dates) if d.pos_ in ("PROPN", "NOUN")), dates[-1])
        root.head, root.dep_ = prep, "pobj"
        for other in dates:
            if other is not root:
                other.head = root
        obj.head = verb
        obj.dep_ = "nsubjpass" if any(c.dep_ == "auxpass" for c in verb.children) else "nsubj"


def one_subject(doc: Doc) -> None:
    """ "the Commonwealth suspended Nigeria, Britain recalled its envoy": a verb has one subject;
    when the parser gives it two, the one next to it is its subject, and one a comma divides
    from it belongs to a clause before and is left unattached (``dep``) rather than read as a
    second doer (run by the trigger component)."""
    for verb in doc:
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i]
        for extra in subjects[:-1]:
            if any(t.lower_ in (",", ";") for t in doc[extra.i : subjects[-1].left_edge.i]):
                extra.dep_ = "dep"


def attach_verdicts(doc: Doc) -> None:
    """ "found X, Y and the sergeant Z guilty": after a long list of names the verdict word is
    parsed as a modifier of the last name; it is the predicate of "found" (run by the trigger
    component, before the triggers are read)."""
    for tok in doc:
        if tok.lower_ not in ("guilty", "innocent") or tok.dep_ != "amod" or tok.head.i > tok.i:
            continue
        obj = next((a for a in tok.ancestors if a.dep_ == "dobj"), None)
        if obj is not None and obj.head.lemma_.lower() == "find" and obj.head.pos_ == "VERB":
            tok.head, tok.dep_ = obj.head, "oprd"
