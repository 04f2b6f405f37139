// The admin page: accounts (add, roles, disable) and the audit log. Texts go in with textContent only.
(function () {
  "use strict";
  const C = window.Console;
  const el = C.el;
  const $ = function (id) { return document.getElementById(id); };
  const ROLES = [["ADVISER", "Neuvoja"], ["EDITOR", "Sisällöntuottaja"], ["ADMIN", "Ylläpitäjä"]];

  C.session({ content: "admin", onSession: function () { loadAccounts(); loadAudit(); } });

  function shown(err) {
    $("accounts-error").textContent = err.status === 403 ? "Tämä sivu vaatii ylläpitäjän roolin." : err.message;
  }

  function change(username, body) {
    $("accounts-error").textContent = "";
    C.api("PATCH", "/api/v1/accounts/" + encodeURIComponent(username), body)
      .then(function () { loadAccounts(); loadAudit(); })
      .catch(function (err) { shown(err); loadAccounts(); });
  }

  function loadAccounts() {
    C.api("GET", "/api/v1/accounts").then(function (r) {
      const body = $("accounts");
      body.replaceChildren();
      r.accounts.forEach(function (a) {
        const tr = el("tr");
        tr.appendChild(el("td", null, a.username));
        const roles = el("td");
        ROLES.forEach(function (pair) {
          const label = el("label");
          const box = document.createElement("input");
          box.type = "checkbox";
          box.checked = a.roles.indexOf(pair[0]) >= 0;
          box.setAttribute("aria-label", a.username + ": " + pair[1]);
          box.addEventListener("change", function () {
            const next = ROLES.map(function (p) { return p[0]; }).filter(function (r2) {
              return r2 === pair[0] ? box.checked : a.roles.indexOf(r2) >= 0;
            });
            change(a.username, { roles: next });
          });
          label.appendChild(box);
          label.appendChild(document.createTextNode(" " + pair[1] + " "));
          roles.appendChild(label);
        });
        tr.appendChild(roles);
        tr.appendChild(el("td", null, a.enabled ? "kyllä" : "ei"));
        const actions = el("td");
        const toggle = el("button", "secondary", a.enabled ? "Poista käytöstä" : "Ota käyttöön");
        toggle.type = "button";
        toggle.addEventListener("click", function () { change(a.username, { enabled: !a.enabled }); });
        actions.appendChild(toggle);
        tr.appendChild(actions);
        body.appendChild(tr);
      });
    }).catch(shown);
  }

  function loadAudit() {
    C.api("GET", "/api/v1/audit?limit=100").then(function (r) {
      const body = $("audit");
      body.replaceChildren();
      r.events.forEach(function (e) {
        const tr = el("tr");
        [new Date(e.at).toLocaleString("fi-FI"), e.actor, e.action, e.target || "", e.detail || ""].forEach(function (v) {
          tr.appendChild(el("td", null, v));
        });
        body.appendChild(tr);
      });
    }).catch(function () { /* shown with the accounts */ });
  }

  $("audit-refresh").addEventListener("click", loadAudit);

  $("add-account").addEventListener("submit", function (e) {
    e.preventDefault();
    $("accounts-error").textContent = "";
    const roles = Array.prototype.slice.call(document.querySelectorAll("input[name=new-role]:checked")).map(function (b) { return b.value; });
    C.api("POST", "/api/v1/accounts", {
      username: $("new-username").value.trim(), password: $("new-password").value, roles: roles
    }).then(function () {
      $("new-username").value = "";
      $("new-password").value = "";
      loadAccounts();
      loadAudit();
    }).catch(shown);
  });
})();
