// The Abacus control tower: vanilla JS over the /v1 API, charts drawn as SVG by hand.
"use strict";
const $ = (s) => document.querySelector(s);
const state = { key: localStorage.getItem("abacus_key") || "", auth: false, conversation: newId(), plan: null, loaded: {} };

function newId() { return "web-" + Math.random().toString(36).slice(2, 12); }
function esc(s) { return String(s).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c])); }
function fmt(v) {
  if (v === null || v === undefined) return "—";
  if (typeof v === "number") {
    if (Number.isInteger(v)) return v.toLocaleString("en-US");
    const a = Math.abs(v);
    return v.toLocaleString("en-US", { maximumFractionDigits: a >= 100 ? 1 : a >= 1 ? 2 : 4 });
  }
  if (typeof v === "object") return JSON.stringify(v);
  return String(v);
}

async function api(path, body) {
  const headers = { "content-type": "application/json" };
  if (state.key) headers.authorization = "Bearer " + state.key;
  const res = await fetch(path, { method: body === undefined ? "GET" : "POST", headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const data = await res.json().catch(() => ({ error: { code: "internal", message: "bad response" } }));
  if (!res.ok) {
    if (res.status === 401) $("#keybox").hidden = false;
    throw new Error((data.error && data.error.message) || res.statusText);
  }
  return data;
}

// ---------- tabs
document.querySelectorAll("nav button").forEach((b) => b.addEventListener("click", () => show(b.dataset.view)));
function show(view) {
  document.querySelectorAll("nav button").forEach((b) => b.classList.toggle("active", b.dataset.view === view));
  document.querySelectorAll(".view").forEach((v) => v.classList.toggle("active", v.id === "view-" + view));
  if (view === "alerts" && !state.loaded.alerts) { state.loaded.alerts = true; loadAlerts(); }
  if (view === "network" && !state.loaded.network) { state.loaded.network = true; runNetwork([]); }
  if (view === "funds" && !state.loaded.funds) { state.loaded.funds = true; runScreen(); }
}

// ---------- tables
function tableHtml(columns, rows, opts = {}) {
  const numeric = columns.map((_, i) => rows.some((r) => typeof r[i] === "number") && !opts.html);
  const head = "<thead><tr>" + columns.map((c, i) => `<th data-col="${i}" class="${numeric[i] || (opts.html && i > 2) ? "" : "text"}">${esc(c)}</th>`).join("") + "</tr></thead>";
  const body = "<tbody>" + rows.map((r, ri) => `<tr data-row="${ri}">` + r.map((v) => `<td class="${typeof v === "number" ? "" : "text"}">${opts.html ? v : esc(fmt(v))}</td>`).join("") + "</tr>").join("") + "</tbody>";
  return head + body;
}
function makeSortable(table, rows, columns) {
  table.querySelectorAll("th").forEach((th) => th.addEventListener("click", () => {
    const i = +th.dataset.col;
    const desc = !th.classList.contains("sorted-desc");
    rows.sort((a, b) => {
      const x = a[i], y = b[i];
      if (x === null) return 1; if (y === null) return -1;
      const c = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y));
      return desc ? -c : c;
    });
    table.innerHTML = tableHtml(columns, rows);
    const nth = table.querySelector(`th[data-col="${i}"]`);
    nth.classList.add(desc ? "sorted-desc" : "sorted-asc");
    makeSortable(table, rows, columns);
  }));
}

// ---------- chat
function addMessage(who, text, extra = "", cls = "") {
  const div = document.createElement("div");
  div.className = `msg ${who} ${cls}`;
  div.innerHTML = `<div class="bubble">${esc(text)}</div>${extra}`;
  $("#messages").appendChild(div);
  $("#messages").scrollTop = $("#messages").scrollHeight;
  return div;
}
$("#ask-form").addEventListener("submit", async (e) => {
  e.preventDefault();
  const q = $("#question").value.trim();
  if (!q) return;
  $("#question").value = "";
  addMessage("user", q);
  try {
    const a = await api("/v1/ask", { question: q, conversation_id: state.conversation });
    let extra = `<div class="meta">${esc(a.status)}${a.intent ? " · " + esc(a.intent) : ""}${a.value !== null ? " · value " + esc(fmt(a.value)) : ""}</div>`;
    if (a.table && a.table.rows.length) extra += `<div class="answer-table"><table class="data">${tableHtml(a.table.columns, a.table.rows)}</table></div>`;
    addMessage("bot answer", a.answer, extra, "status-" + a.status);
  } catch (err) { addMessage("bot answer", "Error: " + err.message, "", "status-error"); }
});
$("#new-conversation").addEventListener("click", () => { state.conversation = newId(); $("#messages").innerHTML = ""; });

