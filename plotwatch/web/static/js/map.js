// The map page: pins at coordinates, countries shaded by incident count.
"use strict";
(function () {
  const data = plotwatch.data();
  const counts = {};
  data.countries.forEach((c) => { if (c.numeric) counts[c.numeric] = c.count; });
  plotwatchMap(document.getElementById("map"), { pins: data.pins, counts: counts });
})();
