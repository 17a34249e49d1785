// Interactive network: force layout; click an actor to expand it by one hop.
"use strict";
(function () {
  const data = plotwatch.data();
  const el = document.getElementById("network");
  if (!data || !el) return;
  const params = new URLSearchParams(window.location.search);
  const types = params.getAll("types").filter(Boolean);
  const w = 1100, h = 700;
  const nodes = new Map(), links = new Map();
  const colour = (n) => n.group === "incident" ? "#8a1c1c" : ({ person: "#476f9c", agency: "#6a4c93",
    ministry: "#6a4c93", unit: "#6a4c93", group: "#2e7d32", state: "#b55b1e", police: "#1f7a8c",
    court: "#1f7a8c" }[n.type] || "#777");
  const ref = (n) => n.ref || String(n.id).replace(/^[ei]:/, "");
  function add(g) {
    g.nodes.forEach((n) => { if (!nodes.has(n.id)) nodes.set(n.id, { ...n }); });
    g.edges.forEach((e) => { const k = `${e.source}|${e.target}|${e.type}`;
      if (!links.has(k)) links.set(k, { source: e.source, target: e.target, type: e.type }); });
  }
  add(data);
  const svg = d3.select(el).append("svg").attr("viewBox", `0 0 ${w} ${h}`);
  const root = svg.append("g");
  svg.call(d3.zoom().scaleExtent([0.2, 6]).on("zoom", (ev) => root.attr("transform", ev.transform)));
  let linkSel = root.append("g").selectAll("line"), nodeSel = root.append("g").selectAll("g");
  const sim = d3.forceSimulation().force("charge", d3.forceManyBody().strength(-160))
    .force("link", d3.forceLink().id((d) => d.id).distance(60))
    .force("center", d3.forceCenter(w / 2, h / 2)).force("collide", d3.forceCollide(14));
  function render() {
    const ns = [...nodes.values()], ls = [...links.values()];
    linkSel = linkSel.data(ls, (d) => `${d.source.id || d.source}|${d.target.id || d.target}|${d.type}`)
      .join("line").attr("class", "link");
    linkSel.selectAll("title").data((d) => [d]).join("title").text((d) => d.type);
    nodeSel = nodeSel.data(ns, (d) => d.id).join((enter) => {
      const g = enter.append("g").attr("class", (d) => `node ${d.group}`).attr("data-id", (d) => d.id);
      g.append("circle").attr("r", (d) => d.id === data.center ? 11 : d.group === "incident" ? 6 : 8)
        .attr("fill", colour);
      g.append("text").attr("x", 10).attr("dy", "0.3em").text((d) => (d.label || d.id).slice(0, 40));
      g.append("title").text((d) => `${d.label} (${d.type || d.group})`);
      g.on("click", (ev, d) => expand(d)).on("dblclick", (ev, d) => plotwatch.go(
        d.group === "incident" ? `/incidents/${encodeURIComponent(ref(d))}` : `/entities/${encodeURIComponent(ref(d))}`));
      g.call(d3.drag().on("start", (ev, d) => { if (!ev.active) sim.alphaTarget(0.3).restart(); d.fx = d.x; d.fy = d.y; })
        .on("drag", (ev, d) => { d.fx = ev.x; d.fy = ev.y; })
        .on("end", (ev, d) => { if (!ev.active) sim.alphaTarget(0); d.fx = null; d.fy = null; }));
      return g;
    });
    sim.nodes(ns).on("tick", () => {
      linkSel.attr("x1", (d) => d.source.x).attr("y1", (d) => d.source.y)
        .attr("x2", (d) => d.target.x).attr("y2", (d) => d.target.y);
      nodeSel.attr("transform", (d) => `translate(${d.x},${d.y})`);
    });
    sim.force("link").links(ls);
    sim.alpha(0.8).restart();
  }
  async function expand(d) {
    if (d.group !== "entity" || d.expanded) return;
    d.expanded = true;
    const q = new URLSearchParams({ entity: ref(d), hops: "1" });
    if (types.length) q.set("types", types.join(","));
    const r = await fetch(`/api/v1/network?${q}`, { credentials: "same-origin" });
    if (r.ok) { add(await r.json()); render(); }
    el.dataset.nodes = String(nodes.size);
  }
  render();
  el.dataset.nodes = String(nodes.size);
})();
