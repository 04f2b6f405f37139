package fi.viranomaisbotti.server.auth;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads a page from the class path once and serves it. */
final class Pages {
  private Pages() {}

  static byte[] read(String resource) {
    try (InputStream in = Pages.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("The page " + resource + " is missing from the class path; rebuild the server jar.");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void html(Context ctx, byte[] page) {
    ctx.header("Cache-Control", "no-store");
    ctx.contentType("text/html; charset=utf-8").result(page);
  }
}
