"""Exporters: golden files, CSV round trips, the registry.

Regenerate the golden files after an intended format change with
``PLOTWATCH_UPDATE_GOLDEN=1 pytest tests/export`` and review the diff.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
from pathlib import Path
from typing import Any

import pytest

from plotwatch.errors import PlotwatchError
from plotwatch.export import EXPORTERS, export_incidents, get_exporter, validate_incident
from plotwatch.export import csv as csv_export

GOLDEN = Path(__file__).parent / "golden"
ROOT = Path(__file__).resolve().parents[2]


def export(incidents: list[dict[str, Any]], fmt: str) -> str:
    out = io.StringIO(newline="")
    assert export_incidents(incidents, fmt, out) == len(incidents)
    return out.getvalue()


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("PLOTWATCH_UPDATE_GOLDEN"):
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
    assert text == path.read_bytes().decode("utf-8"), f"{name} differs from the golden file"


def test_export_fixtures_are_valid(incidents: list[dict[str, Any]]) -> None:
    assert [validate_incident(d) for d in incidents] == [[], [], []]


@pytest.mark.parametrize("fmt", sorted(EXPORTERS))
def test_export_matches_golden_file(incidents: list[dict[str, Any]], fmt: str) -> None:
    check_golden(f"incidents.{fmt}", export(incidents, fmt))


def test_export_jsonl_is_the_contract_dict(incidents: list[dict[str, Any]]) -> None:
    text = export(incidents, "jsonl")
    lines = text.splitlines()
    assert len(lines) == 3 and text.endswith("\n")
    assert [json.loads(line) for line in lines] == incidents
    assert "München-Ärzte" in text  # ensure_ascii=False
    assert list(json.loads(lines[0])) == list(incidents[0])  # key order kept


@pytest.mark.parametrize("fmt", sorted(EXPORTERS))
def test_export_refuses_nan(incidents: list[dict[str, Any]], fmt: str) -> None:
    incidents[1]["location"]["lat"] = float("nan")
    with pytest.raises(PlotwatchError, match="inc-arrest-de"):
        export(incidents, fmt)


def test_export_csv_columns_and_cells(incidents: list[dict[str, Any]]) -> None:
    rows = list(csv.DictReader(io.StringIO(export(incidents, "csv"), newline="")))
    assert tuple(rows[0]) == csv_export.COLUMNS
    first, second, third = rows
    assert first["perpetrators"] == "Assadollah Assadi"
    assert first["sponsors"] == "Ministry of Intelligence and Security"
    assert first["instruments"] == "TATP"
    assert first["lat"] == "48.96" and first["n_outlets"] == "2"
    assert first["article_ids"] == "003_0d5b14596408e64f; 004_5df707b6dacc22e9"
    assert first["contradictions"] == (
        "location.country: FR [003_0d5b14596408e64f] / BE [004_5df707b6dacc22e9]"
    )
    assert second["status"] == "" and second["place"] == "" and second["lat"] == ""
    assert second["responders"] == "German police" and second["targets"] == "Assadollah Assadi"
    assert second["article_ids"] == "002_4a5f882acebcb18a"  # one article, two mentions
    assert third["credibility"] == "" and third["date_precision"] == "none"


AWKWARD = [
    'He said "no", then left.',
    "line one\nline two\r\nline three",
    "commas, semicolons; and a trailing backslash \\",
    "  leading and trailing spaces  ",
    "Ünïcödé — “quotes” ‘single’ 日本語",
    '"',
    "",
]


@pytest.mark.parametrize("quote", AWKWARD)
def test_export_csv_round_trips_awkward_text(incidents: list[dict[str, Any]], quote: str) -> None:
    incidents[0]["mentions"][0]["quote"] = quote
    incidents[0]["location"]["place"] = quote or None
    incidents[0]["actors"][0]["name"] = f"{quote}x"
    rows = list(csv.DictReader(io.StringIO(export(incidents, "csv"), newline="")))
    assert len(rows) == 3
    assert rows[0]["first_quote"] == quote
    assert rows[0]["place"] == quote
    assert rows[0]["perpetrators"] == f"{quote}x"
    assert rows[1]["id"] == "inc-arrest-de"


def test_export_csv_header_only_when_empty() -> None:
    assert export([], "csv") == ",".join(csv_export.COLUMNS) + "\n"
    assert export([], "jsonl") == ""


def test_export_unknown_format_lists_known_ones() -> None:
    out = io.StringIO()
    with pytest.raises(PlotwatchError) as info:
        export_incidents([], "xml", out)
    assert "'xml'" in str(info.value) and "csv, jsonl" in str(info.value)
    assert out.getvalue() == ""
    with pytest.raises(PlotwatchError, match="known formats"):
        get_exporter("JSONL")


def test_export_exporter_does_not_close_stream(incidents: list[dict[str, Any]]) -> None:
    out = io.StringIO()
    with EXPORTERS["jsonl"](out) as exporter:
        exporter.write(incidents[0])
    assert not out.closed and exporter.count == 1


def test_export_csv_columns_are_documented() -> None:
    doc = csv_export.__doc__ or ""
    documented = set(re.findall(r"^(\w+)\s{2,}", doc, flags=re.MULTILINE))
    assert set(csv_export.COLUMNS) <= documented
    formats_doc = ROOT / "docs" / "export-formats.md"
    if not formats_doc.exists():
        pytest.skip("docs/export-formats.md not present")
    table = set(re.findall(r"^\| `(\w+)` \|", formats_doc.read_text(encoding="utf-8"), re.M))
    assert set(csv_export.COLUMNS) <= table
    assert set(EXPORTERS) <= table
