package fi.viranomaisbotti.server.editor;

import fi.viranomaisbotti.server.web.StaticPage;
import io.javalin.http.Context;

/**
 * The knowledge editor ({@code /toimitus}): browse and edit the draft, preview, publish, roll
 * back, and the queue of what users asked that the bot could not answer. The page is for anyone to
 * load; its data comes from routes that need the editor role. Immutable.
 */
public final class EditorPage {
  private final StaticPage page = StaticPage.load("pages/toimitus.html");

  public void serve(Context ctx) {
    page.serve(ctx);
  }
}
