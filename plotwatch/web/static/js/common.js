// Shared helpers for the page scripts (no inline scripts: the CSP forbids them).
"use strict";
window.plotwatch = {
  data() {
    const el = document.getElementById("page-data");
    return el ? JSON.parse(el.textContent) : null;
  },
  parseDate(s) {
    if (!s) return null;
    const [y, m, d] = s.split("-").map(Number);
    return new Date(Date.UTC(y, (m || 1) - 1, d || (m ? 15 : 182)));
  },
  go(url) { window.location.href = url; },
  colour: null,
};
