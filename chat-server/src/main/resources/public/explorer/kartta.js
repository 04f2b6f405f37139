// The ecosystem map (toimijakartta): Cytoscape.js draws the graph from /api/v1/graph; the same data
// is listed for keyboard and screen-reader users. Every corpus text is inserted with textContent,
// never as HTML, and only http(s) addresses become links.
(function () {
  "use strict";

  const T = {
    fi: {
      title: "Toimijakartta", language: "Kieli", backToChat: "Takaisin keskusteluun",
      intro: "Ketkä viranomaiset ja palvelut liittyvät mihinkin elämäntapahtumaan, mitä luvat ja ilmoitukset edellyttävät ja miten organisaatiot muuttuivat.",
      event: "Elämäntapahtuma", allEvents: "Kaikki elämäntapahtumat", actorType: "Toimijan tyyppi", allTypes: "Kaikki tyypit",
      municipality: "Kunta", search: "Haku", layout: "Asettelu", byKind: "Tyypeittäin", byPhase: "Vaiheittain", network: "Verkostona",
      organisation: "Organisaatio vuonna", showPlan: "Näytä oma suunnitelmani", clearPlan: "Piilota suunnitelma",
      tabMap: "Kartta", tabList: "Luettelo", tabGaps: "Puutteet",
      detailsHint: "Valitse kohde kartalta tai luettelosta, niin näet sen tiedot.",
      footer: "Tiedot ovat ohjeellisia. Luonnoksiksi merkityt kohdat tarkistetaan vielä.",
      kinds: { event: "Elämäntapahtuma", obligation: "Velvoite", service: "Palvelu", actor: "Toimija" },
      kindsPlural: { event: "Elämäntapahtumat", obligation: "Velvoitteet", service: "Palvelut", actor: "Toimijat" },
      edges: { brings: "tuo", "leads-to": "johtaa tapahtumaan", competent: "toimivaltainen", prerequisite: "edellyttää", provider: "tarjoaja", successor: "seuraaja", "task-successor": "osa tehtävistä siirtyi" },
      edgesIn: { brings: "tuodaan tapahtumasta", "leads-to": "seuraa tapahtumasta", competent: "käsittelee", prerequisite: "edellytyksenä kohteelle", provider: "tarjoaa", successor: "edeltäjä", "task-successor": "sai tehtäviä edeltäjältä" },
      draft: "Luonnos", reviewed: "Tarkistettu", status: "Tila", type: "Tyyppi", phase: "Vaihe", legalBasis: "Oikeusperusta",
      conditions: "Milloin koskee", source: "Lähde", owner: "Ylläpitäjä", reviewedOn: "Tarkistettu", link: "Verkkosivu tai asiointi",
      validity: "Voimassa", successorOf: "Seuraaja", unit: "Palveleva yksikkö", connections: "Yhteydet", via: "kartassa nimetty",
      inPlan: "Suunnitelmassasi", loading: "Ladataan karttaa…", loaded: "{n} kohdetta ja {e} yhteyttä.",
      noPlan: "Selaimessa ei ole keskustelua. Aloita keskustelu chat-sivulla, niin voit näyttää suunnitelmasi kartalla.",
      planShown: "Suunnitelmasi {n} kohdetta on korostettu.", planGone: "Keskustelua ei löytynyt; se on ehkä poistettu.",
      failed: "Karttaa ei saatu ladattua: ", matches: "Haulla löytyi {n} kohdetta.",
      gapsTitle: { eventsWithoutItems: "Elämäntapahtumat ilman velvoitteita tai palveluja", itemsNoRuleReaches: "Kohteet, joihin mikään sääntö ei johda",
        itemsNoEventReaches: "Kohteet, joihin ei päädytä elämäntapahtumasta", retiredActorsWithoutSuccessor: "Lakanneet toimijat ilman seuraajaa",
        servicesWithoutProvider: "Palvelut ilman tarjoajaa" },
      gapsIntro: "Sisällön ylläpitäjille: mitä kartasta puuttuu (tilanne {at}).", none: "Ei puutteita.",
      types: { state_agency: "Valtion virasto", regional_state: "Alueellinen valtionhallinto", municipality: "Kunta", wellbeing_services_county: "Hyvinvointialue",
        public_body: "Julkisyhteisö", private: "Yksityinen", third_sector: "Kolmas sektori", online_service: "Verkkopalvelu",
        permit: "Lupa", notification: "Ilmoitus", registration: "Rekisteröinti", insurance: "Vakuutus", report: "Raportointi", self_monitoring: "Omavalvonta", public: "Julkinen" },
      phases: { idea: "Idea", founding: "Perustaminen", funding: "Rahoitus", permits: "Luvat", construction: "Rakentaminen", hiring: "Palkkaaminen",
        market_entry: "Markkinoille", skills: "Osaaminen", supervision: "Valvonta", growth: "Kasvu", generational_change: "Sukupolvenvaihdos",
        selling: "Myynti", winding_down: "Lopettaminen" },
    },
    sv: {
      title: "Aktörskarta", language: "Språk", backToChat: "Tillbaka till chatten",
      intro: "Vilka myndigheter och tjänster hör till vilken livssituation, vad tillstånd och anmälningar förutsätter och hur organisationerna förändrades.",
      event: "Livssituation", allEvents: "Alla livssituationer", actorType: "Typ av aktör", allTypes: "Alla typer",
      municipality: "Kommun", search: "Sök", layout: "Layout", byKind: "Efter typ", byPhase: "Efter fas", network: "Som nätverk",
      organisation: "Organisation år", showPlan: "Visa min plan", clearPlan: "Dölj planen",
      tabMap: "Karta", tabList: "Lista", tabGaps: "Brister",
      detailsHint: "Välj ett objekt på kartan eller i listan för att se dess uppgifter.",
      footer: "Uppgifterna är vägledande. Objekt märkta som utkast granskas ännu.",
      kinds: { event: "Livssituation", obligation: "Skyldighet", service: "Tjänst", actor: "Aktör" },
      kindsPlural: { event: "Livssituationer", obligation: "Skyldigheter", service: "Tjänster", actor: "Aktörer" },
      draft: "Utkast", reviewed: "Granskad", status: "Status", inPlan: "I din plan", loading: "Kartan laddas…", loaded: "{n} objekt och {e} kopplingar.",
      edges: { brings: "medför", "leads-to": "leder till", competent: "behörig", prerequisite: "förutsätter", provider: "tillhandahålls av", successor: "efterträdare", "task-successor": "en del av uppgifterna till" },
      edgesIn: { brings: "medförs av", "leads-to": "följer av", competent: "behandlar", prerequisite: "förutsättning för", provider: "tillhandahåller", successor: "föregångare", "task-successor": "fick uppgifter från" },
      type: "Typ", phase: "Fas", legalBasis: "Rättslig grund", conditions: "När den gäller", source: "Källa", owner: "Ansvarig",
      reviewedOn: "Granskad", link: "Webbsida eller e-tjänst", validity: "Verksam", unit: "Betjänande enhet", connections: "Kopplingar", via: "på kartan",
      noPlan: "Det finns ingen konversation i webbläsaren. Börja en konversation på chattsidan för att visa din plan på kartan.",
      planShown: "{n} objekt i din plan är markerade.", planGone: "Konversationen hittades inte; den har kanske raderats.",
      failed: "Kartan kunde inte laddas: ", matches: "Sökningen hittade {n} objekt.", none: "Inga brister.",
      gapsIntro: "För innehållsansvariga: vad kartan saknar (läget {at}).",
      gapsTitle: { eventsWithoutItems: "Livssituationer utan skyldigheter eller tjänster", itemsNoRuleReaches: "Objekt som ingen regel leder till",
        itemsNoEventReaches: "Objekt som ingen livssituation leder till", retiredActorsWithoutSuccessor: "Nedlagda aktörer utan efterträdare",
        servicesWithoutProvider: "Tjänster utan tillhandahållare" }
    },
    en: {
      title: "Ecosystem map", language: "Language", backToChat: "Back to the chat",
      intro: "Which authorities and services belong to which life event, what permits and notifications require, and how the organisations changed.",
      event: "Life event", allEvents: "All life events", actorType: "Actor type", allTypes: "All types",
      municipality: "Municipality", search: "Search", layout: "Layout", byKind: "By kind", byPhase: "By phase", network: "As a network",
      organisation: "Organisation in", showPlan: "Show my plan", clearPlan: "Hide the plan",
      tabMap: "Map", tabList: "List", tabGaps: "Gaps",
      detailsHint: "Choose an item on the map or in the list to see its details.",
      footer: "The information is indicative. Items marked as drafts are still being checked.",
      kinds: { event: "Life event", obligation: "Obligation", service: "Service", actor: "Actor" },
      kindsPlural: { event: "Life events", obligation: "Obligations", service: "Services", actor: "Actors" },
      draft: "Draft", reviewed: "Reviewed", status: "Status", inPlan: "In your plan", loading: "Loading the map…", loaded: "{n} items and {e} connections.",
      edges: { brings: "brings", "leads-to": "leads to", competent: "competent authority", prerequisite: "requires", provider: "provided by", successor: "successor", "task-successor": "some tasks went to" },
      edgesIn: { brings: "brought by", "leads-to": "follows from", competent: "handles", prerequisite: "required for", provider: "provides", successor: "predecessor", "task-successor": "took over tasks from" },
      type: "Type", phase: "Phase", legalBasis: "Legal basis", conditions: "When it applies", source: "Source", owner: "Maintained by",
      reviewedOn: "Reviewed", link: "Web page or e-service", validity: "In operation", unit: "Serving unit", connections: "Connections", via: "on the map",
      noPlan: "There is no conversation in this browser. Start one on the chat page to show your plan on the map.",
      planShown: "{n} items of your plan are highlighted.", planGone: "The conversation was not found; it may have been deleted.",
      failed: "The map could not be loaded: ", matches: "The search found {n} items.", none: "No gaps.",
      gapsIntro: "For content editors: what the map lacks (as of {at}).",
      gapsTitle: { eventsWithoutItems: "Life events without obligations or services", itemsNoRuleReaches: "Items no rule leads to",
        itemsNoEventReaches: "Items no life event leads to", retiredActorsWithoutSuccessor: "Retired actors without a successor",
        servicesWithoutProvider: "Services without a provider" }
    }
  };
  const PHASES = ["idea", "founding", "funding", "permits", "construction", "hiring", "market_entry", "skills", "supervision",
    "growth", "generational_change", "selling", "winding_down"];
  const KINDS = ["event", "obligation", "service", "actor"];
  const COLOURS = { event: "#0b5394", obligation: "#b45309", service: "#047857", actor: "#6d28d9" };

  const $ = (id) => document.getElementById(id);
  const params = new URLSearchParams(location.search);
  let lang = ["fi", "sv", "en"].includes(params.get("lang")) ? params.get("lang") : "fi";
  let graph = { nodes: [], edges: [] };
  let byId = new Map();
  let cy = null;
  let selected = null;
  let plan = null;

  /** A text of the interface in the chosen language, falling back to Finnish. */
  function t(key, sub) {
    const pick = (table) => sub === undefined ? table[key] : (table[key] || {})[sub];
    const v = pick(T[lang]);
    return v !== undefined ? v : pick(T.fi);
  }

  function fill(text, values) {
    return text.replace(/\{(\w+)\}/g, (m, k) => String(values[k]));
  }

  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }

  function nameOf(n) {
    return (n.names && n.names[lang]) || n.name;
  }

  function safeUrl(u) {
    return typeof u === "string" && /^https?:\/\//i.test(u) ? u : null;
  }

  function translatePage() {
    document.documentElement.lang = lang;
    document.querySelectorAll("[data-t]").forEach((e) => { e.textContent = t(e.dataset.t); });
    $("lang").value = lang;
    const legend = $("legend");
    legend.replaceChildren();
    KINDS.forEach((k) => {
      const item = el("span", "key");
      item.appendChild(el("span", "swatch " + k));
      item.appendChild(document.createTextNode(t("kinds", k)));
      legend.appendChild(item);
    });
    const draft = el("span", "key");
    draft.appendChild(el("span", "swatch draft"));
    draft.appendChild(document.createTextNode(t("draft")));
    legend.appendChild(draft);
  }

  function status(text) {
    $("status").textContent = text;
  }

  function atParam() {
    return $("year").value + "-07-01";
  }

  function query() {
    const q = new URLSearchParams();
    if ($("event").value) q.set("event", $("event").value);
    if ($("municipality").value.trim()) q.set("municipality", $("municipality").value.trim());
    q.set("at", atParam());
    return q;
  }

  async function getJson(url, options) {
    const r = await fetch(url, options);
    const body = await r.json().catch(() => ({}));
    if (!r.ok) {
      const err = new Error((body.error && body.error.message) || ("HTTP " + r.status));
      err.status = r.status;
      throw err;
    }
    return body;
  }

  async function loadEvents() {
    const all = await getJson("/api/v1/graph?kind=event");
    const select = $("event");
    all.nodes.slice().sort((a, b) => nameOf(a).localeCompare(nameOf(b), "fi")).forEach((n) => {
      const o = el("option", null, nameOf(n));
      o.value = n.id;
      select.appendChild(o);
    });
    if (params.get("event")) select.value = params.get("event");
  }

  /** Counts loads, so that an answer overtaken by a later request (the year moved twice) is dropped. */
  let loads = 0;

  async function load() {
    const mine = ++loads;
    status(t("loading"));
    let answer;
    try {
      answer = await getJson("/api/v1/graph?" + query().toString());
    } catch (e) {
      if (mine === loads) status(t("failed") + e.message);
      return;
    }
    if (mine !== loads) return;
    graph = answer;
    byId = new Map(graph.nodes.map((n) => [n.id, n]));
    fillActorTypes();
    draw();
    renderList();
    if (selected && byId.has(selected)) showDetails(selected); else clearDetails();
    status(fill(t("loaded"), { n: graph.nodes.length, e: graph.edges.length }));
  }

  function fillActorTypes() {
    const select = $("actor-type");
    const keep = select.value;
    const types = [...new Set(graph.nodes.filter((n) => n.kind === "actor").map((n) => n.type))].sort();
    while (select.options.length > 1) select.remove(1);
    types.forEach((ty) => {
      const o = el("option", null, t("types", ty) || ty);
      o.value = ty;
      select.appendChild(o);
    });
    select.value = types.includes(keep) ? keep : "";
  }

  /** Nodes the actor-type filter leaves: actors of the chosen type, and everything else. */
  function visible(n) {
    const type = $("actor-type").value;
    return !type || n.kind !== "actor" || n.type === type;
  }

  /**
   * Preset positions: a group of columns per kind (or per life-cycle phase), each group wrapped into
   * as many columns as make the whole about as wide as the drawing area, names sorted within.
   */
  function positions(layout) {
    const W = 230, H = 28, GAP = 90;
    const sorted = graph.nodes.filter(visible).slice().sort((a, b) => nameOf(a).localeCompare(nameOf(b), "fi"));
    const groupOf = (n) => {
      if (layout !== "phase") return KINDS.indexOf(n.kind);
      if (n.kind === "event") return 0;
      if (n.kind === "actor") return PHASES.length + 1;
      return 1 + Math.max(0, PHASES.indexOf(n.phase || "permits"));
    };
    const groups = new Map();
    sorted.forEach((n) => {
      const g = groupOf(n);
      if (!groups.has(g)) groups.set(g, []);
      groups.get(g).push(n);
    });
    const order = [...groups.keys()].sort((a, b) => a - b);
    const box = $("graph").getBoundingClientRect();
    const aspect = box.width > 0 && box.height > 0 ? box.width / box.height : 1.5;
    let best = null;
    for (let rows = 4; rows <= Math.max(4, sorted.length); rows++) {
      const columns = order.reduce((c, g) => c + Math.ceil(groups.get(g).length / rows), 0);
      const width = columns * W + (order.length - 1) * GAP;
      const score = Math.abs(Math.log(width / (rows * H) / aspect));
      if (!best || score < best.score) best = { rows: rows, score: score };
      if (width / (rows * H) < aspect) break;
    }
    const pos = {};
    let x = 0;
    order.forEach((g) => {
      const list = groups.get(g);
      list.forEach((n, i) => {
        pos[n.id] = { x: x + Math.floor(i / best.rows) * W, y: (i % best.rows) * H };
      });
      x += Math.ceil(list.length / best.rows) * W + GAP;
    });
    return pos;
  }

  function draw() {
    const nodes = graph.nodes.filter(visible);
    const ids = new Set(nodes.map((n) => n.id));
    const elements = nodes.map((n) => ({
      group: "nodes",
      data: { id: n.id, label: nameOf(n), kind: n.kind },
      classes: [n.kind, n.status === "draft" ? "draft" : "", n.active === false ? "retired" : ""].join(" ").trim()
    })).concat(graph.edges.filter((e) => ids.has(e.from) && ids.has(e.to)).map((e, i) => ({
      group: "edges",
      data: { id: "e" + i, source: e.from, target: e.to, kind: e.kind },
      classes: e.kind
    })));
    const started = performance.now();
    if (cy) cy.destroy();
    cy = cytoscape({
      container: $("graph"),
      elements: elements,
      textureOnViewport: true,
      hideEdgesOnViewport: true,
      minZoom: 0.05,
      maxZoom: 3,
      style: [
        { selector: "node", style: { "label": "data(label)", "font-size": 11, "min-zoomed-font-size": 7,
          "text-valign": "center", "text-halign": "right", "text-margin-x": 4, "width": 14, "height": 14, "border-width": 2,
          "border-color": "#fff", "color": "#1f2328" } },
        { selector: "node.event", style: { "background-color": COLOURS.event, "shape": "round-rectangle", "width": 18, "height": 18 } },
        { selector: "node.obligation", style: { "background-color": COLOURS.obligation, "shape": "diamond" } },
        { selector: "node.service", style: { "background-color": COLOURS.service, "shape": "ellipse" } },
        { selector: "node.actor", style: { "background-color": COLOURS.actor, "shape": "hexagon", "width": 18, "height": 18 } },
        { selector: "node.draft", style: { "border-style": "dashed", "border-color": "#8a5a00" } },
        { selector: "edge", style: { "width": 1, "line-color": "#c4c9d0", "curve-style": "haystack", "opacity": 0.7 } },
        { selector: "edge.successor", style: { "line-color": "#6d28d9", "width": 2, "line-style": "dashed", "curve-style": "bezier",
          "target-arrow-shape": "triangle", "target-arrow-color": "#6d28d9" } },
        { selector: "edge.task-successor", style: { "line-color": "#a78bfa", "width": 1.5, "line-style": "dotted", "curve-style": "bezier",
          "target-arrow-shape": "triangle", "target-arrow-color": "#a78bfa" } },
        { selector: "edge.prerequisite", style: { "line-color": "#b45309" } },
        { selector: ".faded", style: { "opacity": 0.12 } },
        { selector: "node.match", style: { "border-color": "#d00", "border-width": 4 } },
        { selector: "node.plan", style: { "border-color": "#facc15", "border-width": 5, "font-weight": "bold" } },
        { selector: "edge.plan", style: { "line-color": "#eab308", "width": 3, "opacity": 1 } },
        { selector: "node:selected", style: { "border-color": "#111", "border-width": 4 } }
      ],
      layout: { name: "preset", positions: positions($("layout").value === "network" ? "kind" : $("layout").value), fit: true, padding: 20 }
    });
    cy.on("tap", "node", (evt) => showDetails(evt.target.id()));
    const layoutName = $("layout").value;
    const finished = () => requestAnimationFrame(() => requestAnimationFrame(() => {
      window.__karttaRenderMs = Math.round(performance.now() - started);
      $("graph").dataset.renderMs = String(window.__karttaRenderMs);
      $("graph").dataset.nodes = String(cy.nodes().length);
      $("graph").dataset.ready = "true";
    }));
    $("graph").dataset.ready = "false";
    if (layoutName === "network") {
      const l = cy.layout({ name: "cose", animate: false, randomize: false, nodeRepulsion: () => 6000, numIter: 600, fit: true, padding: 20 });
      l.one("layoutstop", finished);
      l.run();
    } else {
      finished();
    }
    applyHighlights();
  }

  /**
   * Whether an item is in the shown plan. The plan names the actors in force today; on an earlier
   * year the actor they succeeded (AVI for Lupa- ja valvontavirasto) stands in for them.
   */
  function inPlanOf(id) {
    if (!plan) return false;
    if (plan.has(id)) return true;
    const n = byId.get(id);
    return !!(n && n.kind === "actor" && n.successor && plan.has(n.successor));
  }

  function applyHighlights() {
    if (!cy) return;
    cy.elements().removeClass("faded match plan");
    const q = $("search").value.trim().toLowerCase();
    if (q) {
      const hits = cy.nodes().filter((n) => n.data("label").toLowerCase().includes(q) || n.id().includes(q));
      hits.addClass("match");
      status(fill(t("matches"), { n: hits.length }));
    }
    if (plan) {
      const inPlan = cy.nodes().filter((n) => inPlanOf(n.id()));
      inPlan.addClass("plan");
      inPlan.edgesWith(inPlan).addClass("plan");
      cy.elements().not(inPlan).not(inPlan.edgesWith(inPlan)).addClass("faded");
    }
    renderListMarks();
  }

  function clearDetails() {
    selected = null;
    const d = $("details");
    d.replaceChildren(el("p", "hint", t("detailsHint")));
  }

  function row(dl, label, value, href) {
    if (value === null || value === undefined || value === "") return;
    dl.appendChild(el("dt", null, label));
    const dd = el("dd");
    const url = safeUrl(href);
    if (url) {
      const a = el("a", null, value);
      a.href = url;
      a.rel = "noopener noreferrer";
      a.target = "_blank";
      dd.appendChild(a);
    } else {
      dd.textContent = value;
    }
    dl.appendChild(dd);
  }

  function nodeButton(id) {
    const n = byId.get(id);
    const b = el("button", "link", n ? nameOf(n) : id);
    b.type = "button";
    b.addEventListener("click", () => showDetails(id, true));
    return b;
  }

  function showDetails(id, focus) {
    const n = byId.get(id);
    if (!n) return;
    selected = id;
    const d = $("details");
    d.replaceChildren();
    const h = el("h2", null, nameOf(n));
    h.id = "details-title";
    d.appendChild(h);
    const badges = el("p", "badges");
    badges.appendChild(el("span", "badge kind-" + n.kind, t("kinds", n.kind)));
    badges.appendChild(el("span", "badge " + (n.status === "draft" ? "draft" : "reviewed"), n.status === "draft" ? t("draft") : t("reviewed")));
    if (inPlanOf(id)) badges.appendChild(el("span", "badge plan", t("inPlan")));
    d.appendChild(badges);
    if (n.description) d.appendChild(el("p", "description", n.description));
    const dl = el("dl");
    row(dl, t("type"), n.type ? (t("types", n.type) || n.type) : null);
    row(dl, t("phase"), n.phase ? (t("phases", n.phase) || n.phase) : (n.phases && n.phases.length ? n.phases.map((p) => t("phases", p) || p).join(", ") : null));
    row(dl, t("unit"), n.unit);
    row(dl, t("legalBasis"), n.legalBasis);
    row(dl, t("conditions"), n.conditions);
    row(dl, t("validity"), n.validFrom || n.validTo ? (n.validFrom || "…") + " – " + (n.validTo || "…") : null);
    row(dl, t("link"), n.url, n.url);
    row(dl, t("source"), n.source, n.source);
    row(dl, t("owner"), n.owner);
    row(dl, t("reviewedOn"), n.reviewed);
    d.appendChild(dl);
    const out = graph.edges.filter((e) => e.from === id);
    const inc = graph.edges.filter((e) => e.to === id);
    if (out.length || inc.length) {
      d.appendChild(el("h3", null, t("connections")));
      const ul = el("ul", "connections");
      out.forEach((e) => {
        const li = el("li", null, t("edges", e.kind) + ": ");
        li.appendChild(nodeButton(e.to));
        if (e.via) li.appendChild(el("span", "via", " (" + t("via") + ": " + e.via + ")"));
        ul.appendChild(li);
      });
      inc.forEach((e) => {
        const li = el("li", null, t("edgesIn", e.kind) + ": ");
        li.appendChild(nodeButton(e.from));
        ul.appendChild(li);
      });
      d.appendChild(ul);
    }
    if (cy) {
      cy.$(":selected").unselect();
      const node = cy.getElementById(id);
      if (node.length) node.select();
    }
    if (focus) d.focus();
  }

  /** The accessible list: a heading per kind, each item a button with its connections beneath. */
  function renderList() {
    const view = $("view-list");
    view.replaceChildren();
    KINDS.forEach((kind) => {
      const items = graph.nodes.filter((n) => n.kind === kind && visible(n))
        .sort((a, b) => nameOf(a).localeCompare(nameOf(b), "fi"));
      if (!items.length) return;
      const h = el("h2", null, t("kindsPlural", kind) + " (" + items.length + ")");
      view.appendChild(h);
      const ul = el("ul", "items");
      items.forEach((n) => {
        const li = el("li");
        li.dataset.id = n.id;
        const b = nodeButton(n.id);
        li.appendChild(b);
        if (n.unit) li.appendChild(el("span", "unit", " – " + n.unit));
        if (n.status === "draft") li.appendChild(el("span", "badge draft", t("draft")));
        const outs = graph.edges.filter((e) => e.from === n.id && byId.has(e.to));
        if (outs.length) {
          const sub = el("ul", "edges");
          outs.forEach((e) => sub.appendChild(el("li", null, t("edges", e.kind) + ": " + nameOf(byId.get(e.to)))));
          li.appendChild(sub);
        }
        ul.appendChild(li);
      });
      view.appendChild(ul);
    });
    renderListMarks();
  }

  function renderListMarks() {
    const q = $("search").value.trim().toLowerCase();
    document.querySelectorAll("#view-list ul.items > li").forEach((li) => {
      const n = byId.get(li.dataset.id);
      if (!n) return; // the list of the previous load, about to be replaced
      li.hidden = q !== "" && !(nameOf(n).toLowerCase().includes(q) || n.id.includes(q));
      const inPlan = inPlanOf(n.id);
      li.classList.toggle("plan", inPlan);
      let mark = li.querySelector(":scope > .badge.plan");
      if (inPlan && !mark) {
        mark = el("span", "badge plan", t("inPlan"));
        li.insertBefore(mark, li.children[1] || null);
      } else if (!inPlan && mark) {
        mark.remove();
      }
    });
  }

  async function renderGaps() {
    const view = $("view-gaps");
    view.replaceChildren(el("p", null, t("loading")));
    let gaps;
    try {
      gaps = await getJson("/api/v1/graph/gaps?at=" + atParam());
    } catch (e) {
      view.replaceChildren(el("p", "error", t("failed") + e.message));
      return;
    }
    view.replaceChildren(el("p", null, fill(t("gapsIntro"), { at: gaps.at })));
    Object.keys(T.fi.gapsTitle).forEach((key) => {
      const list = gaps[key] || [];
      view.appendChild(el("h2", null, t("gapsTitle", key) + " (" + list.length + ")"));
      if (!list.length) {
        view.appendChild(el("p", "none", t("none")));
        return;
      }
      const ul = el("ul", "gaps");
      list.forEach((g) => {
        const li = el("li");
        li.appendChild(el("strong", null, g.name));
        li.appendChild(document.createTextNode(" (" + g.id + "): " + g.note));
        ul.appendChild(li);
      });
      view.appendChild(ul);
    });
  }

  async function showPlan() {
    const id = sessionStorage.getItem("conversationId");
    const token = sessionStorage.getItem("resumeToken");
    if (!id || !token) {
      status(t("noPlan"));
      return;
    }
    try {
      const items = await getJson("/api/v1/conversations/" + encodeURIComponent(id) + "/plan-items",
        { headers: { Authorization: "Bearer " + token } });
      plan = new Set([].concat(items.events, items.steps, items.actors));
      $("clear-plan").hidden = false;
      applyHighlights();
      if (selected) showDetails(selected);
      status(fill(t("planShown"), { n: plan.size }));
    } catch (e) {
      status(e.status === 404 ? t("planGone") : t("failed") + e.message);
    }
  }

  function selectTab(tab) {
    ["map", "list", "gaps"].forEach((name) => {
      const on = name === tab;
      const b = $("tab-" + name);
      b.setAttribute("aria-selected", String(on));
      b.tabIndex = on ? 0 : -1;
      $("view-" + name).hidden = !on;
    });
    if (tab === "map" && cy) cy.resize();
    if (tab === "gaps") renderGaps();
  }

  function wire() {
    $("lang").addEventListener("change", () => {
      lang = $("lang").value;
      translatePage();
      load();
    });
    $("event").addEventListener("change", load);
    $("municipality").addEventListener("change", load);
    $("actor-type").addEventListener("change", () => { draw(); renderList(); });
    $("layout").addEventListener("change", draw);
    $("search").addEventListener("input", applyHighlights);
    $("year").addEventListener("input", () => { $("year-label").textContent = $("year").value; });
    $("year").addEventListener("change", () => {
      load();
      if (!$("view-gaps").hidden) renderGaps();
    });
    $("filters").addEventListener("submit", (e) => { e.preventDefault(); load(); });
    $("show-plan").addEventListener("click", showPlan);
    $("clear-plan").addEventListener("click", () => {
      plan = null;
      $("clear-plan").hidden = true;
      applyHighlights();
      if (selected) showDetails(selected);
    });
    const tabs = ["map", "list", "gaps"];
    tabs.forEach((name, i) => {
      $("tab-" + name).addEventListener("click", () => selectTab(name));
      $("tab-" + name).addEventListener("keydown", (e) => {
        if (e.key !== "ArrowRight" && e.key !== "ArrowLeft") return;
        const next = tabs[(i + (e.key === "ArrowRight" ? 1 : tabs.length - 1)) % tabs.length];
        selectTab(next);
        $("tab-" + next).focus();
      });
    });
  }

  // A read-only handle for tests and for people exploring in the browser's console.
  window.toimijakartta = { cy: () => cy, graph: () => graph, redraw: () => draw() };

  translatePage();
  wire();
  loadEvents().catch((e) => status(t("failed") + e.message)).then(load);
})();
