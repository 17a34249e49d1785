// The incident page: one pin (or the country's centre when only the country is known).
"use strict";
(function () {
  const el = document.getElementById("pin-map");
  if (!el) return;
  const pin = JSON.parse(el.dataset.pin);
  if (pin.lat == null && !pin.numeric) return;
  const counts = {};
  if (pin.numeric) counts[pin.numeric] = 1;
  plotwatchMap(el, { width: 420, height: 240, pins: [pin], counts: counts, focus: 4, r: 6 });
})();
