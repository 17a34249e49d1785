// Offline world map from world-atlas (TopoJSON) with d3-geo; shared by the map and incident pages.
"use strict";
window.plotwatchMap = async function (el, opts) {
  const w = opts.width || 960, h = opts.height || 500;
  const world = await (await fetch("/static/vendor/countries-110m.json")).json();
  const land = topojson.feature(world, world.objects.countries);
  const projection = d3.geoNaturalEarth1().fitSize([w, h], { type: "Sphere" });
  const path = d3.geoPath(projection);
  const svg = d3.select(el).append("svg").attr("viewBox", `0 0 ${w} ${h}`).attr("role", "img");
  const g = svg.append("g");
  const counts = opts.counts || {};
  g.selectAll("path").data(land.features).join("path")
    .attr("class", (f) => "land" + (counts[String(+f.id)] ? " hit" : "")).attr("d", path)
    .append("title").text((f) => f.properties.name + (counts[String(+f.id)] ? `: ${counts[String(+f.id)]}` : ""));
  const byId = new Map(land.features.map((f) => [String(+f.id), f]));
  const pins = (opts.pins || []).map((p) => {
    if (p.lat != null && p.lon != null) return { ...p, xy: projection([p.lon, p.lat]), approx: false };
    const f = byId.get(String(p.numeric));
    return f ? { ...p, xy: path.centroid(f), approx: true } : null;
  }).filter((p) => p && p.xy && isFinite(p.xy[0]));
  const dots = g.selectAll("circle").data(pins).join("circle")
    .attr("class", (p) => "pin" + (p.approx ? " approx" : "")).attr("r", opts.r || 4)
    .attr("cx", (p) => p.xy[0]).attr("cy", (p) => p.xy[1])
    .on("click", (ev, p) => p.id && plotwatch.go(`/incidents/${encodeURIComponent(p.id)}`));
  dots.append("title").text((p) => p.label || `${p.date || ""} ${p.type} ${p.place || p.country || ""}`);
  const zoom = d3.zoom().scaleExtent([1, 40]).on("zoom", (ev) => {
    g.attr("transform", ev.transform);
    dots.attr("r", (opts.r || 4) / Math.sqrt(ev.transform.k));
  });
  svg.call(zoom);
  if (opts.focus && pins.length) {
    const [x, y] = pins[0].xy, k = opts.focus;
    svg.call(zoom.transform, d3.zoomIdentity.translate(w / 2 - k * x, h / 2 - k * y).scale(k));
  }
  return svg;
};
