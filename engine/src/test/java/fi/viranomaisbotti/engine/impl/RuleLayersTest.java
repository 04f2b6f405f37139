package fi.viranomaisbotti.engine.impl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RuleLayersTest {
  private static final String DRL = """
      package x
      rule "tapahtuma-a"
        @statement("A.")
      when
        $s : Signal(concept == "a")
      then
        out.need(kcontext, "event", "a", $s);
      end

      rule "velvoite-b"
      when
        $e : Conclusion(kind == "event", id == "a")
        not Conclusion(kind == "event", id == "c")
      then
        out.need(kcontext, "obligation", "b", $e);
      end

      rule "palvelu-c"
        salience 7
      when
        $e : Conclusion(kind == "event", id == "a")
      then
        out.need(kcontext, "service", "c", $e);
      end
      """;

  @Test
  void eventsFireBeforeObligationsAndNegationsLastInTheirLayer() {
    String out = RuleLayers.apply(DRL);
    assertThat(out).contains("@statement(\"A.\")\n  salience 300\nwhen");
    assertThat(out).contains("rule \"velvoite-b\"\n  salience 150\nwhen");
  }

  @Test
  void anExplicitSalienceIsKept() {
    String out = RuleLayers.apply(DRL);
    assertThat(out).contains("salience 7").doesNotContain("salience 100");
  }
}
