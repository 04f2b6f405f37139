package fi.viranomaisbotti.benchmarks;

import fi.viranomaisbotti.knowledge.KnowledgeLoader;
import fi.viranomaisbotti.knowledge.KnowledgeSnapshot;
import fi.viranomaisbotti.knowledge.KnowledgeSource;

/** Inputs shared by the benchmarks: the packaged corpus and realistic turns. */
final class Fixtures {
  static final String LIISA =
      "Olen 26-vuotias maatalousopiskelija. Haluan perustaa luomutilan, jossa on sikala, ja tilan yhteyteen"
          + " ravintolan, jossa myydään omista sioista tehtyä luomumakkaraa.";

  /** A 40-word turn with inflection, compounds, a negation and a place name. */
  static final String TURN_40_WORDS =
      "Meinaan avata ensi kesänä pienen kahvilan Seinäjoella vanhaan kouluun, jossa myytäisiin itse leivottuja"
          + " pullia ja lähitilan luomumehua. En aio palkata ketään heti enkä myy alkoholia, mutta haluaisin tietää,"
          + " tarvitsenko ilmoituksen kunnan elintarvikevalvontaan ja mistä haen y-tunnuksen ja starttirahaa.";

  private Fixtures() {}

  static KnowledgeSnapshot corpus() {
    return new KnowledgeLoader().load(KnowledgeSource.classpath("corpus", Fixtures.class.getClassLoader()));
  }
}
