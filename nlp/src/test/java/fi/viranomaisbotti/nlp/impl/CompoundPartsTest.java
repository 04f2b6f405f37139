package fi.viranomaisbotti.nlp.impl;

import static org.assertj.core.api.Assertions.assertThat;

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
                "+maa(maa)+talous(talous)+opiskeli(opiskella)+ja(+ja)", "maatalousopiskelija"))
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
  }

  @Test
  void properNounBoundaryMarkIsRemoved() {
    assertThat(VoikkoMorphology.compoundParts("+Seinäjoki(Seinä=joki)", "Seinäjoki")).containsExactly("seinäjoki");
  }

  @Test
  void missingWordbasesFallBackToTheLemma() {
    assertThat(VoikkoMorphology.compoundParts("", "Kela")).containsExactly("kela");
  }
}
