package fi.viranomaisbotti.engine.editor;

import fi.viranomaisbotti.engine.editor.EditorException.Reason;
import fi.viranomaisbotti.knowledge.KnowledgeSource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Corpus files as a zip and back. Reading refuses what does not belong in a corpus: paths that
 * climb out of it or are absolute, other file types, text that is not UTF-8, and archives larger
 * than the limits (a zip bomb stops at the limit, it is not unpacked first). Stateless.
 */
final class CorpusZip {
  /** Largest zip accepted, in bytes. */
  static final int MAX_ZIP_BYTES = 8 * 1024 * 1024;
  static final int MAX_ENTRIES = 2_000;
  /** Largest total of the unpacked files, in bytes. */
  static final long MAX_UNPACKED_BYTES = 16L * 1024 * 1024;
  static final List<String> TYPES = List.of(".yaml", ".yml", ".drl", ".csv", ".md");
  private static final Pattern SEGMENT = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._-]*");
  /** Written into every entry, so that one version always zips to the same bytes. */
  private static final long ENTRY_TIME = 315_532_800_000L;

  private CorpusZip() {}

  static byte[] write(SortedMap<String, String> files) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
      for (Map.Entry<String, String> f : files.entrySet()) {
        ZipEntry e = new ZipEntry(f.getKey());
        e.setTime(ENTRY_TIME);
        zip.putNextEntry(e);
        zip.write(f.getValue().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write a zip in memory", e);
    }
    return out.toByteArray();
  }

  /** The corpus files of a zip, path → text, with the zip's one top folder taken off if it has one. */
  static SortedMap<String, String> read(byte[] zip) {
    if (zip.length > MAX_ZIP_BYTES) {
      throw tooLarge();
    }
    SortedMap<String, String> files = new TreeMap<>();
    long total = 0;
    int entries = 0;
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        if (++entries > MAX_ENTRIES) {
          throw tooLarge();
        }
        String name = e.getName();
        if (e.isDirectory() || name.startsWith("__MACOSX/") || name.endsWith(".DS_Store")) {
          continue;
        }
        if (!safePath(name)) {
          throw badEntry(name, "a path must be relative, without '..', '\\' or empty parts, in letters, digits, '.', '-' and '_'");
        }
        if (TYPES.stream().noneMatch(name::endsWith)) {
          throw badEntry(name, "only corpus files are accepted: " + String.join(", ", TYPES));
        }
        byte[] bytes = readAtMost(in, MAX_UNPACKED_BYTES - total);
        total += bytes.length;
        files.put(name, utf8(name, bytes));
      }
    } catch (ZipException e) {
      throw new EditorException(Reason.BAD_ZIP, "The body is not a readable zip (" + e.getMessage() + "); send the corpus"
          + " files zipped, as the export gives them.");
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read a zip in memory", e);
    }
    return withoutTopFolder(files);
  }

  /** Whether a corpus path is relative and plain: no "..", no absolute path, no backslash. */
  static boolean safePath(String path) {
    if (path.isEmpty() || path.length() > 200) {
      return false;
    }
    for (String segment : path.split("/", -1)) {
      if (!SEGMENT.matcher(segment).matches() || segment.equals("..")) {
        return false;
      }
    }
    return true;
  }

  private static SortedMap<String, String> withoutTopFolder(SortedMap<String, String> files) {
    if (files.containsKey(KnowledgeSource.MARKER)) {
      return files;
    }
    String top = files.isEmpty() ? "" : files.firstKey().substring(0, Math.max(0, files.firstKey().indexOf('/') + 1));
    if (!top.isEmpty() && files.containsKey(top + KnowledgeSource.MARKER)
        && files.keySet().stream().allMatch(p -> p.startsWith(top))) {
      SortedMap<String, String> out = new TreeMap<>();
      files.forEach((p, t) -> out.put(p.substring(top.length()), t));
      return out;
    }
    throw new EditorException(Reason.BAD_ZIP, "The zip holds no " + KnowledgeSource.MARKER + " at its root or in its one"
        + " top folder, so it is not a corpus; zip the corpus folder's files, as the export gives them.");
  }

  private static byte[] readAtMost(InputStream in, long room) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[8192];
    for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
      out.write(buf, 0, n);
      if (out.size() > room) {
        throw tooLarge();
      }
    }
    return out.toByteArray();
  }

  private static String utf8(String name, byte[] bytes) {
    try {
      String text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (CharacterCodingException e) {
      throw badEntry(name, "the file is not UTF-8 text");
    }
  }

  private static EditorException tooLarge() {
    return new EditorException(Reason.ZIP_TOO_LARGE, "The zip is larger than the editor takes: at most "
        + MAX_ZIP_BYTES / (1024 * 1024) + " MiB, " + MAX_ENTRIES + " entries and " + MAX_UNPACKED_BYTES / (1024 * 1024)
        + " MiB unpacked.");
  }

  private static EditorException badEntry(String name, String why) {
    return new EditorException(Reason.BAD_ZIP_ENTRY, "The zip's entry '" + name + "' was refused: " + why + ".");
  }
}
