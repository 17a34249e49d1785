"""``plotwatch bench filter-train`` and ``bench filter-cv``: the learned mention filter."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table

from plotwatch.cli.main import JsonOption, _print_json, bench_app, console, friendly

if TYPE_CHECKING:
    from plotwatch.extract import Extractor
    from plotwatch.extract.training import EvalSet

ROOT = Path(__file__).resolve().parents[2]
RootOption = Annotated[
    Path, typer.Option("--root", help="Project folder holding samples/ and eval/ (default: this one).")
]
SharedOption = Annotated[
    Path | None, typer.Option("--shared", help="Shared data folder with corpus/seeds (default: ../shared).")
]
# defaults resolved on use (plotwatch.extract.training): importing it here would load spaCy
# at every start of the CLI
COption = Annotated[
    float | None,
    typer.Option("--c", min=1e-4, help="Inverse regularisation strength (default: the shipped model's)."),
]
ThresholdOption = Annotated[
    float | None,
    typer.Option(
        "--threshold",
        min=0.0,
        max=1.0,
        help="Probability needed to keep a candidate (default: the shipped model's).",
    ),
]


def _setup(root: Path, shared: Path | None) -> tuple[list[EvalSet], Extractor]:
    from plotwatch.extract import Extractor
    from plotwatch.extract.training import background_set, default_sets

    shared = shared or root.parent / "shared"
    return [*default_sets(root, shared), background_set(shared)], Extractor()


def _settings(c: float | None, threshold: float | None) -> tuple[float, float]:
    from plotwatch.extract.training import DEFAULT_C, DEFAULT_THRESHOLD

    return (DEFAULT_C if c is None else c), (DEFAULT_THRESHOLD if threshold is None else threshold)


@friendly
def bench_filter_train(
    out: Annotated[Path | None, typer.Option("--out", help="Model file to write.")] = None,
    root: RootOption = ROOT,
    shared: SharedOption = None,
    c: COption = None,
    threshold: ThresholdOption = None,
    as_json: JsonOption = False,
) -> None:
    """Fit the mention filter on the opened evaluation sets' gold (CPU, under a minute)."""
    from plotwatch.extract.learned import MODEL_NAME
    from plotwatch.extract.resources import PACKAGE_DATA
    from plotwatch.extract.training import OPENED_SETS, collect, fit

    c, threshold = _settings(c, threshold)
    sets, extractor = _setup(root, shared)
    rows = collect(sets, extractor, progress=None if as_json else console.print)
    info = {"sets": ["seeds", *OPENED_SETS], "negatives_from": ["background/lee.jsonl"]}
    model = fit(rows, c, threshold, info=info)
    target = out or PACKAGE_DATA / MODEL_NAME
    model.save(target)
    if as_json:
        _print_json({"model": str(target), **model.info})
        return
    off_rows = model.off_subject.info["rows"] if model.off_subject is not None else 0
    console.print(
        f"{model.info['rows']} stateless candidates in articles on the subject, {model.info['positives']} of"
        f" them new incidents; {off_rows} in all (the off-subject weights); model written to {target}"
    )


@friendly
def bench_filter_cv(
    root: RootOption = ROOT,
    shared: SharedOption = None,
    c: COption = None,
    threshold: ThresholdOption = None,
    as_json: JsonOption = False,
) -> None:
    """Leave one set out: each opened set scored with a filter fitted on the others, and without."""
    from plotwatch.extract.training import collect, cross_validate

    c, threshold = _settings(c, threshold)
    sets, extractor = _setup(root, shared)
    say = None if as_json else console.print
    rows = collect(sets, extractor, progress=say)
    cv = cross_validate(sets, extractor, rows, c, threshold, progress=say)
    if as_json:
        _print_json(cv.to_dict())
        return
    table = Table(title=f"mention filter, leave one set out (C={c}, threshold={threshold})")
    for col in ("set", "TP/FP/FN without", "F1 without", "TP/FP/FN with", "F1 with"):
        table.add_column(col, justify="left" if col == "set" else "right")

    def cells(r: dict) -> tuple[str, str]:
        return f"{r['tp']}/{r['fp']}/{r['fn']}", f"{r['f1']:.3f}"

    for f in cv.folds:
        table.add_row(f.set, *cells(f.without), *cells(f.with_filter))
    table.add_row("all", *cells(cv.totals("without")), *cells(cv.totals("with_filter")), style="bold")
    console.print(table)


def register(app: typer.Typer) -> None:
    del app  # the commands hang under `plotwatch bench`
    names = {c.name for c in bench_app.registered_commands}
    if "filter-train" not in names:
        bench_app.command("filter-train")(bench_filter_train)
        bench_app.command("filter-cv")(bench_filter_cv)