// ---------- SVG charts
function tick(v) {
  const a = Math.abs(v);
  if (a >= 1e6) return (v / 1e6).toFixed(1) + "M";
  if (a >= 1e4) return (v / 1e3).toFixed(0) + "k";
  if (a >= 1e3) return (v / 1e3).toFixed(1) + "k";
  return String(Math.round(v * 10) / 10);
}
function scale(d0, d1, r0, r1) { const k = d1 === d0 ? 0 : (r1 - r0) / (d1 - d0); return (v) => r0 + (v - d0) * k; }
function svg(w, h, inner) { return `<svg viewBox="0 0 ${w} ${h}" xmlns="http://www.w3.org/2000/svg">${inner}</svg>`; }
function axes(W, H, m, ymin, ymax, labels) {
  const y = scale(ymin, ymax, H - m.b, m.t);
  let s = `<line class="axis" x1="${m.l}" y1="${H - m.b}" x2="${W - m.r}" y2="${H - m.b}"/><line class="axis" x1="${m.l}" y1="${m.t}" x2="${m.l}" y2="${H - m.b}"/>`;
  for (let i = 0; i <= 4; i++) { const v = ymin + (ymax - ymin) * i / 4; s += `<text x="${m.l - 4}" y="${y(v) + 3}" text-anchor="end">${esc(tick(v))}</text>`; }
  labels.forEach(([x, t]) => { s += `<text x="${x}" y="${H - m.b + 14}" text-anchor="middle">${esc(t)}</text>`; });
  return s;
}
function line(points, cls) { return `<path class="${cls}" d="${points.map((p, i) => (i ? "L" : "M") + p[0].toFixed(1) + "," + p[1].toFixed(1)).join("")}"/>`; }
function band(upper, lower, cls) { return `<path class="${cls}" d="${upper.concat(lower.slice().reverse()).map((p, i) => (i ? "L" : "M") + p[0].toFixed(1) + "," + p[1].toFixed(1)).join("")}Z"/>`; }

function forecastChart(f) {
  const W = 640, H = 240, m = { l: 44, r: 10, t: 22, b: 22 };
  const n = f.history.length + f.forecast.length;
  const x = scale(0, n - 1, m.l, W - m.r);
  const ymax = Math.max(1, ...f.history.map((p) => p.units), ...f.forecast.map((p) => p.hi95 ?? p.mean));
  const y = scale(0, ymax, H - m.b, m.t);
  const h = f.history.map((p, i) => [x(i), y(p.units)]);
  const o = f.history.length;
  const fc = f.forecast.map((p, i) => [x(o + i), y(p.mean)]);
  const up95 = f.forecast.map((p, i) => [x(o + i), y(p.hi95)]), lo95 = f.forecast.map((p, i) => [x(o + i), y(Math.max(0, p.lo95))]);
  const up80 = f.forecast.map((p, i) => [x(o + i), y(p.hi80)]), lo80 = f.forecast.map((p, i) => [x(o + i), y(Math.max(0, p.lo80))]);
  const labels = [[x(0), f.history[0] ? f.history[0].date : ""], [x(o), f.as_of], [x(n - 1), f.forecast.length ? f.forecast[f.forecast.length - 1].date : ""]];
  return svg(W, H, `<text x="${m.l}" y="12">Daily units: history and ${esc(f.model)} forecast with 80% / 95% intervals</text>` + axes(W, H, m, 0, ymax, labels)
    + band(up95, lo95, "band95") + band(up80, lo80, "band80") + line(h, "history") + line(fc, "forecast"));
}

