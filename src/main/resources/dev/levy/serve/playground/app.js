// The Levy playground: a form for one shipment, its result from POST /v1/evaluate, and its rate across the period
// the rules cover from GET /v1/timeline. No tariff fact lives here: programs, declarations, transport modes and dates
// all come from GET /v1/rules.
"use strict";

const FIELDS = ["hts", "origin", "entryDate", "entryTime", "value", "usContent", "metalContent.steel",
  "metalContent.aluminum", "metalContent.copper", "loadedDate", "transport", "spi", "quantity.amount",
  "quantity.unit"];
const NUMBERS = new Set(["value", "usContent", "metalContent.steel", "metalContent.aluminum", "metalContent.copper",
  "quantity.amount"]);
const NOT_IN_TIMELINE = new Set(["entryDate", "entryTime"]);
// Which law to read, from the page's address (?asKnown=YYYY-MM-DD, ?scenario=NAME): passed on to both endpoints.
const VIEW_PARAMS = ["asKnown", "scenario"];

function viewParams() {
  const from = new URLSearchParams(window.location.search);
  const params = new URLSearchParams();
  for (const name of VIEW_PARAMS) {
    if (from.get(name)) params.set(name, from.get(name));
  }
  return params;
}

const state = { rules: null, ruleByName: new Map() };

function percent(n) { return String(Number(n)) + "%"; }

// ---- rules: what the form offers -------------------------------------------------------------------------------

async function loadRules() {
  const info = document.getElementById("rules-info");
  try {
    const response = await fetch("/v1/rules");
    if (!response.ok) throw new Error("GET /v1/rules answered " + response.status);
    const rules = await response.json();
    state.rules = rules;
    for (const r of rules.rules) state.ruleByName.set(r.name, r);
    info.textContent = rules.name + " · entries " + rules.coversFrom + " to " + rules.coversTo + " · "
      + rules.rules.length + " rules · " + rules.version;
    fillForm(rules);
  } catch (e) {
    info.textContent = "The rules could not be loaded: " + e.message;
    info.classList.add("error");
  }
}

function fillForm(rules) {
  for (const id of ["entryDate", "loadedDate"]) {
    document.getElementById(id).min = rules.coversFrom;
    document.getElementById(id).max = rules.coversTo;
  }
  const transport = document.getElementById("transport");
  for (const t of rules.transports) transport.append(el("option", { value: t }, t));
  const box = document.getElementById("declarations");
  for (const d of rules.declarations) {
    const id = "declaration-" + d.name;
    box.append(el("div", { class: "check" },
      el("input", { type: "checkbox", id, name: "declarations", value: d.name, "aria-describedby": id + "-meaning" }),
      el("label", { for: id }, el("code", {}, d.name)),
      el("small", { id: id + "-meaning" }, d.meaning)));
  }
  const years = [rules.coversFrom.slice(0, 4), rules.coversTo.slice(0, 4)];
  const span = years[0] === years[1] ? years[0] : years.join("–");
  document.getElementById("show-chart").textContent = "Show the total rate across " + span;
}

// ---- the shipment ----------------------------------------------------------------------------------------------

/** The form's shipment as the contract's fields, leaving out what is empty. */
function formFields() {
  const fields = {};
  for (const name of FIELDS) {
    const v = document.getElementById(name).value.trim();
    if (v !== "") fields[name] = v;
  }
  const declared = [...document.querySelectorAll("input[name=declarations]:checked")].map(c => c.value);
  if (declared.length) fields.declarations = declared;
  return fields;
}

/** The contract's JSON object: nested metal content and quantity, numbers as numbers. */
function shipmentJson(fields) {
  const out = {};
  for (const [name, v] of Object.entries(fields)) {
    const value = NUMBERS.has(name) && v !== "" && !isNaN(Number(v)) ? Number(v) : v;
    const [head, tail] = name.split(".");
    if (tail) (out[head] = out[head] || {})[tail] = value;
    else out[head] = value;
  }
  return out;
}

