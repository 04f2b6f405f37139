package fi.viranomaisbotti.server.auth;

import fi.viranomaisbotti.server.accounts.AccountService;
import fi.viranomaisbotti.server.accounts.SignedIn;
import fi.viranomaisbotti.server.web.ApiException;
import fi.viranomaisbotti.server.web.Caller;
import fi.viranomaisbotti.server.web.Role;
import io.javalin.http.Context;
import io.javalin.security.RouteRole;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;

/**
 * The one check in front of every matched route: reads the session cookie, puts the
 * {@link Caller} on the request, refuses an unsafe method of a signed-in session without its CSRF
 * token (403), and refuses a route whose declared role (from the route registry, carried by
 * Javalin with the route) the caller lacks: 401 without a session, 403 with the wrong roles.
 * Thread-safe.
 */
public final class AccessControl {
  public static final String COOKIE = "vb_session";
  public static final String CSRF_HEADER = "X-CSRF-Token";

  private final AccountService accounts;

  public AccessControl(AccountService accounts) {
    this.accounts = accounts;
  }

  /** Runs before every matched route. */
  public void check(Context ctx) {
    Optional<SignedIn> who = Optional.ofNullable(ctx.cookie(COOKIE)).flatMap(accounts::session);
    who.ifPresent(s -> Caller.set(ctx, new Caller(s.username(), s.roles())));
    if (who.isPresent() && unsafe(ctx.method().name()) && !signingIn(ctx) && !csrfMatches(ctx, who.get())) {
      throw new ApiException(403, "csrf_token_required", "A signed-in session must send its CSRF token in the "
          + CSRF_HEADER + " header with every POST, PUT, PATCH and DELETE; the token came with the sign-in"
          + " (GET /api/v1/session returns it again).");
    }
    Set<RouteRole> roles = ctx.routeRoles();
    for (RouteRole r : roles) {
      if (r instanceof Role role && role != Role.ANONYMOUS) {
        if (who.isEmpty()) {
          throw ApiException.signInRequired();
        }
        if (!who.get().has(role)) {
          throw ApiException.roleRequired(role);
        }
      }
    }
  }

  /** A sign-in over a live session needs no token: SameSite=Strict keeps it from other sites. */
  private static boolean signingIn(Context ctx) {
    return ctx.method().name().equals("POST") && ctx.path().equals("/api/v1/session");
  }

  private static boolean unsafe(String method) {
    return !(method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS"));
  }

  private static boolean csrfMatches(Context ctx, SignedIn who) {
    String sent = ctx.header(CSRF_HEADER);
    return sent != null && MessageDigest.isEqual(
        sent.getBytes(StandardCharsets.UTF_8), who.csrfToken().getBytes(StandardCharsets.UTF_8));
  }
}
