// rasid workbench: the incident panel (summary, ledger, versions side by side, reports with their evidence)
// and review in place (accept, reject, undo, correct, re-place, merge, split) with the change history.
// Every text that comes from the store is put in the page with textContent, never as markup.
"use strict";

(function () {
  const R = window.rasid;
  const {state, t, el} = R;

  const toll = (f) => (f ? (f.low || 0) + "/" + (f.best || 0) + "/" + (f.high || 0) : "—");
  const placeOf = (loc) => (loc ? loc.name + (loc.admin1 ? " (" + loc.admin1 + ")" : "") : "—");

  function section(panel, key, extra) {
    panel.appendChild(el("h3", {}, t(key) + (extra || "")));
  }

  // ------------------------------------------------------------ the incident

  function renderIncident(inc) {
    const panel = R.emptyPanel();
    panel.appendChild(el("h2", {"data-testid": "incident-title"}, R.typeName(inc.event_type) + " — " + inc.sub_event_type));
    panel.appendChild(el("p", {class: "hint"}, inc.incident_id));
    const dates = inc.date_end && inc.date_end !== inc.date_start ? inc.date_start + " – " + inc.date_end : inc.date_start;
    const summary = el("dl", {class: "summary"});
    const row = (key, value) => { summary.appendChild(el("dt", {}, t(key))); summary.appendChild(el("dd", {}, value)); };
    row("dates", dates || "—");
    row("place", placeOf(inc.location));
    row("actors", [inc.actor1, inc.actor2].filter(Boolean).map(R.actorName).join(" ⟷ "));
    row("fatalities", toll(inc.fatalities).replace(/\//g, " / "));
    row("grade", t(inc.grade) + (inc.contested ? " · " + t("contested") : ""));
    panel.appendChild(summary);
    if (inc.notes) panel.appendChild(el("p", {dir: "auto"}, inc.notes));

    section(panel, "ledger");
    const ledger = el("table", {"data-testid": "ledger"},
      el("tr", {}, el("th", {}, t("source")), el("th", {}, t("stance")), el("th", {}, t("quote"))));
    for (const e of inc.ledger || []) {
      ledger.appendChild(el("tr", {}, el("td", {title: e.source}, R.sourceName(e.source)),
                            el("td", {class: "stance-" + e.stance}, t(e.stance)), el("td", {dir: "auto"}, e.quote || "")));
    }
    panel.appendChild(ledger);

    if ((inc.versions || []).length > 1) {
      section(panel, "versions");
      panel.appendChild(versionsTable(inc.versions));
    }

    section(panel, "reports", " (" + inc.reports.length + ")");
    for (const report of inc.reports) panel.appendChild(renderReport(inc, report));

    const out = takenOut(inc);
    if (out.length) {
      section(panel, "taken_out");
      const list = el("ul", {class: "taken-out", "data-testid": "taken-out"});
      for (const entry of out) {
        list.appendChild(el("li", {"data-event": entry.subject}, entry.subject + " · " + entry.author + " · " +
          entry.changed_at + "  ", el("button", {type: "button", "data-action": "undo", onclick: async () => {
            await R.post("/api/events/" + encodeURIComponent(entry.subject) + "/review", {action: "clear"});
            await R.refresh(inc.incident_id);
          }}, t("undo"))));
      }
      panel.appendChild(list);
    }

    section(panel, "merge");
    panel.appendChild(mergePicker(inc));

    section(panel, "history");
    panel.appendChild(historyTable(inc.history || []));
  }

  const REVIEWS = new Set(["accept", "reject", "clear"]);

  // the reports a review took out of this incident and still rejected (their last change is the reject)
  function takenOut(inc) {
    const inside = new Set(inc.reports.map((r) => r.event_id));
    const last = new Map();
    for (const h of inc.history || []) if (REVIEWS.has(h.action)) last.set(h.subject, h);
    return [...last.values()].filter((h) => h.action === "reject" && !inside.has(h.subject));
  }

  // ------------------------------------------------------------ the versions of a disputed event, side by side

  function versionsTable(versions) {
    const table = el("table", {class: "versions", "data-testid": "versions"});
    table.appendChild(el("tr", {}, el("th", {}), ...versions.map((v, i) => el("th", {}, t("version") + " " + (i + 1)))));
    const rows = [["actor1", (v) => R.actorName(v.actor1)], ["actor2", (v) => R.actorName(v.actor2)],
                  ["sub_event_type", (v) => v.sub_event_type], ["fatalities", (v) => toll(v.fatalities)]];
    for (const [key, show] of rows) {
      const values = versions.map(show);
      const differs = new Set(values).size > 1;
      table.appendChild(el("tr", {"data-field": key}, el("th", {}, t(key)),
        ...values.map((value) => el("td", {class: differs ? "differs" : null}, value))));
    }
    const claims = el("tr", {"data-field": "claims"}, el("th", {}, t("claims")));
    for (const v of versions) {
      const cell = el("td", {});
      for (const c of v.claims || []) {
        cell.appendChild(el("div", {class: "claim stance-" + c.stance},
          el("strong", {title: c.source}, R.sourceName(c.source)), " · " + t(c.stance) + (c.quote ? ": " : ""),
          c.quote ? el("q", {dir: "auto"}, c.quote) : null));
      }
      claims.appendChild(cell);
    }
    table.appendChild(claims);
    return table;
  }

  // ------------------------------------------------------------ merge with…: nearby incidents, or picked on the map

  function mergePicker(inc) {
    const box = el("div", {class: "merge", "data-testid": "merge"});
    const list = el("ul", {class: "merge-list"});
    const add = (other, checked) => {
      if (other.incident_id === inc.incident_id || list.querySelector("[data-merge='" + other.incident_id + "']")) {
        const known = list.querySelector("input[data-merge='" + other.incident_id + "']");
        if (known) known.checked = true;
        return;
      }
      const where = other.distance_km === undefined || other.distance_km === null ? "" : " · " + other.distance_km + " " + t("km");
      const when = other.day_gap === undefined ? "" : " · ±" + other.day_gap + " " + t("days");
      list.appendChild(el("li", {}, el("label", {},
        el("input", {type: "checkbox", "data-merge": other.incident_id, checked: checked}),
        " " + (other.date_start || "—") + " · " + R.typeName(other.event_type) + " · " + placeOf(other.location) +
        where + when + " · " + other.reports.length + " " + t("reports_n") + " · " + other.incident_id)));
    };
    R.getJSON("/api/incidents/" + encodeURIComponent(inc.incident_id) + "/nearby?limit=20").then((found) => {
      for (const other of found.items) add(other, false);
      if (!found.items.length) list.appendChild(el("li", {class: "hint"}, t("merge_none")));
    }).catch((err) => R.status(String(err.message || err), true));
    const pick = el("button", {type: "button", "data-action": "merge-pick", onclick: () => {
      // a second press ends the picking
      if (state.mergePick) {
        state.mergePick = null;
        document.body.classList.remove("merge-picking");
        return;
      }
      R.status(t("merge_picking"));
      document.body.classList.add("merge-picking");
      state.mergePick = async (id) => {
        try {
          add(await R.getJSON("/api/incidents/" + encodeURIComponent(id)), true);
        } catch (err) {
          R.status(String(err.message || err), true);
        }
      };
    }}, t("merge_pick"));
    const merge = el("button", {type: "button", "data-action": "merge", onclick: async () => {
      const others = [...list.querySelectorAll("input[data-merge]:checked")].map((c) => c.dataset.merge);
      if (!others.length) return;
      await R.post("/api/incidents/merge", {into: inc.incident_id, others});
      await R.refresh(inc.incident_id);
    }}, t("merge_selected"));
    box.appendChild(list);
    box.appendChild(el("div", {class: "tools"}, pick, merge));
    return box;
  }

  // ------------------------------------------------------------ the history: who, when, the value before and after

  function shown(value) {
    if (value === null || value === undefined || value === "") return "—";
    if (Array.isArray(value)) return value.join(", ");
    if (typeof value === "object") return value.name || JSON.stringify(value);
    return String(value);
  }

  function described(values) {
    if (!values || typeof values !== "object") return shown(values);
    return Object.entries(values).map(([k, v]) => t(k) + ": " + (k === "decision" && v ? t(v === "reject" ? "rejected" : "accepted") : shown(v))).join("; ");
  }

  function historyTable(entries) {
    const table = el("table", {class: "history", "data-testid": "history"},
      el("tr", {}, ...["when", "who", "action", "subject", "before", "after", "note"].map((k) => el("th", {}, t(k)))));
    const action = {accept: "accept", reject: "reject", clear: "clear", merge: "merge_action", split: "split_action"};
    for (const h of entries) {
      table.appendChild(el("tr", {"data-action": h.action},
        el("td", {class: "when"}, h.changed_at.replace("T", " ").slice(0, 19)), el("td", {class: "who"}, h.author),
        el("td", {}, t(action[h.action] || h.action)), el("td", {}, h.subject),
        el("td", {class: "before", dir: "auto"}, described(h.before)), el("td", {class: "after", dir: "auto"}, described(h.after)),
        el("td", {dir: "auto"}, h.note || "")));
    }
    if (!entries.length) table.appendChild(el("tr", {}, el("td", {colspan: 7}, t("none"))));
    return table;
  }

  // ------------------------------------------------------------ a report: its fields, text with evidence, review

  // Fields shown per report; each one highlights the evidence that produced it.
  const RULE_OF_FIELD = {event_type: "trigger", sub_event_type: "trigger", event_date: "date", actor1: "actor",
                         actor2: "actor", location: "place", fatalities: "casualty"};
  const SHOWN = ["event_type", "sub_event_type", "event_date", "actor1", "actor2", "location", "fatalities"];

  function renderReport(inc, report) {
    const event = report.event || {};
    const decision = report.review ? report.review.decision : null;
    const box = el("div", {class: "report" + (decision === "reject" ? " rejected" : ""), "data-event": report.event_id});
    box.appendChild(el("div", {}, el("strong", {}, report.outlet || report.article_id), " · " + (report.published || "") +
      (decision ? " · " : ""), decision ? el("span", {class: "decision"}, t(decision === "reject" ? "rejected" : "accepted")) : null));
    if (report.title) box.appendChild(el("div", {class: "title", dir: "auto"}, report.title));
    if (report.reason) box.appendChild(el("div", {class: "hint"}, t("reason") + ": " + report.reason));
    const text = el("div", {class: "text", dir: "auto", "data-testid": "report-text"});
    const fields = el("div", {class: "fields"});
    for (const name of SHOWN) {
      let value = event[name];
      if (name === "location") value = value ? value.name + " (" + value.geo_precision + ")" : null;
      if (name === "fatalities") value = value ? toll(value) : null;
      if (name === "event_type") value = value ? R.typeName(value) : null;
      if (name === "actor1" || name === "actor2") value = value ? R.actorName(value) : null;
      if (value === null || value === undefined) continue;
      const button = el("button", {type: "button", class: "field", "data-field": name, onclick: () => {
        const prefix = RULE_OF_FIELD[name];
        for (const m of text.querySelectorAll("mark")) {
          m.classList.toggle("hot", (m.dataset.rules || "").split(" ").some((r) => r.startsWith(prefix)));
        }
      }}, t(name) + ": ", el("bdi", {}, String(value)));
      fields.appendChild(button);
      fields.appendChild(document.createTextNode("  "));
    }
    box.appendChild(fields);
    box.appendChild(text);
    fillText(text, report);
    box.appendChild(reviewTools(inc, report, event));
    return box;
  }

  async function fillText(node, report) {
    let article;
    try {
      article = await R.getJSON("/api/articles/" + encodeURIComponent(report.article_id));
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

  function reviewTools(inc, report, event) {
    const tools = el("div", {class: "tools"});
    const decision = report.review ? report.review.decision : null;
    const decide = (action, extra) => async () => {
      await R.post("/api/events/" + encodeURIComponent(report.event_id) + "/review", {action, ...(extra || {})});
      const after = await R.getJSON("/api/events/" + encodeURIComponent(report.event_id));
      // a rejected report leaves its incident, which stays open with the undo; a lone one is shown on its own
      await R.refresh(after.incident_id || (inc && inc.incident_id), report.event_id);
    };
    if (decision !== "accept") tools.appendChild(el("button", {type: "button", "data-action": "accept", onclick: decide("accept")}, t("accept")));
    if (decision !== "reject") tools.appendChild(el("button", {type: "button", "data-action": "reject", onclick: decide("reject")}, t("reject")));
    if (decision) tools.appendChild(el("button", {type: "button", "data-action": "clear", onclick: decide("clear")}, t("clear")));
    if (!inc) return tools;
    const field = el("select", {name: "field"});
    for (const name of Object.keys((state.vocabulary || {}).correctable || {})) field.appendChild(el("option", {value: name}, t(name)));
    const value = el("input", {name: "value", placeholder: t("value"), list: "actor-ids"});
    tools.appendChild(field);
    tools.appendChild(value);
    tools.appendChild(el("button", {type: "button", "data-action": "correct", onclick: () =>
      decide("accept", {set: {[field.value]: value.value}})()}, t("correct")));
    const placeName = el("input", {name: "place", placeholder: t("place"), value: event.location ? event.location.name : ""});
    const candidates = el("div", {class: "candidates"});
    tools.appendChild(placeName);
    tools.appendChild(el("button", {type: "button", "data-action": "find-place", onclick: async () => {
      while (candidates.firstChild) candidates.removeChild(candidates.firstChild);
      if (!placeName.value.trim()) return;
      const found = await R.getJSON("/api/places?q=" + encodeURIComponent(placeName.value.trim()) + "&limit=8");
      const current = event.location ? event.location.place_id : null;
      for (const p of found.candidates) {
        candidates.appendChild(el("button", {type: "button", "data-place": p.place_id, disabled: p.place_id === current,
          onclick: decide("accept", {set: {location: {place_id: p.place_id}}})},
          p.name + " · " + (p.name_en || "") + " · " + (p.admin1 || "") + " / " + (p.admin2 || "") + " · " + p.feature));
      }
      if (!found.candidates.length) candidates.appendChild(el("span", {}, t("none")));
    }}, t("find_place")));
    tools.appendChild(el("button", {type: "button", "data-action": "click-point", onclick: () =>
      R.pickPoint((latlng) => decide("accept", {set: {location: {latitude: +latlng.lat.toFixed(5),
                                                                  longitude: +latlng.lng.toFixed(5)}}})())},
      t("click_point")));
    if (inc.reports.length > 1) {
      tools.appendChild(el("button", {type: "button", "data-action": "split", onclick: async () => {
        const answer = await R.post("/api/incidents/" + encodeURIComponent(inc.incident_id) + "/split", {event_id: report.event_id});
        await R.refresh(answer.incident_id);
      }}, t("split")));
    }
    tools.appendChild(candidates);
    return tools;
  }

  // ------------------------------------------------------------ a report outside every incident (rejected)

  function renderEvent(found) {
    const panel = R.emptyPanel();
    panel.appendChild(el("h2", {"data-testid": "event-title"}, t("lone_event")));
    panel.appendChild(el("p", {class: "hint"}, found.event_id));
    const report = {event_id: found.event_id, article_id: found.article.article_id, outlet: found.article.outlet,
                    published: found.article.published, title: found.article.title, review: found.review,
                    event: found.event, evidence: found.evidence, claims: found.claims};
    panel.appendChild(renderReport(null, report));
    section(panel, "history");
    panel.appendChild(historyTable(found.history || []));
  }

  R.renderIncident = renderIncident;
  R.renderEvent = renderEvent;
})();
