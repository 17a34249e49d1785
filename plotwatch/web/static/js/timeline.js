// Zoomable timeline: one row per incident type, a dot per dated incident.
"use strict";
(function () {
  const data = plotwatch.data();
  const el = document.getElementById("timeline");
  const pts = data.points.map((p) => ({ ...p, t: plotwatch.parseDate(p.date) })).filter((p) => p.t);
  if (!pts.length) { el.textContent = "No dated incident matches these filters."; return; }
  const types = data.types.filter((t) => pts.some((p) => p.type === t));
  const w = 1200, row = 26, top = 10, left = 140, h = top + types.length * row + 30;
  const svg = d3.select(el).append("svg").attr("viewBox", `0 0 ${w} ${h}`);
  const extent = d3.extent(pts, (p) => p.t);
  const pad = 1000 * 3600 * 24 * 120;
  const x0 = d3.scaleUtc().domain([new Date(+extent[0] - pad), new Date(+extent[1] + pad)]).range([left, w - 10]);
  const y = d3.scaleBand().domain(types).range([top, top + types.length * row]);
  const colour = d3.scaleOrdinal(d3.schemeTableau10).domain(types);
  svg.append("g").selectAll("text").data(types).join("text").attr("class", "row-label")
    .attr("x", left - 8).attr("y", (t) => y(t) + row / 2).attr("dy", "0.3em").attr("text-anchor", "end").text((t) => t);
  svg.append("defs").append("clipPath").attr("id", "clip").append("rect")
    .attr("x", left).attr("y", 0).attr("width", w - left - 10).attr("height", h);
  const axis = svg.append("g").attr("transform", `translate(0,${top + types.length * row + 4})`);
  const dots = svg.append("g").attr("clip-path", "url(#clip)").selectAll("circle").data(pts).join("circle")
    .attr("class", "dot").attr("r", 5).attr("fill", (p) => colour(p.type))
    .attr("cy", (p) => y(p.type) + row / 2 + (((p.id.charCodeAt(p.id.length - 1) % 5) - 2) * 2))
    .on("click", (ev, p) => plotwatch.go(`/incidents/${encodeURIComponent(p.id)}`));
  dots.append("title").text((p) => `${p.date} ${p.type}${p.status ? " (" + p.status + ")" : ""} ${p.country || ""}`);
  function draw(x) {
    dots.attr("cx", (p) => x(p.t));
    axis.call(d3.axisBottom(x).ticks(10));
  }
  draw(x0);
  svg.call(d3.zoom().scaleExtent([1, 400]).translateExtent([[left, 0], [w, h]]).extent([[left, 0], [w, h]])
    .on("zoom", (ev) => draw(ev.transform.rescaleX(x0))));
})();
