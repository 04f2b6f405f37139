package fi.viranomaisbotti.nlp.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class CompoundPartsTest {

  @Test
  void plainCompoundSplitsIntoItsBaseForms() {
    assertThat(VoikkoMorphology.compoundParts("+liha(liha)+sikala(sikala)", "lihasikala"))
        .containsExactly("liha", "sikala");
  }

  @Test
  void derivationalSuffixJoinsThePartBeforeIt() {
    assertThat(VoikkoMorphology.compoundParts("+anniskel(anniskella)+u(+u)+lupa(lupa)", "anniskelulupa"))
        .containsExactly("anniskelu", "lupa");
    assertThat(
            VoikkoMorphology.compoundParts(
                "+maa(maa)+talous(talous)+opiskeli(opiskella)+ja(+ja)", "maatalousopiskelija", w -> false))
        .containsExactly("maa", "talous", "opiskelija");
  }

  @Test
  void aBarePieceWithoutBaseFormJoinsThePartBeforeIt() {
    assertThat(VoikkoMorphology.compoundParts("+myy(myydä)+n+ti(+ti)", "myynti")).containsExactly("myynti");
    assertThat(VoikkoMorphology.compoundParts("+makkaran(makkara)+myy(myydä)+n+ti(+ti)", "makkaranmyynti"))
        .containsExactly("makkara", "myynti");
  }

  @Test
  void numbersAndHyphensAreNotParts() {
    assertThat(VoikkoMorphology.compoundParts("+26+-+vuotias(vuotias)", "26-vuotias")).containsExactly("vuotias");
    assertThat(VoikkoMorphology.compoundParts("+kuorma(kuorma)+-+auto(auto)", "kuorma-auto")).containsExactly("kuorma", "auto");
  }

  @Test
  void properNounBoundaryMarkIsRemoved() {
    assertThat(VoikkoMorphology.compoundParts("+Seinäjoki(Seinä=joki)", "Seinäjoki")).containsExactly("seinäjoki");
  }

  @Test
  void partsThatTogetherAreADictionaryWordStayWhole() {
    var dictionary = Set.of("tapaturma", "maatalous", "elintarvike", "ympäristölupa", "turmavakuutus");
    assertThat(VoikkoMorphology.compoundParts("+tapa(tapa)+turma(turma)+vakuut(vakuuttaa)+us(+us)", "tapaturmavakuutus",
            dictionary::contains))
        .containsExactly("tapaturma", "vakuutus");
    assertThat(VoikkoMorphology.compoundParts("+maa(maa)+talous(talous)+yrittä(yrittää)+jä(+jä)", "maatalousyrittäjä",
            dictionary::contains))
        .containsExactly("maatalous", "yrittäjä");
    assertThat(VoikkoMorphology.compoundParts("+elin(elin)+tarvike(tarvike)+huoneisto(huoneisto)", "elintarvikehuoneisto",
            dictionary::contains))
        .containsExactly("elintarvike", "huoneisto");
  }

  @Test
  void theWholeWordKeepsItsLastBoundaryAndUnknownGroupsStaySplit() {
    var dictionary = Set.of("tapaturma", "ympäristölupa");
    assertThat(VoikkoMorphology.compoundParts("+ympäristö(ympäristö)+lupa(lupa)", "ympäristölupa", dictionary::contains))
        .containsExactly("ympäristö", "lupa");
    assertThat(VoikkoMorphology.compoundParts("+tapa(tapa)+turma(turma)", "tapaturma", dictionary::contains))
        .containsExactly("tapa", "turma");
    assertThat(VoikkoMorphology.compoundParts("+rauta(rauta)+tie(tie)+asema(asema)", "rautatieasema", dictionary::contains))
        .containsExactly("rauta", "tie", "asema");
  }

  @Test
  void aJoinedWordIsTheEarlierPartsAsWrittenAndTheLastBaseForm() {
    assertThat(VoikkoMorphology.compoundParts("+kaupungin(kaupunki)+talon(talo)+mäki(mäki)", "kaupungintalonmäki",
            Set.of("kaupungintalo")::contains))
        .containsExactly("kaupungintalo", "mäki");
  }

  @Test
  void missingWordbasesFallBackToTheLemma() {
    assertThat(VoikkoMorphology.compoundParts("", "Kela")).containsExactly("kela");
  }
}
