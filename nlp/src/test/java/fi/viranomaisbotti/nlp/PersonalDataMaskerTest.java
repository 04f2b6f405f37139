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

  @Test
  void masksAPersonalIdentityCodeWrittenWithASpaceOrADash() {
    assertThat(masker.mask("Tunnukseni on 131052 308T.")).isEqualTo("Tunnukseni on [HENKILÖTUNNUS].");
    assertThat(masker.mask("Tunnukseni on 131052–308T.")).isEqualTo("Tunnukseni on [HENKILÖTUNNUS].");
    assertThat(masker.mask("Tunnus 131052 308A on väärin.")).isEqualTo("Tunnus 131052 308A on väärin.");
  }

  @Test
  void masksAFinnishNumberWrittenWithTheCountryCodeButNoPlus() {
    assertThat(masker.mask("Numeroni on 358 40 123 4567.")).isEqualTo("Numeroni on [PUHELIN].");
    assertThat(masker.mask("Liikevaihto oli 358 000 euroa.")).isEqualTo("Liikevaihto oli 358 000 euroa.");
  }

  @Test
  void masksAnEmailAddressWithTheAtSignWrittenOut() {
    assertThat(masker.mask("Kirjoita matti(at)example.com kiitos")).isEqualTo("Kirjoita [SÄHKÖPOSTI] kiitos");
    assertThat(masker.mask("Tapahtuma (at) Seinäjoki")).isEqualTo("Tapahtuma (at) Seinäjoki");
  }

  @Test
  void masksStreetsWithoutAStreetSuffixPoBoxesAndPostcodesWithTheirTown() {
    assertThat(masker.mask("Toimisto on osoitteessa Esplanadi 1.")).isEqualTo("Toimisto on osoitteessa [OSOITE].");
    assertThat(masker.mask("Liike on Pohjoisesplanadi 11-13")).isEqualTo("Liike on [OSOITE]");
    assertThat(masker.mask("Kojumme on Kauppatori 1 lauantaisin.")).isEqualTo("Kojumme on [OSOITE] lauantaisin.");
    assertThat(masker.mask("Laskut: PL 123, 00100 Helsinki")).isEqualTo("Laskut: [OSOITE], [OSOITE]");
  }

  @Test
  void masksABirthDateButNotTheDateOfAPlan() {
    assertThat(masker.mask("synnyin 13.10.1952 ja avaan kahvilan 1.6.2027"))
        .isEqualTo("synnyin [SYNTYMÄAIKA] ja avaan kahvilan 1.6.2027");
    assertThat(masker.mask("Syntymäaika 1.2.1990")).isEqualTo("Syntymäaika [SYNTYMÄAIKA]");
  }

  @Test
  void withoutAMorphologyMasksNamesOnlyAfterAWordThatIntroducesThem() {
    assertThat(masker.mask("Nimeni on Matti Meikäläinen.")).isEqualTo("Nimeni on [NIMI].");
    assertThat(masker.mask("Terveisin Liisa")).isEqualTo("Terveisin [NIMI]");
    assertThat(masker.mask("Yritykseni on Virtanen Oy.")).isEqualTo("Yritykseni on Virtanen Oy.");
  }

  @Test
  void leavesBusinessIdsAmountsAndPlaceNamesAlone() {
    String text = "Y-tunnus 1234567-8, liikevaihto 120 000 €, avaan 1.6.2027 Seinäjoella.";
    assertThat(masker.mask(text)).isEqualTo(text);
  }
}
