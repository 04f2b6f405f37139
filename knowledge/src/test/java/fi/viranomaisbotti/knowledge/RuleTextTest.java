package fi.viranomaisbotti.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RuleTextTest {
  private static final String DRL = """
      package fi.viranomaisbotti.rules

      rule "velvoite-yel"
        @statement("Yrittäjä, joka ei ole maatalousyrittäjä, vakuuttaa itsensä YEL:n mukaan.")
      when
        $e : Conclusion(kind == "event", id == "yrityksen-perustaminen")
        not Conclusion(kind == "event", id == "maatalousyrittajyys")
        not Signal(concept == "tukihaku")
        $s : Signal(concept == "sika", negated == false)
      then
        out.need(kcontext, "obligation", "yel-vakuutus", $e);
      end
      """;

  @Test
  void conditionsThatAskForAnAbsenceAreMarkedAbsentAndTheOthersAreNot() {
    List<RuleText.Declared> rules = RuleText.read(new RuleFile("rules/testi.drl", DRL));
    assertThat(rules).hasSize(1);
    assertThat(rules.get(0).tested()).containsExactlyInAnyOrder(
        new RuleText.Reference("event", "yrityksen-perustaminen", false),
        new RuleText.Reference("event", "maatalousyrittajyys", true),
        new RuleText.Reference("concept", "tukihaku", true),
        new RuleText.Reference("concept", "sika", false));
    assertThat(rules.get(0).targets()).containsExactly(new RuleText.Target("obligation", "yel-vakuutus", null));
  }
}