function inventoryChart(l) {
  // Inventory position drawn down at the mean daily demand; a recommended order arrives on its date.
  const W = 640, H = 220, m = { l: 44, r: 10, t: 22, b: 22 };
  const asOf = new Date(state.plan.as_of + "T00:00:00Z");
  const arrival = l.order ? Math.round((new Date(l.order.arrival + "T00:00:00Z") - asOf) / 86400000) : -1;
  const days = Math.max(28, l.horizon_days || 28, arrival + 14);
  const pts = [];
  let level = l.inventory_position;
  for (let d = 0; d <= days; d++) { if (d === arrival) level += l.order.qty; pts.push(level); level = Math.max(0, level - l.mu); }
  const ymax = Math.max(1, l.reorder_point * 1.2, ...pts);
  const x = scale(0, days, m.l, W - m.r), y = scale(0, ymax, H - m.b, m.t);
  const labels = [[x(0), state.plan.as_of], [x(days), "+" + days + " d"]];
  return svg(W, H, `<text x="${m.l}" y="12">Projected inventory position vs reorder point (${esc(fmt(l.reorder_point))}) and safety stock (${esc(fmt(l.safety_stock))})</text>` + axes(W, H, m, 0, ymax, labels)
    + `<line class="rop" x1="${m.l}" x2="${W - m.r}" y1="${y(l.reorder_point)}" y2="${y(l.reorder_point)}"/>`
    + `<line class="ss" x1="${m.l}" x2="${W - m.r}" y1="${y(l.safety_stock)}" y2="${y(l.safety_stock)}"/>`
    + line(pts.map((v, d) => [x(d), y(v)]), "level"));
}

// ---------- alerts
async function loadAlerts() {
  try {
    const p = await api("/v1/plan", { alerts_only: true });
    state.plan = p;
    const t = p.totals;
    $("#alerts-summary").textContent = `As of ${p.as_of}: ${t.orders} orders to place (${fmt(t.order_units)} units, ${fmt(t.order_value)}), ${t.excess_lines} overstocked lines (${fmt(t.excess_value)}), ${fmt(t.expected_stockouts)} expected stock-outs in ${p.horizon_days} days.`;
    renderAlerts();
  } catch (err) { $("#alerts-summary").innerHTML = `<span class="error">${esc(err.message)}</span>`; }
}
function renderAlerts() {
  const only = $("#only-risk").checked;
  const lines = state.plan.lines.filter((l) => !only || l.stockout_probability >= 0.2)
    .sort((a, b) => b.stockout_probability - a.stockout_probability || (b.order ? b.order.value : 0) - (a.order ? a.order.value : 0));
  state.alertLines = lines;
  const cols = ["sku", "location", "flags", "stock-out prob.", "days of cover", "on hand", "reorder point", "order qty", "arrival"];
  const rows = lines.map((l) => [esc(l.sku), esc(l.location),
    (l.stockout_probability >= 0.2 ? '<span class="badge risk">at risk</span> ' : "") + (l.excess ? '<span class="badge excess">overstock</span> ' : "") + (l.order ? '<span class="badge order">order</span>' : ""),
    esc((l.stockout_probability * 100).toFixed(1) + "%"), esc(fmt(l.days_of_cover)), esc(fmt(l.on_hand)), esc(fmt(l.reorder_point)),
    esc(l.order ? fmt(l.order.qty) : "—"), esc(l.order ? l.order.arrival : "—")]);
  const table = $("#alerts-table");
  table.innerHTML = tableHtml(cols, rows, { html: true });
  table.querySelectorAll("tbody tr").forEach((tr) => tr.addEventListener("click", () => selectAlert(+tr.dataset.row, tr)));
  const first = table.querySelector("tbody tr");
  if (first) selectAlert(0, first);
}
$("#only-risk").addEventListener("change", () => state.plan && renderAlerts());
async function selectAlert(i, tr) {
  const l = state.alertLines[i];
  document.querySelectorAll("#alerts-table tr.selected").forEach((r) => r.classList.remove("selected"));
  tr.classList.add("selected");
  $("#detail-title").textContent = `${l.sku} at ${l.location} (${l.category})`;
  $("#detail-reason").textContent = l.reason;
  $("#inventory-chart").innerHTML = inventoryChart(l);
  $("#forecast-chart").innerHTML = "<p>Forecasting…</p>";
  try {
    const f = await api("/v1/forecast", { sku: l.sku, location: l.location, horizon_days: 28, history_days: 120 });
    $("#forecast-chart").innerHTML = forecastChart(f);
  } catch (err) { $("#forecast-chart").innerHTML = `<p class="error">${esc(err.message)}</p>`; }
}

