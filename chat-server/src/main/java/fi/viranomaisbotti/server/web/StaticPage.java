package fi.viranomaisbotti.server.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** An HTML page read once from the class path and served as it is. Immutable. */
public final class StaticPage {
  private final byte[] html;

  private StaticPage(byte[] html) {
    this.html = html;
  }

  /** @throws IllegalStateException if the resource is missing (a broken build) */
  public static StaticPage load(String resource) {
    try (InputStream in = StaticPage.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("The page " + resource + " is missing from the class path; rebuild the server jar.");
      }
      return new StaticPage(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void serve(Context ctx) {
    ctx.header("Cache-Control", "no-store");
    ctx.contentType("text/html; charset=utf-8").result(html);
  }
}
