// The adviser console: answer search with official notes, the caller's situation (the same plan as
// the chat, with what-if by toggling facts) and the handoff queue. Texts go in with textContent only.
(function () {
  "use strict";
  const C = window.Console;
  const el = C.el;
  const $ = function (id) { return document.getElementById(id); };
  let pollTimer = null;

  C.session({ content: "console", onSession: function () {
    loadQueue();
    if (pollTimer) clearInterval(pollTimer);
    pollTimer = setInterval(loadQueue, 15000);
    $("q").focus();
  } });

  function failed(where, err) {
    where.replaceChildren(el("p", "error", err.message || String(err)));
  }

  // ---- Answer search -------------------------------------------------------------------------
  let suggestTimer = null;
  $("q").addEventListener("input", function () {
    clearTimeout(suggestTimer);
    const prefix = $("q").value.trim();
    if (prefix.length < 2) return;
    suggestTimer = setTimeout(function () {
      C.api("GET", "/api/v1/answers/suggest?limit=8&prefix=" + encodeURIComponent(prefix)).then(function (r) {
        $("suggestions").replaceChildren.apply($("suggestions"), r.suggestions.map(function (s) {
          const o = document.createElement("option");
          o.value = s;
          return o;
        }));
      }).catch(function () { /* suggestions are a convenience */ });
    }, 200);
  });

  $("search").addEventListener("submit", function (e) {
    e.preventDefault();
    search();
  });
  $("didyoumean-button").addEventListener("click", function () {
    $("q").value = $("didyoumean-button").textContent;
    search();
  });

  function search() {
    const params = new URLSearchParams({ q: $("q").value.trim(), limit: "10" });
    ["actor", "event", "municipality"].forEach(function (f) {
      if ($(f).value.trim()) params.set(f, $(f).value.trim());
    });
    if ($("official").checked) params.set("audience", "official");
    C.api("GET", "/api/v1/answers?" + params).then(showHits).catch(function (err) { failed($("hits"), err); });
  }

  function highlighted(text, ranges) {
    const p = el("p", "snippet");
    let at = 0;
    (ranges || []).slice().sort(function (a, b) { return a[0] - b[0]; }).forEach(function (r) {
      if (r[0] < at) return;
      p.appendChild(document.createTextNode(text.substring(at, r[0])));
      p.appendChild(el("mark", null, text.substring(r[0], r[1])));
      at = r[1];
    });
    p.appendChild(document.createTextNode(text.substring(at)));
    return p;
  }

  function showHits(r) {
    const list = $("hits");
    list.replaceChildren();
    $("didyoumean").hidden = !r.didYouMean;
    if (r.didYouMean) $("didyoumean-button").textContent = r.didYouMean;
    if (!r.hits.length) list.appendChild(el("li", null, "Ei osumia."));
    r.hits.forEach(function (h) {
      const li = el("li", "hit");
      li.appendChild(el("h3", null, h.title));
      li.appendChild(highlighted(h.snippet || "", h.highlights));
      if (h.officialNotes) {
        const notes = el("div", "official");
        notes.appendChild(el("strong", null, "Viranomaisille: "));
        notes.appendChild(document.createTextNode(h.officialNotes));
        li.appendChild(notes);
      }
      if (h.source) li.appendChild(el("p", "meta", "Lähde: " + h.source));
      list.appendChild(li);
    });
    (r.notices || []).forEach(function (n) { list.appendChild(el("li", "meta", n)); });
  }

  // ---- The caller's situation ----------------------------------------------------------------
  let overrides = {};
  let latest = null;

  $("analyse").addEventListener("click", function () {
    overrides = {};
    recommend();
  });

  function recommend() {
    const text = $("story").value.trim();
    if (!text) {
      $("situation").replaceChildren(el("p", "error", "Kirjoita ensin soittajan kertomus."));
      return;
    }
    C.api("POST", "/api/v1/recommendations", { text: text, facts: overrides }).then(showSituation)
      .catch(function (err) { failed($("situation"), err); });
  }

  // A citizen's own tilannekuva, opened with the code they gave (their consent is shown with it).
  $("share-form").addEventListener("submit", function (e) {
    e.preventDefault();
    const code = $("share-code").value.trim();
    if (!code) return;
    C.api("GET", "/api/v1/shares/" + encodeURIComponent(code)).then(function (r) {
      $("share-consent").textContent = "Asiakas antoi luvan " + r.consent.at + ": " + r.consent.what
        + " Merkitty tehdyksi: " + Object.keys(r.progress).filter(function (k) { return r.progress[k] === "done"; }).length + " kohtaa.";
      $("story").value = r.history.filter(function (t) { return t.role === "user"; }).map(function (t) { return t.text; }).join("\n");
      showSituation(r.recommendation);
    }).catch(function (err) { failed($("share-consent"), err); });
  });

  function setFact(concept, value) {
    overrides[concept] = value;
    recommend();
  }

  function showSituation(r) {
    latest = r;
    $("export").disabled = false;
    $("print").disabled = false;
    const box = $("situation");
    box.replaceChildren();
    const names = {};
    (r.factSources || []).forEach(function (f) { names[f.concept] = f.name; });
    const facts = el("fieldset", "facts");
    facts.appendChild(el("legend", null, "Tiedot (muuta ja katso, miten suunnitelma muuttuu)"));
    Object.keys(r.facts || {}).forEach(function (concept) {
      const label = el("label");
      const box2 = document.createElement("input");
      box2.type = "checkbox";
      box2.checked = r.facts[concept];
      box2.addEventListener("change", function () { setFact(concept, box2.checked); });
      label.appendChild(box2);
      label.appendChild(document.createTextNode(" " + (names[concept] || concept)));
      facts.appendChild(label);
    });
    box.appendChild(facts);
    if ((r.questions || []).length) {
      box.appendChild(el("h3", null, "Kysy soittajalta"));
      const ul = el("ul");
      r.questions.forEach(function (q) {
        const li = el("li", null, q.name + " ");
        [["Kyllä", true], ["Ei", false]].forEach(function (pair) {
          const b = el("button", "secondary", pair[0]);
          b.type = "button";
          b.addEventListener("click", function () { setFact(q.concept, pair[1]); });
          li.appendChild(b);
        });
        if (q.why) li.appendChild(el("p", "why", q.why));
        ul.appendChild(li);
      });
      box.appendChild(ul);
    }
    box.appendChild(el("h3", null, "Suunnitelma"));
    const ol = el("ol", "steps");
    (r.plan || []).forEach(function (s) {
      const li = el("li");
      li.appendChild(el("span", "step-title", s.name));
      if (s.certainty === "possible") li.appendChild(el("span", "badge possible", "mahdollinen"));
      if (s.actorName) li.appendChild(el("p", "meta", s.actorName + (s.leadTime ? " · " + s.leadTime : "")));
      if (s.why) li.appendChild(el("p", "why", s.why));
      ol.appendChild(li);
    });
    box.appendChild(ol);
    (r.notices || []).forEach(function (n) { box.appendChild(el("p", "meta", n)); });
  }

  function markdown(r) {
    const lines = ["# Tilannekuva", "", "## Kertomus", "", $("story").value.trim(), "", "## Tiedot", ""];
    const names = {};
    (r.factSources || []).forEach(function (f) { names[f.concept] = f.name; });
    Object.keys(r.facts || {}).forEach(function (c) { lines.push("- " + (names[c] || c) + ": " + (r.facts[c] ? "kyllä" : "ei")); });
    lines.push("", "## Suunnitelma", "");
    (r.plan || []).forEach(function (s) {
      lines.push(s.order + ". **" + s.name + "**" + (s.certainty === "possible" ? " (mahdollinen)" : "")
        + (s.actorName ? " — " + s.actorName : ""));
      if (s.why) lines.push("   " + s.why);
    });
    if ((r.questions || []).length) {
      lines.push("", "## Avoimet kysymykset", "");
      r.questions.forEach(function (q) { lines.push("- " + q.name); });
    }
    lines.push("", "Tietämyksen versio " + r.knowledgeVersion + ".");
    return lines.join("\n");
  }

  $("export").addEventListener("click", function () {
    if (!latest) return;
    const a = document.createElement("a");
    a.href = URL.createObjectURL(new Blob([markdown(latest)], { type: "text/markdown;charset=utf-8" }));
    a.download = "tilannekuva.md";
    document.body.appendChild(a);
    a.click();
    a.remove();
  });
  $("print").addEventListener("click", function () { window.print(); });

  // ---- The handoff queue ---------------------------------------------------------------------
  let current = null;

  $("refresh").addEventListener("click", loadQueue);

  function loadQueue() {
    C.api("GET", "/api/v1/handoffs").then(function (r) {
      const ul = $("handoffs");
      ul.replaceChildren();
      if (!r.handoffs.length) ul.appendChild(el("li", "meta", "Jono on tyhjä."));
      r.handoffs.forEach(function (h) {
        const li = el("li", "handoff");
        li.dataset.id = h.id;
        li.appendChild(el("strong", null, (h.status === "queued" ? "Jonossa" : "Neuvojalla " + h.claimedBy)
          + " · pyydetty " + new Date(h.consentAt).toLocaleString("fi-FI")));
        const first = h.transcript.find(function (t) { return t.role === "user"; });
        if (first) li.appendChild(el("p", "why", first.text));
        if (h.facts.length) li.appendChild(el("p", "meta", "Tiedot: " + h.facts.map(function (f) { return f.concept + " = " + f.value; }).join(", ")));
        if (h.plan.length) li.appendChild(el("p", "meta", "Suunnitelma: " + h.plan.join("; ")));
        if (h.contactLeft) li.appendChild(el("p", "meta contact-left", "Jätti yhteystiedot (ei paikalla chatissa): näet ne, kun otat pyynnön hoitoon."));
        const open = el("button", "secondary open", "Avaa");
        open.type = "button";
        open.addEventListener("click", function () { openHandoff(h.id); });
        li.appendChild(open);
        if (h.status === "queued") {
          const claim = el("button", "claim", "Ota hoitoon");
          claim.type = "button";
          claim.addEventListener("click", function () {
            C.api("POST", "/api/v1/handoffs/" + encodeURIComponent(h.id) + "/claim")
              .then(function () { openHandoff(h.id); loadQueue(); })
              .catch(function (err) { li.appendChild(el("p", "error", err.message)); });
          });
          li.appendChild(claim);
        }
        ul.appendChild(li);
      });
    }).catch(function (err) {
      if (err.status === 401) return;
      failed($("handoffs"), err);
    });
  }

  function openHandoff(id) {
    C.api("GET", "/api/v1/handoffs/" + encodeURIComponent(id)).then(function (h) {
      current = h;
      $("handoff").hidden = false;
      const t = $("transcript");
      t.replaceChildren();
      // The citizen's contact details, left outside opening hours: shown only to the adviser who claimed it.
      if (h.contact) {
        const c = el("p", "contact");
        c.id = "handoff-contact";
        c.textContent = "Yhteystiedot: " + [h.contact.phone ? "puhelin " + h.contact.phone : null,
          h.contact.email ? "sähköposti " + h.contact.email : null].filter(Boolean).join(", ");
        t.appendChild(c);
      }
      h.transcript.forEach(function (turn) {
        const who = turn.role === "adviser" ? "adviser" : turn.role === "answer" ? "user" : "user";
        t.appendChild(el("div", "msg " + who, (turn.role === "adviser" ? "Neuvoja: " : "") + turn.text));
      });
      const mine = h.status === "claimed";
      $("reply").disabled = !mine;
      $("reply-button").disabled = !mine;
      $("close-handoff").disabled = h.status === "closed";
      $("reply").focus();
    }).catch(function (err) { failed($("transcript"), err); });
  }

  $("reply-form").addEventListener("submit", function (e) {
    e.preventDefault();
    const text = $("reply").value.trim();
    if (!current || !text) return;
    C.api("POST", "/api/v1/handoffs/" + encodeURIComponent(current.id) + "/messages", { text: text }).then(function (turn) {
      $("transcript").appendChild(el("div", "msg adviser", "Neuvoja: " + turn.text));
      $("reply").value = "";
    }).catch(function (err) { $("transcript").appendChild(el("p", "error", err.message)); });
  });

  $("close-handoff").addEventListener("click", function () {
    if (!current) return;
    C.api("POST", "/api/v1/handoffs/" + encodeURIComponent(current.id) + "/close").then(function () {
      current = null;
      $("handoff").hidden = true;
      loadQueue();
    }).catch(function (err) { $("transcript").appendChild(el("p", "error", err.message)); });
  });
})();
