"""The actor network behind /network and /api/v1/network: a thin layer over
:mod:`plotwatch.network` (``{"center", "truncated", "nodes", "edges"}``, each edge with its
evidence)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from plotwatch.network import edge_types, resolve_entity
from plotwatch.network import neighbourhood as walk
from plotwatch.store.db import Store

MAX_NODES = 400


def resolve(store: Store, ref: str) -> str:
    """An entity id from an id, a name or an alias (NotFoundError lists candidates)."""
    return resolve_entity(store, ref)


def relation_types(store: Store) -> list[str]:
    """Edge types that can be filtered on: the roles and the stored relation types."""
    return edge_types(store)


def neighbourhood(
    store: Store, entity_id: str, hops: int = 2, types: Iterable[str] | None = None
) -> dict[str, Any]:
    """The graph within ``hops`` edges of an entity, optionally only over edges of ``types``."""
    return walk(store, entity_id, hops, types).to_dict()
