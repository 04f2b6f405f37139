package fi.viranomaisbotti.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PersonalDataMaskerTest {
  private final PersonalDataMasker masker = new PersonalDataMasker();

  @Test
  void masksValidPersonalIdentityCodesOfEveryCentury() {
    // Checksums: 131052308 mod 31 = 25 → "T"; 010120123 mod 31 → "K".
    assertThat(masker.mask("Hetuni on 131052-308T.")).isEqualTo("Hetuni on [HENKILÖTUNNUS].");
    assertThat(masker.mask("lapsi 010120A123K")).doesNotContain("010120A");
    assertThat(masker.mask("131052Y308T")).isEqualTo("[HENKILÖTUNNUS]");
  }

  @Test
  void leavesCodesWithAWrongChecksumAndOrdinaryNumbersAlone() {
    assertThat(masker.mask("131052-308A")).isEqualTo("131052-308A");
    assertThat(masker.mask("Sikalaan tulee 600 sikapaikkaa ja noin 3000 kävijää vuodessa."))
        .isEqualTo("Sikalaan tulee 600 sikapaikkaa ja noin 3000 kävijää vuodessa.");
  }

  @Test
  void masksEmailPhoneAndIban() {
    String masked = masker.mask("Soita 040 123 4567 tai +358 40 1234567, liisa@example.fi, tili FI21 1234 5600 0007 85");
    assertThat(masked)
        .doesNotContain("123 4567")
        .doesNotContain("1234567")
        .doesNotContain("liisa@")
        .doesNotContain("5600")
        .contains("[PUHELIN]", "[SÄHKÖPOSTI]", "[TILINUMERO]");
  }
}
