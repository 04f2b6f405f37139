package fi.viranomaisbotti.server.auth;

import fi.viranomaisbotti.server.web.StaticPage;
import io.javalin.http.Context;

/**
 * The administrator's page ({@code /yllapito}): accounts, roles and the audit log. The page is
 * for anyone to load; what it shows comes from the admin routes, which need the role. Immutable.
 */
public final class AdminPage {
  private final StaticPage page = StaticPage.load("pages/yllapito.html");

  public void serve(Context ctx) {
    page.serve(ctx);
  }
}
