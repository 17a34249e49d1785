"""Score two parsed names (0–1) and say why.

Parts are compared pairwise (:meth:`Comparer.sim`), aligned greedily best-first regardless of
order, and the name score is the weighted mean similarity of the aligned parts minus
penalties for what is left over:

* a part on each side that aligns with nothing: different names ("Zahedi ≠ Pahlavi", −0.3);
* a part on one side only: a middle name or patronymic one source omits (−0.06 each);
* only one part in common between multi-part names ("Ali" of "Ali Shamkhani"), −0.2;
* parts in another order: −0.02 when one name is the other rotated (surname first, "Asadi,
  Asadollah"; Chinese order), −0.25 when parts are swapped inside the name ("Ali Reza Jafari"
  ≠ "Reza Ali Jafari": another compound given name);
* parts in another order and a part that ends only one of the names: that part is another
  surname ("Ali Hassan" ≠ "Hassan Ali Khan"), −0.15.

Neighbouring parts may be joined when the other side writes them as one ("Mohammad Reza" ~
"Mohammadreza", "Abdul Rahman" ~ "Abdulrahman").

A query compared with many names is a :class:`Probe`: names that cannot reach a threshold
above ``1 - CONFLICT_PENALTY`` (a part of the shorter name with no similar part, and no join
possible) are set aside before alignment (:meth:`Comparer.compare_probe`).
"""

from __future__ import annotations

import functools
import itertools
from dataclasses import dataclass, field

from rapidfuzz.distance import Indel, Levenshtein

from plotwatch.screen.normalize import Analyzer, ParsedName, Token, coarse, fold

TOKEN_MATCH = 0.78  # parts at least this similar are aligned
JOIN_MATCH = 0.85  # two parts are read as one only when the joined form is this similar
CONSONANT_PENALTY = 0.12  # spelling variants that differ in consonants, not only vowels
CONFLICT_PENALTY = 0.3
EXTRA_PENALTY = 0.06
SINGLE_PENALTY = 0.2
ORDER_PENALTY = 0.02
SWAP_PENALTY = 0.25
SURNAME_PENALTY = 0.15
VOWEL_PENALTY = 0.1  # per a/i or u/i vowel swap: Salami/Salimi, Mueller/Miller, Saeed/Saad
VOWELS = frozenset("aeiou")
_FAR_VOWELS = frozenset({frozenset("ai"), frozenset("ui")})  # rarely transliteration variants
_PATRONYMIC = ("vich", "vna", "ichna", "ovych", "ivna")

EXACT, VARIANT, KNOWN, NICK, INITIAL, SPELLING, GLUED, GENDER, NISBA, DIFFERENT = (
    "exact",
    "transliteration",
    "known variant",
    "nickname",
    "initial",
    "spelling",
    "glued article",
    "male/female form",
    "different name",
    "differs",
)


@dataclass(slots=True)
class Part:
    """A token on one side of a comparison, with how it was written (joined parts: both)."""

    token: Token
    raw: str
    joined: bool = False


@dataclass
class Alignment:
    """Which parts of two names were paired, with what similarity and rule; what is left."""

    pairs: list[tuple[Part, Part, float, str]] = field(default_factory=list)
    left_a: list[Part] = field(default_factory=list)
    left_b: list[Part] = field(default_factory=list)
    reordered: bool = False
    swapped: bool = False  # reordered, and not just rotated (surname first)
    surname: Part | None = None  # reordered, and this unmatched part ends one name
    score: float = 0.0


def _far_vowels(a: str, b: str) -> int:
    """How many vowels of ``a`` are replaced in ``b`` by a vowel rarely used for the same
    sound (a/i, u/i; e/i and a/e and o/u are common transliteration variants)."""
    n = 0
    for op in Levenshtein.editops(a, b):
        if op.tag == "replace" and frozenset((a[op.src_pos], b[op.dest_pos])) in _FAR_VOWELS:
            n += 1
    return n


def _apply(parts: list[Part], joins: dict[int, Part]) -> list[Part]:
    """``parts`` with parts i and i+1 replaced by ``joins[i]``."""
    out: list[Part] = []
    skip = False
    for i, p in enumerate(parts):
        if skip:
            skip = False
        elif i in joins:
            out.append(joins[i])
            skip = True
        else:
            out.append(p)
    return out


