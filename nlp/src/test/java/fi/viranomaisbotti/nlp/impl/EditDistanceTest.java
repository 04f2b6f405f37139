package fi.viranomaisbotti.nlp.impl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EditDistanceTest {
  @Test
  void oneInsertionDeletionSubstitutionOrSwapIsWithinOne() {
    assertThat(EditDistance.withinOne("ennää", "enää")).isTrue();
    assertThat(EditDistance.withinOne("olis", "olisi")).isTrue();
    assertThat(EditDistance.withinOne("luvn", "luvan")).isTrue();
    assertThat(EditDistance.withinOne("lpua", "lupa")).isTrue();
    assertThat(EditDistance.withinOne("sika", "sika")).isTrue();
  }

  @Test
  void twoEditsAreNot() {
    assertThat(EditDistance.withinOne("ymparistoluvan", "ympäristöluvan")).isFalse();
    assertThat(EditDistance.withinOne("sika", "sikala")).isFalse();
    assertThat(EditDistance.withinOne("abcd", "badc")).isFalse();
  }
}
