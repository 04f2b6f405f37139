package fi.viranomaisbotti.server.web;

import io.javalin.http.Context;

/** Headers every response carries, so a browser neither sniffs types nor frames our pages. */
public final class SecurityHeaders {
  private SecurityHeaders() {}

  public static void add(Context ctx) {
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("Content-Security-Policy", "default-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data:; frame-ancestors 'none'");
  }
}
