"""Running the MUC-4 extractor over a split, writing predictions, scoring them, training."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from plotwatch.errors import InputError
from plotwatch.muc4.data import Muc4Doc, load_split, read_predictions
from plotwatch.muc4.model import MODEL_PATH, Muc4Model, load_spacy, parse
from plotwatch.muc4.scorer import MAX_PRED_TEMPLATES, Score, score

Progress = Callable[[str], None]


def predict_docs(
    docs: Sequence[Muc4Doc], model: Muc4Model, spacy_model: str | None = None
) -> dict[str, list[dict[str, Any]]]:
    """Predicted templates per numeric document id."""
    nlp = load_spacy(spacy_model)
    out: dict[str, list[dict[str, Any]]] = {}
    for d, parsed in zip(docs, nlp.pipe((d.text for d in docs), batch_size=32), strict=True):
        out[d.docid] = model.templates(model.doc_scores(parsed))
    return out


def predictions_json(preds: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    """The predictions file: ``{docid: {"pred_templates": [...]}}``."""
    return {docid: {"pred_templates": templates} for docid, templates in preds.items()}


def write_predictions(preds: dict[str, list[dict[str, Any]]], path: Path) -> None:
    try:
        path.write_text(json.dumps(predictions_json(preds), indent=1, ensure_ascii=False) + "\n", "utf-8")
    except OSError as exc:
        raise InputError(str(path), f"cannot write predictions ({exc.strerror})") from None


def golds_of(docs: Sequence[Muc4Doc]) -> dict[str, list[dict[str, Any]]] | None:
    """Gold templates per document id, or None when the documents carry no gold."""
    if not docs or not all(d.has_gold for d in docs):
        return None
    return {d.docid: d.templates for d in docs}


def run_split(
    split: str,
    model_path: Path = MODEL_PATH,
    data_dir: Path | None = None,
    limit: int | None = None,
    spacy_model: str | None = None,
) -> tuple[dict[str, list[dict[str, Any]]], Score | None, dict[str, Any]]:
    """Predictions for a split, their score when the split has gold, and run facts."""
    t0 = time.perf_counter()
    model = Muc4Model.load(model_path)
    docs = load_split(split, data_dir, limit=limit)
    preds = predict_docs(docs, model, spacy_model)
    golds = golds_of(docs)
    result = score(preds, golds) if golds is not None else None
    facts = {
        "split": split,
        "documents": len(docs),
        "templates": sum(len(t) for t in preds.values()),
        "seconds": round(time.perf_counter() - t0, 1),
        "model": str(model_path),
    }
    return preds, result, facts


def score_file(pred_path: Path, split: str, data_dir: Path | None = None, limit: int | None = None) -> Score:
    """Score a predictions file against a split's gold (documents absent from the file count
    as predicting nothing)."""
    preds = read_predictions(pred_path)
    docs = load_split(split, data_dir, limit=limit)
    golds = golds_of(docs)
    if golds is None:
        raise InputError(f"{split} split", "has no gold templates to score against")
    unknown = sorted(set(preds) - set(golds))
    if limit is None and unknown and len(unknown) == len(preds):
        raise InputError(str(pred_path), f"no document id matches the {split} split (e.g. {unknown[0]!r})")
    for docid, templates in preds.items():
        if len(templates) > MAX_PRED_TEMPLATES:
            raise InputError(
                str(pred_path),
                f"document {docid}: {len(templates)} templates; at most {MAX_PRED_TEMPLATES} can be scored",
            )
    return score(preds, golds)


def train_model(
    out: Path = MODEL_PATH,
    data_dir: Path | None = None,
    spacy_model: str | None = None,
    progress: Progress | None = None,
) -> Muc4Model:
    """Fit on train, tune thresholds on dev, save to ``out``."""
    from plotwatch.muc4.train import train

    say = progress or (lambda _m: None)
    t0 = time.perf_counter()
    train_docs = load_split("train", data_dir)
    dev_docs = load_split("dev", data_dir)
    nlp = load_spacy(spacy_model)
    train_parsed = parse(nlp, (d.text for d in train_docs))
    say(f"parsed {len(train_docs)} train documents ({time.perf_counter() - t0:.0f} s)")
    dev_parsed = parse(nlp, (d.text for d in dev_docs))
    say(f"parsed {len(dev_docs)} dev documents ({time.perf_counter() - t0:.0f} s)")
    model = train(train_docs, train_parsed, dev_docs, dev_parsed, progress=say)
    model.info["total_seconds"] = round(time.perf_counter() - t0, 1)
    model.save(out)
    say(f"saved {out} ({out.stat().st_size / 1e6:.1f} MB)")
    return model
