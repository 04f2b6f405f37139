// Shared by the adviser console, the editor and the admin page: sign-in, the session's CSRF token on every
// unsafe request, and an element helper. Every text is inserted with textContent, never as HTML.
window.Console = (function () {
  "use strict";
  let csrf = null;

  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  /** Calls the API; resolves with the parsed body, rejects with {status, code, message}. */
  function api(method, path, body) {
    const headers = { "Accept": "application/json" };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    if (csrf && method !== "GET") headers["X-CSRF-Token"] = csrf;
    return fetch(path, { method: method, headers: headers, credentials: "same-origin",
        body: body === undefined ? undefined : JSON.stringify(body) })
      .then(function (r) {
        if (r.status === 204) return null;
        return r.json().then(function (j) {
          if (!r.ok) throw { status: r.status, code: (j.error || {}).code, message: (j.error || {}).message || ("HTTP " + r.status) };
          return j;
        });
      });
  }

  /**
   * Wires the sign-in form: on success (or an existing session) calls onSession(session) and shows
   * the signed-in part; with no session (or sign-out) shows the form, which the page keeps hidden
   * until then.
   */
  function session(opts) {
    const form = document.getElementById("signin");
    const error = document.getElementById("signin-error");
    const who = document.getElementById("who");
    const main = document.getElementById(opts.content);
    // The form stays hidden until the server says there is no session, so a signed-in user never
    // sees it flash, and nobody can submit it while the check is still on its way.
    who.textContent = "Tarkistetaan kirjautumista…";
    function shown(s) {
      csrf = s.csrfToken;
      form.hidden = true;
      main.hidden = false;
      who.textContent = "Kirjautuneena: " + s.user + " (" + s.roles.join(", ") + ")";
      opts.onSession(s);
    }
    function signedOut(text) {
      csrf = null;
      form.hidden = false;
      main.hidden = true;
      who.textContent = text || "";
      document.getElementById("username").focus();
    }
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      error.textContent = "";
      api("POST", "/api/v1/session", {
        username: document.getElementById("username").value,
        password: document.getElementById("password").value
      }).then(function (s) {
        document.getElementById("password").value = "";
        shown(s);
      }).catch(function (err) {
        document.getElementById("password").value = "";
        error.textContent = err.code === "account_locked"
          ? "Liian monta epäonnistunutta yritystä: tunnus on lukittu hetkeksi. " + err.message
          : err.status === 401 ? "Väärä käyttäjätunnus tai salasana." : err.message;
      });
    });
    document.getElementById("signout").addEventListener("click", function () {
      api("DELETE", "/api/v1/session").finally(function () { signedOut("Kirjauduit ulos."); });
    });
    api("GET", "/api/v1/session").then(shown).catch(function () { signedOut(); });
    return { signedOut: signedOut };
  }

  /** The session's CSRF token, for callers that make their own requests (the editor's If-Match). */
  function csrfToken() { return csrf; }

  return { el: el, api: api, session: session, csrfToken: csrfToken };
})();
