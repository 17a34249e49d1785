"""Every input that cannot be read is one InputError naming it; the other inputs go on."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from plotwatch.errors import InputError
from plotwatch.ingest import iter_inputs, read_file

from .conftest import articles, errors


def _only_error(items: list) -> InputError:
    assert len(items) == 1, items
    (error,) = items
    assert isinstance(error, InputError)
    return error


def test_errors_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    error = _only_error(list(read_file(path)))
    assert error.source == str(path)
    assert "binary file" in error.problem and "offset 8" in error.problem


def test_errors_control_characters_are_binary(tmp_path: Path) -> None:
    path = tmp_path / "junk.txt"
    path.write_bytes(bytes(range(1, 9)) * 20)
    assert "binary file" in _only_error(list(read_file(path))).problem


@pytest.mark.parametrize("content", [b"", b"  \n\t\n"])
def test_errors_empty_file(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    assert _only_error(list(read_file(path))).problem.startswith("empty file")


def test_errors_invalid_utf8_names_byte_offset(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("Caf\u00e9 au lait".encode("latin-1"))
    error = _only_error(list(read_file(path)))
    assert error.problem == "invalid UTF-8 at byte offset 3 (byte 0xe9)"


def test_errors_invalid_utf8_offset_counts_the_bom(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbfabc\xff")
    assert "byte offset 6" in _only_error(list(read_file(path))).problem


def test_errors_utf16_with_bom_is_read(tmp_path: Path) -> None:
    path = tmp_path / "wide.txt"
    path.write_bytes("Wide text article body.".encode("utf-16"))
    (article,) = articles(list(read_file(path)))
    assert article.text == "Wide text article body."


def test_errors_malformed_json_line_others_still_yielded(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_text(
        '{"id": "ok1", "text": "First good line."}\n'
        '{"id": "bad", "text": \n'
        '{"id": "ok2", "text": "Third line is fine too."}\n',
        encoding="utf-8",
    )
    items = list(read_file(path))
    assert [a.source_id for a in articles(items)] == ["ok1", "ok2"]
    (error,) = errors(items)
    assert error.source == f"{path}:2"
    assert error.problem.startswith("malformed JSON:")


def test_errors_malformed_json_document(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('[{"id": "x", "text": "a"},\n  oops]', encoding="utf-8")
    error = _only_error(list(read_file(path)))
    assert "malformed JSON" in error.problem and "line 2" in error.problem


def test_errors_missing_path(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    error = _only_error(list(iter_inputs([str(missing)])))
    assert error.source == str(missing)
    assert error.problem == "no such file or directory"
    assert _only_error(list(read_file(tmp_path / "nope.pdf"))).problem == ("no such file or directory")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_errors_permission_denied(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("text", encoding="utf-8")
    path.chmod(0)
    try:
        assert _only_error(list(read_file(path))).problem == "permission denied"
    finally:
        path.chmod(0o644)


def test_errors_permission_denied_simulated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("text", encoding="utf-8")

    def deny(self: Path, *args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "open", deny)
    assert _only_error(list(read_file(path))).problem == "permission denied"


def test_errors_directory_where_file_expected(tmp_path: Path) -> None:
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    assert "is a directory" in _only_error(list(read_file(folder))).problem


def test_errors_file_over_size_limit_names_size_and_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("word " * 1000, encoding="utf-8")
    error = _only_error(list(read_file(path, max_bytes=1024)))
    assert "5000 bytes" in error.problem and "1024 bytes" in error.problem
    assert "size limit" in error.problem


def test_errors_unsupported_extension_only_when_named(fixtures: Path) -> None:
    error = _only_error(list(iter_inputs([str(fixtures / "notes.md")])))
    assert error.problem.startswith("unsupported file type .md")
    items = list(iter_inputs([str(fixtures / "tree")]))
    assert not errors(items)  # e.pdf skipped silently in a directory walk


def test_errors_do_not_stop_other_inputs(tmp_path: Path, fixtures: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01")
    items = list(iter_inputs([str(bad), str(tmp_path / "missing.txt"), str(fixtures / "article.txt")]))
    assert len(errors(items)) == 2
    assert [a.source_id for a in articles(items)] == ["article"]


def test_errors_reader_crash_becomes_input_error(fixtures: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from plotwatch.ingest.text import TextReader

    def boom(self: object, text: str, origin: str, stem: str) -> None:
        raise RuntimeError("library bug")

    monkeypatch.setattr(TextReader, "read", boom)
    error = _only_error(list(read_file(fixtures / "article.txt")))
    assert "RuntimeError: library bug" in error.problem
