// The chat page: one WebSocket conversation; every text is inserted with textContent, never as HTML.
// Summary first (the situation, what to do first, what is uncertain with its questions), then the
// whole plan by phase; the plan is the customer's: steps are ticked, exported, resumed elsewhere
// and shared with an adviser. Texts of the page are in i18n.js.
(function () {
  "use strict";
  const $ = function (id) { return document.getElementById(id); };
  const chat = $("chat");
  const quick = $("quick");
  const form = $("composer");
  const input = $("message");
  const send = $("send");
  const status = $("status");
  const TEXTS = window.CHAT_TEXTS;
  // Reconnecting stops after this many attempts in a row that did not get the conversation going,
  // waiting 0.5, 1, 2 and 4 s between them, so a server that keeps failing is not hammered forever.
  const MAX_ATTEMPTS = 5;
  const FIRST_DELAY_MS = 500;
  // The summary's "do first" list: the first statutory steps still open.
  const FIRST_STEPS = 5;
  // Questions shown at once; the rest behind a disclosure so the summary stays short.
  const QUESTIONS_SHOWN = 4;
  // The corpus's phases as the customer's five phases.
  const PHASE_OF = {
    IDEA: "IDEA", FOUNDING: "FOUNDING", FUNDING: "FOUNDING", PERMITS: "OPENING", CONSTRUCTION: "OPENING",
    SKILLS: "OPENING", MARKET_ENTRY: "OPENING", HIRING: "HIRING", SUPERVISION: "ONGOING", GROWTH: "ONGOING",
    GENERATIONAL_CHANGE: "ONGOING", SELLING: "ONGOING", WINDING_DOWN: "ONGOING"
  };
  const PHASES = ["IDEA", "FOUNDING", "OPENING", "HIRING", "ONGOING"];
  let socket;
  let attempts = 0;
  let last = null;          // the latest recommendation
  let previous = null;      // the one before, to say what an answer changed
  let names = {};           // item id → name in the interface language, from the server
  let progress = {};        // step id → "done" | "not-relevant"
  let answered = false;     // whether the next reply answers a question, so its change is told
  let relabelling = false;  // whether the next reply only renames the plan for a new language
  let explicitLanguage = localStorage.getItem("uiLanguage");
  let lang = explicitLanguage || "fi";
  // The conversation is kept with its resume token, which only its first reply gives; an id
  // without a token (kept by an older page) cannot be resumed and is dropped.
  let conversationId = sessionStorage.getItem("conversationId");
  let resumeToken = sessionStorage.getItem("resumeToken");
  if (!conversationId || !resumeToken) forget();
  // A resume link (/?jatka=<id>.<token>) opens the conversation on this device.
  const fromLink = new URLSearchParams(location.search).get("jatka");
  if (fromLink && parseCode(fromLink)) {
    const k = parseCode(fromLink);
    remember(k.id, k.token);
    history.replaceState(null, "", location.pathname);
  }

  function t(key) { return (TEXTS[lang] && TEXTS[lang][key] !== undefined) ? TEXTS[lang][key] : TEXTS.fi[key]; }
  function nameOf(id, fallback) { return names[id] || fallback; }

  function parseCode(code) {
    const m = /^\s*([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})\s*$/.exec(code || "");
    return m ? { id: m[1], token: m[2] } : null;
  }

  function remember(id, token) {
    conversationId = id;
    resumeToken = token;
    sessionStorage.setItem("conversationId", id);
    sessionStorage.setItem("resumeToken", token);
  }

  function forget() {
    conversationId = null;
    resumeToken = null;
    sessionStorage.removeItem("conversationId");
    sessionStorage.removeItem("resumeToken");
  }

  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }

  function button(text, cls, onClick) {
    const b = el("button", cls, text);
    b.type = "button";
    b.addEventListener("click", onClick);
    return b;
  }

  function say(role, text) {
    const m = el("div", "msg " + role, text);
    chat.appendChild(m);
    chat.scrollTop = chat.scrollHeight;
    return m;
  }

  // Every turn's reply comes in the page view (each item once, the user's words listed once; see
  // docs/api.md), which fromPage turns back into lists and plan steps that carry their items' fields.
  const TURNS = ["message", "answer", "resume"];

  function sendJson(obj) {
    if (socket && socket.readyState === WebSocket.OPEN) {
      if (TURNS.indexOf(obj.type) >= 0) obj.view = "page";
      socket.send(JSON.stringify(obj));
      return true;
    }
    return false;
  }

  // ---- Language -------------------------------------------------------------------------------
  function applyLanguage() {
    document.documentElement.lang = lang;
    document.querySelectorAll("[data-i18n]").forEach(function (e) { e.textContent = t(e.getAttribute("data-i18n")); });
    input.placeholder = t("placeholder");
    document.querySelectorAll("#languages button").forEach(function (b) {
      b.setAttribute("aria-pressed", String(b.getAttribute("data-lang") === lang));
    });
    $("languages").setAttribute("aria-label", t("languages"));
    if (typeof handoff !== "undefined") handoff.relabel();
  }

  function setLanguage(l, chosen) {
    lang = l;
    if (chosen) {
      explicitLanguage = l;
      localStorage.setItem("uiLanguage", l);
    }
    applyLanguage();
    if (lang === "fi") names = {};
    relabelling = sendJson({ type: "language", language: lang }) && !!conversationId;
    if (last) render(last);
  }

  document.querySelectorAll("#languages button").forEach(function (b) {
    b.addEventListener("click", function () { setLanguage(b.getAttribute("data-lang"), true); });
  });

  // ---- Connection -----------------------------------------------------------------------------
  function connect() {
    attempts++;
    const proto = location.protocol === "https:" ? "wss:" : "ws:";
    socket = new WebSocket(proto + "//" + location.host + "/ws/chat");
    socket.onopen = function () {
      status.textContent = "";
      send.disabled = false;
      if (lang !== "fi") sendJson({ type: "language", language: lang });
      if (conversationId) sendJson({ type: "resume", conversationId: conversationId, resumeToken: resumeToken });
    };
    socket.onclose = function () {
      send.disabled = true;
      if (attempts >= MAX_ATTEMPTS) {
        giveUp();
        return;
      }
      status.textContent = t("reconnecting");
      setTimeout(connect, FIRST_DELAY_MS * Math.pow(2, attempts - 1));
    };
    socket.onmessage = function (event) {
      const msg = JSON.parse(event.data);
      if (handoff.handles(msg)) return;
      // Only a working conversation resets the count: a server that accepts the connection and
      // then fails on the resume must not be retried forever.
      if (msg.type === "history" || msg.type === "reply" || (msg.type === "welcome" && !conversationId)) attempts = 0;
      if (msg.type === "welcome") {
        if (!conversationId) say("bot", lang === "fi" ? msg.text : t("welcome"));
      } else if (msg.type === "history") {
        chat.replaceChildren();
        msg.turns.forEach(function (turn) {
          if (turn.role === "adviser") {
            say("adviser", t("adviser") + ": " + turn.text);
          } else if (turn.role === "answer") {
            const m = say("user", turn.text);
            m.setAttribute("data-answer", turn.text);
          } else {
            say("user", turn.text);
          }
        });
      } else if (msg.type === "reply") {
        msg.recommendation = fromPage(msg.recommendation);
        if (msg.resumeToken) remember(msg.conversationId, msg.resumeToken);
        names = msg.names || {};
        progress = msg.progress || {};
        if (relabelling) {
          // The same reply again, with names in the new language: render it, say nothing new. It comes
          // from the stored facts, so the corrections made in reading the last text are kept from it.
          relabelling = false;
          if (last) msg.recommendation.interpretations = last.interpretations;
          render(msg.recommendation);
          return;
        }
        say("bot", msg.text);
        showAnswer(msg.recommendation.questionAnswer);
        previous = last;
        last = msg.recommendation;
        render(last);
        if (answered) describeChange(previous, last);
        else $("changes").textContent = "";
        answered = false;
        guideIfNotUnderstood(last);
      } else if (msg.type === "progress") {
        progress = msg.progress || {};
        if (last) render(last);
      } else if (msg.type === "share") {
        $("share-status").textContent = t("shareCode")(msg.code, new Date(msg.consent.at).toLocaleString(lang === "en" ? "en-GB" : lang + "-FI"));
      } else if (msg.type === "feedback") {
        $("feedback-status").textContent = t("feedbackThanks");
      } else if (msg.type === "error") {
        if (msg.error.code === "conversation_not_found" || msg.error.code === "resume_token_required") {
          forget();
          say("error", t("notFound"));
          return;
        }
        say("error", msg.error.message);
      }
      // Further message types (the handoff's {"type":"adviser"}) are handled by their own block.
    };
  }

  function giveUp() {
    status.replaceChildren();
    status.appendChild(document.createTextNode(t("gaveUp")(MAX_ATTEMPTS, !!conversationId)));
    const retry = button(t("retry"), "secondary", function () {
      attempts = 0;
      status.textContent = t("connecting");
      connect();
    });
    retry.id = "reconnect";
    status.appendChild(retry);
    say("error", t("unreachable"));
  }

  // ---- The page view --------------------------------------------------------------------------
  const ONLY_IF = " Tarpeen vain, jos: ";
  const OR = " / ";

  /**
   * A recommendation in the page view as the full shape the rendering reads: items in lists with
   * id and type, each why whole again (its statement, the user's words, and for a possible item the
   * questions that settle it), and plan steps carrying their item's name, type, why, certainty,
   * lead time and actor's name. A reply already in the full shape is returned as it is.
   */
  function fromPage(p) {
    if (!p || !p.obligations || Array.isArray(p.obligations)) return p;
    const words = p.words || [];
    const asked = p.conceptQuestions || {};
    const actors = p.actors || {};
    function why(item) {
      let w = item.why || "";
      if (item.told && item.told.length) {
        w += " Kerroit: " + item.told.map(function (k) { return "”" + words[k] + "”"; }).join(", ") + ".";
      }
      if (item.certainty === "possible" && item.dependsOn && item.dependsOn.length && w.indexOf(ONLY_IF) < 0) {
        w += ONLY_IF + item.dependsOn.map(function (c) { return asked[c]; }).join(OR);
      }
      return w;
    }
    function list(map, type) {
      return Object.keys(map || {}).map(function (id) {
        const item = Object.assign({ id: id, type: type, status: "reviewed" }, map[id]);
        if (type !== "actor") item.why = why(map[id]);
        return item;
      });
    }
    const r = Object.assign({}, p);
    r.lifeEvents = list(p.lifeEvents, "event");
    r.obligations = list(p.obligations, "obligation");
    r.services = list(p.services, "service");
    r.actors = list(p.actors, "actor");
    const byId = {};
    r.obligations.concat(r.services).forEach(function (i) { byId[i.id] = i; });
    r.plan = (p.plan || []).map(function (s) {
      const item = byId[s.id] || {};
      return Object.assign({}, s, {
        name: item.name, type: item.type, why: item.why, certainty: item.certainty, leadTime: item.leadTime,
        actorName: item.actor && actors[item.actor] ? actors[item.actor].name : undefined
      });
    });
    return r;
  }

  // ---- Rendering ------------------------------------------------------------------------------
  function badge(text, cls) {
    return el("span", "badge " + (cls || ""), text);
  }

  // A private or membership service: an offer the customer may take, shown apart from the steps.
  function offered(item) {
    return item && item.type === "service" && item.kind && item.kind !== "public";
  }

  function render(r) {
    const byId = {};
    (r.obligations || []).concat(r.services || []).forEach(function (i) { byId[i.id] = i; });
    const conceptName = {};
    (r.factSources || []).forEach(function (f) { conceptName[f.concept] = nameOf(f.concept, f.name); });
    // Answers in the history ("tyontekija=false") read as the question's words.
    chat.querySelectorAll("[data-answer]").forEach(function (m) {
      const parts = m.getAttribute("data-answer").split("=");
      const value = parts[1] === "true" ? t("yes") : parts[1] === "false" ? t("no") : parts[1];
      m.textContent = t("answered") + ": " + (conceptName[parts[0]] || parts[0]) + ": " + value;
    });
    const hasPlan = r.plan && r.plan.length > 0;
    $("summary").hidden = !hasPlan && !(r.questions || []).length;
    $("plan").hidden = !hasPlan;
    $("tools").hidden = !conversationId;
    renderSummary(r, byId);
    renderQuestions(r);
    renderPlan(r, byId);
    interpretations(r.interpretations);
    renderTools();
  }

  function renderSummary(r, byId) {
    const events = (r.lifeEvents || []).filter(function (e) { return e.certainty === "needed"; })
      .map(function (e) { return nameOf(e.id, e.name); }).join(", ");
    const steps = r.plan || [];
    const needed = steps.filter(function (s) { return s.certainty === "needed" && !offered(byId[s.id]); }).length;
    const possible = steps.filter(function (s) { return s.certainty === "possible" && !offered(byId[s.id]); }).length;
    $("situation").textContent = t("situationLine")(events, needed, possible);
    const note = $("language-note");
    note.hidden = lang === "fi";
    note.textContent = t("explanationsNote");
    const first = $("first");
    first.replaceChildren();
    // The duties first (permits, notifications, registrations, insurance); public services only
    // when there are fewer than three duties to start with.
    const open = steps.filter(function (s) { return s.certainty === "needed" && !offered(byId[s.id]) && !progress[s.id]; });
    const duties = open.filter(function (s) { return s.type === "obligation"; });
    const firstSteps = duties.length >= 3 ? duties : duties.concat(open.filter(function (s) { return s.type !== "obligation"; }));
    firstSteps.slice(0, FIRST_STEPS).forEach(function (s) {
        const li = el("li");
        li.appendChild(el("span", "step-name", nameOf(s.id, s.name)));
        if (s.actorName) li.appendChild(el("span", "meta", " – " + nameOf(actorId(byId[s.id]), s.actorName)));
        first.appendChild(li);
      });
  }

  function actorId(item) { return item ? item.actor : null; }

  function renderQuestions(r) {
    quick.replaceChildren();
    const questions = r.questions || [];
    if (!questions.length) {
      quick.appendChild(el("p", "meta", t("noQuestions")));
      return;
    }
    let more = null;
    questions.forEach(function (q, i) {
      const fs = question(q);
      if (i < QUESTIONS_SHOWN) {
        quick.appendChild(fs);
      } else {
        if (!more) {
          more = el("details", "more-questions");
          more.appendChild(el("summary", null, t("moreQuestions")(questions.length - QUESTIONS_SHOWN)));
          quick.appendChild(more);
        }
        more.appendChild(fs);
      }
    });
  }

  // One question: a fieldset whose legend is the question, with its choices inside it.
  function question(q) {
    const fs = el("fieldset", "question");
    fs.setAttribute("data-concept", q.concept);
    const text = nameOf(q.id, q.name);
    const legend = el("legend", null, text);
    if (lang !== "fi" && !names[q.id]) {
      // No text in the chosen language: the Finnish question, marked as Finnish, with a note.
      legend.setAttribute("lang", "fi");
      const note = el("span", "meta untranslated", " " + t("inFinnish"));
      note.setAttribute("lang", lang);
      legend.appendChild(note);
    }
    fs.appendChild(legend);
    function answer(value, shown) {
      say("user", text + " – " + shown);
      answered = sendJson({ type: "answer", concept: q.concept, value: value });
    }
    if (q.type === "YES_NO") {
      fs.appendChild(button(t("yes"), "secondary", function () { answer(true, t("yes")); }));
      fs.appendChild(button(t("no"), "secondary", function () { answer(false, t("no")); }));
    } else if (q.type === "CHOICE" && q.choices && q.choices.length) {
      q.choices.forEach(function (c) {
        fs.appendChild(button(c, "secondary", function () { answer(c, c); }));
      });
    } else {
      const field = el("input");
      field.id = "q-" + q.id;
      const label = el("label", "visually-hidden", text);
      label.htmlFor = field.id;
      if (q.type === "NUMBER") {
        field.type = "number";
        field.min = "0";
        field.inputMode = "numeric";
      } else {
        field.type = "text";
        field.placeholder = t("municipalityPlaceholder");
      }
      fs.appendChild(label);
      fs.appendChild(field);
      fs.appendChild(button(t("answer"), "secondary", function () {
        if (q.type === "NUMBER") {
          const n = Number(field.value);
          if (field.value === "" || !isFinite(n) || n < 0) return;
          answer(n, String(n));
        } else if (field.value.trim()) {
          answer(field.value.trim(), field.value.trim());
        }
      }));
    }
    return fs;
  }

  function renderPlan(r, byId) {
    const phases = $("phases");
    phases.replaceChildren();
    const groups = {};
    const extra = [];
    (r.plan || []).forEach(function (s) {
      const item = byId[s.id] || {};
      if (offered(item) && s.certainty !== "needed") {
        extra.push(step(s, item, byId));
        return;
      }
      const phase = PHASE_OF[s.phase] || "FOUNDING";
      const g = groups[phase] = groups[phase] || { needed: [], possible: [] };
      g[s.certainty === "needed" ? "needed" : "possible"].push(step(s, item, byId));
    });
    PHASES.forEach(function (p) {
      const g = groups[p];
      if (!g) return;
      const section = el("section", "phase");
      section.appendChild(el("h3", null, t("phases")[p]));
      if (g.needed.length) {
        section.appendChild(el("h4", null, t("needed")));
        const ol = el("ol", "steps");
        g.needed.forEach(function (li) { ol.appendChild(li); });
        section.appendChild(ol);
      }
      if (g.possible.length) {
        section.appendChild(el("h4", "possible-title", t("possible")));
        const ul = el("ul", "steps possible");
        g.possible.forEach(function (li) { ul.appendChild(li); });
        section.appendChild(ul);
      }
      phases.appendChild(section);
    });
    if (extra.length) {
      const section = el("section", "phase offered");
      section.appendChild(el("h3", null, t("offered")));
      section.appendChild(el("p", "meta", t("offeredNote")));
      const ul = el("ul", "steps");
      extra.forEach(function (li) { ul.appendChild(li); });
      section.appendChild(ul);
      phases.appendChild(section);
    }
    (r.notices || []).forEach(function (n) { phases.appendChild(el("p", "meta", n)); });
  }

  // Misspelt words and how they were read, so that a wrong guess can be put right.
  // Shown above the phases, which each render rebuilds, so the line never repeats.
  function interpretations(list) {
    if (!list || !list.length) return;
    const phases = $("phases");
    phases.insertBefore(el("p", "meta interpretations",
      t("interpreted") + ": " + list.map(function (i) { return i.from + " → " + i.to; }).join(", ")), phases.firstChild);
  }

  function step(s, item, byId) {
    const li = el("li");
    li.setAttribute("data-step", s.id);
    const state = progress[s.id];
    if (state) li.className = "state-" + state;
    const titleId = "step-" + s.id;
    const title = el("div", "step-title");
    title.id = titleId;
    title.appendChild(el("span", "step-name", nameOf(s.id, s.name)));
    if (s.certainty === "possible" && !offered(item)) title.appendChild(badge(t("maybe"), "possible"));
    if (item.status === "draft") title.appendChild(badge(t("draft"), "draft"));
    if (s.type === "service") title.appendChild(badge(t("service")));
    if (s.cycle) title.appendChild(badge(t("deadlock"), "possible"));
    if (s.critical) title.appendChild(badge(t("critical")));
    li.appendChild(title);
    const meta = [];
    if (s.actorName) meta.push(t("who") + ": " + nameOf(item.actor, s.actorName));
    if (s.leadTime) meta.push(t("time") + ": " + s.leadTime);
    if (s.deadline) meta.push(t("deadline") + ": " + s.deadline);
    if (s.after && s.after.length) {
      meta.push(t("first") + ": " + s.after.map(function (a) { return nameOf(a, (byId[a] || {}).name || a); }).join(", "));
    }
    if (meta.length) li.appendChild(el("p", "meta", meta.join(" · ")));
    if (item.url && /^https:\/\//.test(item.url)) {
      const a = el("a", "action", linkText(s, item));
      a.href = item.url;
      a.rel = "noopener noreferrer";
      a.target = "_blank";
      li.appendChild(a);
    }
    const why = el("details", "why");
    why.appendChild(el("summary", null, t("why")));
    why.appendChild(el("p", null, s.why));
    if (item.counterfactual) why.appendChild(el("p", null, item.counterfactual));
    li.appendChild(why);
    li.appendChild(marks(s, titleId));
    return li;
  }

  // "Hae lupa: Anniskelulupa – Lupa- ja valvontavirasto (asiointipalvelu)": what the link does, where.
  function linkText(s, item) {
    const kind = item.type === "service" ? "service" : item.kind;
    const verb = t("actions")[kind] || t("actions").service;
    return verb + ": " + nameOf(s.id, s.name) + (s.actorName ? " – " + nameOf(item.actor, s.actorName) : "")
      + " (" + t("eservice") + ")";
  }

  // Done / not relevant: two checkboxes, at most one ticked; each change is stored at once.
  function marks(s, titleId) {
    const box = el("div", "marks");
    [["done", t("done")], ["not-relevant", t("notRelevant")]].forEach(function (pair) {
      const id = "mark-" + pair[0] + "-" + s.id;
      const cb = el("input");
      cb.type = "checkbox";
      cb.id = id;
      cb.checked = progress[s.id] === pair[0];
      cb.setAttribute("aria-describedby", titleId);
      cb.addEventListener("change", function () {
        sendJson({ type: "progress", item: s.id, state: cb.checked ? pair[0] : "open" });
      });
      const label = el("label", null, pair[1]);
      label.htmlFor = id;
      const wrap = el("span", "mark");
      wrap.appendChild(cb);
      wrap.appendChild(label);
      box.appendChild(wrap);
    });
    return box;
  }

  // What an answer changed: permits and items added or removed, with a few of their names.
  function describeChange(before, after) {
    const out = $("changes");
    if (!before || !after) {
      out.textContent = "";
      return;
    }
    function ids(r) { return (r.plan || []).map(function (s) { return s.id; }); }
    function permits(r) { return (r.obligations || []).filter(function (o) { return o.kind === "permit"; }).length; }
    const was = ids(before);
    const now = ids(after);
    const added = after.plan.filter(function (s) { return was.indexOf(s.id) < 0; });
    const removed = (before.plan || []).filter(function (s) { return now.indexOf(s.id) < 0; });
    const parts = [];
    const dp = permits(after) - permits(before);
    if (dp !== 0) parts.push(t("permits")(dp));
    if (added.length) parts.push(t("steps")(added.length));
    if (removed.length) parts.push(t("steps")(-removed.length));
    if (!parts.length) {
      out.textContent = t("noChange");
      return;
    }
    let text = t("changes")(parts);
    function few(list) { return list.slice(0, 3).map(function (s) { return nameOf(s.id, s.name); }).join(", ") + (list.length > 3 ? "…" : ""); }
    if (added.length) text += " " + t("added") + ": " + few(added) + ".";
    if (removed.length) text += " " + t("removed") + ": " + few(removed) + ".";
    out.textContent = text;
  }

  // A story the navigator could not read (another language, nothing recognised): a way forward.
  function guideIfNotUnderstood(r) {
    const box = $("examples");
    box.replaceChildren();
    const understood = (r.lifeEvents || []).length > 0;
    box.hidden = understood;
    if (understood) return;
    if (!explicitLanguage && (r.language === "sv" || r.language === "en") && lang !== r.language) {
      setLanguage(r.language, false);
    }
    const text = lang === "fi" ? t("pickSituation") : t("notUnderstood");
    box.appendChild(el("p", null, text));
    t("examples").forEach(function (ex) {
      box.appendChild(button(ex[0], "secondary", function () {
        say("user", ex[1]);
        sendJson({ type: "message", text: ex[1] });
      }));
    });
  }

  function exportUrl(format) {
    return "/api/v1/conversations/" + encodeURIComponent(conversationId) + "/plan?format=" + format
      + "&token=" + encodeURIComponent(resumeToken);
  }

  function renderTools() {
    if (!conversationId) return;
    $("export-html").href = exportUrl("html");
    $("export-md").href = exportUrl("md");
    const start = $("start-date").value;
    $("export-ics").href = exportUrl("ics") + (/^\d{4}-\d{2}-\d{2}$/.test(start) ? "&start=" + start : "");
    $("resume-link").value = location.origin + "/?jatka=" + conversationId + "." + resumeToken;
  }

  $("start-date").addEventListener("change", renderTools);

  $("copy-link").addEventListener("click", function () {
    const field = $("resume-link");
    field.select();
    const done = function () { $("copy-status").textContent = t("copied"); };
    if (navigator.clipboard) navigator.clipboard.writeText(field.value).then(done, function () {});
    else done();
  });

  $("share").addEventListener("click", function () {
    if (!$("share-consent").checked) {
      $("share-status").textContent = t("shareNeedsConsent");
      $("share-consent").focus();
      return;
    }
    sendJson({ type: "share" });
  });

  $("feedback").addEventListener("submit", function (e) {
    e.preventDefault();
    const picked = document.querySelector("input[name=helpful]:checked");
    if (!picked) {
      $("feedback-status").textContent = t("feedbackPick");
      return;
    }
    const comment = $("feedback-comment").value.trim();
    sendJson({ type: "feedback", helpful: picked.value === "yes", comment: comment || null });
  });

  $("code-form").addEventListener("submit", function (e) {
    e.preventDefault();
    const raw = $("code").value.trim();
    const k = parseCode(raw.indexOf("jatka=") >= 0 ? raw.substring(raw.indexOf("jatka=") + 6) : raw);
    if (!k) {
      $("code-status").textContent = t("codeBad");
      return;
    }
    $("code-status").textContent = "";
    remember(k.id, k.token);
    last = null;
    previous = null;
    sendJson({ type: "resume", conversationId: k.id, resumeToken: k.token });
  });

  // ---- Answers from the answer base -----------------------------------------------------------
  // The server decides whether a message asked something and answers it from the answer base
  // (citizen texts only); the page shows that answer, or says plainly that none fits.
  function searchAnswers(q, limit) {
    return fetch("/api/v1/answers?audience=citizen&limit=" + limit + "&q=" + encodeURIComponent(q.substring(0, 500)))
      .then(function (res) { return res.ok ? res.json() : { hits: [] }; })
      .then(function (body) { return body.hits || body.answers || []; })
      .catch(function () { return []; });
  }

  function answerCard(hit, heading) {
    const card = el("article", "answer-card");
    card.appendChild(el(heading, null, hit.title));
    card.appendChild(el("p", null, hit.text || hit.snippet));
    const meta = [];
    if (hit.source) meta.push(t("source") + ": " + hit.source);
    if (hit.status) meta.push((t("status")[hit.status] || hit.status));
    card.appendChild(el("p", "meta", meta.join(" · ")));
    if (hit.relatedItems && hit.relatedItems.length) {
      card.appendChild(el("p", "meta", t("related") + ": "
        + hit.relatedItems.map(function (i) { return nameOf(i.id, i.name); }).join(", ")));
    }
    return card;
  }

  // The answer the server found for the question this turn asked; hidden when it asked nothing.
  function showAnswer(qa) {
    const section = $("answer");
    const box = $("answer-body");
    box.replaceChildren();
    section.hidden = !qa;
    if (!qa) return;
    if (!qa.found || !qa.answer) {
      box.appendChild(el("p", "no-answer", t("noAnswer")));
      return;
    }
    const card = answerCard(qa.answer, "h3");
    if (lang !== "fi") card.setAttribute("lang", "fi");
    box.appendChild(card);
  }

  $("search-form").addEventListener("submit", function (e) {
    e.preventDefault();
    const q = $("search-q").value.trim();
    const out = $("search-results");
    if (!q) return;
    searchAnswers(q, 5).then(function (hits) {
      out.replaceChildren();
      if (!hits.length) {
        out.appendChild(el("p", null, t("searchNone")));
        return;
      }
      hits.forEach(function (h) { out.appendChild(answerCard(h, "h3")); });
    });
  });

  form.addEventListener("submit", function (e) {
    e.preventDefault();
    const text = input.value.trim();
    if (!text || !socket || socket.readyState !== WebSocket.OPEN) return;
    say("user", text);
    socket.send(JSON.stringify({ type: "message", text: text, view: "page" }));
    input.value = "";
  });
  input.addEventListener("keydown", function (e) {
    if (e.key === "Enter" && !e.shiftKey) {
      e.preventDefault();
      form.requestSubmit();
    }
  });
  // ---- Talking with a person (handoff, issue 14) -------------------------------------------------
  // Kept in this one block: a button under the composer asks, with the customer's consent, for an
  // adviser; the adviser's messages arrive as their own WebSocket message types. When no adviser is
  // in (the server decides, from its opening hours), the customer may leave a phone number or an
  // e-mail address for an adviser to reach them, or take the plan with them (the exports above).
  const handoff = (function () {
    const box = $("handoff");
    const ask = el("button", "secondary", t("handoffAsk"));
    ask.type = "button";
    ask.id = "handoff-ask";
    const consent = el("div", "consent");
    consent.hidden = true;
    const consentText = el("p", null, t("handoffConsent"));
    const yes = el("button", null, t("handoffYes"));
    yes.type = "button";
    yes.id = "handoff-consent";
    const no = el("button", "secondary", t("handoffCancel"));
    no.type = "button";
    consent.appendChild(consentText);
    consent.appendChild(yes);
    consent.appendChild(no);
    // Outside opening hours: contact details, checked here and again by the server.
    const contact = el("form", "contact");
    contact.id = "handoff-contact";
    contact.hidden = true;
    contact.setAttribute("novalidate", "");
    const closedText = el("p", null, "");
    closedText.id = "handoff-closed";
    contact.appendChild(closedText);
    const fs = el("fieldset");
    const legend = el("legend", null, t("contactLegend"));
    fs.appendChild(legend);
    function field(id, type, labelKey, autocomplete) {
      const wrap = el("p");
      const label = el("label", "block", t(labelKey));
      label.htmlFor = id;
      const input = el("input");
      input.id = id;
      input.type = type;
      input.autocomplete = autocomplete;
      input.maxLength = type === "email" ? 254 : 30;
      wrap.appendChild(label);
      wrap.appendChild(input);
      fs.appendChild(wrap);
      return { label: label, input: input };
    }
    const phone = field("contact-phone", "tel", "contactPhone", "tel");
    const email = field("contact-email", "email", "contactEmail", "email");
    const leave = el("button", null, t("contactSend"));
    leave.type = "submit";
    fs.appendChild(leave);
    const contactStatus = el("p", null, "");
    contactStatus.id = "contact-status";
    contactStatus.setAttribute("role", "status");
    fs.appendChild(contactStatus);
    contact.appendChild(fs);
    const takeExport = el("p", "meta", t("contactOrExport"));
    contact.appendChild(takeExport);
    box.appendChild(ask);
    box.appendChild(consent);
    box.appendChild(contact);
    ask.addEventListener("click", function () {
      if (!conversationId) {
        say("error", t("handoffFirst"));
        return;
      }
      consent.hidden = false;
      yes.focus();
    });
    no.addEventListener("click", function () { consent.hidden = true; ask.focus(); });
    yes.addEventListener("click", function () {
      consent.hidden = true;
      sendJson({ type: "handoff", consent: true });
    });
    function validPhone(v) {
      if (!/^\+?[0-9 ()-]+$/.test(v)) return false;
      const digits = v.replace(/[^0-9]/g, "").length;
      return digits >= 7 && digits <= 15;
    }
    function validEmail(v) { return v.length <= 254 && /^[^\s@<>,;]{1,64}@[^\s@<>,;]+\.[^\s@<>,;.]+$/.test(v); }
    contact.addEventListener("submit", function (e) {
      e.preventDefault();
      const p = phone.input.value.trim();
      const m = email.input.value.trim();
      phone.input.removeAttribute("aria-invalid");
      email.input.removeAttribute("aria-invalid");
      if (!p && !m) {
        contactStatus.textContent = t("contactNeeded");
        phone.input.focus();
        return;
      }
      if (p && !validPhone(p)) {
        phone.input.setAttribute("aria-invalid", "true");
        contactStatus.textContent = t("contactBadPhone");
        phone.input.focus();
        return;
      }
      if (m && !validEmail(m)) {
        email.input.setAttribute("aria-invalid", "true");
        contactStatus.textContent = t("contactBadEmail");
        email.input.focus();
        return;
      }
      sendJson({ type: "handoff", consent: true, contact: { phone: p || null, email: m || null } });
    });
    // The hours as configured ("Mon-Fri 08:00-16:00 Europe/Helsinki"): its days in the page's
    // language, and the next opening told in the hours' own time zone.
    const DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    function zoneOf(hours) {
      const last = (hours || "").split(" ").pop();
      return last.indexOf("/") > 0 ? last : undefined;
    }
    function hoursText(hours) {
      return (hours || "").replace(/\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun)\b/g, function (d) { return t("days")[DAYS.indexOf(d)]; });
    }
    function when(iso, hours) {
      return new Date(iso).toLocaleString(lang === "en" ? "en-GB" : lang + "-FI",
        { weekday: "long", day: "numeric", month: "numeric", hour: "2-digit", minute: "2-digit", timeZone: zoneOf(hours) });
    }
    return {
      relabel: function () {
        ask.textContent = t("handoffAsk");
        consentText.textContent = t("handoffConsent");
        yes.textContent = t("handoffYes");
        no.textContent = t("handoffCancel");
        legend.textContent = t("contactLegend");
        phone.label.textContent = t("contactPhone");
        email.label.textContent = t("contactEmail");
        leave.textContent = t("contactSend");
        takeExport.textContent = t("contactOrExport");
      },
      handles: function (msg) {
        if (msg.type === "handoff" && msg.status === "closed") {
          closedText.textContent = t("advisersOut")(hoursText(msg.hours), msg.nextOpening ? when(msg.nextOpening, msg.hours) : null);
          contact.hidden = false;
          phone.input.focus();
        } else if (msg.type === "handoff") {
          ask.disabled = true;
          contact.hidden = true;
          say("bot", msg.contactLeft ? t("contactStored") : t("handoffQueued"));
        } else if (msg.type === "error" && msg.error && msg.error.code === "bad_contact") {
          contactStatus.textContent = t("contactRefused");
        } else if (msg.type === "adviser_joined") {
          say("bot", t("adviserJoined"));
        } else if (msg.type === "adviser") {
          say("adviser", t("adviser") + ": " + msg.text);
        } else if (msg.type === "handoff_closed") {
          ask.disabled = false;
          say("bot", t("adviserLeft"));
        } else {
          return false;
        }
        return true;
      }
    };
  })();

  applyLanguage();
  send.disabled = true;
  connect();
})();
