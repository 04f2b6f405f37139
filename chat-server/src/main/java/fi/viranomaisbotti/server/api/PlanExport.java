package fi.viranomaisbotti.server.api;

import fi.viranomaisbotti.engine.Recommendation;
import fi.viranomaisbotti.engine.Recommendation.Item;
import fi.viranomaisbotti.engine.Recommendation.PlanStep;
import fi.viranomaisbotti.engine.conversation.StepState;
import fi.viranomaisbotti.knowledge.Timing;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A conversation's plan as a document to keep: a print-friendly HTML page, Markdown, or an
 * iCalendar file of tasks. Steps are grouped by the customer-facing phase as on the chat page,
 * needed apart from possible, with each step's actor, e-service, lead time and the customer's own
 * marks. The iCalendar has a task (VTODO) for each step with a deadline or a lead time; it is dated
 * only when the obligation's cited text gives a period from the start ({@link Timing}) and the
 * customer gave the start day, and otherwise carries the words and no invented due date. Stateless.
 */
final class PlanExport {
  /** The customer-facing phases, in order, with the corpus phases each holds. */
  static final List<Map.Entry<String, List<String>>> PHASES = List.of(
      Map.entry("Ennen aloittamista", List.of("IDEA")),
      Map.entry("Perustaminen", List.of("FOUNDING", "FUNDING")),
      Map.entry("Ennen avaamista", List.of("PERMITS", "CONSTRUCTION", "SKILLS", "MARKET_ENTRY")),
      Map.entry("Kun palkkaat", List.of("HIRING")),
      Map.entry("Toiminnan aikana", List.of("SUPERVISION", "GROWTH", "GENERATIONAL_CHANGE", "SELLING", "WINDING_DOWN")));

