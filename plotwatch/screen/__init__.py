"""Name screening: match names against every entity and alias of the knowledge base.

    >>> screener = Screener.from_store(store)
    >>> screener.match("Asadi, Asadollah", nationality="IR")
    [Hit(entity_id='ent-…', entity_name='Assadollah Assadi', score=0.97, explanation=[…])]

Transliteration-, order- and particle-aware (:mod:`.normalize`, :mod:`.compare`), with the
name-variant data in ``plotwatch/data/screening/variants.yaml``; fast on 100,000 entities
(:mod:`.screener`, :mod:`.bench`); measured on labelled pairs (:mod:`.evaluate`).
"""

from plotwatch.screen.details import Details
from plotwatch.screen.screener import DEFAULT_THRESHOLD, Hit, Screener

__all__ = ["DEFAULT_THRESHOLD", "Details", "Hit", "Screener"]
