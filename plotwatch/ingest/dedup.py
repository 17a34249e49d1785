"""Exact and near-duplicate articles.

- :func:`content_hash`: sha256 of the normalised text (whitespace collapsed, Unicode NFC,
  casefolded). The same article ingested twice has the same hash, however it was wrapped.
- :class:`NearDuplicateIndex`: MinHash signatures over word 5-shingles in a MinHash LSH index,
  to find the same wire story in two papers (a headline changed, a paragraph cut).
  Signatures serialise to bytes so a store can persist them and rebuild the index.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from datasketch import LeanMinHash, MinHash, MinHashLSH

__all__ = ["NearDuplicateIndex", "content_hash", "normalise", "shingles"]

_WORD = re.compile(r"\w+")
SHINGLE_SIZE = 5
_SEED = 1


def normalise(text: str) -> str:
    """Whitespace collapsed to single spaces, NFC, casefolded."""
    return unicodedata.normalize("NFC", " ".join(text.split())).casefold()


def content_hash(text: str) -> str:
    """Hex sha256 of :func:`normalise` (``text``): the key of idempotent ingest."""
    return hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()


def shingles(text: str, size: int = SHINGLE_SIZE) -> set[str]:
    """Word ``size``-shingles of the normalised text (one shingle for shorter texts)."""
    words = _WORD.findall(normalise(text))
    if len(words) < size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


class NearDuplicateIndex:
    """Near-duplicate detection with MinHash + MinHashLSH over word 5-shingles.

    Example::

        index = NearDuplicateIndex()
        index.add("a", text_a)
        index.query(text_b)  # [("a", 0.91)] when b is a light edit of a
    """

    def __init__(self, threshold: float = 0.8, num_perm: int = 128) -> None:
        if not 0.0 < threshold <= 1.0:
            raise ValueError(f"threshold must be in (0, 1], not {threshold}")
        self.threshold = threshold
        self.num_perm = num_perm
        self._lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self._signatures: dict[str, MinHash] = {}

    def __len__(self) -> int:
        return len(self._signatures)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._signatures

    def signature(self, text: str) -> MinHash:
        """The MinHash signature of ``text``."""
        minhash = MinHash(num_perm=self.num_perm, seed=_SEED)
        grams = sorted(shingles(text))
        if grams:
            minhash.update_batch([g.encode("utf-8") for g in grams])
        return LeanMinHash(minhash)

    def _as_signature(self, text: str | MinHash) -> MinHash:
        if isinstance(text, MinHash):
            if len(text.hashvalues) != self.num_perm:
                raise ValueError(
                    f"signature has {len(text.hashvalues)} permutations, the index uses {self.num_perm}"
                )
            return text
        return self.signature(text)

    def add(self, article_id: str, text: str | MinHash) -> None:
        """Add (or replace) an article by its text or its signature."""
        signature = self._as_signature(text)
        if article_id in self._signatures:
            self._lsh.remove(article_id)
        self._lsh.insert(article_id, signature)
        self._signatures[article_id] = signature

    def remove(self, article_id: str) -> None:
        """Forget an article (no error if it is unknown)."""
        if self._signatures.pop(article_id, None) is not None:
            self._lsh.remove(article_id)

    def query(self, text: str | MinHash) -> list[tuple[str, float]]:
        """Ids of added articles at or above the threshold, with estimated Jaccard, best first."""
        signature = self._as_signature(text)
        if signature.is_empty():
            return []
        hits: list[tuple[str, float]] = []
        for article_id in self._lsh.query(signature):
            score = float(signature.jaccard(self._signatures[article_id]))
            if score >= self.threshold:
                hits.append((str(article_id), score))
        hits.sort(key=lambda hit: (-hit[1], hit[0]))
        return hits

    @staticmethod
    def serialize(m: MinHash) -> bytes:
        """Bytes of a signature (seed and hash values), for :meth:`deserialize`."""
        lean = m if isinstance(m, LeanMinHash) else LeanMinHash(m)
        buffer = bytearray(lean.bytesize())
        lean.serialize(buffer)
        return bytes(buffer)

    @staticmethod
    def deserialize(b: bytes) -> MinHash:
        """The signature that :meth:`serialize` wrote."""
        return LeanMinHash.deserialize(bytearray(b))
