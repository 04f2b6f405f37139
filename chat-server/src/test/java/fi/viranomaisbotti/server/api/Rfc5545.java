package fi.viranomaisbotti.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A strict reading of what RFC 5545 asks of the files we write: CRLF line ends, no line over 75
 * octets, folds continued with one space and never inside a UTF-8 character, content lines of
 * the form name(;param)*:value, balanced BEGIN/END, VERSION and PRODID on the calendar, exactly
 * one UID and one UTC DTSTAMP per component with UIDs unique, date values of DUE well formed,
 * and TEXT values (SUMMARY, DESCRIPTION, CATEGORIES) with every comma, semicolon, backslash and
 * line break escaped.
 */
public final class Rfc5545 {
  private Rfc5545() {}

  private static final Pattern CONTENT_LINE = Pattern.compile("[A-Z][A-Z0-9-]*(;[A-Z-]+=[^;:\",]+)*:.*");
  private static final Pattern ESCAPED_TEXT = Pattern.compile("([^\\\\,;]|\\\\[\\\\,;nN])*");

  public static String unfold(String ics) {
    return ics.replace("\r\n ", "");
  }

  public static List<String> components(String ics, String name) {
    List<String> out = new ArrayList<>();
    String u = unfold(ics);
    int at = 0;
    while ((at = u.indexOf("BEGIN:" + name + "\r\n", at)) >= 0) {
      int end = u.indexOf("END:" + name + "\r\n", at);
      out.add(u.substring(at, end));
      at = end;
    }
    return out;
  }

  public static void check(String ics) {
    assertThat(ics).endsWith("\r\n");
    for (String physical : ics.substring(0, ics.length() - 2).split("\r\n", -1)) {
      assertThat(physical).as("no bare CR or LF").doesNotContain("\r", "\n");
      assertThat(physical.getBytes(StandardCharsets.UTF_8).length).as(physical).isLessThanOrEqualTo(75);
      // A fold inside a character would leave half a surrogate pair, which has no UTF-8 encoding.
      assertThat(physical.codePoints().noneMatch(cp -> cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE)).as("whole characters in " + physical).isTrue();
      assertThat(physical).as("a line is not empty").isNotEmpty();
    }
    List<String> lines = List.of(unfold(ics).substring(0, unfold(ics).length() - 2).split("\r\n", -1));
    assertThat(lines.get(0)).isEqualTo("BEGIN:VCALENDAR");
    assertThat(lines.get(lines.size() - 1)).isEqualTo("END:VCALENDAR");
    assertThat(lines).contains("VERSION:2.0").anySatisfy(l -> assertThat(l).startsWith("PRODID:"));
    java.util.Deque<String> open = new java.util.ArrayDeque<>();
    Set<String> uids = new HashSet<>();
    int uid = 0;
    int stamp = 0;
    for (String line : lines) {
      assertThat(line).as("content line").matches(CONTENT_LINE);
      String name = line.substring(0, line.indexOf(':')).split(";")[0];
      String value = line.substring(line.indexOf(':') + 1);
      switch (name) {
        case "BEGIN" -> {
          open.push(value);
          uid = 0;
          stamp = 0;
        }
        case "END" -> {
          assertThat(open.pop()).isEqualTo(value);
          if (value.equals("VTODO")) {
            assertThat(uid).as("one UID").isEqualTo(1);
            assertThat(stamp).as("one DTSTAMP").isEqualTo(1);
          }
        }
        case "UID" -> {
          uid++;
          assertThat(uids.add(value)).as("unique UID " + value).isTrue();
        }
        case "DTSTAMP" -> {
          stamp++;
          assertThat(value).matches("\\d{8}T\\d{6}Z");
        }
        case "DUE" -> assertThat(line).matches("DUE;VALUE=DATE:\\d{8}");
        case "SUMMARY", "DESCRIPTION", "CATEGORIES" -> assertThat(value).as(name + " escaped").matches(ESCAPED_TEXT);
        default -> { }
      }
    }
    assertThat(open).isEmpty();
  }
}
