package fi.viranomaisbotti.nlp.impl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FinnishNumeralsTest {

  @Test
  void readsSimpleAndCompoundNumeralsFromTheirBaseForms() {
    assertThat(FinnishNumerals.value("kaksi")).hasValue(2);
    assertThat(FinnishNumerals.value("kymmenen")).hasValue(10);
    assertThat(FinnishNumerals.value("yksitoista")).hasValue(11);
    assertThat(FinnishNumerals.value("kaksikymmentä")).hasValue(20);
    assertThat(FinnishNumerals.value("kaksikymmentäviisi")).hasValue(25);
    assertThat(FinnishNumerals.value("sata")).hasValue(100);
    assertThat(FinnishNumerals.value("kolmesataa")).hasValue(300);
    assertThat(FinnishNumerals.value("sataviisikymmentä")).hasValue(150);
    assertThat(FinnishNumerals.value("tuhat")).hasValue(1000);
    assertThat(FinnishNumerals.value("kolmetuhatta")).hasValue(3000);
    assertThat(FinnishNumerals.value("kymmenentuhatta")).hasValue(10_000);
    assertThat(FinnishNumerals.value("kuusisataaviisikymmentätuhatta")).hasValue(650_000);
    assertThat(FinnishNumerals.value("kaksimiljoonaa")).hasValue(2_000_000);
  }

  @Test
  void rejectsWordsThatOnlyLookLikeNumerals() {
    assertThat(FinnishNumerals.value("kaksikko")).isEmpty();
    assertThat(FinnishNumerals.value("kuusikko")).isEmpty();
    assertThat(FinnishNumerals.value("kymmentä")).isEmpty();
    assertThat(FinnishNumerals.value("kaksikolme")).isEmpty();
    assertThat(FinnishNumerals.value("")).isEmpty();
  }
}
