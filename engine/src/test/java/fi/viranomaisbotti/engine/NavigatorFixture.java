package fi.viranomaisbotti.engine;

import fi.viranomaisbotti.knowledge.KnowledgeLoader;
import fi.viranomaisbotti.knowledge.KnowledgeSnapshot;
import fi.viranomaisbotti.knowledge.KnowledgeSource;
import fi.viranomaisbotti.nlp.Morphology;

/** One navigator over the real corpus, real Voikko and real Drools, shared by the engine ITs. */
final class NavigatorFixture {
  static final KnowledgeSnapshot SNAPSHOT =
      new KnowledgeLoader().load(KnowledgeSource.classpath("corpus", NavigatorFixture.class.getClassLoader()));
  static final Morphology MORPHOLOGY = Morphology.voikko(2);
  static final Navigator NAVIGATOR = Navigator.start(SNAPSHOT, MORPHOLOGY);

  private NavigatorFixture() {}
}
