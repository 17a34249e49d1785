"""Server-rendered pages: login, every view, escaping of untrusted article text, forms + CSRF."""

from __future__ import annotations

import re
from pathlib import Path

from fastapi.testclient import TestClient

from plotwatch.store.db import Store
from plotwatch.web import create_app
from tests.web.conftest import csrf_of, login
from tests.web.webdb import XSS_IMG, XSS_NAME, XSS_SCRIPT, XSS_TITLE

PAGES = [
    "/",
    "/incidents",
    "/incidents/inc-villepinte",
    "/timeline",
    "/map",
    "/network?entity=ir-mois",
    "/entities",
    "/entities/ir-mois",
    "/sources",
    "/articles/wire-001",
    "/search?q=Villepinte",
    "/audit",
]


def test_web_pages_need_login_and_redirect_back(client: TestClient) -> None:
    r = client.get("/incidents?type=bombing")
    assert r.status_code == 303 and r.headers["location"] == "/login?next=%2Fincidents%3Ftype%3Dbombing"
    r = client.post("/login", data={"username": "viewer", "password": "wrong-password", "csrf_token": "x"})
    assert r.status_code == 403  # no CSRF token, no login attempt
    token = csrf_of(client.get("/login").text)
    r = client.post("/login", data={"username": "viewer", "password": "wrong-password", "csrf_token": token})
    assert r.status_code == 401 and "wrong password" in r.text
    r = client.post(
        "/login",
        data={
            "username": "viewer",
            "password": "correct-horse-1",
            "csrf_token": token,
            "next": "https://evil.example/",
        },
    )
    assert r.status_code == 303 and r.headers["location"] == "/"  # no open redirect
    cookie = r.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=lax" in cookie


def test_web_pages_render_for_a_viewer(client: TestClient) -> None:
    login(client, "viewer")
    for url in PAGES:
        r = client.get(url)
        assert r.status_code == 200, url
        assert "script-src 'self'" in r.headers["content-security-policy"]
        assert "unsafe-inline" not in r.headers["content-security-policy"]
    page = client.get("/incidents/inc-villepinte").text
    assert 'id="review-form"' not in page and 'id="merge-form"' not in page  # viewers get no forms
    assert "Sources disagree" in page and "location.country" in page
    assert 'id="field-grades"' in page and '<td class="value">Villepinte</td>' in page
    assert '<mark class="evidence">A bomb plot against the rally in Villepinte was foiled.</mark>' in page
    assert "2 article(s), 2 outlet(s)" in page
    assert "responded by" in page  # the arrest, linked by fusion's chains


def test_web_pages_incident_list_filters(client: TestClient) -> None:
    login(client, "viewer")
    page = client.get("/incidents?type=bombing&since=2018&sort=date&agent_state=&country=").text
    assert re.findall(r'class="incident-row" data-id="([^"]+)"', page) == [
        "inc-villepinte-2",
        "inc-villepinte",
    ]
    bad = client.get("/incidents?type=nope")
    assert bad.status_code == 400 and "type must be one of" in bad.text
    assert client.get("/incidents/nope").status_code == 404


def test_web_pages_escape_untrusted_article_text(client: TestClient) -> None:
    login(client, "viewer")
    pages = (
        "/articles/xss-001",
        "/incidents/inc-surveillance-us",
        "/incidents",
        "/search?q=watched",
        "/search?q=Eve",
        "/entities",
        "/entities/p-xss",
        "/entities/ir-mois",
        "/network?entity=p-xss",
        "/sources",
        f"/sources/{_outlet_id(client, 'Evil Blog')}",
    )
    for url in pages:
        r = client.get(url)
        assert r.status_code == 200, url
        html = r.text
        for payload in (XSS_IMG, XSS_SCRIPT, XSS_NAME, XSS_TITLE):
            assert payload not in html, (url, payload)
        assert "<script>alert" not in html and "<img src=x" not in html and "<svg onload" not in html, url
    assert "&lt;svg onload=alert(2)&gt;Eve" in client.get("/entities/p-xss").text
    assert "Report &lt;script&gt;alert(3)&lt;/script&gt;" in client.get("/search?q=watched").text
    art = client.get("/articles/xss-001").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in art
    assert "&lt;img src=x onerror=alert(1)&gt;" in art
    inc = client.get("/incidents/inc-surveillance-us").text
    assert '<mark class="evidence">Agents &lt;img src=x onerror=alert(1)&gt; watched' in inc


def _outlet_id(client: TestClient, name: str) -> int:
    found = re.search(r'<a href="/sources/(\d+)">' + re.escape(name) + "<", client.get("/sources").text)
    assert found, name
    return int(found.group(1))


def test_web_pages_render_without_vendor_libraries(store: Store, tmp_path: Path) -> None:
    with TestClient(create_app(store, vendor_dir=tmp_path / "none", public_read=True)) as c:
        for url in ("/", "/timeline", "/map", "/network?entity=ir-mois", "/incidents/inc-villepinte"):
            r = c.get(url)
            assert r.status_code == 200 and 'id="vendor-missing"' in r.text, url
            assert "/static/vendor/d3.min.js" not in r.text
        assert "Incidents by type" in c.get("/").text


def test_web_pages_review_forms_need_csrf_and_role(client: TestClient) -> None:
    token = login(client, "analyst")
    assert 'id="merge-form"' in client.get("/incidents/inc-villepinte").text
    r = client.post("/incidents/inc-villepinte-2/merge", data={"into": "inc-villepinte", "csrf_token": "bad"})
    assert r.status_code == 403
    r = client.post("/incidents/inc-villepinte-2/merge", data={"into": "inc-villepinte", "csrf_token": token})
    assert r.status_code == 303 and r.headers["location"] == "/incidents/inc-villepinte?done=merged"
    page = client.get("/incidents/inc-villepinte?done=merged").text
    assert "Done: merged" in page and '<td class="action">absorb</td>' in page
    r = client.post(
        "/incidents/inc-arrest-de/edit", data={"type": "arrest", "country": "NL", "csrf_token": token}
    )
    assert r.status_code == 303
    assert "NL" in client.get("/incidents/inc-arrest-de").text
    r = client.post("/incidents/inc-arrest-de/review", data={"decision": "rejected", "csrf_token": token})
    assert r.status_code == 303
    assert "inc-arrest-de" not in client.get("/incidents").text
    assert "inc-arrest-de" in client.get("/incidents?review=rejected").text
    r = client.post("/entities/p-assadi/aliases", data={"alias": "Assadi the diplomat", "csrf_token": token})
    assert r.status_code == 303 and "Assadi the diplomat" in client.get("/entities/p-assadi").text
    r = client.post(
        "/incidents/inc-villepinte/split", data={"mention": "12|bombing|quotidien-007", "csrf_token": token}
    )
    assert r.status_code == 303 and r.headers["location"].startswith("/incidents/split-")


def test_web_pages_viewer_cannot_post_forms(client: TestClient) -> None:
    token = login(client, "viewer")
    r = client.post("/incidents/inc-arrest-de/review", data={"decision": "rejected", "csrf_token": token})
    assert r.status_code == 403 and "analyst role" in r.text
    client.post("/logout", data={"csrf_token": token})
    assert client.get("/incidents").status_code == 303