// ---------- network
function costBars(base, scen) {
  const parts = ["lane_cost", "processing_cost", "fixed_cost", "total_cost"];
  const W = 640, H = 200, m = { l: 44, r: 10, t: 22, b: 22 };
  const vals = parts.flatMap((k) => [base[k] || 0, scen ? scen[k] || 0 : 0]);
  const ymax = Math.max(1, ...vals);
  const y = scale(0, ymax, H - m.b, m.t), bw = (W - m.l - m.r) / parts.length;
  let s = `<text x="${m.l}" y="12">Cost split${scen ? ": baseline (blue) vs what-if (orange)" : ""}</text>` + axes(W, H, m, 0, ymax, parts.map((k, i) => [m.l + bw * i + bw / 2, k.replace("_cost", "")]));
  parts.forEach((k, i) => {
    const x0 = m.l + bw * i + bw * 0.15, w = scen ? bw * 0.33 : bw * 0.7;
    s += `<rect class="bar" x="${x0}" y="${y(base[k] || 0)}" width="${w}" height="${H - m.b - y(base[k] || 0)}"/>`;
    if (scen) s += `<rect class="bar after" x="${x0 + w + 2}" y="${y(scen[k] || 0)}" width="${w}" height="${H - m.b - y(scen[k] || 0)}"/>`;
  });
  return svg(W, H, s);
}
async function runNetwork(edits) {
  $("#network-summary").textContent = "Solving…";
  try {
    const r = await api("/v1/network", { edits });
    let base, scen = null;
    if (r.mode === "baseline") { base = r.result; state.networkBase = base; }
    else { base = state.networkBase || { total_cost: r.baseline_cost }; scen = r.scenario; }
    const shown = scen || base;
    if (scen && scen.status === "infeasible") {
      $("#network-summary").innerHTML = `<span class="error">Infeasible: ${esc(scen.reason)}</span>`;
    } else {
      $("#network-summary").textContent = scen
        ? `What-if cost ${fmt(r.value)} vs baseline ${fmt(r.baseline_cost)} (change ${fmt(r.change)}).`
        : `Optimal plan: total cost ${fmt(base.total_cost)} (lanes ${fmt(base.lane_cost)}, processing ${fmt(base.processing_cost)}, fixed ${fmt(base.fixed_cost)}).`;
    }
    $("#network-chart").innerHTML = base.lane_cost !== undefined ? costBars(base, scen && scen.status === "optimal" ? scen : null) : "";
    const flows = (shown.flows || []).map((f) => [f.from, f.to, f.product, f.quantity, f.unit_cost, f.cost]);
    $("#network-table").innerHTML = tableHtml(["from", "to", "product", "quantity", "unit cost", "cost"], flows);
  } catch (err) { $("#network-summary").innerHTML = `<span class="error">${esc(err.message)}</span>`; }
}
$("#whatif-run").addEventListener("click", () => runNetwork($("#edits").value.split(";").map((s) => s.trim()).filter(Boolean)));
$("#baseline-run").addEventListener("click", () => runNetwork([]));

// ---------- funds
async function runScreen() {
  $("#screen-summary").textContent = "Screening…";
  try {
    const r = await api("/v1/funds/screen", { filters: $("#screen-filters").value });
    $("#screen-summary").textContent = `${r.count} funds match (as of ${r.as_of}); showing ${r.rows.length}. Click a column to sort.`;
    const t = $("#funds-table");
    t.innerHTML = tableHtml(r.columns, r.rows);
    makeSortable(t, r.rows, r.columns);
  } catch (err) { $("#screen-summary").innerHTML = `<span class="error">${esc(err.message)}</span>`; }
}
$("#screen-run").addEventListener("click", runScreen);

// ---------- start
$("#savekey").addEventListener("click", () => { state.key = $("#apikey").value.trim(); localStorage.setItem("abacus_key", state.key); $("#keybox").hidden = true; start(); });
async function start() {
  try {
    const h = await (await fetch("/healthz")).json();
    state.auth = h.auth;
    if (h.auth && !state.key) { $("#keybox").hidden = false; return; }
    const ds = await api("/v1/datasets");
    $("#dataset").textContent = ds.length ? "dataset: " + ds.map((d) => d.name).join(", ") : "no dataset";
  } catch (err) { $("#dataset").textContent = err.message; }
}
start();