function clearFieldErrors() {
  for (const node of document.querySelectorAll("[aria-invalid]")) node.removeAttribute("aria-invalid");
}

function markField(field) {
  if (!field) return;
  const input = document.getElementById(field) || document.getElementById(field + ".amount")
    || document.getElementById(field + ".steel");
  if (input) {
    input.setAttribute("aria-invalid", "true");
    if (input.closest("details")) input.closest("details").open = true;
  }
}

async function evaluate(event) {
  event.preventDefault();
  clearFieldErrors();
  const section = document.getElementById("result");
  section.replaceChildren(el("p", { class: "muted" }, "Evaluating…"));
  try {
    const view = viewParams().toString();
    const response = await fetch("/v1/evaluate" + (view ? "?" + view : ""), {
      method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify(shipmentJson(formFields())),
    });
    const body = await response.json();
    section.replaceChildren(body.error ? renderError(body.error) : renderResult(body));
  } catch (e) {
    section.replaceChildren(renderError({ code: "NETWORK", message: e.message }));
  }
  section.focus();
}

// ---- the result ------------------------------------------------------------------------------------------------

function renderError(error) {
  markField(error.field);
  return el("div", { class: "error", role: "alert" },
    el("h2", {}, "Not evaluated"),
    el("p", {}, el("code", {}, error.code), error.field ? " on " : "", error.field ? el("code", {}, error.field) : "",
      ": " + error.message));
}

function renderResult(r) {
  const frag = document.createDocumentFragment();
  frag.append(el("h2", {}, "Result"), r.view ? renderView(r.view) : "",
    el("p", { class: "total", id: "total" },
      "Total duty ", el("strong", {}, money(r.totalDuty)), " = ",
      el("strong", { id: "total-rate" }, percent(r.totalRate)), " of " + money(r.value)),
    renderRefundable(r),
    el("p", { class: "muted" }, "HTS " + r.hts + ", origin " + r.origin + ", entered " + r.entryDate),
    renderMeasures(r.measures), renderNotApplied(r.notApplied), renderTrace(r.trace));
  return frag;
}

/**
 * What a court's holding makes refundable (contract v1.1 `refundable`): the duty less what the entry owes once the
 * measures held unlawful are removed and the rest recomputed.
 */
function renderRefundable(r) {
  const cents = Math.round(Number(r.refundable) * 100);
  const owedCents = Math.round(Number(r.totalDuty) * 100) - cents; // whole cents: no binary fractions shown
  return el("p", { class: cents > 0 ? "refundable" : "muted", id: "refundable" },
    "Refundable ", el("strong", {}, money(r.refundable)),
    cents > 0 ? ": owed " + money(owedCents / 100) + " once the measures held unlawful are removed and the rest recomputed"
      : "");
}

/** Which law the result read, when it is not the final schedule: first, so that no one takes it for what is owed. */
function renderView(view) {
  const text = !view.scenario ? "Law as known on " + view.asKnown + " (not the final schedule)"
    : "Scenario: " + view.scenario + " (a what-if, not the law as assessed)"
      + (view.asKnown ? ", on the law as known on " + view.asKnown : "");
  return el("p", { class: "view", id: "view", role: "note" }, text);
}

