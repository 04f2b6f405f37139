package fi.viranomaisbotti.engine.editor;

import java.time.Instant;

/**
 * One published version of the knowledge: a complete set of corpus files, stored.
 *
 * @param hash SHA-256 over every file's path and text (the knowledge's content hash)
 * @param origin how it came to be: {@link #PACKAGE}, {@link #PUBLISH} or {@link #ROLLBACK}
 * @param live whether it is the version the server loads and serves
 */
public record KnowledgeVersion(int number, String hash, String by, Instant at, String message, String origin, boolean live) {
  /** The corpus packaged with a release, stored when a start finds it new. */
  public static final String PACKAGE = "package";
  /** An editor's draft, published. */
  public static final String PUBLISH = "publish";
  /** An earlier version's files, published again. */
  public static final String ROLLBACK = "rollback";
}
