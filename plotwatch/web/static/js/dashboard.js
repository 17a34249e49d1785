// Dashboard bar charts drawn from the stats embedded in the page.
"use strict";
(function () {
  const data = plotwatch.data();
  document.querySelectorAll(".chart").forEach((el) => {
    const key = el.dataset.key, param = el.dataset.param;
    const entries = Object.entries(data[key] || {}).filter(([k]) => k !== "?").slice(0, 20);
    if (!entries.length) return;
    if (key === "incidents_by_year") entries.sort((a, b) => a[0].localeCompare(b[0]));
    const w = 460, bar = 18, left = 130, h = entries.length * bar + 10;
    const x = d3.scaleLinear().domain([0, d3.max(entries, (e) => e[1])]).range([0, w - left - 40]);
    const svg = d3.select(el).append("svg").attr("viewBox", `0 0 ${w} ${h}`).attr("role", "img");
    const g = svg.selectAll("g").data(entries).join("g").attr("transform", (d, i) => `translate(0,${i * bar + 4})`);
    g.append("text").attr("x", left - 6).attr("y", bar / 2).attr("dy", "0.1em").attr("text-anchor", "end")
      .attr("font-size", 11).text((d) => d[0]);
    g.append("rect").attr("class", "bar").attr("x", left).attr("height", bar - 4).attr("width", (d) => Math.max(1, x(d[1])))
      .on("click", (ev, d) => plotwatch.go(`/incidents?${param}=${encodeURIComponent(d[0])}` +
        (param === "since" ? `&until=${encodeURIComponent(d[0])}` : "")))
      .append("title").text((d) => `${d[0]}: ${d[1]}`);
    g.append("text").attr("x", (d) => left + x(d[1]) + 4).attr("y", bar / 2).attr("dy", "0.1em").attr("font-size", 11)
      .text((d) => d[1]);
    el.parentElement.classList.add("has-chart");
  });
})();
