"""The CLI starts without loading the NLP stack: spaCy and the extraction rules are imported by
the commands that use them, not by ``plotwatch --help`` or ``plotwatch bench`` listing."""

from __future__ import annotations

import subprocess
import sys


def test_cli_start_up_does_not_import_spacy_or_the_extractor() -> None:
    code = (
        "import sys, plotwatch.cli.main\n"
        "print(sorted(m for m in sys.modules if m == 'spacy' or m.startswith('plotwatch.extract')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