function renderMeasures(measures) {
  const rows = measures.map(m => el("tr", { "data-program": m.program, class: m.invalidated ? "invalidated" : "" },
    el("th", { scope: "row", "data-label": "Program" }, el("code", {}, m.program),
      m.invalidated ? el("div", { class: "held" }, "held unlawful") : null,
      m.confidence ? el("div", { class: "medium" }, "medium confidence") : null),
    el("td", { "data-label": "Heading" }, m.heading),
    el("td", { "data-label": "Arithmetic", class: "arith" },
      percent(m.rate) + " × " + money(m.basis) + " = ", el("strong", {}, money(m.amount)),
      m.specific ? el("div", { class: "muted" }, m.specific) : null),
    el("td", { "data-label": "Citation" }, m.citation,
      m.invalidated ? el("p", { class: "cite held" }, "Held unlawful: " + m.invalidated) : null)));
  return el("section", { "aria-labelledby": "measures-h" },
    el("h3", { id: "measures-h" }, "Measures, in CBP reporting order"),
    el("table", { class: "measures" },
      el("thead", {}, el("tr", {}, ["Program", "Heading", "Rate × basis = amount", "Citation"]
        .map(h => el("th", { scope: "col" }, h)))),
      el("tbody", {}, rows)));
}

function renderNotApplied(list) {
  if (!list.length) return el("section", {}, el("h3", {}, "Not applied"), el("p", { class: "muted" }, "Nothing."));
  return el("section", { "aria-labelledby": "not-applied-h" },
    el("h3", { id: "not-applied-h" }, "Not applied, and why"),
    el("ul", { class: "not-applied" }, list.map(n => el("li", {},
      el("code", {}, n.program), n.heading ? " " + n.heading : "",
      n.basis !== undefined ? " (on " + money(n.basis) + " of the value)" : "",
      n.confidence ? el("span", { class: "medium" }, " medium confidence") : "",
      el("p", {}, n.reason), el("p", { class: "cite" }, n.citation)))));
}

function renderTrace(trace) {
  return el("details", { class: "trace" },
    el("summary", {}, "Trace: " + trace.length + " rules fired"),
    el("ol", {}, trace.map(t => {
      const rule = state.ruleByName.get(t.rule);
      return el("li", {},
        el("strong", {}, t.rule), rule ? el("span", { class: "muted" }, " " + rule.file + ":" + rule.line) : "",
        el("p", {}, t.message), el("p", { class: "cite" }, t.citation));
    })));
}

// ---- the chart -------------------------------------------------------------------------------------------------

async function showChart() {
  clearFieldErrors();
  const section = document.getElementById("chart");
  section.replaceChildren(el("p", { class: "muted" }, "Drawing the timeline…"));
  const params = viewParams();
  for (const [name, v] of Object.entries(formFields())) {
    if (NOT_IN_TIMELINE.has(name)) continue;
    if (Array.isArray(v)) v.forEach(x => params.append(name, x));
    else params.append(name, v);
  }
  try {
    const response = await fetch("/v1/timeline?" + params.toString());
    const body = await response.json();
    section.replaceChildren(body.error ? renderError(body.error) : LevyChart.render(body, money, percent,
      section.clientWidth - 34));
  } catch (e) {
    section.replaceChildren(renderError({ code: "NETWORK", message: e.message }));
  }
  section.focus();
}

// ---- shareable links: the form's fields in the address -----------------------------------------------------------

/** Fills the form from the address (?hts=...&origin=...&chart=1), then evaluates and draws as asked. */
function fromAddress() {
  const params = new URLSearchParams(window.location.search);
  for (const name of FIELDS) {
    if (params.has(name)) document.getElementById(name).value = params.get(name);
  }
  for (const d of params.getAll("declarations")) {
    const box = document.getElementById("declaration-" + d);
    if (box) box.checked = true;
  }
  if (params.has("hts")) document.getElementById("evaluate").click();
  if (params.get("chart") === "1") showChart();
}

function toAddress() {
  const params = viewParams();
  for (const [name, v] of Object.entries(formFields())) {
    [].concat(v).forEach(x => params.append(name, x));
  }
  history.replaceState(null, "", "?" + params.toString());
}

document.getElementById("shipment-form").addEventListener("submit", evaluate);
document.getElementById("shipment-form").addEventListener("submit", toAddress);
document.getElementById("show-chart").addEventListener("click", showChart);
loadRules().then(fromAddress);
