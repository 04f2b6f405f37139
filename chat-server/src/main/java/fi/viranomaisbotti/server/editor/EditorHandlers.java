package fi.viranomaisbotti.server.editor;

import fi.viranomaisbotti.server.web.ApiException;
import io.javalin.http.Context;

/**
 * The knowledge editor's REST face ({@code /api/v1/knowledge/…}): versions, the shared draft and
 * its items, preview, publish and rollback. Thread-safe.
 */
public final class EditorHandlers {
  private static ApiException notYet() {
    return new ApiException(501, "not_implemented", "This editor route is being built.");
  }

  public void versions(Context ctx) {
    throw notYet();
  }

  public void export(Context ctx) {
    throw notYet();
  }

  public void draft(Context ctx) {
    throw notYet();
  }

  public void discard(Context ctx) {
    throw notYet();
  }

  public void importZip(Context ctx) {
    throw notYet();
  }

  public void items(Context ctx) {
    throw notYet();
  }

  public void item(Context ctx) {
    throw notYet();
  }

  public void create(Context ctx) {
    throw notYet();
  }

  public void replace(Context ctx) {
    throw notYet();
  }

  public void delete(Context ctx) {
    throw notYet();
  }

  public void preview(Context ctx) {
    throw notYet();
  }

  public void publish(Context ctx) {
    throw notYet();
  }

  public void rollback(Context ctx) {
    throw notYet();
  }
}
