// The chat page: one WebSocket conversation; every text is inserted with textContent, never as HTML.
(function () {
  "use strict";
  const chat = document.getElementById("chat");
  const quick = document.getElementById("quick");
  const plan = document.getElementById("plan");
  const form = document.getElementById("composer");
  const input = document.getElementById("message");
  const send = document.getElementById("send");
  const status = document.getElementById("status");
  // Reconnecting stops after this many attempts in a row that did not get the conversation going,
  // waiting 0.5, 1, 2 and 4 s between them, so a server that keeps failing is not hammered forever.
  const MAX_ATTEMPTS = 5;
  const FIRST_DELAY_MS = 500;
  let socket;
  let attempts = 0;
  // The conversation is kept with its resume token, which only its first reply gives; an id
  // without a token (kept by an older page) cannot be resumed and is dropped.
  let conversationId = sessionStorage.getItem("conversationId");
  let resumeToken = sessionStorage.getItem("resumeToken");
  if (!conversationId || !resumeToken) forget();

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

  function say(role, text) {
    chat.appendChild(el("div", "msg " + role, text));
    chat.scrollTop = chat.scrollHeight;
  }

  function connect() {
    attempts++;
    const proto = location.protocol === "https:" ? "wss:" : "ws:";
    socket = new WebSocket(proto + "//" + location.host + "/ws/chat");
    socket.onopen = function () {
      status.textContent = "";
      send.disabled = false;
      if (conversationId) {
        socket.send(JSON.stringify({ type: "resume", conversationId: conversationId, resumeToken: resumeToken }));
      }
    };
    socket.onclose = function () {
      send.disabled = true;
      if (attempts >= MAX_ATTEMPTS) {
        giveUp();
        return;
      }
      status.textContent = "Yhteys katkesi. Yhdistetään uudelleen…";
      setTimeout(connect, FIRST_DELAY_MS * Math.pow(2, attempts - 1));
    };
    socket.onmessage = function (event) {
      const msg = JSON.parse(event.data);
      if (handoff.handles(msg)) return;
      // Only a working conversation resets the count: a server that accepts the connection and
      // then fails on the resume must not be retried forever.
      if (msg.type === "history" || msg.type === "reply" || (msg.type === "welcome" && !conversationId)) attempts = 0;
      if (msg.type === "welcome") {
        if (!conversationId) say("bot", msg.text);
      } else if (msg.type === "history") {
        chat.replaceChildren();
        msg.turns.forEach(function (t) {
          if (t.role === "adviser") return say("adviser", "Neuvoja: " + t.text);
          say("user", t.role === "answer" ? "Vastasit: " + t.text.replace("=true", ": kyllä").replace("=false", ": ei") : t.text);
        });
      } else if (msg.type === "reply") {
        if (msg.resumeToken) remember(msg.conversationId, msg.resumeToken);
        say("bot", msg.text);
        render(msg.recommendation);
      } else if (msg.type === "error") {
        if (msg.error.code === "conversation_not_found" || msg.error.code === "resume_token_required") {
          forget();
          say("error", "Aiempaa keskustelua ei löytynyt, joten aloitetaan uusi. Kerro tilanteestasi omin sanoin.");
          return;
        }
        say("error", msg.error.message);
      }
    };
  }

  function giveUp() {
    status.replaceChildren();
    status.appendChild(document.createTextNode("Yhteyttä palvelimeen ei saatu " + MAX_ATTEMPTS
        + " yrityksellä, joten yhdistäminen lopetettiin." + (conversationId ? " Keskustelusi on tallessa. " : " ")));
    const retry = el("button", "secondary", "Yritä uudelleen");
    retry.type = "button";
    retry.id = "reconnect";
    retry.addEventListener("click", function () {
      attempts = 0;
      status.textContent = "Yhdistetään…";
      connect();
    });
    status.appendChild(retry);
    say("error", "Palvelimeen ei saada yhteyttä. Yritä hetken päästä uudelleen painikkeesta tai lataa sivu uudelleen.");
  }

  function badge(text, cls) {
    return el("span", "badge " + (cls || ""), text);
  }

  function render(r) {
    quick.replaceChildren();
    (r.questions || []).forEach(function (q) {
      quick.appendChild(el("p", "q", q.name));
      if (q.type === "YES_NO") {
        [["Kyllä", true], ["Ei", false]].forEach(function (pair) {
          const b = el("button", "secondary", pair[0]);
          b.type = "button";
          b.addEventListener("click", function () {
            say("user", q.name + " – " + pair[0]);
            socket.send(JSON.stringify({ type: "answer", concept: q.concept, value: pair[1] }));
          });
          quick.appendChild(b);
        });
      } else if (q.type === "NUMBER") {
        const field = el("input");
        field.type = "number";
        field.min = "0";
        field.setAttribute("aria-label", q.name);
        const b = el("button", "secondary", "Vastaa");
        b.type = "button";
        b.addEventListener("click", function () {
          const n = Number(field.value);
          if (field.value === "" || !isFinite(n) || n < 0) return;
          say("user", q.name + " – " + n);
          socket.send(JSON.stringify({ type: "answer", concept: q.concept, value: n }));
        });
        quick.appendChild(field);
        quick.appendChild(b);
      }
    });
    plan.replaceChildren();
    if (!r.plan || r.plan.length === 0) return;
    const byId = {};
    (r.obligations || []).concat(r.services || []).forEach(function (i) { byId[i.id] = i; });
    const questionOf = {};
    (r.questions || []).forEach(function (q) { questionOf[q.concept] = q.name; });
    // Needed steps form the ordered plan; the ones that depend on an answer are grouped by the
    // question that settles them, so the plan stays readable while questions are open.
    plan.appendChild(el("h2", null, "Suunnitelma järjestyksessä"));
    const ol = el("ol", "steps");
    const open = {};
    r.plan.forEach(function (s) {
      const item = byId[s.id] || {};
      if (s.certainty === "possible") {
        const key = (item.dependsOn || []).map(function (c) { return questionOf[c] || c; }).join(" / ") || "Muut";
        (open[key] = open[key] || []).push(step(s, item, byId));
      } else {
        ol.appendChild(step(s, item, byId));
      }
    });
    plan.appendChild(ol);
    const keys = Object.keys(open);
    if (keys.length) {
      plan.appendChild(el("h2", null, "Riippuu vastauksistasi"));
      keys.forEach(function (key) {
        const group = el("details", "possible-group");
        group.appendChild(el("summary", null, key + " (" + open[key].length + ")"));
        const ul = el("ul", "steps possible");
        open[key].forEach(function (li) { ul.appendChild(li); });
        group.appendChild(ul);
        plan.appendChild(group);
      });
    }
    (r.notices || []).forEach(function (n) { plan.appendChild(el("p", "meta", n)); });
  }

  function step(s, item, byId) {
    const li = el("li");
    const title = el("div", "step-title", s.name);
    if (s.certainty === "possible") title.appendChild(badge("ehkä", "possible"));
    if (item.status === "draft") title.appendChild(badge("luonnos", "draft"));
    if (s.type === "service") title.appendChild(badge("palvelu"));
    if (s.cycle) title.appendChild(badge("umpikuja", "possible"));
    if (s.critical) title.appendChild(badge("kriittinen polku"));
    li.appendChild(title);
    li.appendChild(el("p", "why", s.why));
    if (item.counterfactual) li.appendChild(el("p", "why", item.counterfactual));
    const meta = [];
    if (s.actorName) meta.push("Kuka: " + s.actorName);
    if (item.legalBasis) meta.push("Peruste: " + item.legalBasis);
    meta.push("Vaihe " + s.stage);
    if (s.leadTime) meta.push("Aika: " + s.leadTime);
    if (s.deadline) meta.push("Määräaika: " + s.deadline);
    if (s.after && s.after.length) meta.push("Ensin: " + s.after.map(function (a) { return (byId[a] || {}).name || a; }).join(", "));
    li.appendChild(el("p", "meta", meta.join(" · ")));
    if (item.url && /^https:\/\//.test(item.url)) {
      const a = el("a", null, "Asiointipalvelu");
      a.href = item.url;
      a.rel = "noopener noreferrer";
      a.target = "_blank";
      li.appendChild(a);
    }
    return li;
  }

  form.addEventListener("submit", function (e) {
    e.preventDefault();
    const text = input.value.trim();
    if (!text || !socket || socket.readyState !== WebSocket.OPEN) return;
    say("user", text);
    socket.send(JSON.stringify({ type: "message", text: text }));
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
  // adviser; the adviser's messages arrive as their own WebSocket message types.
  const handoff = (function () {
    const box = el("div", "handoff");
    box.id = "handoff";
    const ask = el("button", "secondary", "Haluan puhua ihmisen kanssa");
    ask.type = "button";
    ask.id = "handoff-ask";
    const consent = el("div", "consent");
    consent.hidden = true;
    consent.appendChild(el("p", null, "Neuvoja näkee tämän keskustelun (henkilötiedot peitettyinä), tunnistamani tiedot"
        + " ja suunnitelman. Hyväksytkö tämän?"));
    const yes = el("button", null, "Hyväksyn, pyydä neuvoja");
    yes.type = "button";
    yes.id = "handoff-consent";
    const no = el("button", "secondary", "Peruuta");
    no.type = "button";
    consent.appendChild(yes);
    consent.appendChild(no);
    box.appendChild(ask);
    box.appendChild(consent);
    form.after(box);
    ask.addEventListener("click", function () {
      if (!conversationId) {
        say("error", "Kerro ensin lyhyesti tilanteestasi, niin neuvoja näkee, mistä on kyse.");
        return;
      }
      consent.hidden = false;
      yes.focus();
    });
    no.addEventListener("click", function () { consent.hidden = true; ask.focus(); });
    yes.addEventListener("click", function () {
      consent.hidden = true;
      if (socket && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify({ type: "handoff", consent: true }));
    });
    return {
      handles: function (msg) {
        if (msg.type === "handoff") {
          ask.disabled = true;
          say("bot", "Pyyntösi on jonossa. Neuvoja liittyy tähän keskusteluun, kun vapautuu.");
        } else if (msg.type === "adviser_joined") {
          say("bot", "Neuvoja liittyi keskusteluun.");
        } else if (msg.type === "adviser") {
          say("adviser", "Neuvoja: " + msg.text);
        } else if (msg.type === "handoff_closed") {
          ask.disabled = false;
          say("bot", "Neuvoja päätti keskustelun. Voit jatkaa kysymistä minulta.");
        } else {
          return false;
        }
        return true;
      }
    };
  })();

  send.disabled = true;
  connect();
})();
