package fi.viranomaisbotti.server.api;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Serves the hand-written API description (docs module's openapi.yaml), read once. Immutable. */
public final class OpenApiDocument {
  /** Where the docs module puts the description on the class path. */
  public static final String RESOURCE = "docs/openapi.yaml";

  private final String yaml;

  private OpenApiDocument(String yaml) {
    this.yaml = yaml;
  }

  public static OpenApiDocument load() {
    try (InputStream in = OpenApiDocument.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("Resource " + RESOURCE + " is missing from the class path; is the docs module a dependency?");
      }
      return new OpenApiDocument(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read " + RESOURCE + " from the class path", e);
    }
  }

  public void serve(Context ctx) {
    ctx.contentType("application/yaml; charset=utf-8").result(yaml);
  }
}
