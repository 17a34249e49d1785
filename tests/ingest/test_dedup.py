"""content_hash and the MinHash near-duplicate index."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from plotwatch.ingest import NearDuplicateIndex, content_hash, iter_inputs

from .conftest import SAMPLES, articles, shared_path

PAIR = ("wire-europe-2021-02-04-assadi", "antwerp-verdict-courier")


def test_dedup_content_hash_is_stable() -> None:
    # sha256("hello world"): the normalised form of "Hello  World"
    expected = "b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9"
    assert content_hash("Hello  World") == expected
    assert content_hash("hello world") == expected


def test_dedup_content_hash_ignores_case_and_whitespace_not_words() -> None:
    assert content_hash("  Two men\n\narrested\tin Berlin ") == content_hash("two MEN arrested in berlin")
    assert content_hash("Two men arrested in Berlin") != content_hash("Two men arrested in Bonn")


_WS = st.text(alphabet=" \t\n\r\u00a0\u2003", min_size=1, max_size=4)


_WORDS = st.lists(st.text(alphabet=st.characters(categories=["L", "N", "P"]), min_size=1), max_size=20)


@given(_WORDS, st.data())
def test_dedup_content_hash_ignores_whitespace_differences(words: list[str], data: st.DataObject) -> None:
    plain = " ".join(words)
    spaced = data.draw(_WS) + "".join(w + data.draw(_WS) for w in words)
    assert content_hash(plain) == content_hash(spaced)


def _samples() -> dict[str, str]:
    return {a.source_id: a.text for a in articles(list(iter_inputs([str(SAMPLES)]))) if a.text}


def test_dedup_sample_wire_pair_is_found_at_default_threshold() -> None:
    texts = _samples()
    index = NearDuplicateIndex()
    index.add(PAIR[0], texts[PAIR[0]])
    hits = index.query(texts[PAIR[1]])
    assert [h[0] for h in hits] == [PAIR[0]]
    assert hits[0][1] >= 0.8


def test_dedup_no_other_sample_pair_is_near_duplicate() -> None:
    texts = _samples()
    index = NearDuplicateIndex()
    found = []
    for source_id, text in sorted(texts.items()):
        found += [(source_id, hit) for hit, _ in index.query(text)]
        index.add(source_id, text)
    assert sorted(tuple(sorted(p)) for p in found) == [tuple(sorted(PAIR))]


def test_dedup_different_background_articles_are_not_near_duplicates() -> None:
    path = shared_path("corpus", "background", "lee.jsonl")
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()[:60]]
    index = NearDuplicateIndex()
    for row in rows[:30]:
        index.add(row["id"], row["text"])
    for row in rows[30:]:
        assert index.query(row["text"]) == []
    assert index.query(rows[0]["text"])[0][0] == rows[0]["id"]  # itself, for contrast


def test_dedup_signature_round_trips_through_bytes() -> None:
    index = NearDuplicateIndex()
    text = _samples()[PAIR[0]]
    signature = index.signature(text)
    blob = NearDuplicateIndex.serialize(signature)
    assert isinstance(blob, bytes)
    restored = NearDuplicateIndex.deserialize(blob)
    assert restored.jaccard(signature) == 1.0
    rebuilt = NearDuplicateIndex()
    rebuilt.add(PAIR[0], restored)  # a store rebuilds the index from stored signatures
    assert rebuilt.query(_samples()[PAIR[1]])[0][0] == PAIR[0]


def test_dedup_add_replaces_and_remove_forgets() -> None:
    index = NearDuplicateIndex()
    index.add("x", "one two three four five six seven eight")
    index.add("x", "completely different words make up this other text here")
    assert len(index) == 1 and "x" in index
    assert index.query("one two three four five six seven eight") == []
    index.remove("x")
    index.remove("never-added")
    assert len(index) == 0


def test_dedup_short_and_empty_texts() -> None:
    index = NearDuplicateIndex()
    index.add("short", "Two words")
    assert index.query("two   WORDS")[0][0] == "short"
    assert index.query("") == []


def test_dedup_rejects_bad_threshold_and_mismatched_signature() -> None:
    with pytest.raises(ValueError):
        NearDuplicateIndex(threshold=0)
    small = NearDuplicateIndex(num_perm=64)
    with pytest.raises(ValueError, match="permutations"):
        NearDuplicateIndex().add("x", small.signature("some text of a few words here"))
