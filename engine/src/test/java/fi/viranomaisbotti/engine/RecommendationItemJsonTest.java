package fi.viranomaisbotti.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import fi.viranomaisbotti.engine.Recommendation.Contact;
import fi.viranomaisbotti.engine.Recommendation.Handling;
import fi.viranomaisbotti.engine.Recommendation.Item;
import fi.viranomaisbotti.engine.Recommendation.Provision;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The JSON of each kind of item, as the server writes it (a mapper that leaves out nulls, like
 * chat-server's Json.MAPPER): field names, order and omissions are the public API's contract.
 */
class RecommendationItemJsonTest {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder().serializationInclusion(JsonInclude.Include.NON_NULL).build();

  private static final List<Explained> REASONS = List.of(
      new Explained("velvoite-anniskelu", "Alkoholin anniskelu tarvitsee luvan.", List.of("anniskella olutta")));

  private static String json(Object value) throws JsonProcessingException {
    return MAPPER.writeValueAsString(value).replace("\"", "'");
  }

  @Test
  void anEventHasNoKindActorOrUrl() throws JsonProcessingException {
    Item event = Item.event(new Item.Concluded("ravintolan-perustaminen", "Ravintolan perustaminen",
        "Aiot avata ravintolan.", "needed", List.of(), REASONS, "seeds/001", "reviewed",
        "Ei tarvita, jos ravintola ei koske tilannettasi."));

    assertThat(json(event)).isEqualTo(
        "{'id':'ravintolan-perustaminen','type':'event','name':'Ravintolan perustaminen','why':'Aiot avata ravintolan.',"
            + "'certainty':'needed','dependsOn':[],'reasons':[{'rule':'velvoite-anniskelu',"
            + "'statement':'Alkoholin anniskelu tarvitsee luvan.','evidence':['anniskella olutta']}],"
            + "'source':'seeds/001','status':'reviewed',"
            + "'counterfactual':'Ei tarvita, jos ravintola ei koske tilannettasi.'}");
  }

  @Test
  void anObligationHasEveryFieldInTheContractsOrder() throws JsonProcessingException {
    Item obligation = Item.obligation(
        new Item.Concluded("anniskelulupa", "Anniskelulupa", "Alkoholin anniskelu tarvitsee luvan.", "possible",
            List.of("alkoholi"), REASONS, "Alkoholilaki", "draft", null),
        new Handling("permit", "lupa-ja-valvontavirasto", "Lupa- ja valvontavirasto", "Alkoholilaki 1102/2017",
            "1–2 kuukautta", "Anniskelualue on rajattava.", "https://lupa.example/anniskelu"));

    assertThat(json(obligation)).isEqualTo(
        "{'id':'anniskelulupa','type':'obligation','name':'Anniskelulupa','why':'Alkoholin anniskelu tarvitsee luvan.',"
            + "'certainty':'possible','dependsOn':['alkoholi'],'reasons':[{'rule':'velvoite-anniskelu',"
            + "'statement':'Alkoholin anniskelu tarvitsee luvan.','evidence':['anniskella olutta']}],"
            + "'kind':'permit','actor':'lupa-ja-valvontavirasto','actorName':'Lupa- ja valvontavirasto',"
            + "'legalBasis':'Alkoholilaki 1102/2017','leadTime':'1–2 kuukautta',"
            + "'conditions':'Anniskelualue on rajattava.','url':'https://lupa.example/anniskelu',"
            + "'source':'Alkoholilaki','status':'draft'}");
  }

  @Test
  void aServiceHasNoLegalBasisLeadTimeOrConditions() throws JsonProcessingException {
    Item service = Item.service(
        new Item.Concluded("starttiraha", "Starttiraha", "Starttiraha tukee toimeentuloa.", "needed", List.of(),
            List.of(), "Laki julkisesta työvoimapalvelusta", "reviewed", "Ei tarvita, jos yrittäjyys ei koske tilannettasi."),
        new Provision("public", "tyollisyysalue", "Etelä-Pohjanmaan työllisyysalue", "https://tyomarkkinatori.fi"));

    assertThat(json(service)).isEqualTo(
        "{'id':'starttiraha','type':'service','name':'Starttiraha','why':'Starttiraha tukee toimeentuloa.',"
            + "'certainty':'needed','dependsOn':[],'reasons':[],'kind':'public','actor':'tyollisyysalue',"
            + "'actorName':'Etelä-Pohjanmaan työllisyysalue','url':'https://tyomarkkinatori.fi',"
            + "'source':'Laki julkisesta työvoimapalvelusta','status':'reviewed',"
            + "'counterfactual':'Ei tarvita, jos yrittäjyys ei koske tilannettasi.'}");
  }

  @Test
  void anActorIsAlwaysNeededWithNoDependenciesReasonsOrCounterfactual() throws JsonProcessingException {
    Item actor = Item.actor("prh", "Patentti- ja rekisterihallitus", "Asiasi tällä toimijalla: Yrityksen rekisteröinti.",
        new Contact("agency", "https://www.prh.fi"), "seeds/001", "reviewed");

    assertThat(json(actor)).isEqualTo(
        "{'id':'prh','type':'actor','name':'Patentti- ja rekisterihallitus',"
            + "'why':'Asiasi tällä toimijalla: Yrityksen rekisteröinti.','certainty':'needed','dependsOn':[],"
            + "'reasons':[],'kind':'agency','url':'https://www.prh.fi','source':'seeds/001','status':'reviewed'}");
  }

  @Test
  void aListOfItemsIsWrittenWithEachItemsOwnFields() throws JsonProcessingException {
    List<Item> items = List.of(
        Item.actor("mela", "Mela", "Asiasi tällä toimijalla: MYEL-vakuutus.", new Contact("agency", null), "seeds/001",
            "reviewed"));

    assertThat(json(items)).isEqualTo(
        "[{'id':'mela','type':'actor','name':'Mela','why':'Asiasi tällä toimijalla: MYEL-vakuutus.',"
            + "'certainty':'needed','dependsOn':[],'reasons':[],'kind':'agency','source':'seeds/001',"
            + "'status':'reviewed'}]");
  }

  @Test
  void anItemCannotCarryAnotherKindsDetails() {
    assertThatThrownBy(() -> new Item("starttiraha", "obligation", "Starttiraha", "koska", "needed", List.of(),
        List.of(), new Provision("public", null, null, null), "lähde", "reviewed", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'obligation'").hasMessageContaining("service");
  }
}
