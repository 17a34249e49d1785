"""Who did what to whom: role fillers and the states behind them, from the parse.

:class:`RoleFinder` turns tokens in role positions (subject, agent, object, "against X") into
:class:`ActorMention` s, using gazetteer spans first, then NER spans, then the bare noun phrase,
and resolves "he"/"the diplomat" to the last named person before the sentence.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

from plotwatch.extract.components import GAZ_KEY, MISSILES, fronted_investigators
from plotwatch.extract.places import Place, PlaceResolver
from plotwatch.extract.resources import Resources
from plotwatch.extract.syntax import SUBJECT, chain, passive_subject
from plotwatch.types import ActorMention

NAMED = ("PERSON", "ORG", "NORP", "GPE", "FAC", "LOC")
STATEISH = {"state", "agency", "unit", "government", "ministry", "police", "court"}
PRONOUNS = {"he", "she", "him", "her"}
INDEFINITE = {"a", "an"}
NUMBERS = {"two": 2, "three": 3, "four": 4, "2": 2, "3": 3, "4": 4}
NOT_ACTORS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}
# Words that make a phrase name an organ of a state ("an Indian government employee").
STATE_ORGANS = frozenset(
    {"government", "state", "ministry", "intelligence", "regime", "military", "army", "embassy", "consulate"}
)
# Prepositions that only time a noun ("hours after the killing"): the clause's doer is not its doer.
TIME_PREPS = frozenset({"after", "before", "since", "until", "following", "during", "amid"})
# Nouns of "at the direction of X", "on the orders of X": X is behind the act.
BEHEST = {"direction", "behest", "order", "instruction", "instigation", "command", "request"}
# Terms of a release or a hearing, no one released ("freed on bail", "out on parole").
TERMS = {"bail", "parole", "probation", "licence", "license", "remand"}
# What a court gives, no one it is given to.
PROCEDURES = {"sentence", "year", "term"}


class RoleFinder:
    """Role fillers for one ``Doc``."""

    def __init__(self, doc: Doc, resources: Resources, places: PlaceResolver) -> None:
        self.doc = doc
        self.res = resources
        self.places = places
        cues = resources.cues
        self.state_agent_nouns = set(cues.get("state_agent_nouns", ()))
        self.authority_nouns = set(cues.get("authority_nouns", ()))
        self.anaphors = set(cues.get("person_anaphors", ()))
        self.group_nouns: dict[str, int] = dict(cues.get("group_anaphors", {}))
        self.principal_verbs = set(cues.get("principal_verbs", ()))
        self.member_nouns = set(cues.get("member_nouns", ()))
        self.gaz: dict[int, Span] = {}
        for span in doc.spans.get(GAZ_KEY, []):
            for i in range(span.start, span.end):
                self.gaz[i] = span
        self.ents: dict[int, Span] = {}
        for ent in doc.ents:
            if ent.label_ in NAMED:
                for i in range(ent.start, ent.end):
                    self.ents[i] = ent
        persons = [s for s in doc.ents if s.label_ == "PERSON"]
        persons += [s for s in doc.spans.get(GAZ_KEY, []) if s.label_ == "person"]
        persons.sort(key=lambda s: s.start)
        self._person_starts = [s.start for s in persons]
        self._persons = persons

    # -- role positions ------------------------------------------------------------------

    def agent_tokens(self, head: Token, stop: set[int], reported: bool = True) -> list[Token]:
        """Subject-like tokens: active subject, "by X", or the possessor of a noun trigger.

        ``reported=False`` stops at a reported clause: in "X was found stabbed to death, police
        sources said" the sources told of the act, they are not its doer (a response told so,
        "police said X was arrested", is the reporter's)."""
        if hidden := fronted_investigators(head):
            return hidden
        for cur in chain(head):
            if cur.pos_ == "NOUN":  # "a rendition organised by MIT", "an attack carried out by X"
                done_by = [
                    g
                    for acl in cur.children
                    if acl.dep_ == "acl" and acl.tag_ == "VBN"
                    for a in acl.children
                    if a.dep_ == "agent"
                    for g in a.children
                    if g.dep_ == "pobj"
                ]
                if done_by:
                    return done_by
            for child in cur.children:
                if child.dep_ == "agent" or (
                    child.dep_ == "prep" and child.lower_ == "by" and cur.pos_ == "NOUN"
                ):
                    return [c for c in child.children if c.dep_ == "pobj"]
                if child.dep_ in ("nsubj", "csubj"):
                    return [child]
                if child.dep_ == "poss" and cur.pos_ in ("NOUN", "PROPN"):
                    return [child]
            if any(c.dep_ == "auxpass" for c in cur.children):
                # "X was shot and wounded by a bodyguard": the passive verbs share the "by" phrase
                shared = [
                    g
                    for v in cur.children
                    if v.dep_ == "conj" and v.tag_ == "VBN" and not any(c.dep_ in SUBJECT for c in v.children)
                    for a in v.children
                    if a.dep_ == "agent"
                    for g in a.children
                    if g.dep_ == "pobj"
                ]
                if shared:
                    return shared
            if cur.dep_ == "xcomp" and any(c.dep_ == "auxpass" for c in cur.children):
                return []  # "X survived being shot": X was shot, the doer is not named
            if cur.dep_ == "xcomp" and cur.head.lemma_.lower() in self.principal_verbs:
                # "X had been hired to kill Y": the one hired is the doer
                hired = [c for c in cur.head.children if c.dep_ == "nsubjpass"]
                if hired:
                    return hired
            if cur.dep_ in ("conj", "advcl") and any(c.dep_ == "nsubjpass" for c in cur.children):
                # "X planned …, and Y had been arrested", "after Y was shot dead, X said …": a
                # passive with its own subject and no "by" phrase does not share the doer of the
                # clause it is joined to
                return []
            if cur.dep_ == "relcl":
                # "the agents who plotted": the head; "the operation in which X was killed": none
                rel = any(c.dep_ == "nsubj" and c.tag_ in ("WP", "WDT") for c in cur.children)
                return [cur.head] if rel else []
            if cur.dep_ == "acl" and cur.tag_ == "VBG":
                return [cur.head]  # "security forces attempting to intimidate …"
            if not reported and cur.dep_ == "ccomp" and any(c.dep_ == "nsubjpass" for c in cur.children):
                return []
        return []

    def patient_tokens(self, head: Token) -> list[Token]:
        """Tokens acted upon: object, passive subject, "against/of/on X", "targeting X"."""
        out: list[Token] = []
        passive_xcomp = head.dep_ == "xcomp" and any(c.dep_ == "auxpass" for c in head.children)
        first = head
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head  # "were watched, followed and threatened": the first verb's subject
        # "X opened a parcel and was killed": the active first verb's subject is the one killed
        if subj := passive_subject(head):
            return subj
        for cur in (
            head,
            *([head.head] if head.dep_ == "xcomp" else []),
            *([first] if first is not head else []),
        ):
            for child in cur.children:
                preps = (*child.children, *cur.children)
                withs = [p for p in preps if p.dep_ == "prep" and p.lower_ == "with"]
                if child.dep_ == "dobj" and child.lemma_.lower() in ("relation", "tie") and withs:
                    # "broke off diplomatic relations with Libya": the state the ties were with
                    out.extend(c for p in withs for c in p.children if c.dep_ == "pobj")
                elif child.dep_ in ("dobj", "nsubjpass") and child.lemma_.lower() in MISSILES:
                    # "several shots were fired at him": at whom, below; "brought charges against
                    # X", "fired shots at X": the phrase may hang on the missile
                    out.extend(
                        g
                        for p in child.children
                        if p.dep_ == "prep" and p.lower_ in ("against", "at")
                        for g in p.children
                        if g.dep_ == "pobj" and g.ent_type_ not in NOT_ACTORS
                    )
                elif child.dep_ == "dobj" and child.lemma_.lower() in PROCEDURES:
                    # "handed X a life sentence": X, not the sentence
                    out.extend(c for c in cur.children if c.dep_ == "dative")
                elif child.dep_ in ("dobj", "nsubjpass") or (
                    passive_xcomp and cur is not head and child.dep_ == "nsubj"
                ):
                    out.append(child)
                elif child.dep_ == "prep" and child.lower_ in ("against", "of", "on", "at"):
                    # "shot on 8 November": a date, not a target; "at the direction of": a principal
                    out.extend(
                        c
                        for c in child.children
                        if c.dep_ == "pobj"
                        and c.ent_type_ not in NOT_ACTORS
                        and c.lemma_.lower() not in BEHEST
                        and c.lemma_.lower() not in TERMS
                    )
                elif child.dep_ == "acl" and child.lemma_ == "target":
                    out.extend(c for c in child.children if c.dep_ == "dobj")
            if out:
                break
        if not out and head.pos_ == "VERB":
            # "shot and wounded X": the verbs share the object
            out = [
                o
                for v in head.children
                if v.dep_ == "conj" and v.pos_ == "VERB" and not any(c.dep_ in SUBJECT for c in v.children)
                for o in v.children
                if o.dep_ == "dobj"
            ]
        return out

    @staticmethod
    def behest(tok: Token) -> list[Token]:
        """Who an act is done for: "murdered … at the direction of an Indian government
        employee", "on the orders of the ministry", "at the behest of Tehran"."""
        return [
            g
            for prep in tok.children
            if prep.dep_ == "prep" and prep.lower_ in ("at", "on", "under", "upon")
            for pobj in prep.children
            if pobj.dep_ == "pobj" and pobj.lemma_.lower() in BEHEST
            for of in pobj.children
            if of.dep_ == "prep" and of.lower_ == "of"
            for g in of.children
            if g.dep_ == "pobj"
        ]

    def principals(self, tok: Token) -> list[Token]:
        """Who is behind a doer: "terrorists directed by an Iranian diplomat" -> diplomat;
        "a gang working for the intelligence ministry" -> ministry."""
        out: list[Token] = []
        for acl in (c for c in tok.children if c.dep_ == "acl"):
            if acl.tag_ == "VBN" and acl.lemma_.lower() in self.principal_verbs:
                for agent in (c for c in acl.children if c.dep_ == "agent"):
                    out.extend(g for g in agent.children if g.dep_ == "pobj")
                # "a team sent from Tehran": the state (or the capital) it was sent from
                for prep in (c for c in acl.children if c.dep_ == "prep" and c.lower_ == "from"):
                    out.extend(g for g in prep.children if g.dep_ == "pobj" and self.state_of(g))
            elif acl.tag_ == "VBG" and acl.lemma_.lower() in ("work", "act", "operate"):
                for prep in (c for c in acl.children if c.dep_ == "prep" and c.lower_ in ("for", "on")):
                    for pobj in (g for g in prep.children if g.dep_ == "pobj"):
                        if pobj.lower_ == "behalf":  # "on behalf of X"
                            out.extend(
                                g
                                for p in pobj.children
                                if p.lower_ == "of"
                                for g in p.children
                                if g.dep_ == "pobj"
                            )
                        else:
                            out.append(pobj)
        return out

    # -- naming -------------------------------------------------------------------------

    def antecedent(self, before: int) -> Span | None:
        """The last named person starting before token ``before``."""
        k = bisect.bisect_left(self._person_starts, before) - 1
        return self._persons[k] if k >= 0 else None

    def antecedents(self, before: int, n: int) -> list[Span]:
        """The last ``n`` distinct named persons before token ``before`` (in text order)."""
        k = bisect.bisect_left(self._person_starts, before) - 1
        out: list[Span] = []
        seen: set[str] = set()
        while k >= 0 and len(out) < n:
            span = self._persons[k]
            name = span.text.split()[-1].lower()  # a gazetteer hit and an NER span of one name
            if name not in seen:
                seen.add(name)
                out.append(span)
            k -= 1
        return sorted(out, key=lambda s: s.start) if len(out) == n else []

    def _group_size(self, tok: Token) -> int | None:
        """How many people a definite group noun stands for ("the couple" 2, "the two agents" 2)."""
        lemma = tok.lemma_.lower()
        if lemma in self.group_nouns:
            return int(self.group_nouns[lemma])
        if tok.tag_ in ("NNS", "NNPS") and lemma in self.anaphors:
            for child in tok.children:
                if child.dep_ == "nummod" and child.lower_ in NUMBERS:
                    return NUMBERS[child.lower_]
        return None

    def actors(self, tokens: Iterable[Token], role: str, sent: Span) -> list[ActorMention]:
        """Named fillers of ``role`` among ``tokens`` (and their conjuncts)."""
        out: list[ActorMention] = []
        seen: set[tuple[int, int]] = set()
        for tok in self._with_conj(tokens):
            named = [c for c in tok.children if c.dep_ == "appos"]
            if tok.ent_type_ == "CARDINAL" and named:
                tok = named[0]  # "One of them, the journalist X, was shot dead": X
            if tok.ent_type_ in NOT_ACTORS:
                continue  # "arrested on 30 June": a date, not a participant
            if tok.tag_ in ("WP", "WDT") and tok.head.dep_ == "relcl":
                # "Alexander Litvinenko, the former officer who was poisoned": who is the one
                # the clause describes, and an apposition's head names him
                tok = tok.head.head
                tok = tok.head if tok.dep_ == "appos" else tok
            spans = self.named_in(tok)
            definite = any(c.lower_ in ("the", "both") for c in tok.children)
            if not spans and (tok.lower_ in PRONOUNS or (tok.lemma_.lower() in self.anaphors and definite)):
                ante = self.antecedent(sent.start)
                spans = [ante] if ante is not None else []
            elif not spans and definite and (n := self._group_size(tok)):
                spans = self.antecedents(sent.start, n)  # "the couple", "the two agents"
            elif not spans and tok.lower_ in ("them", "they"):
                spans = self._plural_antecedents(tok, sent)
            listed = [] if spans else self.listed_names(tok)
            if listed:
                spans = listed
            if not spans and tok.pos_ in ("NOUN", "PROPN"):
                start = tok.left_edge.i
                indefinite = start < tok.i and self.doc[start].lower_ in INDEFINITE
                if indefinite:
                    start += 1  # "a court" names the court, not one of many
                spans = [self.doc[start : tok.i + 1]]
                if indefinite and tok.tag_ == "NN" and tok.lemma_.lower() in self.anaphors:
                    spans += self._named_next(sent)  # "sentenced an Iranian diplomat … Assadi, who …"
            elif (
                spans
                and role == "responder"
                and self.is_authority(tok)
                and all(s.root.i != tok.i for s in spans)
            ):
                # "Germany's federal prosecutors": the prosecutors, not only their state
                start = tok.left_edge.i + (self.doc[tok.left_edge.i].lower_ in INDEFINITE)
                spans = [*spans, self.doc[start : tok.i + 1]]
            for span in spans:
                if (span.start, span.end) in seen:
                    continue
                seen.add((span.start, span.end))
                out.append(self.mention(span, role))
        return out

    def _named_next(self, sent: Span) -> list[Span]:
        """The person a news lead describes and the next sentence names as its subject ("A
        court sentenced an Iranian diplomat … . Assadollah Assadi, who was …, was found …")."""
        if sent.start != self._lead_start() or sent.end >= len(self.doc):
            return []
        nxt = self.doc[sent.end].sent
        subj = next((t for t in nxt if t.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None:
            return []
        span = self.gaz.get(subj.i) or self.ents.get(subj.i)
        return [span] if span is not None and span.label_ in ("PERSON", "person") else []

    def _lead_start(self) -> int:
        """Where the article's lead (its first sentence that ends like one) starts."""
        if not hasattr(self, "_lead"):
            self._lead = next(
                (s.start for s in self.doc.sents if s.text.rstrip()[-1:] in ".!?" and len(s) > 8), -1
            )
        return self._lead

    def _plural_antecedents(self, tok: Token, sent: Span) -> list[Span]:
        """Whom "them" stands for: the object of the verb its verb is joined to ("arrested three
        men, A, B and C, in Edmonton and charged them"), else the people the sentence before
        names, when it names two or more ("The two men, A and B, … Police arrested them")."""
        verb = tok.head
        if tok.dep_ in ("dobj", "nsubjpass") and verb.dep_ == "conj":
            for obj in (c for c in verb.head.children if c.dep_ in ("dobj", "nsubjpass")):
                names = [n for o in self._with_conj([obj]) for n in self.named_in(o) or self.listed_names(o)]
                people = [n for n in names if n.label_ in ("PERSON", "person")]
                if people:
                    return people
            return []
        if sent.start == 0:
            return []
        prev = self.doc[sent.start - 1].sent
        people = [s for s in self._persons if prev.start <= s.start < prev.end]
        return people if len({s.text.split()[-1] for s in people}) >= 2 else []

    def _with_conj(self, tokens: Iterable[Token]) -> list[Token]:
        out: list[Token] = []
        for tok in tokens:
            out.append(tok)
            out.extend(t for t in tok.conjuncts if t.i > tok.i)
        return out

    def named_in(self, tok: Token) -> list[Span]:
        """Gazetteer or NER spans in the noun phrase of ``tok`` (its non-clausal subtree)."""
        found: dict[tuple[int, int], Span] = {}
        stack = [(tok, False)]
        while stack:
            cur, listed = stack.pop()
            span = self.gaz.get(cur.i) or self.ents.get(cur.i)
            if span is not None:
                found[(span.start, span.end)] = span
            # "three nationals, Karan Brar, Kamal Singh and Ravi Singh": the names listed in an
            # apposition are all the phrase's
            stack.extend(
                (c, listed or c.dep_ == "appos")
                for c in cur.children
                if c.dep_ not in ("relcl", "acl", "conj", "cc", "advcl", "prep")
                or (c.dep_ == "prep" and c.lower_ == "of")
                or (c.dep_ == "conj" and (listed or cur.dep_ == "appos"))
            )
        spans = sorted(found.values(), key=lambda s: s.start)
        # a demonym alone ("Iranian diplomat") is not the actor, nor a place naming a common noun
        # ("a New York police sergeant"): such modifiers are kept only if nothing else is named
        named = [
            s for s in spans if not (s.label_ == "NORP" and s.root.i != tok.i) and not self._modifier(s, tok)
        ]
        return named

    @staticmethod
    def _modifier(span: Span, tok: Token) -> bool:
        """A place name premodifying the common noun ``tok`` ("New York police sergeant")."""
        root = span.root
        return (
            span.label_ == "GPE"
            and tok.pos_ == "NOUN"
            and root.i < tok.i
            and root.head.i == tok.i
            and root.dep_ in ("compound", "amod", "nmod")
        )

    def listed_names(self, tok: Token) -> list[Span]:
        """Names listed after a counted noun the parser did not attach to it: "arrested two men,
        Lu Jian and Chen Ping, in April" read with the names hanging off the verb."""
        if tok.tag_ not in ("NNS", "NNPS") or not any(c.dep_ == "nummod" for c in tok.children):
            return []
        i = tok.right_edge.i + 1
        if i >= len(self.doc) or self.doc[i].text != ",":
            return []
        out: list[Span] = []
        i += 1
        while i < len(self.doc):
            span = self.ents.get(i)
            if span is None or span.label_ != "PERSON" or span.start != i:
                break
            if self.doc[span.root.i].head.i in (t.i for t in tok.subtree):
                return []  # attached after all: the apposition reading finds them
            out.append(span)
            i = span.end
            if i < len(self.doc) and self.doc[i].lower_ in (",", "and"):
                i += 1
                if i < len(self.doc) and self.doc[i].lower_ == "and":
                    i += 1
        return out

    def mention(self, span: Span, role: str) -> ActorMention:
        """An :class:`ActorMention` for ``span`` (gazetteer data when it is a gazetteer hit)."""
        key = span.kb_id_ if span.kb_id_ else None
        ent = self.res.entity(key) if key else None
        if ent is not None:
            return ActorMention(
                name=span.text,
                role=role,
                canonical=ent.name,
                kind=ent.kind,
                country=ent.country,
                key=ent.id,
                aliases=list(ent.aliases),
            )
        kind = {"PERSON": "person", "ORG": "organization", "GPE": "state", "NORP": "group"}.get(
            span.label_, "unknown"
        )
        country = self.phrase_country(span.root)
        return ActorMention(name=span.text, role=role, kind=kind, country=country)

    # -- states -------------------------------------------------------------------------

    def phrase_country(self, tok: Token) -> str | None:
        """The state a noun phrase names or qualifies ("Danish police", "Iran's embassy")."""
        own = self.gaz.get(tok.i)
        if own is not None:
            # "the Moroccan security services": the demonym outside a generic gazetteer name
            # ("Security Service") says whose they are, and so does a possessor state ("Algeria's
            # military security service")
            for cur in modifiers(tok):
                if own.start <= cur.i < own.end:
                    continue
                owner = cur.dep_ == "poss" and cur.ent_type_ == "GPE"
                code = self.places.demonym(cur.text) or (self.places.country(cur.text) if owner else None)
                if code:
                    return code
        for cur in [tok, *modifiers(tok)]:
            span = self.gaz.get(cur.i)
            if span is not None:
                ent = self.res.entity(span.kb_id_)
                if ent is not None and ent.kind in STATEISH and ent.country:
                    return ent.country
            named = self.ents.get(cur.i)
            code = None
            if cur.i != tok.i and named is not None and named.label_ == "NORP":
                # "North Korean agents": not "Korean"; "the East German Supreme Court": not "German"
                code = self.places.demonym(named.text)
            if code is None and cur.i > 0:
                code = self.places.demonym(f"{cur.doc[cur.i - 1].text} {cur.text}")  # "East German"
            code = code or self.places.demonym(cur.text)
            if code:
                return code
            if cur.ent_type_ == "GPE" or cur.pos_ == "PROPN":
                code = self.places.country(cur.text)
                if code:
                    return code
        if tok.ent_type_ == "GPE" and tok.dep_ == "pobj" and tok.head.dep_ == "agent":
            # "the attack was ordered by Pyongyang": a capital doing something is its government
            named = self.ents.get(tok.i)
            return self.places.capitals.get((named.text if named is not None else tok.text).lower())
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in self.member_nouns:
            # "two officers of France's intelligence service", "an agent of the Soviet secret
            # police": a member of a state organ is that state's
            for organ in _in_objects(tok, ("of",)):
                official = any(t.lemma_.lower() in (*STATE_ORGANS, "police") for t in organ.subtree)
                if (self.is_state_agent(organ) or official) and (code := self.phrase_country(organ)):
                    return code
        return None

    def state_of(self, tok: Token) -> str | None:
        """The state a phrase names or qualifies, a capital standing for its government
        ("traced the order back to Taipei") included."""
        code = self.phrase_country(tok)
        if code is None and tok.ent_type_ == "GPE":
            named = self.ents.get(tok.i)
            code = self.places.capitals.get((named.text if named is not None else tok.text).lower())
        return code

    def blamed_state(self, tok: Token) -> str | None:
        """The state a phrase an act is blamed on names: a state or its capital ("blamed on
        Tehran"), a state organ ("Syrian intelligence"), "the government in Tehran", and a member
        of one ("agents of the government in Tehran", "covert operatives of the Libyan army")."""
        code = self.state_of(tok)
        if code:
            return code
        organs = [tok]
        if tok.lemma_.lower() in self.member_nouns | self.state_agent_nouns:
            organs += _in_objects(tok, ("of",))
        for organ in organs:
            official = any(t.lemma_.lower() in (*STATE_ORGANS, "police") for t in organ.subtree)
            if not (self.is_state_agent(organ) or official):
                continue
            if organ is not tok and (code := self.phrase_country(organ)):
                return code
            # "the government in Tehran", "the regime in Damascus": the capital's state
            for place in _in_objects(organ, ("in",)):
                if place.ent_type_ == "GPE" and (code := self.state_of(place)):
                    return code
        return None

    def responder_country(self, tok: Token) -> str | None:
        """The state of a responder phrase: an authority ("Danish police", "a Berlin court",
        "prosecutors in Istanbul") or a state's act ("Albania's response", "Iran's decision")."""
        if self.is_authority(tok):
            for child in tok.children:
                # "Moldova's Intelligence and Security Service": the possessor's state, whatever
                # a shorter name inside the phrase may stand for elsewhere
                if (
                    child.dep_ == "poss"
                    and child.pos_ == "PROPN"
                    and (code := self.places.country(child.text))
                ):
                    return code
            code = self.phrase_country(tok)
            if code:
                return code
            if tok.ent_type_ == "GPE" and tok.dep_ in ("nsubj", "nsubjpass", "pobj"):
                # "Havana freed Alan Gross": a capital acting is its government
                named = self.ents.get(tok.i)
                code = self.places.capitals.get((named.text if named is not None else tok.text).lower())
                if code:
                    return code
            for cur in [*modifiers(tok), *_in_objects(tok)]:
                if cur.ent_type_ in ("GPE", "LOC", "NORP") or cur.pos_ == "PROPN":
                    # the tagger reads "a Kigali court" as NORP at times
                    city_ok = cur.ent_type_ in ("GPE", "LOC", "NORP", "")
                    place = self.places.resolve(cur.text, allow_city=city_ok)
                    if place is not None:
                        return place.country
            for organ in _in_objects(tok, ("of",)):
                # "a committee of the United States Senate": the state of the body it belongs to
                other = organ.lemma_.lower() != tok.lemma_.lower()
                if other and self.is_authority(organ) and (code := self.phrase_country(organ)):
                    return code
            return None
        for child in tok.children:
            if child.dep_ == "poss":
                span = self.gaz.get(child.i)
                if (span is not None and span.label_ in STATEISH) or child.ent_type_ == "GPE":
                    return self.phrase_country(child)
        return None

    def responder_place(self, tok: Token) -> Place | None:
        """The city of an authority phrase ("a Berlin court", "prosecutors in Istanbul")."""
        if not self.is_authority(tok):
            return None
        for cur in [*modifiers(tok), *_in_objects(tok)]:
            if cur.ent_type_ in ("GPE", "LOC", "NORP") or (cur.pos_ == "PROPN" and not cur.ent_type_):
                place = self.places.resolve(cur.text)
                if place is not None and place.place:
                    return place
        for cur in _in_objects(tok, ("in",)):
            # "a court in David", the town read as a person: a town of a state the article names
            if (
                cur.ent_type_ == "PERSON"
                and cur.pos_ == "PROPN"
                and not any(c.dep_ == "compound" for c in cur.children)
            ):
                place = self.places.resolve(cur.text)
                if place is not None and place.place and place.country in self.places.context:
                    return place
        return None

    def is_state_agent(self, tok: Token) -> bool:
        """Does ``tok`` denote a state organ or agent (agency, regime, diplomat)?"""
        span = self.gaz.get(tok.i)
        if span is not None:
            return span.label_ in STATEISH
        return tok.lemma_.lower() in self.state_agent_nouns or tok.ent_type_ == "GPE"

    def is_authority(self, tok: Token) -> bool:
        span = self.gaz.get(tok.i)
        if span is not None:
            return span.label_ in STATEISH
        return tok.lemma_.lower() in self.authority_nouns or tok.ent_type_ == "GPE"


def subject_of(head: Token) -> Token | None:
    """The grammatical subject governing ``head`` (through conjunctions and xcomp)."""
    for cur in chain(head):
        for child in cur.children:
            if child.dep_ in SUBJECT:
                return child
    return None


def _in_objects(tok: Token, preps: tuple[str, ...] = ("in", "of")) -> list[Token]:
    """Objects of "in"/"of" phrases on a noun ("prosecutors in Istanbul", "the court of Antwerp")."""
    return [
        g
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ in preps
        for g in c.children
        if g.dep_ == "pobj"
    ]


MODIFIER_DEPS = ("compound", "amod", "poss", "nmod", "npadvmod", "nummod")


def modifiers(tok: Token) -> list[Token]:
    """Pre-modifiers of a noun, recursively ("the Iranian regime's intelligence ministry")."""
    out: list[Token] = []
    stack = [c for c in tok.children if c.dep_ in MODIFIER_DEPS]
    while stack:
        cur = stack.pop()
        out.append(cur)
        stack.extend(c for c in cur.children if c.dep_ in MODIFIER_DEPS)
    return sorted(out, key=lambda t: t.i)
