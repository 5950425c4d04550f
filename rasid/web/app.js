// rasid workbench: map, timeline, incident panel and review over the /api of `rasid serve`.
// Every text that comes from the store is put in the page with textContent, never as markup.
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
         reports: "التقارير", history: "السجل", accept: "قبول", reject: "رفض", clear: "إلغاء المراجعة",
         correct: "تصحيح", field: "الحقل", value: "القيمة", find_place: "بحث عن مكان", click_point: "انقر نقطة على الخريطة",
         merge: "دمج حادثة أخرى هنا", merge_id: "معرّف الحادثة", split: "فصل في حادثة مستقلة",
         no_token: "أدخل رمز الكتابة أولًا", saved: "حُفظ", click_map: "انقر على الخريطة لتحديد المكان",
         none: "لا شيء", rejected: "مرفوض", accepted: "مقبول", note: "ملاحظة", legend: "أنواع الأحداث",
         range: "الفترة", by: "بواسطة", before: "قبل", after: "بعد", evidence: "الأدلة", reason: "سبب الضم"},
    en: {title: "rasid: the analyst's workbench", reviewer: "Reviewer", token: "Write token", since: "Since",
         until: "Until", type: "Type", all: "All", actor: "Actor", contested: "Contested", any: "Any", yes: "Yes",
         no: "No", text: "Text", apply: "Apply", reset: "Reset", brush: "Drag on the timeline to pick a period",
         pick: "Pick an incident on the map", incidents: "incidents", summary: "Summary", grade: "Grade",
         dates: "Dates", place: "Place", fatalities: "Fatalities (low/best/high)", actors: "Actors",
         ledger: "Claim ledger", source: "Source", stance: "Stance", quote: "Quote", versions: "Versions",
         reports: "Reports", history: "History", accept: "Accept", reject: "Reject", clear: "Clear review",
         correct: "Correct", field: "Field", value: "Value", find_place: "Find a place", click_point: "Click a point on the map",
         merge: "Merge another incident here", merge_id: "Incident id", split: "Split into its own incident",
         no_token: "Enter the write token first", saved: "Saved", click_map: "Click on the map to set the place",
         none: "none", rejected: "rejected", accepted: "accepted", note: "Note", legend: "Event types",
         range: "Range", by: "by", before: "before", after: "after", evidence: "Evidence", reason: "Joined because"},
  };

  const state = {lang: "ar", features: [], incident: null, vocabulary: null, picking: null, range: null};
  const $ = (sel) => document.querySelector(sel);
  const t = (key) => WORDS[state.lang][key] || key;

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined) continue;
      if (k === "class") node.className = v;
      else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v);
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
    if (state.incident) renderIncident(state.incident);
    drawLegend();
  }

  const typeName = (type) => (state.lang === "ar" ? TYPE_AR[type] || type : type);

  // ------------------------------------------------------------ URL state

  function readURL() {
    const params = new URLSearchParams(location.search);
    const form = $("#filters");
    for (const name of FILTERS) form.elements[name].value = params.get(name) || "";
    state.lang = params.get("lang") === "en" ? "en" : "ar";
    return params.get("incident");
  }

  function writeURL() {
    const params = new URLSearchParams();
    const form = $("#filters");
    for (const name of FILTERS) if (form.elements[name].value) params.set(name, form.elements[name].value);
    if (state.lang === "en") params.set("lang", "en");
    if (state.incident) params.set("incident", state.incident.incident_id);
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

  let map, cluster, basemap;

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
      basemap = L.geoJSON(data, {style: {color: "#6b7b70", weight: 1, fillColor: "#eef0e6", fillOpacity: 1},
        onEachFeature: (feature, layer) => layer.bindTooltip(
          el("span", {}, state.lang === "ar" ? feature.properties.name_ar : feature.properties.name_en), {sticky: true})});
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

  function drawIncidents() {
    cluster.clearLayers();
    const markers = [];
    for (const feature of state.features) {
      const p = feature.properties;
      const [lon, lat] = feature.geometry.coordinates;
      const color = COLORS[Math.max(0, TYPES.indexOf(p.event_type))];
      const radius = 5 + Math.min(20, 2.5 * Math.sqrt(p.fatalities_best || 0));
      const marker = L.circleMarker([lat, lon], {radius, color: "#222", weight: 1, fillColor: color, fillOpacity: .85});
      marker.bindTooltip(el("span", {}, (p.date_start || "") + " · " + typeName(p.event_type) + " · " + (p.location || "")));
      marker.on("click", () => openIncident(feature.id));
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

  async function openIncident(id, quiet) {
    try {
      state.incident = await getJSON("/api/incidents/" + encodeURIComponent(id));
    } catch (err) {
      // quiet: the incident may be gone after a reject or a merge; the panel is emptied then
      if (!quiet) status(String(err.message || err), true);
      state.incident = null;
      writeURL();
      const panel = $("#panel");
      while (panel.firstChild) panel.removeChild(panel.firstChild);
      panel.appendChild(el("p", {class: "hint", "data-i18n": "pick"}, t("pick")));
      return;
    }
    writeURL();
    renderIncident(state.incident);
    const loc = state.incident.location;
    if (loc && map) map.setView([loc.latitude, loc.longitude], Math.max(map.getZoom(), 9));
  }

  // ------------------------------------------------------------ the incident panel

  function renderIncident(inc) {
    const panel = $("#panel");
    while (panel.firstChild) panel.removeChild(panel.firstChild);
    const f = inc.fatalities || {};
    panel.appendChild(el("h2", {"data-testid": "incident-title"}, typeName(inc.event_type) + " — " + inc.sub_event_type));
    panel.appendChild(el("p", {class: "hint"}, inc.incident_id));
    const dates = inc.date_end && inc.date_end !== inc.date_start ? inc.date_start + " – " + inc.date_end : inc.date_start;
    const summary = el("dl", {class: "summary"});
    const row = (key, value) => { summary.appendChild(el("dt", {}, t(key))); summary.appendChild(el("dd", {}, value)); };
    row("dates", dates || "—");
    row("place", inc.location ? inc.location.name + (inc.location.admin1 ? " (" + inc.location.admin1 + ")" : "") : "—");
    row("actors", [inc.actor1, inc.actor2].filter(Boolean).join(" ⟷ "));
    row("fatalities", (f.low || 0) + " / " + (f.best || 0) + " / " + (f.high || 0));
    row("grade", inc.grade + (inc.contested ? " · " + t("contested") : ""));
    panel.appendChild(summary);
    if (inc.notes) panel.appendChild(el("p", {}, inc.notes));

    panel.appendChild(el("h3", {}, t("ledger")));
    const ledger = el("table", {"data-testid": "ledger"},
      el("tr", {}, el("th", {}, t("source")), el("th", {}, t("stance")), el("th", {}, t("quote"))));
    for (const e of inc.ledger || []) {
      ledger.appendChild(el("tr", {}, el("td", {}, e.source), el("td", {class: "stance-" + e.stance}, e.stance),
                            el("td", {}, e.quote || "")));
    }
    panel.appendChild(ledger);

    if ((inc.versions || []).length > 1) {
      panel.appendChild(el("h3", {}, t("versions")));
      const side = el("div", {class: "versions", "data-testid": "versions"});
      for (const v of inc.versions) {
        const vf = v.fatalities || {};
        const box = el("div", {}, el("strong", {}, v.actor1 + (v.actor2 ? " → " + v.actor2 : "")),
          el("div", {}, v.sub_event_type), el("div", {}, t("fatalities") + ": " + (vf.low || 0) + "/" + (vf.best || 0) + "/" + (vf.high || 0)));
        for (const c of v.claims || []) box.appendChild(el("div", {class: "stance-" + c.stance}, c.source + " · " + c.stance));
        side.appendChild(box);
      }
      panel.appendChild(side);
    }

    panel.appendChild(el("h3", {}, t("reports") + " (" + inc.reports.length + ")"));
    for (const report of inc.reports) panel.appendChild(renderReport(inc, report));

    panel.appendChild(el("h3", {}, t("merge")));
    const mergeId = el("input", {name: "merge-id", placeholder: t("merge_id")});
    panel.appendChild(el("div", {class: "tools"}, mergeId, el("button", {type: "button", "data-action": "merge", onclick: async () => {
      if (!mergeId.value.trim()) return;
      await post("/api/incidents/merge", {into: inc.incident_id, others: [mergeId.value.trim()]});
      await load();
      await openIncident(inc.incident_id);
    }}, t("merge"))));

    panel.appendChild(el("h3", {}, t("history")));
    const list = el("ul", {class: "history", "data-testid": "history"});
    for (const h of inc.history || []) {
      list.appendChild(el("li", {}, h.changed_at + " · " + h.author + " · " + h.action + " · " + h.subject + " · " +
        t("before") + " " + JSON.stringify(h.before) + " → " + t("after") + " " + JSON.stringify(h.after) +
        (h.note ? " · " + h.note : "")));
    }
    if (!(inc.history || []).length) list.appendChild(el("li", {}, t("none")));
    panel.appendChild(list);
  }

  // Fields shown per report; each one highlights the evidence that produced it.
  const RULE_OF_FIELD = {event_type: "trigger", sub_event_type: "trigger", event_date: "date", actor1: "actor",
                         actor2: "actor", location: "place", fatalities: "casualty"};
  const SHOWN = ["event_type", "sub_event_type", "event_date", "actor1", "actor2", "location", "fatalities"];

  function renderReport(inc, report) {
    const event = report.event || {};
    const decision = report.review ? report.review.decision : null;
    const box = el("div", {class: "report" + (decision === "reject" ? " rejected" : ""), "data-event": report.event_id});
    box.appendChild(el("div", {}, el("strong", {}, report.outlet || report.article_id), " · " + (report.published || "") +
      (decision ? " · " + t(decision === "reject" ? "rejected" : "accepted") : "")));
    if (report.title) box.appendChild(el("div", {class: "title"}, report.title));
    if (report.reason) box.appendChild(el("div", {class: "hint"}, t("reason") + ": " + report.reason));
    const text = el("div", {class: "text", "data-testid": "report-text"});
    const fields = el("div", {class: "fields"});
    for (const name of SHOWN) {
      let value = event[name];
      if (name === "location") value = value ? value.name + " (" + value.geo_precision + ")" : null;
      if (name === "fatalities") value = value ? value.low + "/" + value.best + "/" + value.high : null;
      if (value === null || value === undefined) continue;
      const button = el("button", {type: "button", class: "field", "data-field": name, onclick: () => {
        const prefix = RULE_OF_FIELD[name];
        for (const m of text.querySelectorAll("mark")) {
          m.classList.toggle("hot", (m.dataset.rules || "").split(" ").some((r) => r.startsWith(prefix)));
        }
      }}, name + ": " + value);
      fields.appendChild(button);
      fields.appendChild(document.createTextNode("  "));
    }
    box.appendChild(fields);
    box.appendChild(text);
    fillText(text, report);
    box.appendChild(reviewTools(inc, report));
    return box;
  }

  async function fillText(node, report) {
    let article;
    try {
      article = await getJSON("/api/articles/" + encodeURIComponent(report.article_id));
    } catch (err) {
      node.textContent = String(err.message || err);
      return;
    }
    const own = article.events.find((e) => e.event_id === report.event_id) || {evidence: report.evidence || [], claims: report.claims || []};
    const spans = [];
    for (const e of own.evidence || []) spans.push({start: e.start, end: e.end, kind: "evidence", rule: e.rule || ""});
    for (const c of own.claims || []) spans.push({start: c.start, end: c.end, kind: "claim", rule: c.source + " " + c.stance});
    // Cut the text at every span edge; each piece is text, marked when a span covers it.
    const edges = new Set([0, article.text.length]);
    for (const s of spans) { edges.add(Math.max(0, s.start)); edges.add(Math.min(article.text.length, s.end)); }
    const cuts = [...edges].sort((a, b) => a - b);
    for (let i = 0; i + 1 < cuts.length; i++) {
      const [a, b] = [cuts[i], cuts[i + 1]];
      const piece = article.text.slice(a, b);
      const covering = spans.filter((s) => s.start <= a && s.end >= b);
      if (!covering.length) { node.appendChild(document.createTextNode(piece)); continue; }
      // The narrowest span names the piece: a trigger or a place inside the sentence that carries it.
      covering.sort((x, y) => (x.end - x.start) - (y.end - y.start));
      const main = covering.find((s) => !s.rule.startsWith("sentence")) || covering[0];
      const kind = main.rule.startsWith("sentence") ? "sentence" : main.kind;
      const mark = el("mark", {class: kind, title: covering.map((s) => s.rule).join("; ")});
      mark.dataset.rules = covering.map((s) => s.rule.split(" ")[0]).join(" ");
      mark.textContent = piece;
      node.appendChild(mark);
    }
  }

  function reviewTools(inc, report) {
    const tools = el("div", {class: "tools"});
    const decide = (action, extra) => async () => {
      await post("/api/events/" + encodeURIComponent(report.event_id) + "/review", {action, ...(extra || {})});
      const after = await getJSON("/api/events/" + encodeURIComponent(report.event_id));
      await load();
      await openIncident(after.incident_id || inc.incident_id, true);
    };
    tools.appendChild(el("button", {type: "button", "data-action": "accept", onclick: decide("accept")}, t("accept")));
    tools.appendChild(el("button", {type: "button", "data-action": "reject", onclick: decide("reject")}, t("reject")));
    tools.appendChild(el("button", {type: "button", "data-action": "clear", onclick: decide("clear")}, t("clear")));
    const field = el("select", {name: "field"});
    for (const name of Object.keys((state.vocabulary || {}).correctable || {})) field.appendChild(el("option", {value: name}, name));
    const value = el("input", {name: "value", placeholder: t("value")});
    tools.appendChild(field);
    tools.appendChild(value);
    tools.appendChild(el("button", {type: "button", "data-action": "correct", onclick: () =>
      decide("accept", {set: {[field.value]: value.value}})()}, t("correct")));
    const placeName = el("input", {name: "place", placeholder: t("find_place")});
    const candidates = el("div", {class: "candidates"});
    tools.appendChild(placeName);
    tools.appendChild(el("button", {type: "button", "data-action": "find-place", onclick: async () => {
      while (candidates.firstChild) candidates.removeChild(candidates.firstChild);
      if (!placeName.value.trim()) return;
      const found = await getJSON("/api/places?q=" + encodeURIComponent(placeName.value.trim()) + "&limit=8");
      for (const p of found.candidates) {
        candidates.appendChild(el("button", {type: "button", "data-place": p.place_id,
          onclick: decide("accept", {set: {location: {place_id: p.place_id}}})},
          p.name + " · " + (p.name_en || "") + " · " + (p.admin1 || "") + " / " + (p.admin2 || "") + " · " + p.feature));
      }
      if (!found.candidates.length) candidates.appendChild(el("span", {}, t("none")));
    }}, t("find_place")));
    tools.appendChild(el("button", {type: "button", "data-action": "click-point", onclick: () => {
      status(t("click_map"));
      document.body.classList.add("picking");
      state.picking = (latlng) => decide("accept", {set: {location: {latitude: latlng.lat, longitude: latlng.lng}}})();
    }}, t("click_point")));
    if (inc.reports.length > 1) {
      tools.appendChild(el("button", {type: "button", "data-action": "split", onclick: async () => {
        const answer = await post("/api/incidents/" + encodeURIComponent(inc.incident_id) + "/split", {event_id: report.event_id});
        await load();
        await openIncident(answer.incident_id);
      }}, t("split")));
    }
    tools.appendChild(candidates);
    return tools;
  }

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
    $("#reset").addEventListener("click", () => { $("#filters").reset(); load(); });
    setupMap();
    applyLanguage();
    getJSON("/api/vocabulary").then((v) => { state.vocabulary = v; if (state.incident) renderIncident(state.incident); });
    await load();
    if (opened) await openIncident(opened);
    document.body.dataset.ready = "1";
  }

  window.addEventListener("resize", () => { if (state.features) drawTimeline(); });
  document.addEventListener("DOMContentLoaded", start);
})();
