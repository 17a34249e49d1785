"""``plotwatch bench muc4``, ``bench muc4-score`` and ``bench muc4-train``: the MUC-4 benchmark."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from plotwatch.cli.main import JsonOption, _print_json, bench_app, console, err, friendly

SplitOption = Annotated[str, typer.Option("--split", help="dev or test (train also accepted).")]
DataOption = Annotated[
    Path | None,
    typer.Option("--data", help="Folder with train/dev/test.jsonl (default: the shared benchmark)."),
]
ModelOption = Annotated[
    Path | None, typer.Option("--model", help="Model file (default: the one shipped with plotwatch).")
]
LimitOption = Annotated[int | None, typer.Option("--limit", min=1, help="Only the first N documents.")]


def _score_table(title: str, result: dict[str, dict[str, float]]) -> Table:
    table = Table(title=title)
    for col in ("slot", "P", "R", "F1", "correct/pred", "correct/gold"):
        table.add_column(col, justify="left" if col == "slot" else "right")
    for slot, c in result.items():
        table.add_row(
            slot,
            f"{100 * c['p']:.2f}",
            f"{100 * c['r']:.2f}",
            f"{100 * c['f1']:.2f}",
            f"{c['p_num']}/{c['p_den']}",
            f"{c['r_num']}/{c['r_den']}",
            style="bold" if slot == "micro" else None,
        )
    return table


@friendly
def bench_muc4(
    split: SplitOption = "dev",
    out: Annotated[Path | None, typer.Option("--out", help="Write predictions (JSON) here.")] = None,
    model: ModelOption = None,
    data: DataOption = None,
    limit: LimitOption = None,
    as_json: JsonOption = False,
) -> None:
    """Extract MUC-4 templates from a split; print P/R/F1 per role and micro when gold exists."""
    from plotwatch.muc4.model import MODEL_PATH
    from plotwatch.muc4.run import run_split, write_predictions

    preds, result, facts = run_split(split, model or MODEL_PATH, data, limit)
    if out is not None:
        write_predictions(preds, out)
        facts["predictions"] = str(out)
    scores = result.as_dict() if result is not None else None
    if as_json:
        payload: dict[str, Any] = {**facts, "scores": scores}
        _print_json(payload)
        return
    console.print(
        f"{facts['documents']} {split} documents, {facts['templates']} templates predicted "
        f"in {facts['seconds']:.1f} s"
    )
    if out is not None:
        console.print(f"predictions written to {out}")
    if scores is None:
        err.print("no gold templates in this split: nothing scored")
        return
    console.print(_score_table(f"MUC-4 {split}", scores))


@friendly
def bench_muc4_score(
    predictions: Annotated[Path, typer.Argument(help="Predictions file written by `bench muc4`.")],
    split: SplitOption = "test",
    data: DataOption = None,
    limit: LimitOption = None,
    as_json: JsonOption = False,
) -> None:
    """Score a MUC-4 predictions file with the standard metric."""
    from plotwatch.muc4.run import score_file

    scores = score_file(predictions, split, data, limit).as_dict()
    if as_json:
        _print_json({"split": split, "predictions": str(predictions), "scores": scores})
        return
    console.print(_score_table(f"MUC-4 {split}: {predictions}", scores))


@friendly
def bench_muc4_train(
    out: Annotated[Path | None, typer.Option("--out", help="Model file to write.")] = None,
    data: DataOption = None,
    as_json: JsonOption = False,
) -> None:
    """Fit the MUC-4 models on train and tune thresholds on dev (CPU, a few minutes)."""
    from plotwatch.muc4.model import MODEL_PATH
    from plotwatch.muc4.run import train_model

    target = out or MODEL_PATH
    model = train_model(target, data, progress=None if as_json else lambda m: console.print(m))
    if as_json:
        _print_json({"model": str(target), **model.info})
        return
    console.print(
        f"dev micro F1 {100 * model.info['dev_micro_f1']:.2f} after tuning; "
        f"{model.info['total_seconds']:.0f} s in all"
    )


def register(app: typer.Typer) -> None:
    del app  # the commands hang under `plotwatch bench`
    names = {c.name for c in bench_app.registered_commands}
    if "muc4" not in names:
        bench_app.command("muc4")(bench_muc4)
        bench_app.command("muc4-score")(bench_muc4_score)
        bench_app.command("muc4-train")(bench_muc4_train)
