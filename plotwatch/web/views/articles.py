"""The article page: its text (escaped), every event mention and claim highlighted."""

from __future__ import annotations

from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.responses import Response

from plotwatch.web import lookups
from plotwatch.web.render import highlight, render
from plotwatch.web.security import store_of
from plotwatch.web.views.base import Reader

router = APIRouter(include_in_schema=False)


@router.get("/articles/{article_id:path}")
def article_page(request: Request, _: Reader, article_id: str) -> Response:
    art = lookups.article(store_of(request), article_id)
    spans = [
        (
            m["start"],
            m["end"],
            {"id": f"m-{m['start']}", "class": "evidence", "title": f"{m['type']} ({m['trigger']})"},
        )
        for m in art["mentions"]
    ]
    spans += [(c["start"], c["end"], {"class": "claim", "title": c["kind"]}) for c in art["claims"]]
    return render(
        request,
        "article.html",
        title=art["title"] or art["article_id"],
        art=art,
        body=highlight(art["text"], spans),
        json_url=f"/api/v1/articles/{quote(article_id, safe='')}",
    )
