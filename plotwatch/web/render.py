"""Server-side rendering: one Jinja environment (autoescape on), evidence highlighting.

Article text is untrusted HTML from the internet. It only ever reaches a page escaped: by
Jinja's autoescape, or by :func:`highlight`, which escapes each piece of text itself and adds
only its own ``<mark>`` elements. Data for scripts goes through ``tojson`` into a
``<script type="application/json">`` block (``<``, ``>``, ``&`` and ``'`` escaped).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup, escape

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"

env = Environment(
    loader=FileSystemLoader(str(TEMPLATES)),
    autoescape=select_autoescape(["html"], default_for_string=True, default=True),
    trim_blocks=True,
    lstrip_blocks=True,
)


def highlight(text: str, spans: Iterable[tuple[int, int, dict[str, str]]]) -> Markup:
    """``text`` escaped, with each (start, end, attrs) span wrapped in ``<mark>``.

    Overlapping spans are merged into the first; attribute values are escaped too.
    """
    out: list[str] = []
    pos = 0
    for start, end, attrs in sorted(spans, key=lambda sp: (sp[0], -sp[1])):
        start, end = max(start, pos), min(end, len(text))
        if end <= start:
            continue
        out.append(str(escape(text[pos:start])))
        attr = "".join(f' {escape(k)}="{escape(v)}"' for k, v in attrs.items())
        out.append(f"<mark{attr}>{escape(text[start:end])}</mark>")
        pos = end
    out.append(str(escape(text[pos:])))
    return Markup("".join(out))


def excerpt(text: str, start: int, end: int, context: int = 320) -> Markup:
    """The paragraph(s) around ``text[start:end]`` (at most ``context`` characters each side)."""
    lo = max(0, start - context)
    para = text.rfind("\n\n", lo, start)
    lo = para + 2 if para >= 0 else lo
    hi = min(len(text), end + context)
    para = text.find("\n\n", end, hi)
    hi = para if para >= 0 else hi
    piece = highlight(text[lo:hi], [(start - lo, end - lo, {"class": "evidence"})])
    return Markup(("… " if lo > 0 else "") + piece + (" …" if hi < len(text) else ""))


def url_with(request: Request, **changes: Any) -> str:
    """The current URL with some query parameters changed (None removes one)."""
    params = {k: v for k, v in request.query_params.items()}
    for k, v in changes.items():
        if v is None or v == "":
            params.pop(k, None)
        else:
            params[k] = str(v)
    return request.url.path + ("?" + urlencode(params) if params else "")


env.globals["url_with"] = url_with
env.filters["q"] = lambda s: quote(str(s), safe="")


def vendor_ok(request: Request) -> bool:
    return bool(request.app.state.vendor_ok)


def render(request: Request, template: str, *, status_code: int = 200, **context: Any) -> HTMLResponse:
    """Render ``template`` with the common context (user, CSRF token, vendor libraries)."""
    from plotwatch.web.security import who

    try:
        user = who(request)
    except Exception:  # an error page for a bad token must still render
        user = None
    sess = getattr(request.state, "session", None) or {}
    html = env.get_template(template).render(
        request=request,
        user=user,
        csrf=sess.get("csrf", ""),
        vendor_ok=vendor_ok(request),
        **context,
    )
    return HTMLResponse(html, status_code=status_code)
