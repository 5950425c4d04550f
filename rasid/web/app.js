// rasid workbench: labels, URL state, map, timeline and loading over the /api of `rasid serve`;
// the incident panel is panel.js. Every text that comes from the store is put in the page with
// textContent, never as markup.
"use strict";

(function () {
  const TYPES = ["Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots",
                 "Strategic developments"];
  const TYPE_AR = {"Battles": "معارك", "Explosions/Remote violence": "انفجارات/عنف عن بعد",
                   "Violence against civilians": "عنف ضد المدنيين", "Protests": "احتجاجات", "Riots": "شغب",
                   "Strategic developments": "تطورات استراتيجية"};
  const COLORS = ["#c0392b", "#e67e22", "#8e44ad", "#2980b9", "#16a085", "#7f8c8d"];
  const FILTERS = ["since", "until", "type", "actor", "contested", "q"];
  const WORDS = {
    ar: {title: "راصد: منضدة المحلل", reviewer: "المراجِع", token: "رمز الكتابة", since: "من", until: "إلى",
         type: "النوع", all: "الكل", actor: "الفاعل", contested: "متنازع عليه", any: "أيًّا كان", yes: "نعم", no: "لا",
         text: "نص", apply: "تطبيق", reset: "مسح", brush: "اسحب على الخط الزمني لتحديد فترة",
         pick: "اختر حادثة على الخريطة", incidents: "حادثة", summary: "الملخص", grade: "درجة التوثيق",
         dates: "التاريخ", place: "المكان", fatalities: "القتلى (أدنى/أرجح/أعلى)", actors: "الفاعلون",
         ledger: "سجل الادعاءات", source: "المصدر", stance: "الموقف", quote: "الاقتباس", versions: "الروايات",
         version: "الرواية", reports: "التقارير", history: "سجل التغييرات", accept: "قبول", reject: "رفض",
         clear: "تراجع عن المراجعة", correct: "تصحيح", field: "الحقل", value: "القيمة",
         find_place: "مرشحو المعجم الجغرافي", click_point: "انقر نقطة على الخريطة",
         merge: "دمج مع…", merge_selected: "دمج المحدد هنا", merge_pick: "اختر من الخريطة",
         merge_none: "لا حوادث قريبة في الزمان والمكان", merge_picking: "انقر على حادثة في الخريطة لإضافتها إلى الدمج",
         split: "فصل في حادثة مستقلة", no_token: "أدخل رمز الكتابة أولًا", saved: "حُفظ",
         click_map: "انقر على الخريطة لتحديد المكان", none: "لا شيء", rejected: "مرفوض", accepted: "مقبول",
         note: "ملاحظة", legend: "أنواع الأحداث", when: "متى", who: "من", action: "الإجراء", subject: "الموضوع",
         before: "قبل", after: "بعد", evidence: "الأدلة", reason: "سبب الضم", taken_out: "تقارير أُخرجت بالمراجعة",
         lone_event: "تقرير خارج كل حادثة (مرفوض)", undo: "تراجع", days: "يوم", km: "كم", reports_n: "تقارير",
         actor1: "الفاعل الأول", actor2: "الفاعل الثاني", sub_event_type: "النوع الفرعي", event_type: "النوع",
         event_date: "التاريخ", location: "المكان", time_precision: "دقة التاريخ", wounded: "الجرحى",
         captured: "الأسرى", "fatalities.low": "القتلى (أدنى)", "fatalities.best": "القتلى (أرجح)",
         "fatalities.high": "القتلى (أعلى)", decision: "القرار", claims: "المصادر وأقوالها",
         asserts: "يؤكد", denies: "ينفي", uncertain: "غير مؤكد", merge_action: "دمج", split_action: "فصل",
         "denied by a party": "نفاه طرف", "contested attribution": "نسبة متنازع عليها",
         "several sources": "عدة مصادر", "single source": "مصدر واحد"},
    en: {title: "rasid: the analyst's workbench", reviewer: "Reviewer", token: "Write token", since: "Since",
         until: "Until", type: "Type", all: "All", actor: "Actor", contested: "Contested", any: "Any", yes: "Yes",
         no: "No", text: "Text", apply: "Apply", reset: "Reset", brush: "Drag on the timeline to pick a period",
         pick: "Pick an incident on the map", incidents: "incidents", summary: "Summary", grade: "Grade",
         dates: "Dates", place: "Place", fatalities: "Fatalities (low/best/high)", actors: "Actors",
         ledger: "Claim ledger", source: "Source", stance: "Stance", quote: "Quote", versions: "Versions",
         version: "Version", reports: "Reports", history: "History", accept: "Accept", reject: "Reject",
         clear: "Undo the review", correct: "Correct", field: "Field", value: "Value",
         find_place: "Gazetteer candidates", click_point: "Click a point on the map",
         merge: "Merge with…", merge_selected: "Merge the selected here", merge_pick: "Pick on the map",
         merge_none: "No incident near in time and place", merge_picking: "Click an incident on the map to add it",
         split: "Split into its own incident", no_token: "Enter the write token first", saved: "Saved",
         click_map: "Click on the map to set the place", none: "none", rejected: "rejected", accepted: "accepted",
         note: "Note", legend: "Event types", when: "When", who: "Who", action: "Action", subject: "Subject",
         before: "Before", after: "After", evidence: "Evidence", reason: "Joined because",
         taken_out: "Reports taken out by review", lone_event: "A report outside every incident (rejected)",
         undo: "Undo", days: "days", km: "km", reports_n: "reports", actor1: "Actor 1", actor2: "Actor 2",
         sub_event_type: "Sub-event type", event_type: "Event type", event_date: "Date", location: "Place",
         time_precision: "Time precision", wounded: "Wounded", captured: "Captured",
         "fatalities.low": "Fatalities (low)", "fatalities.best": "Fatalities (best)",
         "fatalities.high": "Fatalities (high)", decision: "Decision", claims: "Sources and their words",
         asserts: "asserts", denies: "denies", uncertain: "uncertain", merge_action: "merge", split_action: "split",
         "denied by a party": "denied by a party", "contested attribution": "contested attribution",
         "several sources": "several sources", "single source": "single source"},
  };

  const state = {lang: "ar", features: [], incident: null, event: null, vocabulary: null, picking: null,
                 mergePick: null};
  const $ = (sel) => document.querySelector(sel);
  const t = (key) => WORDS[state.lang][key] || key;
  const typeName = (type) => (state.lang === "ar" ? TYPE_AR[type] || type : type);
  // an actor or source id as the chosen language names it (RUS → «القوات الروسية» / Military Forces of Russia)
  const named = (table, id) => {
    const known = id && state.vocabulary && state.vocabulary[table][id];
    return known ? known[state.lang] : id || "—";
  };
  const actorName = (id) => named("actors", id);
  const sourceName = (id) => named("sources", id);

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "class") node.className = v;
      else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v === true ? "" : v);
    }
    for (const child of children) {
      if (child === null || child === undefined) continue;
      node.appendChild(typeof child === "string" || typeof child === "number"
        ? document.createTextNode(String(child)) : child);
    }
    return node;
  }

  function status(message, error) {
    const box = $("#status");
    box.textContent = message;
    box.className = "on" + (error ? " error" : "");
    clearTimeout(status.timer);
    status.timer = setTimeout(() => { box.className = ""; }, error ? 6000 : 2500);
  }

  // a 422 carries a list of {loc, msg}; 401/404 a plain string
  function reason(answer, fallback) {
    const detail = answer && answer.detail;
    if (Array.isArray(detail)) return detail.map((d) => d.msg || JSON.stringify(d)).join("; ");
    return detail || fallback;
  }

  async function getJSON(url) {
    const response = await fetch(url, {headers: {"Accept": "application/json"}});
    if (!response.ok) throw new Error(reason(await response.json().catch(() => ({})), response.statusText));
    return response.json();
  }

  async function post(url, body) {
    const token = $("#token").value.trim();
    if (!token) { status(t("no_token"), true); throw new Error("no token"); }
    sessionStorage.setItem("rasid-token", token);
    localStorage.setItem("rasid-who", $("#who").value.trim());
    const response = await fetch(url, {method: "POST", body: JSON.stringify({...body, by: $("#who").value.trim() || null}),
      headers: {"Content-Type": "application/json", "Authorization": "Bearer " + token}});
    const answer = await response.json().catch(() => ({}));
    if (!response.ok) {
      const detail = reason(answer, response.statusText);
      status(response.status + ": " + detail, true);
      throw new Error(detail);
    }
    status(t("saved"));
    return answer;
  }

  // ------------------------------------------------------------ language

  function applyLanguage() {
    document.documentElement.lang = state.lang;
    document.documentElement.dir = state.lang === "ar" ? "rtl" : "ltr";
    document.title = t("title");
    for (const node of document.querySelectorAll("[data-i18n]")) node.textContent = t(node.dataset.i18n);
    $("#lang").textContent = state.lang === "ar" ? "English" : "العربية";
    const select = $("#filters select[name=type]");
    for (const option of select.options) if (option.value) option.textContent = typeName(option.value);
    fillActors();
    rerender();
    drawLegend();
    if (state.features.length) drawIncidents();
  }

  // the actor filter lists the catalogue's actors by name, in the chosen language
  function fillActors() {
    const select = $("#filters select[name=actor]");
    const wanted = select.value || new URLSearchParams(location.search).get("actor") || "";
    while (select.options.length > 1) select.remove(1);
    const actors = Object.keys((state.vocabulary || {}).actors || {});
    if (wanted && !actors.includes(wanted)) actors.push(wanted);
    for (const id of actors) select.appendChild(el("option", {value: id}, actorName(id) + " (" + id + ")"));
    select.value = wanted;
    const ids = $("#actor-ids");
    while (ids.firstChild) ids.removeChild(ids.firstChild);
    for (const id of actors) ids.appendChild(el("option", {value: id}, actorName(id)));
  }

  function rerender() {
    if (state.incident) R.renderIncident(state.incident);
    else if (state.event) R.renderEvent(state.event);
  }

  // ------------------------------------------------------------ URL state

  function readURL() {
    const params = new URLSearchParams(location.search);
    const form = $("#filters");
    for (const name of FILTERS) if (name !== "actor") form.elements[name].value = params.get(name) || "";
    state.lang = params.get("lang") === "en" ? "en" : "ar";
    return {incident: params.get("incident"), event: params.get("event")};
  }

  function writeURL() {
    const params = new URLSearchParams();
    const form = $("#filters");
    for (const name of FILTERS) if (form.elements[name].value) params.set(name, form.elements[name].value);
    if (state.lang === "en") params.set("lang", "en");
    if (state.incident) params.set("incident", state.incident.incident_id);
    else if (state.event) params.set("event", state.event.event_id);
    const query = params.toString();
    history.replaceState(null, "", query ? "?" + query : location.pathname);
  }

  function apiQuery() {
    const params = new URLSearchParams();
    const form = $("#filters");
    for (const name of FILTERS) {
      const value = form.elements[name].value.trim();
      if (value) params.set(name, value);
    }
    return params.toString();
  }

  // ------------------------------------------------------------ map

  let map, cluster;

  function setupMap() {
    map = L.map("map", {zoomControl: true, attributionControl: true, minZoom: 5, maxZoom: 14})
      .setView([35.0, 38.5], 7);
    cluster = L.markerClusterGroup({maxClusterRadius: 40, showCoverageOnHover: false});
    map.addLayer(cluster);
    map.on("click", (e) => {
      if (!state.picking) return;
      const pick = state.picking;
      state.picking = null;
      document.body.classList.remove("picking");
      pick(e.latlng);
    });
    fetch("/static/basemap.geojson").then((r) => r.json()).then((data) => {
      const basemap = L.geoJSON(data, {style: {color: "#6b7b70", weight: 1, fillColor: "#eef0e6", fillOpacity: 1},
        onEachFeature: (feature, layer) => layer.bindTooltip(
          () => el("span", {}, state.lang === "ar" ? feature.properties.name_ar : feature.properties.name_en),
          {sticky: true})});
      basemap.addTo(map);
      basemap.bringToBack();
      map.attributionControl.addAttribution(data.attribution);
    });
  }

  let legend;
  function drawLegend() {
    if (!map) return;
    if (legend) legend.remove();
    legend = L.control({position: "bottomleft"});
    legend.onAdd = () => {
      const box = el("div", {class: "legend"}, el("strong", {}, t("legend")));
      TYPES.forEach((type, i) => box.appendChild(el("div", {}, el("i", {class: "swatch-" + i}), typeName(type))));
      return box;
    };
    legend.addTo(map);
  }

  // a marker opens its incident, or joins the merge list while the panel is picking incidents to merge
  function markerClicked(id) {
    if (state.mergePick) state.mergePick(id);
    else openIncident(id);
  }

  function drawIncidents() {
    cluster.clearLayers();
    const markers = [];
    for (const feature of state.features) {
      const p = feature.properties;
      const [lon, lat] = feature.geometry.coordinates;
      const color = COLORS[Math.max(0, TYPES.indexOf(p.event_type))];
      const radius = 5 + Math.min(20, 2.5 * Math.sqrt(p.fatalities_best || 0));
      const marker = L.circleMarker([lat, lon], {radius, color: "#222", weight: 1, fillColor: color, fillOpacity: .85,
                                                 className: "incident-" + feature.id});
      marker.bindTooltip(el("span", {}, (p.date_start || "") + " · " + typeName(p.event_type) + " · " + (p.location || "")));
      marker.on("click", () => markerClicked(feature.id));
      markers.push(marker);
    }
    cluster.addLayers(markers);
    $("#count").textContent = state.features.length + " " + t("incidents");
    document.body.dataset.drawn = String(state.features.length);
    if (!window.rasidFirstDraw) window.rasidFirstDraw = performance.now();
  }

  // ------------------------------------------------------------ timeline (incidents per day, brushed range)

  const DAY = 86400000;
  const dayOf = (iso) => Date.parse(iso + "T00:00:00Z");
  const isoOf = (ms) => new Date(ms).toISOString().slice(0, 10);

  function drawTimeline() {
    const svg = $("#timeline");
    while (svg.firstChild) svg.removeChild(svg.firstChild);
    const counts = new Map();
    for (const f of state.features) {
      const d = f.properties.date_start;
      if (d) counts.set(d, (counts.get(d) || 0) + 1);
    }
    const days = [...counts.keys()].sort();
    const width = svg.clientWidth || 600, height = svg.clientHeight || 95, bottom = 14;
    const form = $("#filters");
    let lo = days.length ? dayOf(days[0]) : Date.now(), hi = days.length ? dayOf(days[days.length - 1]) : Date.now();
    if (form.elements.since.value) lo = Math.min(lo, dayOf(form.elements.since.value));
    if (form.elements.until.value) hi = Math.max(hi, dayOf(form.elements.until.value));
    hi += DAY;
    const scale = (ms) => ((ms - lo) / (hi - lo)) * width;
    const max = Math.max(1, ...counts.values());
    const ns = "http://www.w3.org/2000/svg";
    const node = (tag, attrs) => {
      const n = document.createElementNS(ns, tag);
      for (const [k, v] of Object.entries(attrs)) n.setAttribute(k, v);
      return n;
    };
    const barWidth = Math.max(1.5, width / ((hi - lo) / DAY) - 1);
    for (const d of days) {
      const h = ((height - bottom) * counts.get(d)) / max;
      const bar = node("rect", {class: "bar", x: scale(dayOf(d)), y: height - bottom - h, width: barWidth, height: h,
                                "data-day": d});
      const title = node("title", {});
      title.textContent = d + ": " + counts.get(d);
      bar.appendChild(title);
      svg.appendChild(bar);
    }
    for (const [ms, anchor] of [[lo, "start"], [hi - DAY, "end"]]) {
      const label = node("text", {x: anchor === "start" ? 0 : width, y: height - 2, "text-anchor": anchor});
      label.textContent = isoOf(ms);
      svg.appendChild(label);
    }
    const brush = node("rect", {class: "brush", x: 0, y: 0, width: 0, height: height - bottom});
    svg.appendChild(brush);
    const invert = (x) => lo + (Math.max(0, Math.min(width, x)) / width) * (hi - lo);
    svg.onpointerdown = (e) => {
      const box = svg.getBoundingClientRect();
      const x0 = e.clientX - box.left;
      svg.setPointerCapture(e.pointerId);
      svg.onpointermove = (m) => {
        const x1 = m.clientX - box.left;
        brush.setAttribute("x", Math.min(x0, x1));
        brush.setAttribute("width", Math.abs(x1 - x0));
      };
      svg.onpointerup = (u) => {
        svg.onpointermove = svg.onpointerup = null;
        const x1 = u.clientX - box.left;
        if (Math.abs(x1 - x0) < 3) return;
        form.elements.since.value = isoOf(Math.floor(invert(Math.min(x0, x1)) / DAY) * DAY);
        form.elements.until.value = isoOf(Math.floor(invert(Math.max(x0, x1)) / DAY) * DAY);
        load();
      };
    };
  }

  // ------------------------------------------------------------ loading

  async function load() {
    writeURL();
    try {
      const data = await getJSON("/api/incidents.geojson?" + apiQuery());
      state.features = data.features;
      drawIncidents();
      drawTimeline();
    } catch (err) {
      status(String(err.message || err), true);
    }
  }

  function emptyPanel() {
    const panel = $("#panel");
    while (panel.firstChild) panel.removeChild(panel.firstChild);
    return panel;
  }

  async function openIncident(id, quiet) {
    state.mergePick = null;
    document.body.classList.remove("merge-picking");
    try {
      state.incident = await getJSON("/api/incidents/" + encodeURIComponent(id));
      state.event = null;
    } catch (err) {
      // quiet: the incident may be gone after a merge; the panel is emptied then
      if (!quiet) status(String(err.message || err), true);
      state.incident = null;
      writeURL();
      emptyPanel().appendChild(el("p", {class: "hint", "data-i18n": "pick"}, t("pick")));
      return false;
    }
    writeURL();
    R.renderIncident(state.incident);
    const loc = state.incident.location;
    if (loc && map) map.setView([loc.latitude, loc.longitude], Math.max(map.getZoom(), 9));
    return true;
  }

  // An event opens in its incident; a rejected one, outside every incident, on its own (with its undo).
  async function openEvent(id) {
    let found;
    try {
      found = await getJSON("/api/events/" + encodeURIComponent(id));
    } catch (err) {
      status(String(err.message || err), true);
      return;
    }
    if (found.incident_id) return openIncident(found.incident_id);
    state.incident = null;
    state.event = found;
    writeURL();
    R.renderEvent(found);
  }

  // after a write: the map and the incident read anew; when that incident is gone, the event
  async function refresh(incidentId, eventId) {
    await load();
    if (incidentId && await openIncident(incidentId, true)) return;
    if (eventId) await openEvent(eventId);
  }

  function pickPoint(then) {
    status(t("click_map"));
    document.body.classList.add("picking");
    state.picking = then;
  }

  const R = window.rasid = {get map() { return map; }, state, $, t, el, status, getJSON, post, typeName, actorName, sourceName, emptyPanel,
                            openIncident, openEvent, refresh, pickPoint, load, drawIncidents};

  // ------------------------------------------------------------ start

  async function start() {
    const opened = readURL();
    $("#token").value = sessionStorage.getItem("rasid-token") || "";
    $("#who").value = localStorage.getItem("rasid-who") || "";
    const select = $("#filters select[name=type]");
    const wanted = new URLSearchParams(location.search).get("type") || "";
    for (const type of TYPES) select.appendChild(el("option", {value: type}, type));
    select.value = wanted;
    $("#lang").addEventListener("click", () => { state.lang = state.lang === "ar" ? "en" : "ar"; applyLanguage(); writeURL(); });
    $("#filters").addEventListener("submit", (e) => { e.preventDefault(); load(); });
    // Escape ends picking a point or incidents on the map
    document.addEventListener("keydown", (e) => {
      if (e.key !== "Escape") return;
      state.picking = state.mergePick = null;
      document.body.classList.remove("picking", "merge-picking");
    });
    // the form's own reset: its button named "reset" shadows form.reset
    $("#reset").addEventListener("click", () => { HTMLFormElement.prototype.reset.call($("#filters")); load(); });
    setupMap();
    applyLanguage();
    // the names of actors and sources come with the vocabulary; the map does not wait for them
    const named = getJSON("/api/vocabulary").then((v) => { state.vocabulary = v; fillActors(); rerender(); })
      .catch((err) => status(String(err.message || err), true));
    await Promise.all([load(), named]);
    if (opened.incident) await openIncident(opened.incident);
    else if (opened.event) await openEvent(opened.event);
    document.body.dataset.ready = "1";
  }

  window.addEventListener("resize", () => { if (state.features) drawTimeline(); });
  document.addEventListener("DOMContentLoaded", start);
})();
