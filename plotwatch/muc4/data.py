"""Reading the processed MUC-4 splits and predictions files."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from plotwatch.errors import EvalError, InputError
from plotwatch.muc4 import ROLES

SPLITS = ("train", "dev", "test")
ENV_DIR = "PLOTWATCH_MUC4_DIR"


@dataclass
class Muc4Doc:
    docid: str  # the numeric id used by the metric, e.g. "30001"
    source_id: str  # the original id, e.g. "TST3-MUC4-0001"
    text: str
    # gold templates: incident_type -> str, role -> list of entities, entity = list of mentions
    templates: list[dict[str, Any]] = field(default_factory=list)
    # gold mentions with character offsets, per role (all templates), for training
    spans: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    has_gold: bool = True  # the line carried a 'templates' list


def numeric_docid(source_id: str) -> str:
    """``TST3-MUC4-0001`` → ``30001``: the digit ending the first part times 10000 plus the
    number after the last dash (``DEV-MUC3-0005`` → ``5``)."""
    parts = source_id.split("-")
    try:
        head = parts[0]
        series = int(head[-1]) if head[-1:].isdigit() else 0
        return str(series * 10000 + int(parts[-1]))
    except (ValueError, IndexError):
        raise ValueError(f"not a MUC-4 document id: {source_id!r}") from None


def default_dir() -> Path:
    """The shared benchmark folder: $PLOTWATCH_MUC4_DIR, else ../shared/benchmarks/muc4
    beside the project folder."""
    env = os.environ.get(ENV_DIR)
    if env:
        return Path(env)
    root = Path(__file__).resolve().parents[2]
    return root.parent / "shared" / "benchmarks" / "muc4"


def split_path(split: str, data_dir: Path | None = None) -> Path:
    if split not in SPLITS:
        raise ValueError(f"unknown split {split!r}: choose one of {', '.join(SPLITS)}")
    folder = data_dir or default_dir()
    path = folder / f"{split}.jsonl"
    if not path.exists():
        raise InputError(str(path), f"MUC-4 {split} split not found (set {ENV_DIR} or use --data)")
    return path


def _gold_templates(
    raw: list[Any], where: str
) -> tuple[list[dict[str, Any]], dict[str, list[tuple[str, int]]]]:
    templates: list[dict[str, Any]] = []
    spans: dict[str, list[tuple[str, int]]] = {r: [] for r in ROLES}
    if not isinstance(raw, list):
        raise EvalError(f"{where}: 'templates' must be a list")
    for t in raw:
        if not isinstance(t, dict) or not isinstance(t.get("incident_type"), str):
            raise EvalError(f"{where}: each template needs a string 'incident_type'")
        tpl: dict[str, Any] = {"incident_type": t["incident_type"]}
        for role in ROLES:
            entities = []
            for ent in t.get(role) or []:
                mentions = []
                for pair in ent:
                    if not isinstance(pair, list) or not pair or not isinstance(pair[0], str):
                        raise EvalError(f"{where}: {role} mentions must be [string, offset] pairs")
                    mentions.append(pair[0])
                    if len(pair) > 1 and isinstance(pair[1], int):
                        spans[role].append((pair[0], pair[1]))
                if mentions:
                    entities.append(mentions)
            tpl[role] = entities
        if tpl not in templates:  # the metric drops duplicate gold templates
            templates.append(tpl)
    return templates, spans


def load_split(split: str, data_dir: Path | None = None, limit: int | None = None) -> list[Muc4Doc]:
    return load_file(split_path(split, data_dir), limit=limit)


def load_file(path: Path, limit: int | None = None) -> list[Muc4Doc]:
    """Documents of a MUC-4 JSON-lines file; EvalError naming the line when malformed."""
    docs: list[Muc4Doc] = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"cannot read ({exc})") from None
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{path}:{n}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise EvalError(f"{where}: not JSON ({exc.msg})") from None
        if (
            not isinstance(obj, dict)
            or not isinstance(obj.get("docid"), str)
            or not isinstance(obj.get("doctext"), str)
        ):
            raise EvalError(f"{where}: needs string 'docid' and 'doctext'")
        try:
            num = numeric_docid(obj["docid"])
        except ValueError as exc:
            raise EvalError(f"{where}: {exc}") from None
        templates, spans = _gold_templates(obj.get("templates", []), where)
        docs.append(Muc4Doc(num, obj["docid"], obj["doctext"], templates, spans, "templates" in obj))
        if limit is not None and len(docs) >= limit:
            break
    return docs


def read_predictions(path: Path) -> dict[str, list[dict[str, Any]]]:
    """``{docid: {"pred_templates": [...]}}`` → ``{docid: templates}``, checked."""
    try:
        obj = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(str(path), "no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"cannot read ({exc})") from None
    except json.JSONDecodeError as exc:
        raise InputError(str(path), f"not JSON ({exc.msg} at line {exc.lineno})") from None
    if not isinstance(obj, dict):
        raise InputError(str(path), "must be a JSON object keyed by document id")
    preds: dict[str, list[dict[str, Any]]] = {}
    for docid, entry in obj.items():
        if not isinstance(entry, dict) or not isinstance(entry.get("pred_templates"), list):
            raise InputError(str(path), f"document {docid}: needs a 'pred_templates' list")
        templates = []
        for i, t in enumerate(entry["pred_templates"]):
            if not isinstance(t, dict):
                raise InputError(str(path), f"document {docid}, template {i}: not an object")
            tpl: dict[str, Any] = {"incident_type": t.get("incident_type")}
            for role in ROLES:
                ents = t.get(role, [])
                if not isinstance(ents, list) or not all(
                    isinstance(e, list) and all(isinstance(m, str) for m in e) for e in ents
                ):
                    raise InputError(
                        str(path),
                        f"document {docid}, template {i}: {role} must be a list of lists of strings",
                    )
                tpl[role] = ents
            templates.append(tpl)
        preds[docid] = templates
    return preds
