package fi.viranomaisbotti.server.storage;

import static org.assertj.core.api.Assertions.assertThat;

import fi.viranomaisbotti.engine.KnownFact;
import fi.viranomaisbotti.engine.facts.Provenance;
import java.util.List;
import org.junit.jupiter.api.Test;

class FactsJsonTest {

  @Test
  void possibleAndExistingFactsSurviveTheStoredForm() {
    List<KnownFact> facts = List.of(
        KnownFact.possible("tyontekija", Provenance.STATED, List.of("palkkaan"), 2),
        KnownFact.existing("ravintola", Provenance.STATED, List.of("kahvila"), 3),
        KnownFact.yesNo("alkoholi", false, Provenance.ANSWERED, List.of("vastasit ei"), 4));
    String json = FactsJson.write(facts);
    assertThat(json).contains("\"kind\":\"possible\"", "\"kind\":\"existing\"");
    assertThat(FactsJson.read(json, 0)).isEqualTo(facts);
  }

  @Test
  void factsStoredBeforeThePossibleAndExistingKindsStillRead() {
    String stored = "[{\"concept\":\"alkoholi\",\"kind\":\"yes-no\",\"value\":false,\"provenance\":\"stated\","
        + "\"evidence\":[\"en myy alkoholia\"],\"turn\":1}]";
    assertThat(FactsJson.read(stored, 0))
        .containsExactly(KnownFact.yesNo("alkoholi", false, Provenance.STATED, List.of("en myy alkoholia"), 1));
  }
}
