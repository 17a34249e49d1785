"""The network walk: who is linked to an entity within k hops, by what evidence.

The graph has two kinds of node, entities (``e:<id>``) and incidents (``i:<id>``), and two
kinds of edge: an actor role (entity → incident, typed by the role: perpetrator, sponsor,
target, responder …; evidence: the sentences of the incident that name the actor, else its
first sentences) and an entity relation (entity → entity, typed member_of, employed_by …;
evidence: the quoted sentence and article it was read from, or the list it was imported
from). Rejected incidents are left out. An incident counts as a hop, so "two agents of the
same plot" are two hops apart.

    walk = neighbourhood(store, resolve_entity(store, "MOIS"), hops=2)
    path = shortest_path(store, "p-assadi", "ir-mois")
"""

from plotwatch.network.walk import (
    MAX_NODES,
    GraphIndex,
    Subgraph,
    edge_types,
    neighbourhood,
    resolve_entity,
    shortest_path,
)

__all__ = [
    "MAX_NODES",
    "GraphIndex",
    "Subgraph",
    "edge_types",
    "neighbourhood",
    "resolve_entity",
    "shortest_path",
]
