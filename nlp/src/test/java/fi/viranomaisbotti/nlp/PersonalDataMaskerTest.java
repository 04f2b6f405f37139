package fi.viranomaisbotti.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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

  @Test
  void tenThousandCharactersOfRepeatedSeparatorsAreMaskedWithoutOverflowingTheStack() {
    for (String unit : List.of("a-", "1.", "1,", "a:", "a'", "ä-", "a.", "x", "(at)", "@", "0", "358 ", "PL 1 ", "Kotikatu 1 ")) {
      String text = unit.repeat(10_000 / unit.length() + 1).substring(0, 10_000);
      assertThat(masker.find(text)).as(unit).allSatisfy(s -> assertThat(s.end()).isLessThanOrEqualTo(text.length()));
    }
    String address = "a@" + "bb.".repeat(3332);
    assertThat(masker.mask(address)).isEqualTo("[SÄHKÖPOSTI].");
  }

  @Test
  void randomTextGetsOrderedSpansOnWholeCharactersAndAMaskedCopy() {
    RandomText.check(200, 10_000, text -> {
      List<PersonalDataMasker.Span> spans = masker.find(text);
      int at = 0;
      StringBuilder expected = new StringBuilder();
      for (PersonalDataMasker.Span s : spans) {
        assertThat(s.start()).isGreaterThanOrEqualTo(at);
        assertThat(s.end()).isGreaterThan(s.start()).isLessThanOrEqualTo(text.length());
        assertThat(Character.isLowSurrogate(text.charAt(s.start()))).isFalse();
        expected.append(text, at, s.start()).append(s.placeholder());
        at = s.end();
      }
      assertThat(masker.mask(text)).isEqualTo(expected.append(text.substring(at)).toString());
    });
  }
}
