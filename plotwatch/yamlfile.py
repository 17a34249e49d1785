"""Reading the YAML data files analysts edit (gazetteers, lexicons, cues, registries).

PyYAML follows YAML 1.1, where an unquoted ``no``, ``yes``, ``on`` and ``off`` are booleans: a
list of prepositions ``[in, at, on]`` would hold ``True``, Norway's code ``NO`` would be
``False``. Here, as in YAML 1.2, only ``true`` and ``false`` are booleans; every other word is
the string written.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")


class _Loader(yaml.SafeLoader):
    """The safe loader with YAML 1.2 booleans."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver("tag:yaml.org,2002:bool", _BOOL, list("tTfF"))


def _bool(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> bool:
    return str(loader.construct_scalar(node)).lower() == "true"


_Loader.add_constructor("tag:yaml.org,2002:bool", _bool)


def load(text: str) -> Any:
    """Parse ``text``; raises :class:`yaml.YAMLError` as ``yaml.safe_load`` does."""
    return yaml.load(text, Loader=_Loader)