class Comparer:
    """Compares parsed names; caches part similarities (names share few distinct parts)."""

    def __init__(self, analyzer: Analyzer) -> None:
        self.analyzer = analyzer
        self.variants = analyzer.variants
        self._cache: dict[tuple[str, str], tuple[float, str]] = {}
        self._nisba = tuple({fold("b" + s)[1:] for s in self.variants.nisba})
        self._male_endings = tuple(m for m, _ in self.variants.feminine)

    # -- parts ------------------------------------------------------------------------------
    def sim(self, a: Token, b: Token) -> tuple[float, str]:
        """Similarity of two parts (0–1) and the rule that decided it."""
        if a is b:
            return 1.0, EXACT
        key = (a.ascii, b.ascii)
        found = self._cache.get(key)
        if found is None:
            found = self._sim(a, b)
            if len(self._cache) > 1_000_000:
                self._cache.clear()
            self._cache[key] = found
        return found

    def _sim(self, a: Token, b: Token) -> tuple[float, str]:
        if a.initial or b.initial:
            if a.initial and b.initial:
                return (1.0, EXACT) if a.ascii == b.ascii else (0.0, DIFFERENT)
            init, full = (a, b) if a.initial else (b, a)
            ok = init.ascii in (full.ascii[0], full.fold[0], full.canon[0])
            return (0.9, INITIAL) if ok else (0.0, DIFFERENT)
        if a.canon == b.canon:
            return 0.97, VARIANT
        if self._gendered(a.ascii, b.ascii) or self._gendered(b.ascii, a.ascii):
            return 0.3, GENDER
        if self._suffixed(a.fold, b.fold) or self._suffixed(b.fold, a.fold):
            return 0.4, NISBA
        if a.fold == b.fold:
            return 0.97, VARIANT
        if a.symbols & b.symbols:
            return 0.95, KNOWN
        if a.nicks & b.nicks or self.variants.is_nickname(a.canon, b.canon):
            return 0.9, NICK
        r = Indel.normalized_similarity(a.fold, b.fold)
        if coarse(a.key) != coarse(b.key):
            r -= CONSONANT_PENALTY
        elif r >= TOKEN_MATCH:
            r -= VOWEL_PENALTY * _far_vowels(a.fold, b.fold)
        rule = SPELLING
        for x, y in ((a.unglued, b.fold), (b.unglued, a.fold)):
            if x and (g := Indel.normalized_similarity(x, y)) > r:
                r, rule = g, GLUED
        if r >= TOKEN_MATCH:
            return min(r, 0.95), rule
        return r, DIFFERENT

    def _gendered(self, male: str, female: str) -> bool:
        if not male.endswith(self._male_endings):
            return False
        for m, f in self.variants.feminine:
            if male.endswith(m) and female.endswith(f) and len(male) - len(m) >= 3:
                sm, sf = fold(male[: -len(m)]), fold(female[: -len(f)])
                if sm == sf or Indel.normalized_similarity(sm, sf) >= 0.8:  # Boshirov/Bashirova
                    return True
        return False

    def _suffixed(self, short: str, long: str) -> bool:
        """``long`` is ``short`` with a nisba ending (Abbas/Abbasi) or, after a consonant, an
        -a (Yadav/Yadava, Karim/Karima): another name. A French -e is not (Putin/Poutine)."""
        if len(short) < 3 or not long.startswith(short):
            return False
        end = long[len(short) :]
        return end in self._nisba or (end == "a" and short[-1] not in VOWELS)

    def _may_join(self, joined: Token, other: Token) -> bool:
        """False when ``joined`` (two parts read as one) is certainly less than
        :data:`JOIN_MATCH` similar to ``other``: no rule that scores that high can apply. A
        cheap test before :meth:`sim`, which decides."""
        # Indel similarity is at most 1 - |len(x) - len(y)| / (len(x) + len(y)); the same
        # token, canonical spelling or folding has the same length.
        lj, lo = len(joined.fold), len(other.fold)
        if 2 * min(lj, lo) >= JOIN_MATCH * (lj + lo) or other.initial:
            return True
        if joined.symbols & other.symbols or joined.nicks & other.nicks:
            return True
        if self.variants.is_nickname(joined.canon, other.canon):
            return True
        for x, y in ((joined.unglued, other.fold), (other.unglued, joined.fold)):
            if x and 2 * min(len(x), len(y)) >= JOIN_MATCH * (len(x) + len(y)):
                return True
        return False

    def plain_join(self, joined: Token) -> bool:
        """Whether only its spelling can make ``joined`` similar to a part (no name symbols,
        nicknames or glued article): then :meth:`_may_join` is a test of lengths alone."""
        return not (
            joined.symbols or joined.nicks or joined.unglued or joined.canon in self.variants.nicknames
        )

    # -- names ------------------------------------------------------------------------------
    @staticmethod
    def parts(name: ParsedName) -> list[Part]:
        """The parts of a name, as the alignment pairs them."""
        return [Part(t, r) for t, r in zip(name.tokens, name.raws, strict=True)]

    def compare(self, a: ParsedName, b: ParsedName) -> Alignment:
        """The best alignment of two names, its ``score`` set (0–1)."""
        return self._best(self.parts(a), self.parts(b))

    def probe(self, name: ParsedName) -> Probe:
        """``name`` ready to be compared with many names (:meth:`compare_probe`)."""
        return Probe(self, name)

    def compare_probe(self, probe: Probe, b: ParsedName, floor: float = 0.0) -> Alignment | None:
        """:meth:`compare` of the probe's name with ``b``; None when the score is certainly
        below ``floor``.

        That is decided early only for a floor above ``1 - CONFLICT_PENALTY``, where a part left
        over on each side is enough to miss it: when a part of the shorter name has no similar
        part in the other and no two neighbouring parts could be read as one
        (:meth:`Probe.may_cover`), the names are not aligned at all."""
        if floor > 1.0 - CONFLICT_PENALTY and not probe.may_cover(b.tokens):
            return None
        return self._best(probe.parts, self.parts(b))

    def _best(self, pa: list[Part], pb: list[Part]) -> Alignment:
        best = self._align(pa, pb)
        if best.left_a and best.left_b:  # a joined form can only pair with a part left over
            for joined_a, joined_b in self._joins(pa, pb, best):
                alt = self._align(joined_a, joined_b)
                if alt.score > best.score:
                    best = alt
        return best

    def _joins(self, pa: list[Part], pb: list[Part], best: Alignment) -> list[tuple[list[Part], list[Part]]]:
        """Alternatives where neighbouring parts are read as one, when the other side has a part
        more like the joined form than like what it is paired with now: each such join alone,
        then all of them together."""
        found: dict[int, list[tuple[int, Part]]] = {0: [], 1: []}
        current = {id(p): s for x, y, s, _ in best.pairs for p in (x, y)}
        for n, (side, other, left) in enumerate(((pa, pb, best.left_a), (pb, pa, best.left_b))):
            if not left:  # joining parts only helps the side with parts left over
                continue
            taken = -1
            for i in range(len(side) - 1):
                x, y = side[i].token, side[i + 1].token
                if x.initial or y.initial or i <= taken:
                    continue
                joined = self.analyzer.join(x, y)
                if any(
                    self._may_join(joined, o.token)
                    and (js := self.sim(joined, o.token)[0]) >= JOIN_MATCH
                    and js > current.get(id(o), 0.0)
                    for o in other
                ):
                    found[n].append((i, Part(joined, f"{side[i].raw} {side[i + 1].raw}", True)))
                    taken = i + 1
        singles: list[tuple[dict[int, Part], dict[int, Part]]] = [({i: p}, {}) for i, p in found[0]] + [
            ({}, {i: p}) for i, p in found[1]
        ]
        out = [(_apply(pa, ja), _apply(pb, jb)) for ja, jb in singles]
        if len(singles) > 1:
            out.append((_apply(pa, dict(found[0])), _apply(pb, dict(found[1]))))
        return out

    def _align(self, pa: list[Part], pb: list[Part]) -> Alignment:
        scored = []
        for i, x in enumerate(pa):
            for j, y in enumerate(pb):
                s, rule = self.sim(x.token, y.token)
                if s >= TOKEN_MATCH:
                    scored.append((s, -i, -j, rule))
        scored.sort(reverse=True)
        used_a: set[int] = set()
        used_b: set[int] = set()
        al = Alignment()
        order: list[tuple[int, int]] = []
        for s, ni, nj, rule in scored:
            i, j = -ni, -nj
            if i in used_a or j in used_b:
                continue
            used_a.add(i)
            used_b.add(j)
            al.pairs.append((pa[i], pb[j], s, rule))
            order.append((i, j))
        al.left_a = [p for i, p in enumerate(pa) if i not in used_a]
        al.left_b = [p for j, p in enumerate(pb) if j not in used_b]
        order.sort()
        al.reordered = any(order[k][1] > order[k + 1][1] for k in range(len(order) - 1))
        if al.reordered:
            ranks = sorted(range(len(order)), key=lambda k: order[k][1])
            first = ranks.index(0)
            al.swapped = any(ranks[(first + k) % len(ranks)] != k for k in range(len(ranks)))
            for side, left in ((pa, al.left_a), (pb, al.left_b)):
                last = side[-1]
                if (
                    last in left
                    and len(left) > min(len(al.left_a), len(al.left_b))
                    and not last.token.ascii.endswith(_PATRONYMIC)
                ):
                    al.surname = last
        al.score = self._score(al)
        return al

    @staticmethod
    def _score(al: Alignment) -> float:
        if not al.pairs:
            return 0.0
        total = weights = 0.0
        names = 0
        for x, y, s, _ in al.pairs:
            w = 0.5 if (x.token.initial or y.token.initial) else 1.0
            names += w == 1.0
            total += w * s
            weights += w
        score = total / weights
        conflicts = min(len(al.left_a), len(al.left_b))
        extras = abs(len(al.left_a) - len(al.left_b))
        score -= CONFLICT_PENALTY * conflicts + EXTRA_PENALTY * min(extras, 3)
        if len(al.pairs) == 1 and (al.left_a or al.left_b):
            score -= SINGLE_PENALTY
        if not names:
            score = min(score, 0.5)
        if al.reordered:
            score -= SWAP_PENALTY if al.swapped else ORDER_PENALTY
        if al.surname is not None:
            score -= SURNAME_PENALTY
        score -= 0.01 * sum(1 for x, y, _, _ in al.pairs if x.joined or y.joined)
        return max(0.0, min(1.0, score))

    # -- words ------------------------------------------------------------------------------
    @staticmethod
    def explain(a: ParsedName, b: ParsedName, al: Alignment) -> list[str]:
        """The rules that fired, in words ("transliteration: Assadollah~Asadollah" …)."""
        lines: list[str] = []
        if al.swapped:
            lines.append(f"name parts swapped inside the name (-{SWAP_PENALTY})")
        elif al.reordered:
            lines.append(f"token order ignored (-{ORDER_PENALTY})")
        if al.surname is not None:
            lines.append(f"order differs and {al.surname.raw} ends only one name (-{SURNAME_PENALTY})")
        for x, y, s, rule in al.pairs:
            pair = f"{x.raw}~{y.raw}"
            if x.joined or y.joined:
                lines.append(f"joined: {pair}")
            if rule == EXACT:
                if x.raw.casefold() != y.raw.casefold():
                    lines.append(f"diacritics/case ignored: {pair}")
            elif rule in (SPELLING, GLUED):
                lines.append(f"{rule}: {pair} ({s:.2f})")
            elif rule != DIFFERENT:
                lines.append(f"{rule}: {pair}")
        for name in (a, b):
            for word, why in name.dropped:
                lines.append(f"{why} ignored: {word}")
        left = min(len(al.left_a), len(al.left_b))
        for x, y in zip(al.left_a, al.left_b, strict=False):
            lines.append(f"different name parts: {x.raw}≠{y.raw} (-{CONFLICT_PENALTY})")
        for p in (al.left_a if len(al.left_a) > left else al.left_b)[left:][:3]:
            lines.append(f"extra name part: {p.raw} (-{EXTRA_PENALTY})")
        if len(al.pairs) == 1 and (al.left_a or al.left_b):
            lines.append(f"only one name part in common (-{SINGLE_PENALTY})")
        return lines


