"""The analyst's workbench: server-rendered pages and a JSON API over the store.

``create_app(store_or_url)`` builds the FastAPI application; ``plotwatch serve`` runs it.
"""

from __future__ import annotations

from plotwatch.web.app import create_app

__all__ = ["create_app"]
