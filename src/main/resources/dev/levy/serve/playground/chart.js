// The timeline chart: a step line of the shipment's total rate over the span GET /v1/timeline gives, drawn as inline
// SVG, with each change marked and labelled by its date and instrument, the periods resting on sources of medium
// confidence hatched, and the same changes listed below as text.
"use strict";

const LevyChart = (() => {
  const SVG = "http://www.w3.org/2000/svg";
  const H = 330, LEFT = 52, RIGHT = 20, TOP = 78, BOTTOM = 40, ROWS = 3;
  let W = 800; // the width it is drawn at, in CSS pixels, so that its text keeps its size on a phone
  const DAY = 86400000, MAX_LABEL = 44, CHAR_WIDTH = 7.1;

  function svg(tag, attrs, ...children) {
    const node = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    for (const c of children) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    return node;
  }

  function html(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    for (const c of children.flat()) node.append(c instanceof Node ? c : String(c));
    return node;
  }

  function day(iso) {
    const [y, m, d] = iso.split("-").map(Number);
    return Date.UTC(y, m - 1, d);
  }

  /** The instrument of a citation, for a label: its first clause, without Federal Register references. */
  function instrument(citation) {
    const text = (citation || "").split(";")[0].replace(/\s*\([^)]*\)/g, "").replace(/\s+,/g, ",").trim();
    return text.length > MAX_LABEL ? text.slice(0, MAX_LABEL - 1).trimEnd() + "…" : text;
  }

  function describe(change, percent) {
    const at = change.heading ? " (" + change.heading + ")" : "";
    if (change.kind === "starts") return change.program + " starts at " + percent(change.rateAfter) + at;
    if (change.kind === "ends") return change.program + " ends (was " + percent(change.rateBefore) + ")" + at;
    return change.program + " goes from " + percent(change.rateBefore) + " to " + percent(change.rateAfter) + at;
  }

  function scales(t) {
    const start = day(t.from), end = day(t.to) + DAY;
    const top = Math.max(10, Math.ceil(Math.max(...t.periods.map(p => Number(p.totalRate))) / 10) * 10);
    return {
      x: iso => LEFT + (day(iso) - start) / (end - start) * (W - LEFT - RIGHT),
      xEnd: iso => LEFT + (day(iso) + DAY - start) / (end - start) * (W - LEFT - RIGHT),
      y: rate => TOP + (1 - Number(rate) / top) * (H - TOP - BOTTOM),
      top, start, end,
    };
  }

  function axes(s, percent) {
    const g = svg("g", { class: "axes" });
    for (let i = 0; i <= 4; i++) {
      const rate = s.top * i / 4, y = s.y(rate);
      g.append(svg("line", { x1: LEFT, x2: W - RIGHT, y1: y, y2: y, class: "grid" }),
        svg("text", { x: LEFT - 6, y: y + 4, "text-anchor": "end" }, percent(rate)));
    }
    const first = new Date(s.start);
    const narrow = (W - LEFT - RIGHT) / ((s.end - s.start) / DAY / 30.4) < 32;
    for (let m = Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), 1); m < s.end;
         m = Date.UTC(new Date(m).getUTCFullYear(), new Date(m).getUTCMonth() + 1, 1)) {
      if (m < s.start) continue;
      const x = s.x(new Date(m).toISOString().slice(0, 10));
      const label = new Date(m).toLocaleString("en-US", { month: narrow ? "narrow" : "short", timeZone: "UTC" });
      g.append(svg("line", { x1: x, x2: x, y1: H - BOTTOM, y2: H - BOTTOM + 5, class: "tick" }),
        svg("text", { x: x + 3, y: H - BOTTOM + 18 }, label));
    }
    g.append(svg("line", { x1: LEFT, x2: W - RIGHT, y1: H - BOTTOM, y2: H - BOTTOM, class: "axis" }));
    return g;
  }

  function stepLine(t, s) {
    let d = "";
    t.periods.forEach((p, i) => {
      d += (i === 0 ? "M" : "L") + s.x(p.from).toFixed(1) + "," + s.y(p.totalRate).toFixed(1);
      d += "L" + s.xEnd(p.to).toFixed(1) + "," + s.y(p.totalRate).toFixed(1);
    });
    const last = t.periods[t.periods.length - 1];
    const area = d + "L" + s.xEnd(last.to).toFixed(1) + "," + s.y(0) + "L" + s.x(t.periods[0].from).toFixed(1)
      + "," + s.y(0) + "Z";
    return [svg("path", { d: area, class: "area" }), svg("path", { d, class: "line" })];
  }

  /**
   * The periods whose measures rest on a source of medium confidence (their "confidence": "medium"), hatched under the
   * line, and a legend that says what the hatching means; nothing when every period rests on primary text.
   */
  function medium(t, s) {
    const periods = t.periods.filter(p => p.confidence === "medium");
    if (!periods.length) return [];
    const g = svg("g", { class: "medium", id: "medium-periods" },
      svg("defs", {}, svg("pattern", { id: "hatch", width: 6, height: 6, patternUnits: "userSpaceOnUse",
        patternTransform: "rotate(45)" }, svg("line", { x1: 0, y1: 0, x2: 0, y2: 6, class: "hatch-line" }))));
    for (const p of periods) {
      const x = s.x(p.from), top = s.y(p.totalRate);
      g.append(svg("rect", { x: x.toFixed(1), y: top.toFixed(1), width: (s.xEnd(p.to) - x).toFixed(1),
        height: (s.y(0) - top).toFixed(1), fill: "url(#hatch)", class: "medium-period", "data-from": p.from },
        svg("title", {}, p.from + " to " + p.to + ": medium confidence (rests on secondary sources, not primary text)")));
    }
    const legendX = W - RIGHT - 145, legendY = H - 3;
    g.append(svg("g", { class: "legend", id: "medium-legend" },
      svg("rect", { x: legendX, y: legendY - 10, width: 14, height: 12, fill: "url(#hatch)", class: "medium-period" }),
      svg("text", { x: legendX + 20, y: legendY }, "medium confidence")));
    return [g];
  }

  function markers(changes, s, percent) {
    const g = svg("g", { class: "markers" });
    changes.forEach((c, i) => {
      const x = s.x(c.period.from), row = i % ROWS, y = 16 + row * 20;
      const fits = Math.floor((W - 8) / CHAR_WIDTH);
      let label = (i + 1) + ". " + c.period.from + " · "
        + (instrument(c.period.changes[0] && c.period.changes[0].citation) || "rate " + percent(c.period.totalRate));
      if (label.length > fits) label = label.slice(0, fits - 1).trimEnd() + "…";
      const textX = Math.max(4, Math.min(x + 4, W - RIGHT - label.length * CHAR_WIDTH));
      g.append(svg("g", { class: "marker", "data-date": c.period.from },
        svg("title", {}, c.period.from + ": " + c.text),
        svg("line", { x1: x, x2: x, y1: y + 4, y2: H - BOTTOM, class: "change" }),
        svg("circle", { cx: x, cy: s.y(c.period.totalRate), r: 4 }),
        svg("text", { x: textX.toFixed(1), y, class: "label" }, label)));
    });
    return g;
  }

  function list(changes) {
    return html("ol", { class: "changes", id: "changes" }, changes.map(c =>
      html("li", { "data-date": c.period.from }, html("strong", {}, c.period.from), ": " + c.text,
        html("p", { class: "cite" }, c.citations))));
  }

  /** A heading, the chart (drawn {@code width} pixels wide) and the list of changes of GET /v1/timeline. */
  function render(t, money, percent, width) {
    W = Math.round(Math.max(300, Math.min(800, width || 800)));
    const frag = document.createDocumentFragment();
    frag.append(html("h2", { id: "chart-h" }, "Total rate, entries " + t.from + " to " + t.to));
    if (!t.periods.length) {
      frag.append(html("p", {}, "No period to show."));
      return frag;
    }
    const s = scales(t);
    const changes = t.periods.slice(1).map((p, i) => ({
      period: p,
      text: (p.changes.length ? p.changes.map(c => describe(c, percent)).join("; ")
        : p.confidence !== t.periods[i].confidence
          ? (p.confidence === "medium" ? "the measures now rest on sources of medium confidence"
            : "the measures no longer rest on sources of medium confidence")
          : "the measures change")
        + "; total rate " + percent(t.periods[i].totalRate) + " → " + percent(p.totalRate),
      citations: [...new Set(p.changes.map(c => c.citation))].join("; "),
    }));
    const desc = "HTS " + t.hts + " from " + t.origin + ", value " + money(t.value) + ": the total rate starts at "
      + percent(t.periods[0].totalRate) + " and changes " + changes.length + " times, listed below the chart.";
    frag.append(html("figure", {},
      svg("svg", { viewBox: "0 0 " + W + " " + H, role: "img", "aria-labelledby": "chart-title chart-desc",
        class: "timeline", id: "timeline-svg" },
        svg("title", { id: "chart-title" }, "Total rate of the shipment by entry date"),
        svg("desc", { id: "chart-desc" }, desc),
        axes(s, percent), ...stepLine(t, s), ...medium(t, s), markers(changes, s, percent)),
      html("figcaption", { class: "muted" }, desc)));
    const mediumCount = t.periods.filter(p => p.confidence === "medium").length;
    if (mediumCount) {
      frag.append(html("p", { class: "muted", id: "medium-note" }, "Hatched: " + mediumCount
        + (mediumCount === 1 ? " period whose" : " periods whose") + " measures rest on sources of medium confidence "
        + "(secondary sources, not primary text)."));
    }
    frag.append(html("h3", {}, "Changes"), changes.length ? list(changes) : html("p", {}, "None in this span."));
    return frag;
  }

  return { render };
})();