  private static final DateTimeFormatter ICS_DATE = DateTimeFormatter.ofPattern("yyyyMMdd", Locale.ROOT);
  private static final DateTimeFormatter ICS_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT);

  private PlanExport() {}

  /** A step with what the document shows beside it. */
  record Row(PlanStep step, Item item, StepState state) {}

  /** The plan's steps grouped by phase (the phases without steps left out), each group in plan order. */
  static Map<String, List<Row>> byPhase(Recommendation r, Map<String, StepState> progress) {
    Map<String, Item> items = new HashMap<>();
    r.obligations().forEach(i -> items.put(i.id(), i));
    r.services().forEach(i -> items.put(i.id(), i));
    Map<String, List<Row>> out = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> phase : PHASES) {
      List<Row> rows = new ArrayList<>();
      for (PlanStep s : r.plan()) {
        if (phase.getValue().contains(s.phase())) {
          rows.add(new Row(s, items.get(s.id()), progress.getOrDefault(s.id(), StepState.OPEN)));
        }
      }
      if (!rows.isEmpty()) {
        out.put(phase.getKey(), rows);
      }
    }
    return out;
  }

  static String markdown(Recommendation r, Map<String, StepState> progress, Instant at) {
    StringBuilder md = new StringBuilder("# Suunnitelmasi – Viranomaisbotti\n\n");
    md.append("Tallennettu ").append(at.atOffset(ZoneOffset.UTC).toLocalDate()).append(". Tiedot ovat ohjeellisia.\n");
    byPhase(r, progress).forEach((phase, rows) -> {
      md.append("\n## ").append(phase).append("\n\n");
      for (Row row : rows) {
        String box = row.state() == StepState.DONE ? "[x]" : "[ ]";
        md.append("- ").append(box).append(' ').append(mdText(row.step().name()));
        if ("possible".equals(row.step().certainty())) {
          md.append(" (ehkä: riippuu vastauksistasi)");
        }
        if (row.state() == StepState.NOT_RELEVANT) {
          md.append(" (ei koske minua)");
        }
        md.append('\n');
        for (String line : details(row)) {
          md.append("  - ").append(mdText(line)).append('\n');
        }
        String url = url(row.item());
        if (url != null) {
          md.append("  - [").append(mdText(linkText(row))).append("](").append(url.replace(")", "%29")).append(")\n");
        }
      }
    });
    return md.toString();
  }

  static String html(Recommendation r, Map<String, StepState> progress, Instant at) {
    StringBuilder h = new StringBuilder("""
        <!doctype html>
        <html lang="fi">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Suunnitelmasi – Viranomaisbotti</title>
        <link rel="stylesheet" href="/plan-print.css">
        </head>
        <body>
        <h1>Suunnitelmasi</h1>
        """);
    h.append("<p class=\"meta\">Tallennettu ").append(at.atOffset(ZoneOffset.UTC).toLocalDate())
        .append(". Tiedot ovat ohjeellisia; luonnoksiksi merkityt kohdat tarkistetaan vielä.</p>\n");
    byPhase(r, progress).forEach((phase, rows) -> {
      h.append("<h2>").append(esc(phase)).append("</h2>\n<ul>\n");
      for (Row row : rows) {
        h.append("<li><span").append(row.state() == StepState.DONE ? " class=\"done\"" : "").append('>')
            .append(row.state() == StepState.DONE ? "☑ " : "☐ ").append(esc(row.step().name())).append("</span>");
        if ("possible".equals(row.step().certainty())) {
          h.append(" <em>(ehkä: riippuu vastauksistasi)</em>");
        }
        if (row.state() == StepState.NOT_RELEVANT) {
          h.append(" <em>(ei koske minua)</em>");
        }
        for (String line : details(row)) {
          h.append("\n<p class=\"meta\">").append(esc(line)).append("</p>");
        }
        String url = url(row.item());
        if (url != null) {
          h.append("\n<p class=\"meta\"><a href=\"").append(esc(url)).append("\">").append(esc(linkText(row))).append("</a></p>");
        }
        h.append("</li>\n");
      }
      h.append("</ul>\n");
    });
    return h.append("</body>\n</html>\n").toString();
  }

  /** As {@link #icalendar(Recommendation, Map, Instant, String, LocalDate)} without a start day. */
  static String icalendar(Recommendation r, Map<String, StepState> progress, Instant at, String uidSalt) {
    return icalendar(r, progress, at, uidSalt, null);
  }

  /**
   * RFC 5545: a VTODO per step with a deadline or lead time, lines folded at 75 octets. A step
   * whose obligation gives its time as a period from the start ({@link Timing}) is due on the day
   * counted from {@code start}; any other step, or every step without a start day, is undated and
   * its description says why.
   *
   * @param start the day the customer's activity starts (or the moving day), or null when not given
   */
  static String icalendar(Recommendation r, Map<String, StepState> progress, Instant at, String uidSalt, LocalDate start) {
    List<String> lines = new ArrayList<>(List.of("BEGIN:VCALENDAR", "VERSION:2.0",
        "PRODID:-//Viranomaisbotti//Suunnitelma//FI", "CALSCALE:GREGORIAN", "METHOD:PUBLISH"));
    String stamp = ICS_TIME.format(at.atOffset(ZoneOffset.UTC));
    byPhase(r, progress).forEach((phase, rows) -> {
      for (Row row : rows) {
        PlanStep s = row.step();
        if (s.leadTime() == null && s.deadline() == null && s.timing() == null) {
          continue;
        }
        lines.add("BEGIN:VTODO");
        lines.add("UID:" + s.id() + "-" + uidSalt + "@viranomaisbotti");
        lines.add("DTSTAMP:" + stamp);
        lines.add("SUMMARY:" + ics(s.name()));
        List<String> text = new ArrayList<>(details(row));
        Timing timing = s.timing();
        if (timing != null && start != null) {
          lines.add("DUE;VALUE=DATE:" + ICS_DATE.format(timing.dueFrom(start)));
          text.add((timing.estimate() ? "Arvioitu ajankohta: " : "Määräpäivä: ") + due(timing, start) + " (" + timing.basis() + ")");
        } else if (timing != null) {
          text.add("Päivämäärä lasketaan aloituspäivästä (" + timing.basis()
              + "). Anna aloituspäivä, niin tehtävä saa eräpäivän.");
        } else {
          text.add("Lähde ei anna tälle vaiheelle aikaa päivinä, joten tehtävällä ei ole eräpäivää.");
        }
        String url = url(row.item());
        if (url != null) {
          text.add(linkText(row) + ": " + url);
          lines.add("URL:" + url);
        }
        lines.add("DESCRIPTION:" + ics(phase + ". " + String.join("\n", text)));
        lines.add("CATEGORIES:" + ics(phase));
        lines.add("STATUS:" + (row.state() == StepState.DONE ? "COMPLETED"
            : row.state() == StepState.NOT_RELEVANT ? "CANCELLED" : "NEEDS-ACTION"));
        lines.add("END:VTODO");
      }
    });
    lines.add("END:VCALENDAR");
    StringBuilder out = new StringBuilder();
    lines.forEach(l -> out.append(fold(l)));
    return out.toString();
  }

  /** The due day as Finns write it: 8.3.2027. */
  private static String due(Timing timing, LocalDate start) {
    LocalDate d = timing.dueFrom(start);
    return d.getDayOfMonth() + "." + d.getMonthValue() + "." + d.getYear();
  }

  /** The lines under a step: who handles it, its lead time and deadline, why. */
  private static List<String> details(Row row) {
    List<String> out = new ArrayList<>();
    PlanStep s = row.step();
    if (s.actorName() != null) {
      out.add("Kuka: " + s.actorName());
    }
    if (s.leadTime() != null) {
      out.add("Aika: " + s.leadTime());
    }
    if (s.deadline() != null) {
      out.add("Määräaika: " + s.deadline());
    }
    if (s.why() != null && !s.why().isBlank()) {
      out.add("Miksi: " + s.why());
    }
    return out;
  }

  /** The e-service of the step, when it is a plain https address. */
  private static String url(Item item) {
    String url = item == null ? null
        : item.details() instanceof Recommendation.Handling h ? h.url()
        : item.details() instanceof Recommendation.Provision p ? p.url() : null;
    return url != null && url.startsWith("https://") && url.chars().noneMatch(c -> c <= ' ' || c == '"' || c == '<' || c == '>')
        ? url : null;
  }

  /** A link named by what it does and where: "Hae lupa: Anniskelulupa – Lupa- ja valvontavirasto". */
  static String linkText(Row row) {
    return StepWords.action(row.item()) + (row.step().actorName() == null ? "" : " – " + row.step().actorName());
  }

  private static String esc(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** Markdown that shows as the text: its markup characters escaped. */
  private static String mdText(String s) {
    return s.replaceAll("([\\\\`*_\\[\\]<>#|])", "\\\\$1").replace("\n", " ");
  }

  private static String ics(String s) {
    return s.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r", "").replace("\n", "\\n");
  }

  /** One content line, folded so no physical line exceeds 75 octets of UTF-8, ending in CRLF. */
  private static String fold(String line) {
    StringBuilder out = new StringBuilder();
    int octets = 0;
    for (int i = 0; i < line.length(); ) {
      int cp = line.codePointAt(i);
      int size = new String(Character.toChars(cp)).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
      if (octets + size > 75) {
        out.append("\r\n ");
        octets = 1;
      }
      out.appendCodePoint(cp);
      octets += size;
      i += Character.charCount(cp);
    }
    return out.append("\r\n").toString();
  }
}
