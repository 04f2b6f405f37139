package fi.viranomaisbotti.server.auth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.viranomaisbotti.server.accounts.AccountService;
import fi.viranomaisbotti.server.accounts.AuditLog;
import fi.viranomaisbotti.server.accounts.SignInRefusedException;
import fi.viranomaisbotti.server.accounts.SignedIn;
import fi.viranomaisbotti.server.web.ApiException;
import fi.viranomaisbotti.server.web.Caller;
import fi.viranomaisbotti.server.web.Json;
import fi.viranomaisbotti.server.web.Role;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Sign-in and sign-out ({@code /api/v1/session}): the session id goes into an HttpOnly,
 * SameSite=Strict cookie (Secure under TLS), the CSRF token into the answer. Thread-safe.
 */
public final class SessionHandlers {
  private final AccountService accounts;
  private final AuditLog audit;
  private final boolean alwaysSecure;

  /** @param alwaysSecure mark the cookie Secure even on plain HTTP (TLS ends at a proxy in front) */
  public SessionHandlers(AccountService accounts, AuditLog audit, boolean alwaysSecure) {
    this.accounts = accounts;
    this.audit = audit;
    this.alwaysSecure = alwaysSecure;
  }

  public void signIn(Context ctx) {
    ObjectNode body = Json.object(ctx.bodyAsBytes());
    String username = body.path("username").asText("");
    String password = body.path("password").asText("");
    if (username.isBlank() || password.isEmpty()) {
      throw ApiException.badRequest("bad_credentials_body", "Send {\"username\": …, \"password\": …} to sign in.");
    }
    AccountService.NewSession session;
    try {
      session = accounts.signIn(username, password);
    } catch (SignInRefusedException e) {
      audit.record(username.strip(), e.locked() ? "sign_in_locked" : "sign_in_failed", null, null);
      if (e.locked()) {
        throw new ApiException(429, "account_locked", e.getMessage(), e.retryAfterSeconds(), null);
      }
      throw new ApiException(401, "sign_in_failed", e.getMessage());
    }
    audit.record(session.signedIn().username(), "sign_in", null, null);
    ctx.header("Set-Cookie", cookie(ctx, session.id(), AccountService.SESSION_LENGTH.toSeconds()));
    ctx.header("Cache-Control", "no-store");
    ctx.json(view(session.signedIn().username(), session.signedIn().roles(), session.signedIn().csrfToken()));
  }

  /** Who is signed in, with the CSRF token again (for a reloaded page); 401 without a session. */
  public void current(Context ctx) {
    Caller caller = Caller.required(ctx);
    SignedIn s = accounts.session(ctx.cookie(AccessControl.COOKIE)).orElseThrow(ApiException::signInRequired);
    ctx.header("Cache-Control", "no-store");
    ctx.json(view(caller.username(), s.roles(), s.csrfToken()));
  }

  public void signOut(Context ctx) {
    Caller.of(ctx).ifPresent(c -> audit.record(c.username(), "sign_out", null, null));
    accounts.signOut(ctx.cookie(AccessControl.COOKIE));
    ctx.header("Set-Cookie", cookie(ctx, "", 0));
    ctx.status(204);
  }

  private String cookie(Context ctx, String value, long maxAgeSeconds) {
    boolean secure = alwaysSecure || "https".equalsIgnoreCase(ctx.scheme());
    return AccessControl.COOKIE + "=" + value + "; Path=/; Max-Age=" + maxAgeSeconds + "; HttpOnly; SameSite=Strict"
        + (secure ? "; Secure" : "");
  }

  private static Map<String, Object> view(String user, Set<Role> roles, String csrf) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("user", user);
    out.put("roles", roles.stream().map(Role::name).sorted().toList());
    out.put("csrfToken", csrf);
    return out;
  }
}
