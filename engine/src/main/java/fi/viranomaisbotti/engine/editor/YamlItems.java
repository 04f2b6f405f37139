package fi.viranomaisbotti.engine.editor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The items of a corpus YAML list file as text blocks, so that one item can be replaced, removed
 * or appended without re-serialising the file: everything outside the item (other items, the
 * file's header, section comments, blank lines) stays byte for byte. A block is a top-level list
 * entry ({@code - id: …} at column 0) with its indented lines and the comment lines just above it
 * (no blank line between); column-0 comments after a blank line belong to the gap. Stateless.
 */
final class YamlItems {
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private YamlItems() {}

  /**
   * One item's text in its file.
   *
   * @param start offset of the block's first character (its first attached comment line)
   * @param end offset just after the block's last line break (or the end of the file)
   * @param id the item's id, or null when the block does not read as an item with one
   */
  record Block(int start, int end, String text, String id) {}

  static List<Block> blocks(String file) {
    List<int[]> lines = lines(file);
    List<Integer> starts = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (isEntryStart(line(file, lines.get(i)))) {
        starts.add(i);
      }
    }
    List<Block> out = new ArrayList<>();
    for (int k = 0; k < starts.size(); k++) {
      int first = starts.get(k);
      int limit = k + 1 < starts.size() ? starts.get(k + 1) : lines.size();
      int lastContent = first;
      for (int i = first + 1; i < limit; i++) {
        String l = line(file, lines.get(i));
        if (!l.isBlank() && (Character.isWhitespace(l.charAt(0)))) {
          lastContent = i;
        } else if (!l.isBlank() && !l.startsWith("#")) {
          lastContent = i;
        }
      }
      int from = first;
      int floor = k == 0 ? 0 : starts.get(k - 1) + 1;
      while (from - 1 >= floor && line(file, lines.get(from - 1)).startsWith("#")) {
        from--;
      }
      if (k > 0) {
        // Comments that follow the previous item's last indented line without a gap are its own.
        from = Math.max(from, out.isEmpty() ? from : lineIndexAt(lines, out.get(out.size() - 1).end()));
      }
      int start = lines.get(from)[0];
      int end = lines.get(lastContent)[1];
      String text = file.substring(start, end);
      out.add(new Block(start, end, text, idOf(text).orElse(null)));
    }
    return out;
  }

  private static int lineIndexAt(List<int[]> lines, int offset) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i)[0] >= offset) {
        return i;
      }
    }
    return lines.size();
  }

  static Optional<Block> find(String file, String id) {
    return blocks(file).stream().filter(b -> id.equals(b.id())).findFirst();
  }

  /** The file with the block's text replaced by the new text (which ends with a line break). */
  static String replace(String file, Block block, String text) {
    return file.substring(0, block.start()) + withNewline(text) + file.substring(block.end());
  }

  /** The file without the block, and without the blank lines it leaves doubled. */
  static String remove(String file, Block block) {
    String before = file.substring(0, block.start());
    String after = file.substring(block.end());
    if (before.isEmpty() || before.endsWith("\n\n")) {
      after = after.replaceFirst("^(\\r?\\n)+", "");
    }
    return before + after;
  }

  /** The file with the item appended after a blank line; a new file when there was none. */
  static String append(String file, String text) {
    if (file == null || file.isBlank()) {
      return withNewline(text);
    }
    String body = file.endsWith("\n") ? file : file + "\n";
    return body + (body.endsWith("\n\n") ? "" : "\n") + withNewline(text);
  }

  /**
   * An item's text as a list entry: a text written as a mapping ({@code id: x} and its fields,
   * as a form sends it) becomes {@code - id: x} with its lines indented under it; comment lines
   * above it stay at column 0. Trailing blank lines are dropped.
   */
  static String asEntry(String text) {
    String t = text.replace("\r\n", "\n").stripTrailing();
    List<String> lines = List.of(t.split("\n", -1));
    int first = 0;
    while (first < lines.size() && (lines.get(first).startsWith("#") || lines.get(first).isBlank())) {
      first++;
    }
    if (first == lines.size() || lines.get(first).startsWith("-")) {
      return t + "\n";
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i);
      if (i < first) {
        out.append(l);
      } else if (i == first) {
        out.append("- ").append(l);
      } else {
        out.append(l.isBlank() ? "" : "  " + l);
      }
      out.append('\n');
    }
    return out.toString();
  }

  /** The id of the single item a text holds, read as YAML; empty when it does not read so. */
  static Optional<String> idOf(String text) {
    return single(text).map(n -> n.path("id")).filter(JsonNode::isTextual).map(JsonNode::asText);
  }

  /** The single mapping a text holds as a one-entry list; empty when it holds anything else. */
  static Optional<JsonNode> single(String text) {
    try {
      JsonNode n = YAML.readTree(text);
      if (n != null && n.isArray() && n.size() == 1 && n.get(0).isObject()) {
        return Optional.of(n.get(0));
      }
      return Optional.empty();
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }

  /** Why a text is not one list entry, or empty when it is. */
  static Optional<String> notOneEntry(String text) {
    JsonNode n;
    try {
      n = YAML.readTree(text);
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? ""
          : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
      return Optional.of("the text is not valid YAML: " + e.getOriginalMessage() + where);
    }
    if (n == null || !n.isArray() || n.size() != 1 || !n.get(0).isObject()) {
      return Optional.of("the text must be one item: a mapping of its fields starting with 'id:' (or '- id:')");
    }
    if (!n.get(0).path("id").isTextual() || n.get(0).path("id").asText().isBlank()) {
      return Optional.of("the item has no id: write 'id: …' as its first field");
    }
    if (blocks(text).size() != 1) {
      return Optional.of("the text must be one item starting at the first column with '- id:'");
    }
    return Optional.empty();
  }

  private static String withNewline(String text) {
    return text.endsWith("\n") ? text : text + "\n";
  }

  private static boolean isEntryStart(String line) {
    return line.equals("-") || line.startsWith("- ") || line.startsWith("-\t");
  }

  /** Each line's [start, end) with its line break. */
  private static List<int[]> lines(String file) {
    List<int[]> out = new ArrayList<>();
    int at = 0;
    while (at < file.length()) {
      int nl = file.indexOf('\n', at);
      int end = nl < 0 ? file.length() : nl + 1;
      out.add(new int[] {at, end});
      at = end;
    }
    return out;
  }

  private static String line(String file, int[] span) {
    String l = file.substring(span[0], span[1]);
    return l.endsWith("\n") ? l.substring(0, l.length() - (l.endsWith("\r\n") ? 2 : 1)) : l;
  }
}
