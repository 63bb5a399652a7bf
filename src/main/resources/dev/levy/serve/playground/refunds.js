// The refunds page of the playground: entry lines pasted or uploaded, POST /v1/refunds, the per-entry table and the
// totals per path, and the CAPE files from the same endpoint (format=cape). No tariff fact and no path logic lives
// here: the service decides every entry from the rules.
"use strict";

function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }

// What the last report was worked out from, so that its downloads are of the same lines on the same day.
const last = { body: null, asOf: null };

function address(asOf, extra) {
  const params = new URLSearchParams();
  if (asOf) params.set("asOf", asOf);
  for (const [k, v] of Object.entries(extra || {})) params.set(k, v);
  const query = params.toString();
  return "/v1/refunds" + (query ? "?" + query : "");
}

async function workOut(event) {
  event.preventDefault();
  const section = document.getElementById("refunds-result");
  const body = document.getElementById("entry-lines").value;
  const asOf = document.getElementById("as-of").value;
  section.replaceChildren(el("p", { class: "muted" }, "Working out the refunds…"));
  try {
    const response = await fetch(address(asOf), { method: "POST", body,
      headers: { "Content-Type": "text/plain; charset=utf-8" } });
    const answer = await response.json();
    if (!response.ok) {
      section.replaceChildren(renderError(answer.error));
    } else {
      last.body = body;
      last.asOf = answer.asOf;
      section.replaceChildren(...renderReport(answer));
    }
  } catch (e) {
    section.replaceChildren(renderError({ code: "NETWORK", message: e.message }));
  }
  section.focus();
}

function renderError(error) {
  return el("div", { class: "error", role: "alert" },
    el("h2", {}, "Not worked out"),
    el("p", {}, el("code", {}, error.code), error.field ? " on " : "", error.field ? el("code", {}, error.field) : "",
      ": " + error.message));
}

function renderReport(r) {
  const entries = r.entries.filter(e => e.entryNumber !== null).length;
  const out = [
    el("h2", {}, "As of " + r.asOf),
    el("p", { id: "refund-counts" }, "Read " + r.read + " lines (rejected " + r.rejected + "): " + entries
      + " entries, and " + plural(r.entries.length - entries, "line") + " without an entry number. Interest "
      + r.interest
      + "."),
    el("h3", {}, "Totals per path"),
    el("table", { class: "measures", id: "totals" },
      el("thead", {}, el("tr", {}, ["Path", "Entries", "Lines", "IEEPA refund", "Other refund"]
        .map(h => el("th", { scope: "col" }, h)))),
      el("tbody", {}, Object.entries(r.totals).map(([path, t]) => el("tr", { "data-path": path },
        el("th", { scope: "row" }, path),
        el("td", { "data-label": "Entries" }, t.entries),
        el("td", { "data-label": "Lines" }, t.lines),
        el("td", { "data-label": "IEEPA refund", class: "arith" }, money(t.refundable)),
        el("td", { "data-label": "Other refund", class: "arith" }, money(t.otherRefund)))))),
    renderDownloads(r),
    el("h3", {}, "Entries"),
    el("table", { class: "measures", id: "entries" },
      el("thead", {}, el("tr", {}, ["Entry", "Lines", "Path", "IEEPA refund", "Other refund", "Deadline", "Why"]
        .map(h => el("th", { scope: "col" }, h)))),
      el("tbody", {}, r.entries.map(e => el("tr", { "data-entry": e.entryNumber || ("line-" + e.lines[0]),
          "data-path": e.path },
        el("th", { scope: "row" }, e.entryNumber || "(no entry number)"),
        el("td", { "data-label": "Lines" }, e.lines.join(", ")),
        el("td", { "data-label": "Path", class: "path" }, el("strong", {}, e.path)),
        el("td", { "data-label": "IEEPA refund", class: "arith refund" }, money(e.refundable)),
        el("td", { "data-label": "Other refund", class: "arith" }, money(e.otherRefund)),
        el("td", { "data-label": "Deadline", class: "deadline" }, e.deadline || "none"),
        el("td", { "data-label": "Why" }, el("p", { class: "reason" }, e.reason),
          e.citation ? el("p", { class: "cite" }, e.citation) : null)))))
  ];
  if (r.rejectedLines.length) {
    out.push(el("h3", {}, "Rejected lines"),
      el("ul", { id: "rejected", class: "not-applied" }, r.rejectedLines.map(x => el("li", { "data-line": x.line },
        "Line " + x.line + (x.entryNumber ? " (entry " + x.entryNumber + ")" : "") + ": ",
        el("code", {}, x.error.code), x.error.field ? " on " : "", x.error.field ? el("code", {}, x.error.field) : "",
        ": " + x.error.message))));
  }
  return out;
}

function renderDownloads(r) {
  const box = el("div", { id: "downloads" }, el("h3", {}, "CAPE files"));
  if (!r.capeFiles.length) {
    box.append(el("p", { class: "muted" }, "No entry goes to CAPE as of " + r.asOf + "."));
  } else {
    box.append(el("p", { class: "muted" }, "One CAPE declaration per file, each uploaded in the ACE Portal."));
  }
  const actions = el("div", { class: "actions" });
  for (const f of r.capeFiles) {
    actions.append(el("button", { type: "button", class: "secondary", "data-download": f.name, "data-file": f.file },
      "Download " + f.name + " (" + f.entries + " entries)"));
  }
  actions.append(el("button", { type: "button", class: "secondary", "data-download": "cape-" + r.asOf + ".zip" },
    "Download everything (zip: entries.jsonl and the CAPE files)"));
  box.append(actions, el("ul", { id: "saved", class: "muted" }));
  box.addEventListener("click", download);
  return box;
}

async function download(event) {
  const button = event.target.closest("button[data-download]");
  if (!button) return;
  const name = button.dataset.download;
  const extra = { format: "cape" };
  if (button.dataset.file) extra.file = button.dataset.file;
  const response = await fetch(address(last.asOf, extra), { method: "POST", body: last.body,
    headers: { "Content-Type": "text/plain; charset=utf-8" } });
  if (!response.ok) {
    document.getElementById("saved").append(el("li", { role: "alert" }, name + " could not be made: "
      + (await response.json()).error.message));
    return;
  }
  const link = el("a", { href: URL.createObjectURL(await response.blob()), download: name, "data-saved": name },
    name);
  document.getElementById("saved").append(el("li", {}, "Saved ", link));
  link.click();
}

async function readUpload() {
  const file = document.getElementById("entry-file").files[0];
  if (file) document.getElementById("entry-lines").value = await file.text();
}

document.getElementById("refunds-form").addEventListener("submit", workOut);
document.getElementById("entry-file").addEventListener("change", readUpload);
