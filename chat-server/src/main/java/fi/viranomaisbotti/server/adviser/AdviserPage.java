package fi.viranomaisbotti.server.adviser;

import fi.viranomaisbotti.server.web.StaticPage;
import io.javalin.http.Context;

/**
 * The adviser console ({@code /neuvoja}): answer search with official notes, the situation
 * workspace and the handoff queue. The page is for anyone to load; its data comes from routes
 * that need the adviser role. Immutable.
 */
public final class AdviserPage {
  private final StaticPage page = StaticPage.load("pages/neuvoja.html");

  public void serve(Context ctx) {
    page.serve(ctx);
  }
}
