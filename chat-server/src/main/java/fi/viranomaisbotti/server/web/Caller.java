package fi.viranomaisbotti.server.web;

import io.javalin.http.Context;
import java.util.Optional;
import java.util.Set;

/**
 * Who made a request: the signed-in account's name and roles, put on the request by the auth
 * face's access check before any face sees it. Absent for anonymous callers. Immutable.
 */
public record Caller(String username, Set<Role> roles) {
  private static final String ATTRIBUTE = "viranomaisbotti.caller";

  public Caller {
    roles = Set.copyOf(roles);
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }

  public static Optional<Caller> of(Context ctx) {
    return Optional.ofNullable(ctx.attribute(ATTRIBUTE));
  }

  /** The caller, or a 401 telling the client to sign in. */
  public static Caller required(Context ctx) {
    return of(ctx).orElseThrow(() -> ApiException.signInRequired());
  }

  public static void set(Context ctx, Caller caller) {
    ctx.attribute(ATTRIBUTE, caller);
  }
}
