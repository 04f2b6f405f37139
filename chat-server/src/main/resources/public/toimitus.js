// The knowledge editor (/toimitus): browse and edit the shared draft (form for the common fields,
// raw YAML/DRL for experts), inline validation, conflicts on a stale save, preview, publish,
// versions with rollback, the unanswered queue and the actors over time. Every text from the server
// or a user goes in with textContent (Console.el), never as HTML.
(function () {
  "use strict";
  const C = window.Console;
  const el = C.el;
  const $ = function (id) { return document.getElementById(id); };
  const BASE = "/api/v1/knowledge";
  const KIND_NAMES = { answers: "Vastaus", actors: "Toimija", obligations: "Velvoite", services: "Palvelu",
    events: "Elämäntapahtuma", concepts: "Käsite", questions: "Kysymys", situations: "Regressiotilanne", rules: "Sääntötiedosto",
    utterances: "Esimerkkilauseet" };
  const CERTAINTY = { needed: "tarvitaan", possible: "ehkä", offered: "vapaaehtoinen" };

  let current = null; // {kind, id, etag, fields, text, isNew}

  C.session({ content: "editor", onSession: function (s) {
    if (s.roles.indexOf("EDITOR") < 0) {
      $("role-error").textContent = "Tämä näkymä vaatii sisällöntuottajan roolin (EDITOR). Pyydä ylläpitäjää lisäämään se tunnukseesi.";
    }
    loadItems(); loadDraft(); loadVersions(); loadQueue(); loadEventIds();
  } });

  // ---- Requests: the session's CSRF token on unsafe methods, If-Match where asked, the ETag back.

  function request(method, path, body, headers) {
    const h = { "Accept": "application/json" };
    Object.keys(headers || {}).forEach(function (k) { h[k] = headers[k]; });
    let payload;
    if (body instanceof Blob || body instanceof ArrayBuffer) {
      payload = body;
      h["Content-Type"] = "application/zip";
    } else if (body !== undefined) {
      payload = JSON.stringify(body);
      h["Content-Type"] = "application/json";
    }
    if (method !== "GET" && C.csrfToken()) h["X-CSRF-Token"] = C.csrfToken();
    return fetch(path, { method: method, headers: h, credentials: "same-origin", body: payload }).then(function (r) {
      const etag = r.headers.get("ETag");
      if (r.status === 204) return { status: 204, etag: etag, body: null };
      return r.text().then(function (t) {
        let j = null;
        try { j = t ? JSON.parse(t) : null; } catch (e) { j = { error: { message: t } }; }
        return { status: r.status, etag: etag, body: j };
      });
    });
  }

  function failure(res) {
    const e = (res.body && res.body.error) || {};
    if (res.status === 401) return "Istunto on päättynyt: kirjaudu uudelleen.";
    if (res.status === 403) return "Ei oikeutta: " + (e.message || "tämä vaatii sisällöntuottajan roolin.");
    return (e.message || ("HTTP " + res.status)) + (e.code ? " (" + e.code + ")" : "");
  }

  function say(text) { $("status").textContent = text; }

  // ---- YAML for the form: the item's fields written back as a block YAML list item. Every string
  // is double-quoted with JSON's escapes, which YAML reads the same way, so no text can change the
  // structure; the comment lines above the item ("# DRAFT: …") are kept.

  function quoted(s) {
    return JSON.stringify(s).replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029").replace(/\u0085/g, "\\u0085");
  }
  // Ids, enum values and dates stay plain, as the corpus writes them; everything else is quoted.
  const PLAIN = /^(?:[a-z][a-z0-9-]*|[A-Z][A-Z0-9_]*|\d{4}-\d{2}-\d{2})$/;
  const RESERVED = /^(?:y|n|yes|no|on|off|true|false|null)$/i;
  function scalar(v) {
    if (v === null || v === undefined) return "null";
    if (typeof v === "string") return PLAIN.test(v) && !RESERVED.test(v) ? v : quoted(v);
    return String(v);
  }
  function key(k) { return /^[A-Za-z_][A-Za-z0-9_-]*$/.test(k) ? k : quoted(k); }
  function isScalar(v) { return v === null || typeof v !== "object"; }
  function mapLines(obj, indent) {
    const out = [];
    Object.keys(obj).forEach(function (k) {
      const v = obj[k];
      if (isScalar(v)) out.push(indent + key(k) + ": " + scalar(v));
      else if (Array.isArray(v)) {
        if (!v.length) { out.push(indent + key(k) + ": []"); return; }
        out.push(indent + key(k) + ":");
        v.forEach(function (x) {
          if (isScalar(x)) out.push(indent + "  - " + scalar(x));
          else if (Array.isArray(x)) out.push(indent + "  - " + JSON.stringify(x));
          else {
            const inner = mapLines(x, indent + "    ");
            if (!inner.length) { out.push(indent + "  - {}"); return; }
            inner[0] = indent + "  - " + inner[0].slice((indent + "    ").length);
            inner.forEach(function (l) { out.push(l); });
          }
        });
      } else {
        const inner = mapLines(v, indent + "  ");
        if (!inner.length) { out.push(indent + key(k) + ": {}"); return; }
        out.push(indent + key(k) + ":");
        inner.forEach(function (l) { out.push(l); });
      }
    });
    return out;
  }
  function itemYaml(fields, originalText) {
    const comments = [];
    (originalText || "").split("\n").some(function (l) {
      if (/^\s*#/.test(l) || /^\s*$/.test(l)) { if (/^\s*#/.test(l)) comments.push(l); return false; }
      return true;
    });
    const lines = mapLines(fields, "  ");
    if (lines.length) lines[0] = "- " + lines[0].slice(2);
    return comments.concat(lines).join("\n") + "\n";
  }

  // A section link moves the keyboard focus to the section's heading, not only the view.
  document.querySelectorAll("nav a[data-section]").forEach(function (a) {
    a.addEventListener("click", function () {
      const heading = document.querySelector(a.dataset.section + " h2");
      if (heading) window.setTimeout(function () { heading.focus(); }, 0);
    });
  });

  // ---- Browsing

  /** The most items listed at once: more is no list to read or tab through; the search narrows it. */
  const MAX_LISTED = 60;

  let listing = 0; // the latest list asked for: an answer overtaken by a later one is dropped

  function loadItems() {
    const kind = $("kind").value;
    const q = $("item-q").value.trim();
    const asked = ++listing;
    request("GET", BASE + "/items/" + kind + (q ? "?q=" + encodeURIComponent(q) : "")).then(function (res) {
      if (asked !== listing) return;
      const list = $("items");
      list.replaceChildren();
      list.dataset.kind = kind;
      list.dataset.q = q;
      if (res.status !== 200) { $("items-count").textContent = failure(res); return; }
      const items = res.body.items || [];
      $("items-count").textContent = items.length > MAX_LISTED
        ? items.length + " kohdetta; näytetään " + MAX_LISTED + " ensimmäistä – tarkenna hakua."
        : items.length + " kohdetta";
      items.slice(0, MAX_LISTED).forEach(function (it) {
        const li = el("li");
        const b = el("button", "link" + (it.changed ? " changed" : ""), (it.name ? it.name + " – " : "") + it.id);
        b.type = "button";
        b.dataset.id = it.id;
        b.addEventListener("click", function () { openItem(kind, it.id); });
        li.appendChild(b);
        if (it.status) li.appendChild(el("span", "muted", " " + it.status));
        list.appendChild(li);
      });
    }).catch(function (e) { $("items-count").textContent = String(e); });
  }

  $("browse").addEventListener("submit", function (e) { e.preventDefault(); loadItems(); });
  $("kind").addEventListener("change", loadItems);

  function openItem(kind, id) {
    return request("GET", BASE + "/items/" + kind + "/" + encodeURIComponent(id)).then(function (res) {
      if (res.status !== 200) { say(failure(res)); return; }
      show(res.body, res.etag || res.body.etag, false);
      $("item-title").focus();
    });
  }

  function show(item, etag, isNew) {
    current = { kind: item.kind, id: item.id, file: item.file, etag: etag, fields: item.fields || {}, text: item.text || "", isNew: isNew };
    $("item-section").hidden = false;
    $("conflict").hidden = true;
    $("item-title").textContent = isNew ? "Uusi: " + (KIND_NAMES[item.kind] || item.kind)
      : (KIND_NAMES[item.kind] || item.kind) + ": " + item.id;
    $("item-file").textContent = item.file ? "Tiedosto: " + item.file : "";
    $("item-text").value = item.text || "";
    $("item-text-label").textContent = item.kind === "rules" ? "Sääntötiedoston teksti (DRL)" : "Teksti (YAML) asiantuntijoille";
    $("delete-item").hidden = isNew;
    renderFields(item.kind, current.fields);
    renderProblems(item.problems || []);
  }

  $("close-item").addEventListener("click", function () {
    $("item-section").hidden = true;
    current = null;
    $("items").focus();
  });

  $("new-item").addEventListener("click", function () {
    const kind = $("kind").value;
    const text = kind === "rules"
      ? "package fi.viranomaisbotti.rules;\n\n// rule: uusi-saanto\n"
      : "- id: uusi-tunnus\n  name: {fi: \"\"}\n  meta: {source: \"\", owner: \"\", reviewed: " + new Date().toISOString().slice(0, 10) + ", status: DRAFT}\n";
    show({ kind: kind, id: kind === "rules" ? "uusi-saanto" : "", text: text, fields: {} }, null, true);
    $("item-text").focus();
  });

  // ---- The form of common fields. Each input names its path in the fields ("meta.source").

  const COMMON = [
    { path: "name.fi", label: "Nimi (suomeksi)" },
    { path: "name.sv", label: "Nimi (ruotsiksi)" },
    { path: "name.en", label: "Nimi (englanniksi)" },
    { path: "citizenText", label: "Vastaus kansalaiselle", kinds: ["answers"], area: true },
    { path: "officialNotes", label: "Ohje viranomaisille", kinds: ["answers"], area: true },
    { path: "meta.status", label: "Tila", options: ["DRAFT", "REVIEWED"] },
    { path: "meta.source", label: "Lähde (säädös tai virallinen sivu)" },
    { path: "meta.owner", label: "Omistaja" },
    { path: "meta.reviewed", label: "Tarkistettu", type: "date" },
    { path: "meta.verified.url", label: "Tarkistettu sivu (verified.url)" },
    { path: "meta.verified.date", label: "Tarkistuspäivä (verified.date)", type: "date" },
    { path: "meta.verified.checked", label: "Mitä tarkistettiin (verified.checked)" },
    { path: "meta.unverified", label: "Luonnoksesta tarkistamatta (unverified)" }
  ];

  function get(obj, path) {
    return path.split(".").reduce(function (o, k) { return o === null || o === undefined ? undefined : o[k]; }, obj);
  }
  function set(obj, path, value) {
    const parts = path.split(".");
    let o = obj;
    for (let i = 0; i < parts.length - 1; i++) {
      if (o[parts[i]] === undefined || o[parts[i]] === null || typeof o[parts[i]] !== "object") o[parts[i]] = {};
      o = o[parts[i]];
    }
    const last = parts[parts.length - 1];
    if (value === "" && o[last] === undefined) return;
    if (value === "") delete o[last]; else o[last] = value;
  }

  function renderFields(kind, fields) {
    const box = $("fields");
    box.replaceChildren();
    $("common-fields").hidden = kind === "rules";
    if (kind === "rules") return;
    // A name written as one string ("name: Kahvila") stays one field.
    const nameIsText = typeof fields.name === "string";
    COMMON.forEach(function (f) {
      if (f.kinds && f.kinds.indexOf(kind) < 0) return;
      if (nameIsText && (f.path === "name.sv" || f.path === "name.en")) return;
      const path = nameIsText && f.path === "name.fi" ? "name" : f.path;
      const id = "field-" + path.replace(/\./g, "-");
      const label = el("label", null, f.label);
      label.htmlFor = id;
      let input;
      if (f.options) {
        input = document.createElement("select");
        f.options.forEach(function (o) { const opt = el("option", null, o); opt.value = o; input.appendChild(opt); });
      } else if (f.area) {
        input = document.createElement("textarea");
        input.rows = 5;
      } else {
        input = document.createElement("input");
        input.type = f.type || "text";
      }
      input.id = id;
      input.dataset.path = path;
      const v = get(fields, path);
      input.value = v === undefined || v === null ? "" : String(v);
      const problem = el("p", "field-problem");
      problem.id = id + "-problem";
      input.setAttribute("aria-describedby", problem.id);
      input.addEventListener("change", function () {
        if (!current) return;
        set(current.fields, path, input.value.trim());
        $("item-text").value = itemYaml(current.fields, $("item-text").value);
      });
      box.appendChild(label);
      box.appendChild(input);
      box.appendChild(problem);
    });
  }

  // ---- Validation problems, inline: next to the field they name, the rest under the text.

  function fieldFor(problem) {
    if (!problem.field) return null;
    const f = String(problem.field);
    const inputs = Array.prototype.slice.call(document.querySelectorAll("#fields [data-path]"));
    return inputs.find(function (i) { return i.dataset.path === f; })
      || inputs.find(function (i) { return i.dataset.path.split(".")[0] === f.split(".")[0]; }) || null;
  }

  function problemText(p) {
    return [p.severity === "WARNING" ? "Huomautus" : "Virhe", p.file ? "tiedosto " + p.file : null,
      p.item && p.item !== "-" ? "kohde " + p.item : null, p.field ? "kenttä " + p.field : null]
      .filter(Boolean).join(", ") + ": " + p.message + (p.fix ? " – Korjaus: " + p.fix : "");
  }

  function renderProblems(problems) {
    const box = $("item-problems");
    box.replaceChildren();
    document.querySelectorAll("#fields .field-problem").forEach(function (p) { p.textContent = ""; });
    document.querySelectorAll("#fields [aria-invalid]").forEach(function (i) { i.removeAttribute("aria-invalid"); });
    $("item-text").removeAttribute("aria-invalid");
    if (!problems.length) return;
    const list = el("ul", "problems");
    problems.forEach(function (p) {
      const input = fieldFor(p);
      if (input) {
        input.setAttribute("aria-invalid", "true");
        const where = $(input.id + "-problem");
        where.textContent = (where.textContent ? where.textContent + " " : "") + problemText(p);
      }
      list.appendChild(el("li", "problem" + (p.severity === "WARNING" ? " warning" : ""), problemText(p)));
    });
    if (problems.some(function (p) { return !fieldFor(p); })) $("item-text").setAttribute("aria-invalid", "true");
    box.appendChild(el("h3", null, "Tarkistuksen tulokset"));
    box.appendChild(list);
  }

  // ---- Saving with If-Match; a stale save shows both texts side by side.

  function save(etag) {
    if (!current) return;
    const text = $("item-text").value;
    let p;
    if (current.isNew) {
      const body = { text: text };
      if (current.kind === "rules") body.id = current.id || (text.match(/rule:\s*([a-z0-9-]+)/) || [])[1] || "uusi-saanto";
      p = request("POST", BASE + "/items/" + current.kind, body);
    } else {
      p = request("PUT", BASE + "/items/" + current.kind + "/" + encodeURIComponent(current.id), { text: text },
        { "If-Match": etag || current.etag || "" });
    }
    return p.then(function (res) {
      if (res.status === 200 || res.status === 201) {
        show(res.body, res.etag || res.body.etag, false);
        say("Tallennettu luonnokseen: " + res.body.id + ((res.body.problems || []).length ? " (katso tarkistuksen tulokset)" : "."));
        loadDraft();
        loadItems();
      } else if (res.status === 412) {
        conflict(text, res.body.current);
      } else if (res.status === 422) {
        renderProblems(res.body.problems || []);
        say("Ei tallennettu: " + failure(res));
        const first = document.querySelector("#fields [aria-invalid=true]") || $("item-text");
        first.focus();
      } else {
        say("Ei tallennettu: " + failure(res));
      }
    });
  }

  function conflict(mine, theirs) {
    $("conflict").hidden = false;
    $("conflict-mine").textContent = mine;
    $("conflict-theirs").textContent = theirs ? theirs.text : "(kohde on poistettu)";
    $("conflict").dataset.etag = theirs ? (theirs.etag || "") : "";
    $("conflict")._theirs = theirs;
    say("Tallennus ei onnistunut: kohde oli muuttunut.");
    $("conflict-title").focus();
  }

  $("conflict-take-theirs").addEventListener("click", function () {
    const theirs = $("conflict")._theirs;
    if (theirs) show(theirs, theirs.etag, false);
    $("item-text").focus();
  });
  $("conflict-keep-mine").addEventListener("click", function () {
    const mine = $("conflict-mine").textContent;
    const etag = $("conflict").dataset.etag;
    $("item-text").value = mine;
    $("conflict").hidden = true;
    save(etag);
  });

  $("item-form").addEventListener("submit", function (e) { e.preventDefault(); save(); });

  $("delete-item").addEventListener("click", function () {
    if (!current || !window.confirm("Poistetaanko " + current.id + " luonnoksesta?")) return;
    request("DELETE", BASE + "/items/" + current.kind + "/" + encodeURIComponent(current.id), undefined,
      { "If-Match": current.etag || "" }).then(function (res) {
      if (res.status === 204) {
        say("Poistettu luonnoksesta: " + current.id);
        $("item-section").hidden = true;
        current = null;
        loadItems(); loadDraft();
      } else if (res.status === 412) conflict($("item-text").value, res.body.current);
      else say(failure(res));
    });
  });

  // ---- The draft, preview and publish

  /** Problems a preview or publish found in the open item's file, shown beside the item too. */
  function showOnItem(problems) {
    if (!current || !current.file || $("item-section").hidden) return;
    const mine = (problems || []).filter(function (p) { return p.file === current.file; });
    if (mine.length) renderProblems(mine);
  }

  function problemList(problems) {
    const ul = el("ul", "problems");
    problems.forEach(function (p) { ul.appendChild(el("li", "problem" + (p.severity === "WARNING" ? " warning" : ""), problemText(p))); });
    return ul;
  }

  function loadDraft() {
    request("GET", BASE + "/draft").then(function (res) {
      const list = $("draft-changes");
      list.replaceChildren();
      $("draft-problems").replaceChildren();
      if (res.status !== 200) { $("draft-summary").textContent = failure(res); return; }
      const d = res.body;
      const changes = d.changes || [];
      $("draft-summary").textContent = changes.length
        ? "Luonnos version " + d.base + " päällä: " + changes.length + " muutosta." + (d.valid === false ? " Luonnoksessa on virheitä." : "")
        : "Luonnos on sama kuin julkaistu versio " + d.base + ".";
      const TYPE = { ADDED: "lisätty", CHANGED: "muutettu", REMOVED: "poistettu" };
      changes.forEach(function (c) {
        const li = el("li");
        li.appendChild(el("span", null, (TYPE[c.type] || c.type) + ": " + (KIND_NAMES[c.kind] || c.kind) + " "));
        if (c.kind !== "files" && c.type !== "REMOVED") {
          const b = el("button", "link", c.id);
          b.type = "button";
          b.addEventListener("click", function () { openItem(c.kind, c.id); });
          li.appendChild(b);
        } else li.appendChild(el("span", null, c.id));
        list.appendChild(li);
      });
      const errors = (d.problems || []).filter(function (p) { return p.severity !== "WARNING"; });
      if (errors.length) $("draft-problems").appendChild(problemList(errors));
    });
  }
  $("draft-refresh").addEventListener("click", loadDraft);

  $("discard-draft").addEventListener("click", function () {
    if (!window.confirm("Hylätäänkö koko luonnos? Kaikkien muutokset katoavat.")) return;
    request("DELETE", BASE + "/draft").then(function (res) {
      say(res.status === 204 ? "Luonnos hylätty." : failure(res));
      loadDraft(); loadItems();
    });
  });

  $("import").addEventListener("click", function () {
    const f = $("import-file").files[0];
    if (!f) { say("Valitse ensin zip-tiedosto."); $("import-file").focus(); return; }
    request("POST", BASE + "/draft/import", f).then(function (res) {
      say(res.status === 200 || res.status === 201 ? "Tiedostot tuotu luonnokseksi." : "Tuonti ei onnistunut: " + failure(res));
      loadDraft(); loadItems();
    });
  });

  function ids(list) { return (list || []).join(", "); }

  function renderPreview(p) {
    const box = $("preview-result");
    box.replaceChildren();
    box.appendChild(el("h3", null, "Esikatselu"));
    if (!p.valid) {
      box.appendChild(el("p", "error", "Luonnosta ei voi julkaista: korjaa nämä ensin."));
      box.appendChild(problemList(p.problems || []));
      showOnItem(p.problems);
      return;
    }
    const situations = p.situations || [];
    box.appendChild(el("p", null, situations.length
      ? situations.length + " regressiotilanteen suunnitelma muuttuu."
      : "Yhdenkään regressiotilanteen suunnitelma ei muutu."));
    situations.forEach(function (s) {
      const fig = el("section", "diff");
      fig.setAttribute("aria-label", "Tilanne " + s.id);
      fig.appendChild(el("h4", null, s.id + (s.passedBefore !== s.passedAfter
        ? (s.passedAfter ? " – korjaantuu" : " – rikkoutuu") : s.passedAfter ? " – läpi" : " – ei läpi")));
      if (s.story) fig.appendChild(el("p", "muted", s.story));
      const t = el("table");
      const head = el("tr");
      ["", "Ennen (julkaistu)", "Jälkeen (luonnos)"].forEach(function (h) { const th = el("th", null, h); th.scope = "col"; head.appendChild(th); });
      t.appendChild(el("thead")).appendChild(head);
      const body = el("tbody");
      function row(label, before, after) {
        const tr = el("tr");
        const th = el("th", null, label); th.scope = "row"; tr.appendChild(th);
        tr.appendChild(el("td", before ? "before" : null, before || ""));
        tr.appendChild(el("td", after ? "after" : null, after || ""));
        body.appendChild(tr);
      }
      if ((s.removed || []).length) row("Poistuu", ids(s.removed), "");
      if ((s.added || []).length) row("Tulee", "", ids(s.added));
      (s.certaintyChanged || []).forEach(function (c) {
        row("Varmuus: " + c.id, CERTAINTY[c.from] || c.from, CERTAINTY[c.to] || c.to);
      });
      t.appendChild(body);
      fig.appendChild(t);
      if ((s.failures || []).length) fig.appendChild(el("p", "error", "Odotuksesta poikkeaa: " + s.failures.join("; ")));
      box.appendChild(fig);
    });
    const search = p.search || [];
    if (search.length) {
      box.appendChild(el("h4", null, "Haun sijoitukset muuttuvat"));
      const t = el("table");
      const head = el("tr");
      ["Haku", "Vastaus", "Sija ennen", "Sija jälkeen"].forEach(function (h) { const th = el("th", null, h); th.scope = "col"; head.appendChild(th); });
      t.appendChild(el("thead")).appendChild(head);
      const body = el("tbody");
      search.forEach(function (r) {
        const tr = el("tr");
        tr.appendChild(el("td", null, r.query));
        tr.appendChild(el("td", null, r.answer));
        tr.appendChild(el("td", "before", r.rankBefore === null ? "ei kymmenen parhaan joukossa" : r.rankBefore));
        tr.appendChild(el("td", "after", r.rankAfter === null ? "ei kymmenen parhaan joukossa" : r.rankAfter));
        body.appendChild(tr);
      });
      t.appendChild(body);
      box.appendChild(t);
    } else box.appendChild(el("p", null, "Arvioitujen hakujen sijoitukset eivät muutu."));
  }

  $("preview").addEventListener("click", function () {
    say("Esikatselu käynnissä: sääntöjä käännetään ja regressiotilanteita ajetaan…");
    request("POST", BASE + "/preview").then(function (res) {
      if (res.status !== 200) { say("Esikatselu ei onnistunut: " + failure(res)); return; }
      renderPreview(res.body);
      say("Esikatselu valmis.");
    });
  });

  $("publish-form").addEventListener("submit", function (e) {
    e.preventDefault();
    const message = $("publish-message").value.trim();
    const out = $("publish-result");
    out.replaceChildren();
    if (!message) { out.appendChild(el("p", "error", "Kirjoita muutoksen kuvaus.")); $("publish-message").focus(); return; }
    say("Julkaistaan…");
    request("POST", BASE + "/publish", { message: message }).then(function (res) {
      if (res.status === 201) {
        out.appendChild(el("p", null, "Julkaistu versio " + res.body.version + ". Se on nyt käytössä."));
        $("publish-message").value = "";
        say("Julkaistu versio " + res.body.version + ".");
        loadDraft(); loadVersions(); loadItems();
      } else {
        out.appendChild(el("p", "error", "Ei julkaistu: " + failure(res) + ". Käytössä oleva versio palvelee edelleen."));
        if (res.body && res.body.problems) {
          out.appendChild(problemList(res.body.problems));
          showOnItem(res.body.problems);
        }
        say("Ei julkaistu.");
      }
    });
  });

  // ---- Versions and rollback

  function loadVersions() {
    request("GET", BASE + "/versions").then(function (res) {
      const body = $("versions");
      body.replaceChildren();
      $("versions-error").textContent = "";
      if (res.status !== 200) { $("versions-error").textContent = failure(res); return; }
      (res.body.versions || []).forEach(function (v) {
        const tr = el("tr");
        tr.appendChild(el("td", null, v.version));
        tr.appendChild(el("td", null, v.at ? new Date(v.at).toLocaleString("fi-FI") : ""));
        tr.appendChild(el("td", null, v.by));
        tr.appendChild(el("td", null, v.message));
        tr.appendChild(el("td", null, v.live ? "käytössä" : ""));
        const actions = el("td");
        const zip = el("a", null, "Lataa zip");
        zip.href = BASE + "/versions/" + encodeURIComponent(v.version) + "/export";
        zip.setAttribute("aria-label", "Lataa version " + v.version + " tiedostot zip-pakettina");
        actions.appendChild(zip);
        if (!v.live) {
          const b = el("button", "secondary", "Palauta");
          b.type = "button";
          b.setAttribute("aria-label", "Palauta versio " + v.version);
          b.addEventListener("click", function () { rollback(v.version); });
          actions.appendChild(document.createTextNode(" "));
          actions.appendChild(b);
        }
        tr.appendChild(actions);
        body.appendChild(tr);
      });
    });
  }
  $("versions-refresh").addEventListener("click", loadVersions);

  function rollback(version) {
    if (!window.confirm("Julkaistaanko version " + version + " sisältö uudelleen uutena versiona?")) return;
    request("POST", BASE + "/rollback", { version: version }).then(function (res) {
      if (res.status === 201) say("Palautettu: versio " + version + " julkaistiin uudelleen versiona " + res.body.version + ".");
      else $("versions-error").textContent = "Palautus ei onnistunut: " + failure(res);
      loadVersions(); loadItems();
    });
  }

  // ---- The unanswered queue

  const QUEUE_KINDS = { "no-event": "ei tunnistettua tapahtumaa", "low-confidence": "heikosti tunnistettu",
    "search-miss": "haku ilman hyvää osumaa", "negative-feedback": "ei auttanut -palaute" };

  function loadEventIds() {
    request("GET", BASE + "/items/events").then(function (res) {
      if (res.status !== 200) return;
      const list = $("event-ids");
      list.replaceChildren();
      (res.body.items || []).forEach(function (it) { const o = el("option"); o.value = it.id; o.label = it.name || it.id; list.appendChild(o); });
    });
  }

  function loadQueue() {
    request("GET", BASE + "/unanswered?state=" + encodeURIComponent($("queue-state").value)).then(function (res) {
      const list = $("queue");
      list.replaceChildren();
      $("queue-error").textContent = "";
      if (res.status !== 200) { $("queue-error").textContent = failure(res); return; }
      const groups = res.body.groups || [];
      if (!groups.length) list.appendChild(el("li", "muted", "Ei kysymyksiä tässä tilassa."));
      groups.forEach(function (g) {
        const li = el("li");
        li.dataset.id = g.id;
        li.appendChild(el("h3", null, g.key));
        li.appendChild(el("p", "muted", g.count + " kertaa, " + new Date(g.first).toLocaleDateString("fi-FI") + "–"
          + new Date(g.last).toLocaleDateString("fi-FI") + " · " + g.kinds.map(function (k) { return QUEUE_KINDS[k] || k; }).join(", ")
          + (g.state !== "open" ? " · " + (g.state === "dismissed" ? "hylätty" : "muunnettu " + (g.convertedTo || "")) + " (" + (g.resolvedBy || "") + ")" : "")));
        const ex = el("ul", "examples");
        g.examples.forEach(function (x) { ex.appendChild(el("li", null, x)); });
        li.appendChild(ex);
        if (g.state === "open") {
          const actions = el("div", "actions");
          [["answer", "Tee vastaukseksi"], ["concept", "Tee sanastoon käsitteeksi"], ["utterance", "Lisää esimerkkilauseeksi tapahtumaan"]]
            .forEach(function (pair) {
              const b = el("button", null, pair[1]);
              b.type = "button";
              b.setAttribute("aria-label", pair[1] + ": " + g.key);
              b.addEventListener("click", function () { convert(g, pair[0]); });
              actions.appendChild(b);
            });
          const d = el("button", "secondary", "Hylkää");
          d.type = "button";
          d.setAttribute("aria-label", "Hylkää: " + g.key);
          d.addEventListener("click", function () { dismiss(g); });
          actions.appendChild(d);
          li.appendChild(actions);
        }
        list.appendChild(li);
      });
    });
  }
  $("queue-refresh").addEventListener("click", loadQueue);
  $("queue-state").addEventListener("change", loadQueue);

  function dismiss(g) {
    request("POST", BASE + "/unanswered/" + encodeURIComponent(g.id) + "/dismiss").then(function (res) {
      if (res.status === 204) say("Hylätty: " + g.key);
      else $("queue-error").textContent = failure(res);
      loadQueue();
      $("queue-title").focus();
    });
  }

  function convert(g, as) {
    const body = { as: as };
    if (as === "utterance") {
      const event = $("queue-event").value.trim();
      if (!event) {
        $("queue-error").textContent = "Kirjoita ensin tapahtuman tunnus kenttään \"Tapahtuma esimerkkilauseille\".";
        $("queue-event").focus();
        return;
      }
      body.event = event;
    }
    request("POST", BASE + "/unanswered/" + encodeURIComponent(g.id) + "/convert", body).then(function (res) {
      if (res.status !== 201) { $("queue-error").textContent = "Ei muunnettu: " + failure(res); return; }
      say("Luonnokseen lisätty " + (KIND_NAMES[res.body.kind] || res.body.kind) + " " + res.body.id + ".");
      loadQueue(); loadDraft();
      if (res.body.kind !== "utterances") {
        $("kind").value = res.body.kind;
        loadItems();
        openItem(res.body.kind, res.body.id);
      }
    });
  }

  // ---- Actors over time: validity and successors, saved through the same item API.

  function loadActors() {
    $("actors-error").textContent = "";
    const body = $("actors");
    body.replaceChildren();
    request("GET", BASE + "/items/actors").then(function (res) {
      if (res.status !== 200) { $("actors-error").textContent = failure(res); return; }
      const items = res.body.items || [];
      return Promise.all(items.map(function (it) {
        return request("GET", BASE + "/items/actors/" + encodeURIComponent(it.id));
      })).then(function (all) {
        const actors = all.filter(function (r) { return r.status === 200; }).map(function (r) {
          return { item: r.body, etag: r.etag || r.body.etag };
        });
        actors.sort(function (a, b) {
          return (b.item.fields.validTo ? 1 : 0) - (a.item.fields.validTo ? 1 : 0) || a.item.id.localeCompare(b.item.id);
        });
        actors.forEach(function (a) { body.appendChild(actorRow(a)); });
        markDate();
      });
    });
  }

  function timeline(from, to) {
    const start = Date.UTC(2015, 0, 1), end = Date.UTC(2031, 0, 1), span = end - start;
    const box = el("div", "timeline");
    const bar = el("span");
    const f = from ? Math.max(start, Date.parse(from)) : start;
    const t = to ? Math.min(end, Date.parse(to)) : end;
    bar.style.left = Math.round(160 * (f - start) / span) + "px";
    bar.style.width = Math.max(2, Math.round(160 * (t - f) / span)) + "px";
    box.appendChild(bar);
    box.setAttribute("role", "img");
    box.setAttribute("aria-label", "Voimassa " + (from || "aina") + " – " + (to || "toistaiseksi"));
    return box;
  }

  function actorRow(a) {
    const f = a.item.fields;
    const name = typeof f.name === "string" ? f.name : (f.name && f.name.fi) || a.item.id;
    const tr = el("tr");
    tr.dataset.id = a.item.id;
    tr.dataset.from = f.validFrom || "";
    tr.dataset.to = f.validTo || "";
    const th = el("th", null, name + " (" + a.item.id + ")");
    th.scope = "row";
    th.appendChild(el("span", "inactive-note"));
    tr.appendChild(th);
    function input(value, label, type) {
      const td = el("td");
      const i = document.createElement("input");
      i.type = type || "text";
      i.value = value || "";
      i.setAttribute("aria-label", name + ": " + label);
      td.appendChild(i);
      tr.appendChild(td);
      return i;
    }
    const from = input(f.validFrom, "voimassa alkaen", "date");
    const to = input(f.validTo, "voimassa asti", "date");
    const successor = input(f.successor, "seuraaja");
    successor.setAttribute("list", "actor-ids");
    const tdTasks = el("td");
    const tasks = document.createElement("textarea");
    tasks.rows = Math.max(1, (f.taskSuccessors || []).length);
    tasks.value = (f.taskSuccessors || []).map(function (t) { return t.actor + ": " + t.tasks; }).join("\n");
    tasks.setAttribute("aria-label", name + ": tehtävien seuraajat, toimija: tehtävät, yksi riville");
    tdTasks.appendChild(tasks);
    tr.appendChild(tdTasks);
    const tdLine = el("td");
    tdLine.appendChild(timeline(f.validFrom, f.validTo));
    tr.appendChild(tdLine);
    const tdSave = el("td");
    const save = el("button", null, "Tallenna");
    save.type = "button";
    save.setAttribute("aria-label", "Tallenna " + name);
    const note = el("p", "field-problem");
    note.setAttribute("role", "status");
    save.addEventListener("click", function () {
      const fields = JSON.parse(JSON.stringify(a.item.fields));
      [["validFrom", from.value], ["validTo", to.value], ["successor", successor.value.trim()]].forEach(function (p) {
        if (p[1]) fields[p[0]] = p[1]; else delete fields[p[0]];
      });
      const ts = tasks.value.split("\n").map(function (l) { return l.trim(); }).filter(Boolean).map(function (l) {
        const c = l.indexOf(":");
        return c < 0 ? { actor: l, tasks: "" } : { actor: l.slice(0, c).trim(), tasks: l.slice(c + 1).trim() };
      });
      if (ts.length) fields.taskSuccessors = ts; else delete fields.taskSuccessors;
      request("PUT", BASE + "/items/actors/" + encodeURIComponent(a.item.id), { text: itemYaml(fields, a.item.text) },
        { "If-Match": a.etag || "" }).then(function (res) {
        if (res.status === 200) {
          a.item = res.body;
          a.etag = res.etag || res.body.etag;
          tr.dataset.from = a.item.fields.validFrom || "";
          tr.dataset.to = a.item.fields.validTo || "";
          tdLine.replaceChildren(timeline(a.item.fields.validFrom, a.item.fields.validTo));
          note.textContent = (res.body.problems || []).length
            ? "Tallennettu; huomioita: " + res.body.problems.map(problemText).join(" ") : "Tallennettu luonnokseen.";
          loadDraft();
          markDate();
        } else if (res.status === 412) {
          note.textContent = "Joku muutti tätä toimijaa sillä välin. Lataa toimijat uudelleen ja tee muutos uudestaan.";
        } else {
          note.textContent = "Ei tallennettu: " + failure(res) + ((res.body && res.body.problems) ? " " + res.body.problems.map(problemText).join(" ") : "");
        }
      });
    });
    tdSave.appendChild(save);
    tdSave.appendChild(note);
    tr.appendChild(tdSave);
    return tr;
  }

  function markDate() {
    const day = $("actors-date").value;
    let ids = $("actor-ids");
    if (!ids) { ids = el("datalist"); ids.id = "actor-ids"; document.body.appendChild(ids); }
    ids.replaceChildren();
    document.querySelectorAll("#actors tr").forEach(function (tr) {
      const o = el("option"); o.value = tr.dataset.id; ids.appendChild(o);
      const inactive = day && ((tr.dataset.from && tr.dataset.from > day) || (tr.dataset.to && tr.dataset.to < day));
      tr.classList.toggle("inactive", !!inactive);
      const note = tr.querySelector("th .inactive-note");
      if (note) note.textContent = inactive ? " – ei voimassa " + new Date(day).toLocaleDateString("fi-FI") : "";
    });
  }

  $("actors-load").addEventListener("click", loadActors);
  $("actors-date").addEventListener("change", markDate);
})();
