"""Scoring extracted figures and contradictions against a gold claims file (``claims.jsonl``).

A gold figure is found when a figure of the same value is extracted from one of its articles;
its unit is right when the extracted unit's head word occurs in the gold unit; its speaker is
right (counted only where the gold names one) when the two share a name word. A gold
contradiction is found when an extracted one (between figures, or on an incident field) holds
every one of its values; when the gold names its incident, the extracted contradiction must be
on the incident matched to it (see :func:`evaluate_claims`).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from plotwatch.claims.records import unit_head, unit_key
from plotwatch.errors import EvalError

_WORDS = re.compile(r"[a-z0-9]+")


def load_claims_gold(path: Path) -> list[dict[str, Any]]:
    rows = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise EvalError(f"{path}: cannot read: {exc.strerror}") from None
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise EvalError(f"{path}:{n}: malformed JSON: {exc.msg}") from None
        if not isinstance(row, dict) or row.get("kind") not in {"figure", "recommendation", "contradiction"}:
            raise EvalError(f"{path}:{n}: a claim needs kind figure, recommendation or contradiction")
        rows.append(row)
    return rows


def _words(text: str | None) -> set[str]:
    return set(_WORDS.findall((text or "").lower()))


def _norm_value(v: Any) -> str:
    text = str(v).lower().replace(",", "")
    return text[:-2] if text.endswith(".0") else text


def _holds(extracted: dict[str, Any], gold_values: Any) -> bool:
    """Every gold value is among the extracted values, stated by one of the gold's articles."""
    have: dict[str, set[str]] = {}
    for v in extracted.get("values", []):
        have.setdefault(_norm_value(v["value"]), set()).update(v.get("article_ids", []))
    for value in gold_values:
        key = _norm_value(value)
        articles = set(gold_values[value]) if isinstance(gold_values, dict) else set()
        if key not in have or (articles and not articles & have[key]):
            return False
    return True


def evaluate_claims(
    claims: list[dict[str, Any]],
    incident_contradictions: list[dict[str, Any]],
    gold: list[dict[str, Any]],
    *,
    incidents: list[dict[str, Any]] | None = None,
    matches: dict[str, str] | None = None,
) -> dict[str, Any]:
    """Recall of gold figures (with unit and speaker accuracy) and of gold contradictions.

    A gold contradiction that names an ``incident`` counts as found only when it is on the
    predicted incident ``matches`` pairs with that gold incident (gid → incident id, as
    ``plotwatch eval`` matches them), with each value stated by one of the gold's articles.
    """
    figures = [c for c in claims if c["kind"] == "figure"]
    report: dict[str, Any] = {"figures": [], "contradictions": []}
    for g in (g for g in gold if g["kind"] == "figure"):
        hits = [c for c in figures if c["article_id"] in g["articles"] and c["value"] == g["value"]]
        best = None
        for c in hits:
            gold_unit = " ".join(_words(g["unit"]))
            unit_ok = any(k and k in gold_unit for k in (unit_key(c["unit"]), unit_head(c["unit"])))
            speaker_ok = None if not g.get("speaker") else bool(_words(c["speaker"]) & _words(g["speaker"]))
            score = (unit_ok, bool(speaker_ok))
            if best is None or score > best[0]:
                best = (score, c, unit_ok, speaker_ok)
        report["figures"].append(
            {
                "cid": g["cid"],
                "found": best is not None,
                "unit_ok": best[2] if best else False,
                "speaker_ok": best[3] if best else (None if not g.get("speaker") else False),
                "extracted": {k: best[1][k] for k in ("value", "unit", "speaker")} if best else None,
            }
        )
    candidates = [set(map(_norm_value, (v["value"] for v in c["values"]))) for c in incident_contradictions]
    on_incident = {
        inc["id"]: inc.get("contradictions") or [] for inc in incidents or [] if isinstance(inc, dict)
    }
    for g in (g for g in gold if g["kind"] == "contradiction"):
        wanted = {_norm_value(v) for v in g["values"]}
        row: dict[str, Any] = {"cid": g["cid"], "field": g["field"]}
        if g.get("incident") and matches is not None:
            # on the predicted incident matched to the gold incident, with the gold's articles
            pred = matches.get(g["incident"])
            row.update(incident=g["incident"], matched=pred)
            row["found"] = pred is not None and any(_holds(c, g["values"]) for c in on_incident.get(pred, []))
        else:
            row["found"] = any(wanted <= have for have in candidates)
        report["contradictions"].append(row)
    figs = report["figures"]
    with_speaker = [f for f in figs if f["speaker_ok"] is not None]
    report["figure_recall"] = sum(f["found"] for f in figs) / len(figs) if figs else None
    report["unit_accuracy"] = (
        sum(f["unit_ok"] for f in figs if f["found"]) / max(1, sum(f["found"] for f in figs))
        if figs
        else None
    )
    report["speaker_accuracy"] = (
        sum(bool(f["speaker_ok"]) for f in with_speaker) / len(with_speaker) if with_speaker else None
    )
    cons = report["contradictions"]
    report["contradiction_recall"] = sum(c["found"] for c in cons) / len(cons) if cons else None
    return report


def incident_matches(incidents: list[dict[str, Any]], gold_incidents: Path) -> dict[str, str]:
    """gold incident id → predicted incident id, paired as ``plotwatch eval`` pairs them."""
    from plotwatch.evaluate.scoring import evaluate

    report = evaluate(incidents, gold_incidents)
    return {m.gid: m.pred_id for m in report.matches}
