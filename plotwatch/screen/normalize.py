"""Names → comparable tokens: transliteration, particles, titles, phonetic folding, keys.

A name is split into parts, each part transliterated to lower-case ASCII (rigour: Ş → s,
Cyrillic → Latin, other scripts through ICU), leading titles ("Sayyid", "Dr") and particles
("al-", "bin", "of") set aside, and every remaining part becomes a :class:`Token` with

* ``canon``: the first spelling of its class in ``variants.yaml`` (Hossein → husayn),
* ``fold``: a phonetic folding of ``canon`` for Arabic, Persian, Russian and German
  romanisations (doubled letters, q/gh/k, kh/h, zh/j, w/v, ou/o/u, ey/ei, -off/-ov …),
* ``key``: the consonant skeleton of ``fold``, the blocking key of the index,
* ``symbols``/``nicks``: the name and nickname identifiers rigour's name tagger (built on
  Wikidata) gives the part, so spellings rigour knows to be one name are recognised.

Tokens are cached by their ASCII form: a corpus of names has few distinct parts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from rigour.names import Name, NameTypeTag, SymbolCategory, analyze_names
from rigour.text.translit import ascii_text

from plotwatch.screen.variants import Variants, load_variants

_APOSTROPHES = re.compile(r"['’‘ʼʻʿʾ`´]")
_SEPARATORS = re.compile(r"[^\w]+|_")
_ASCII_WORD = re.compile(r"[a-z0-9]+")
_ABD_WORDS = frozenset({"abd", "abdul", "abdel", "abdol", "abdal", "abdu", "abdoul", "abdou", "abdil"})
_ABD_GLUED = re.compile(r"^abd(?:oul|ou|ul|el|ol|al|il|u|e)?([a-z]{3,})$")
_ARTICLES = frozenset({"al", "el", "ul", "ad", "an", "ar", "as", "ash", "at", "az", "ez", "ud", "uz"})
_VOWELS = re.compile(r"[aeiou]+")
_DOUBLES = re.compile(r"(.)\1+")

# Ordered rewrites from romanisation variants to one form (applied to whole tokens).
_FOLDS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p), r)
    for p, r in (
        (r"(?<=[ou])ff$|(?<=[ou])w$", "v"),  # Petroff, Petrow → Petrov
        (r"(?<=e)ff$|(?<=e)w$", "v"),
        (r"^ye", "e"),  # Yevgeny → Evgeny
        (r"(?<=[bcdfgklmnprstvz])yo", "e"),  # Fyodor → Fedor, Pyotr → Petr
        (r"tsch|tch", "ch"),  # Timtschenko, Timchenko
        (r"sch", "sh"),
        (r"dzh|dj|zh", "j"),  # Djalali, Prigozhin
        (r"kh", "h"),  # Khamenei, Hamenei
        (r"gh|q|ck", "k"),  # Ghasem, Qasem, Kassem
        (r"c(?=[eiy])", "s"),
        (r"c(?!h)", "k"),  # Rafic, Rafik
        (r"ph", "f"),
        (r"w", "v"),  # Jawad, Javad
        (r"x", "ks"),  # Alexander, Aleksandr
        (r"dh", "d"),  # Qadhafi
        (r"th", "t"),
        (r"ae", "a"),  # Esmaeil, Raeisi
        (r"ue", "u"),  # Mueller
        (r"oe", "o"),
        (r"ou|oo", "u"),  # Rouhani, Ruhani
        (r"ee", "i"),  # Saeed, Rezaee
        (r"ij$|iy$|ii$|yi$|yy$", "i"),  # Anatoliy, Navalnyy, Evgenij
        (r"ey|ei|ay", "ai"),  # Soleymani, Soleimani, Sulaimani; Deif, Dayf
        (r"oy|oi", "oi"),
        (r"(?<!^)y", "i"),
        (r"o", "u"),  # Mohammad, Muhammad; Qods, Quds
        (r"(?<=[aeiu])h$", ""),  # Haniyeh, Nasrallah
    )
)


def fold(word: str) -> str:
    """The phonetic folding of an ASCII word (see the module docstring)."""
    for pattern, repl in _FOLDS:
        word = pattern.sub(repl, word)
    return _DOUBLES.sub(r"\1", word)


def skeleton(folded: str) -> str:
    """The consonant skeleton of a folded word: its blocking key ("kekiang" → "kkng")."""
    return _VOWELS.sub("", folded) or folded


def coarse(key: str) -> str:
    """A skeleton with the consonants romanisations confuse merged (g/k/c, German ch/kh)."""
    return key.replace("ch", "h").replace("g", "k").replace("c", "k")


@lru_cache(maxsize=200_000)
def ascii_words(part: str) -> tuple[str, ...]:
    """A name part as lower-case ASCII words ("Göğüş" → ("gogus",), "习近平" → ("xi", "jin", "ping"))."""
    return tuple(_ASCII_WORD.findall(ascii_text(part).lower()))


@dataclass(eq=False, slots=True)
class Token:
    """One comparable name part (shared between all names that contain it)."""

    ascii: str
    canon: str
    fold: str
    key: str
    initial: bool
    symbols: frozenset[str] = frozenset()
    nicks: frozenset[str] = frozenset()
    unglued: str | None = None  # fold without a glued article: "alqahtani" → "kahtani"


@dataclass(eq=False, slots=True)
class ParsedName:
    """A name as the matcher sees it: its tokens, how each was written, and what was set aside."""

    text: str
    tokens: tuple[Token, ...]
    raws: tuple[str, ...]
    dropped: tuple[tuple[str, str], ...] = ()  # (word as written, "title" | "particle")


def name_keys(name: ParsedName, analyzer: Analyzer) -> set[str]:
    """Blocking keys of a name: part skeletons, rigour name symbols, joined neighbours."""
    keys: set[str] = set()
    for t in name.tokens:
        if t.initial:
            continue
        keys.add(t.key)
        keys.update(t.symbols)
        keys.update(t.nicks)
        if t.unglued:
            keys.add(skeleton(t.unglued))
    for a, b in zip(name.tokens, name.tokens[1:], strict=False):
        if not (a.initial or b.initial):
            keys.add(analyzer.join(a, b).key)
    return keys


class Analyzer:
    """Parses names into :class:`ParsedName`, caching tokens; one per :class:`Variants`."""

    def __init__(self, variants: Variants | None = None) -> None:
        self.variants = variants or load_variants()
        self._tokens: dict[str, Token] = {}
        self._joined: dict[str, Token] = {}
        self._primed: dict[str, tuple[frozenset[str], frozenset[str]]] = {}

    def prime(self, texts: Iterable[str]) -> None:
        """Look up the rigour symbols of every new word of ``texts`` in one call (a call per
        word costs far more), for the :meth:`parse` calls that follow."""
        words = {w for text in texts for _, w in _words(text) if w not in self._tokens}
        self._primed.update(symbols_of(words))

    def done_priming(self) -> None:
        """Forget primed symbols not used (their words are tokens now)."""
        self._primed.clear()

    def token(self, word: str) -> Token:
        """The cached :class:`Token` of a lower-case ASCII word."""
        tok = self._tokens.get(word)
        if tok is None:
            tok = self._make(word, symbols=True)
            if len(self._tokens) < 2_000_000:
                self._tokens[word] = tok
        return tok

    def join(self, a: Token, b: Token) -> Token:
        """The token of two neighbouring parts written as one ("Mohammad Reza" → mohammadreza)."""
        word = a.ascii + b.ascii
        tok = self._tokens.get(word) or self._joined.get(word)
        if tok is None:
            tok = self._make(word, symbols=False)
            if len(self._joined) < 2_000_000:
                self._joined[word] = tok
        return tok

    def _make(self, word: str, symbols: bool) -> Token:
        canon = self.variants.canonical(word)
        folded = fold(canon)
        initial = len(word) == 1 and word.isalpha()
        if symbols and not initial:
            primed = self._primed.pop(word, None)
            names, nicks = primed if primed is not None else _symbols(word)
        else:
            names, nicks = frozenset(), frozenset()
        unglued = None
        if len(word) >= 7 and word[:2] in ("al", "el") and word not in self.variants.classes:
            unglued = fold(word[2:])
        return Token(word, canon, folded, skeleton(folded), initial, names, nicks, unglued)

    def parse(self, text: str) -> ParsedName:
        """Split, transliterate and clean a name (see the module docstring)."""
        words = _abd(_words(text))
        v = self.variants
        names = sum(1 for _, w in words if w not in v.particles and w not in v.titles)
        kept: list[tuple[str, str]] = []
        dropped: list[tuple[str, str]] = []
        leading = True
        for i, (raw, w) in enumerate(words):
            if leading and w in v.titles and names >= 2:
                dropped.append((raw, "title"))
                continue
            leading = False
            if w in v.particles and names >= 1 and _particle(raw, w, i):
                dropped.append((raw, "particle"))
            else:
                kept.append((raw, w))
        return ParsedName(
            text=text,
            tokens=tuple(self.token(w) for _, w in kept),
            raws=tuple(raw for raw, _ in kept),
            dropped=tuple(dropped),
        )


def _words(text: str) -> list[tuple[str, str]]:
    """The words of a name: (as written, lower-case ASCII)."""
    words: list[tuple[str, str]] = []
    for part in _SEPARATORS.split(_APOSTROPHES.sub("", text)):
        if part:
            found = ascii_words(part)
            words.extend((part if len(found) == 1 else w, w) for w in found)
    return words


def _particle(raw: str, word: str, position: int) -> bool:
    """Whether a word listed as a particle is one here: not a capital initial ("E. V.
    Prigozhin"), not "Ben" opening a name (Ben Wallace)."""
    if len(word) == 1:
        return raw.islower()
    return not (position == 0 and word == "ben")


def _abd(words: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """ "Abd al-Rahman", "Abdel Rahman", "Abdurrahman" → "abdul" + "rahman" / "abdulrahman"."""
    out: list[tuple[str, str]] = []
    skip = False
    for i, (raw, w) in enumerate(words):
        if skip:
            skip = False
            continue
        if w in _ABD_WORDS and i + 1 < len(words):
            out.append((raw, "abdul"))
            skip = words[i + 1][1] in _ARTICLES and i + 2 < len(words)
            continue
        m = _ABD_GLUED.match(w)
        out.append((raw, "abdul" + m.group(1)) if m else (raw, w))
    return out


@lru_cache(maxsize=200_000)
def _symbols(word: str) -> tuple[frozenset[str], frozenset[str]]:
    """rigour's NAME and NICK symbols of a single name part."""
    if len(word) < 2 or not word.isalpha():
        return frozenset(), frozenset()
    return _tagged(analyze_names(NameTypeTag.PER, [word], consolidate=False, phonetics=False, numerics=False))


def symbols_of(words: Iterable[str]) -> dict[str, tuple[frozenset[str], frozenset[str]]]:
    """:func:`_symbols` of many words, looked up in one rigour call (the same symbols: a name
    part is tagged on its own)."""
    wanted = {w for w in words if len(w) >= 2 and w.isalpha()}
    by_word: dict[str, list[Name]] = {}
    if wanted:
        for name in analyze_names(
            NameTypeTag.PER, sorted(wanted), consolidate=False, phonetics=False, numerics=False
        ):
            by_word.setdefault(name.original, []).append(name)
    out = {w: _tagged(by_word[w]) for w in wanted if w in by_word}
    for w in wanted - out.keys():  # not returned under its own spelling: one call for it
        out[w] = _symbols(w)
    return out


def _tagged(names: Iterable[Name]) -> tuple[frozenset[str], frozenset[str]]:
    """The NAME and NICK symbols of single parts in rigour's analysis of a name part."""
    found: set[str] = set()
    nicks: set[str] = set()
    for name in names:
        for span in name.spans:
            if len(span.parts) != 1:
                continue
            if span.symbol.category == SymbolCategory.NAME:
                found.add(f"n:{span.symbol.id}")
            elif span.symbol.category == SymbolCategory.NICK:
                nicks.add(f"k:{span.symbol.id}")
    return frozenset(found), frozenset(nicks)
