package fi.viranomaisbotti.nlp.impl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** FSTOUTPUT strings as libvoikko 4 gives them for real words. */
class VoikkoFstTest {
  @Test
  void theVerbOfAParticipleKeepsTheVerbsOwnDerivation() {
    assertThat(VoikkoFst.verbOfParticiple("[Lt][Xp]olla[X]ole[Ll][Rv]v[Xj]a[X][Sg][Ny]an")).isEqualTo("olla");
    assertThat(VoikkoFst.verbOfParticiple("[Lt][Xp]koristaa[X]koristel[Xj]la[X][Ll][Ru]l[Xj]ut[X][Sn][Ny]ut"))
        .isEqualTo("koristella");
    assertThat(VoikkoFst.verbOfParticiple("[Lt][Xp]järjestää[X]järjestä[Ln]m[Xj]ä[X][Rm]ä[Sade][Ny]llä"))
        .isEqualTo("järjestää");
    assertThat(VoikkoFst.verbOfParticiple("[Lt][Xp]alle=kirjoittaa[X]alle[Bm]kirjoitta[Ln][Rm]m[Xj]a[X][Sn][Ny]a[O3]nsa"))
        .isEqualTo("allekirjoittaa");
  }

  @Test
  void anActionNounIsTheVerbStemWithMinen() {
    assertThat(VoikkoFst.actionNoun("[Lt][Xp]tutustua[X]tutustu[Tn4]mi[Sg][Ny]sen")).isEqualTo("tutustuminen");
  }

  @Test
  void cliticsAreTheWrittenLettersAfterTheClitic() {
    assertThat(VoikkoFst.clitics("[Lnl][Xp]tosi[X]tode[Sade][Ny]lla[Fkaan]kaan")).isEqualTo("kaan");
    assertThat(VoikkoFst.clitics("[Ln][Xp]loppu[X]lopu[Sabl][Ny]lta")).isEmpty();
  }
}
