"""MUC-4 terrorism template filling: data reading, the standard scorer and an extractor.

``data``      reads the processed MUC-4 splits (JSON lines) and the numeric document ids.
``scorer``    the standard template-filling metric (best one-to-one template mapping per
              document, exact normalised mention match, micro P/R/F1 over incident type + roles).
``features``  candidate spans and their features on spaCy parses.
``model``     the linear models (document relevance, incident type, one filler model per role)
              stored as JSON weights, and prediction.
``train``     fitting those models on the train split (scikit-learn, optional extra).
"""

from __future__ import annotations

ROLES: tuple[str, ...] = ("PerpInd", "PerpOrg", "Target", "Victim", "Weapon")
INCIDENT_TYPES: tuple[str, ...] = (
    "attack",
    "bombing",
    "kidnapping",
    "arson",
    "robbery",
    "forced work stoppage",
)
