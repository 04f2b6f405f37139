package fi.viranomaisbotti.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import fi.viranomaisbotti.engine.Recommendation;
import fi.viranomaisbotti.engine.Recommendation.Handling;
import fi.viranomaisbotti.engine.Recommendation.Item;
import fi.viranomaisbotti.engine.Recommendation.PlanStep;
import fi.viranomaisbotti.engine.Recommendation.Provision;
import fi.viranomaisbotti.engine.conversation.StepState;
import java.nio.charset.StandardCharsets;
import fi.viranomaisbotti.knowledge.Timing;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlanExportTest {
  static final Instant AT = Instant.parse("2026-12-04T22:00:00Z");
  static final String LONG_LEAD = "Käsittely kestää kunnasta riippuen viikoista kuukausiin; hae hyvissä ajoin, ennen avaamista.";

  static final Item PERMIT = Item.obligation(
      new Item.Concluded("anniskelulupa", "Anniskelulupa <b>*A*</b>", "Myyt alkoholia.", "needed", List.of(), List.of(),
          "Alkoholilaki", "reviewed", null),
      new Handling("permit", "lupa-ja-valvontavirasto", "Lupa- ja valvontavirasto", "Alkoholilaki 1102/2017", LONG_LEAD,
          null, "https://lupa.example.fi/anniskelu"));
  static final Item ADVICE = Item.service(
      new Item.Concluded("mtk-jasenneuvonta", "MTK:n neuvonta", "Neuvoo jäseniä.", "possible", List.of(), List.of(),
          "https://www.mtk.fi/", "draft", null),
      new Provision("third_sector", "mtk", "MTK", "https://www.mtk.fi/"));

  static final String YEL_LEAD = "Vakuutus on otettava kuuden kuukauden kuluessa yritystoiminnan alkamisesta.";
  static final Item YEL = Item.obligation(
      new Item.Concluded("yel-vakuutus", "Yrittäjän eläkevakuutus (YEL)", "Olet yrittäjä; työtulo, laskutus, ALV.", "needed",
          List.of(), List.of(), "Yrittäjän eläkelaki 1272/2006", "reviewed", null),
      new Handling("insurance", "elakevakuutusyhtio", "Työeläkevakuutusyhtiö", "Yrittäjän eläkelaki 1272/2006", YEL_LEAD, null,
          null));

  static Recommendation plan() {
    List<PlanStep> steps = List.of(
        new PlanStep(1, 1, "anniskelulupa", "obligation", PERMIT.name(), PERMIT.why(), "PERMITS", "needed", List.of(),
            "Lupa- ja valvontavirasto", LONG_LEAD, null, false, false),
        new PlanStep(2, 1, "mtk-jasenneuvonta", "service", ADVICE.name(), ADVICE.why(), "IDEA", "possible", List.of(),
            "MTK", null, null, false, false));
    return new Recommendation("fi", "test", Map.of(), List.of(), null, List.of(), List.of(), List.of(), List.of(PERMIT),
        List.of(), List.of(ADVICE), List.of(), steps, List.of(), List.of());
  }

  /** The plan with a step whose obligation gives its time as a period after the start. */
  static Recommendation timedPlan() {
    List<PlanStep> steps = List.of(
        new PlanStep(1, 1, "anniskelulupa", "obligation", PERMIT.name(), PERMIT.why(), "PERMITS", "needed", List.of(),
            "Lupa- ja valvontavirasto", LONG_LEAD, null, false, false),
        new PlanStep(2, 1, "yel-vakuutus", "obligation", YEL.name(), YEL.why(), "FOUNDING", "needed", List.of(),
            "Työeläkevakuutusyhtiö", YEL_LEAD, null, false, false)
            .withTiming(new Timing(Timing.Relation.AFTER_START, "P6M", YEL_LEAD, false)));
    return new Recommendation("fi", "test", Map.of(), List.of(), null, List.of(), List.of(), List.of(), List.of(PERMIT, YEL),
        List.of(), List.of(), List.of(), steps, List.of(), List.of());
  }

  @Test
  void markdownGroupsByPhaseTicksDoneStepsAndEscapesMarkup() {
    String md = PlanExport.markdown(plan(), Map.of("anniskelulupa", StepState.DONE), AT);

    assertThat(md).contains("## Ennen aloittamista", "## Ennen avaamista", "- [x] Anniskelulupa \\<b\\>\\*A\\*\\</b\\>",
        "- [ ] MTK:n neuvonta (ehkä: riippuu vastauksistasi)",
        "[Hae lupa: Anniskelulupa \\<b\\>\\*A\\*\\</b\\> – Lupa- ja valvontavirasto](https://lupa.example.fi/anniskelu)");
    assertThat(md.indexOf("## Ennen aloittamista")).isLessThan(md.indexOf("## Ennen avaamista"));
  }

  @Test
  void htmlEscapesTextAndLinksThePrintStylesheet() {
    String html = PlanExport.html(plan(), Map.of(), AT);

    assertThat(html).contains("<link rel=\"stylesheet\" href=\"/plan-print.css\">", "Anniskelulupa &lt;b&gt;*A*&lt;/b&gt;",
        "<a href=\"https://lupa.example.fi/anniskelu\">Hae lupa:");
    assertThat(html).doesNotContain("<b>*A*</b>");
  }

  @Test
  void icalendarHasATaskOnlyForStepsWithALeadTimeFoldedAndEscapedWithoutAnInventedDueDate() {
    String ics = PlanExport.icalendar(plan(), Map.of("anniskelulupa", StepState.NOT_RELEVANT), AT, "c-1234");

    assertThat(ics).startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n").endsWith("END:VCALENDAR\r\n");
    assertThat(ics.split("BEGIN:VTODO", -1)).hasSize(2);
    String unfolded = ics.replace("\r\n ", "");
    assertThat(unfolded).contains("UID:anniskelulupa-c-1234@viranomaisbotti", "DTSTAMP:20261204T220000Z",
        "STATUS:CANCELLED", "kuukausiin\\; hae hyvissä ajoin\\, ennen avaamista.");
    assertThat(ics).doesNotContain("DUE", "MTK:n neuvonta");
    for (String line : ics.split("\r\n")) {
      assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
    }
  }

  @Test
  void aStepWithATimingIsDueOnTheDayCountedFromTheStartAndTheOthersStayUndatedAndSaySo() {
    String ics = PlanExport.icalendar(timedPlan(), Map.of(), AT, "c-1234", LocalDate.of(2027, 3, 1));
    Rfc5545.check(ics);
    List<String> todos = Rfc5545.components(ics, "VTODO");
    assertThat(todos).hasSize(2);
    String yel = todos.stream().filter(t -> t.contains("UID:yel-vakuutus-")).findFirst().orElseThrow();
    assertThat(yel).contains("DUE;VALUE=DATE:20270901", "Määräpäivä: 1.9.2027");
    String permit = todos.stream().filter(t -> t.contains("UID:anniskelulupa-")).findFirst().orElseThrow();
    assertThat(permit).doesNotContain("DUE").contains("Lähde ei anna tälle vaiheelle aikaa päivinä");

    String withoutStart = PlanExport.icalendar(timedPlan(), Map.of(), AT, "c-1234", null);
    Rfc5545.check(withoutStart);
    assertThat(withoutStart).doesNotContain("DUE");
    assertThat(withoutStart.replace("\r\n ", "")).contains("Anna aloituspäivä\\, niin tehtävä saa eräpäivän.");
  }

  @Test
  void theCalendarKeepsRfc5545WhateverTheStepNamesHold() {
    Item odd = Item.obligation(
        new Item.Concluded("x", "Puolipiste; pilkku, kenoviiva \\ rivinvaihto\nja emoji 🍺 " + "ääkköset ".repeat(20), "Miksi?",
            "needed", List.of(), List.of(), "lähde", "reviewed", null),
        new Handling("permit", "a", "Toimija", null, "viikkoja", null, "https://example.fi/a?b=c,d;e"));
    List<PlanStep> steps = List.of(new PlanStep(1, 1, "x", "obligation", odd.name(), odd.why(), "PERMITS", "needed", List.of(),
        "Toimija", "viikkoja", null, false, false));
    Recommendation r = new Recommendation("fi", "test", Map.of(), List.of(), null, List.of(), List.of(), List.of(), List.of(odd),
        List.of(), List.of(), List.of(), steps, List.of(), List.of());
    String ics = PlanExport.icalendar(r, Map.of(), AT, "c-9", LocalDate.of(2027, 1, 1));
    Rfc5545.check(ics);
    assertThat(Rfc5545.unfold(ics)).contains("SUMMARY:Puolipiste\\; pilkku\\, kenoviiva \\\\ rivinvaihto\\nja emoji 🍺");
  }
}