class Probe:
    """One name compared with many (a query with its candidates): its parts, and what is learnt
    about them on the way, for that name only — which of its parts each part of the other
    names is similar to, and which parts pair with two parts read as one — so that a name that
    cannot be aligned is set aside with a few lookups (:meth:`may_cover`)."""

    def __init__(self, comparer: Comparer, name: ParsedName) -> None:
        self.comparer = comparer
        self.parts = comparer.parts(name)
        self.tokens = name.tokens
        self._all = (1 << len(self.tokens)) - 1
        self._joined = [
            comparer.analyzer.join(x, y)
            for x, y in itertools.pairwise(self.tokens)
            if not (x.initial or y.initial)
        ]
        self._similar: dict[Token, int] = {}  # other part → bit mask of the similar parts here
        self._joins_here: dict[Token, bool] = {}  # other part ~ two parts here read as one
        self._joins_there: dict[Token, bool] = {}  # two other parts read as one ~ a part here
        # When no rule but spelling can apply, only the lengths of the folded forms decide
        # (:meth:`Comparer._may_join`): the lengths that may pair with a join here, and the
        # lengths of a join elsewhere that may pair with a part here.
        plain = comparer.plain_join
        self._here_lengths = _join_lengths([len(j.fold) for j in self._joined])
        self._here_plain = all(plain(j) for j in self._joined)
        self._there_lengths = _join_lengths([len(t.fold) for t in self.tokens])
        self._there_plain = not any(t.initial or t.unglued for t in self.tokens)

    def similar(self, t: Token) -> int:
        """Which parts of the probe (bit mask) are at least :data:`TOKEN_MATCH` similar to ``t``."""
        mask = self._similar.get(t)
        if mask is None:
            sim = self.comparer.sim
            mask = 0
            for i, p in enumerate(self.tokens):
                if sim(p, t)[0] >= TOKEN_MATCH:
                    mask |= 1 << i
            self._similar[t] = mask
        return mask

    def _join_here(self, t: Token) -> bool:
        if self._here_plain and not (t.initial or t.unglued) and len(t.fold) not in self._here_lengths:
            return False
        found = self._joins_here.get(t)
        if found is None:
            c = self.comparer
            found = any(c._may_join(j, t) and c.sim(j, t)[0] >= JOIN_MATCH for j in self._joined)
            self._joins_here[t] = found
        return found

    def _join_there(self, joined: Token) -> bool:
        if (
            self._there_plain
            and len(joined.fold) not in self._there_lengths
            and self.comparer.plain_join(joined)
        ):
            return False
        found = self._joins_there.get(joined)
        if found is None:
            c = self.comparer
            found = any(c._may_join(joined, t) and c.sim(joined, t)[0] >= JOIN_MATCH for t in self.tokens)
            self._joins_there[joined] = found
        return found

    def may_cover(self, tokens: tuple[Token, ...]) -> bool:
        """Whether an alignment with the name of parts ``tokens`` may leave no part over on one
        side: every part of the shorter name has a similar part in the other, or two
        neighbouring parts of one name may be read as one part of the other."""
        masks = [self.similar(t) for t in tokens]
        if len(self.tokens) <= len(tokens):
            seen = 0
            for mask in masks:
                seen |= mask
            if seen == self._all:
                return True
        if len(tokens) <= len(self.tokens) and all(masks):
            return True
        if self._joined and any(self._join_here(t) for t in tokens):
            return True
        join = self.comparer.analyzer.join
        return any(
            self._join_there(join(x, y))
            for x, y in itertools.pairwise(tokens)
            if not (x.initial or y.initial)
        )


def _join_lengths(lengths: list[int]) -> frozenset[int]:
    """The lengths ``n`` for which ``2 * min(n, m) >= JOIN_MATCH * (n + m)`` for some ``m`` of
    ``lengths``: Indel similarity can reach :data:`JOIN_MATCH` only between such lengths."""
    return frozenset().union(*(_lengths_near(m) for m in lengths))


@functools.cache
def _lengths_near(m: int) -> frozenset[int]:
    return frozenset(n for n in range(1, 2 * m + 2) if 2 * min(n, m) >= JOIN_MATCH * (n + m))
