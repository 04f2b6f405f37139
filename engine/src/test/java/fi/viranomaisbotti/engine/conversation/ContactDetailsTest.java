package fi.viranomaisbotti.engine.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.viranomaisbotti.engine.BadInputException;
import org.junit.jupiter.api.Test;

class ContactDetailsTest {
  @Test
  void aFinnishMobileNumberAndAnAddressAreKeptNormalised() {
    ContactDetails c = ContactDetails.of(" +358 (40) 123-4567 ", " liisa.virtanen@example.fi ");
    assertThat(c.phone()).isEqualTo("+358401234567");
    assertThat(c.email()).isEqualTo("liisa.virtanen@example.fi");
    assertThat(ContactDetails.of("040 123 4567", "").email()).isNull();
  }

  @Test
  void theTextOfTheDetailsNeverShowsThem() {
    ContactDetails c = ContactDetails.of("040 123 4567", "liisa.virtanen@example.fi");
    assertThat(c.toString()).doesNotContain("040", "1234567", "liisa", "example.fi").contains("[puhelin]", "[sähköposti]");
  }

  @Test
  void nothingOrSomethingElseIsRefusedWithoutRepeatingIt() {
    assertThatThrownBy(() -> ContactDetails.of(" ", null)).isInstanceOf(BadInputException.class)
        .hasMessageContaining("phone number or an e-mail address");
    assertThatThrownBy(() -> ContactDetails.of("050 99", null)).hasMessageContaining("7 to 15 digits").hasMessageNotContaining("050 99");
    assertThatThrownBy(() -> ContactDetails.of("040 123 4567 ext 5", null)).hasMessageContaining("another character");
    assertThatThrownBy(() -> ContactDetails.of("0401+234567", null)).hasMessageContaining("another character");
    for (String bad : new String[] {"liisa", "liisa@", "@esimerkki.fi", "liisa@esimerkki", "li isa@esimerkki.fi", "a@b@esimerkki.fi",
        "liisa@esimerkki.fi.", "<liisa@esimerkki.fi>", "liisa@esimerkki..fi", "x".repeat(250) + "@esimerkki.fi"}) {
      assertThatThrownBy(() -> ContactDetails.of(null, bad)).as(bad).hasMessageContaining("name@example.fi")
          .hasMessageNotContaining(bad);
    }
  }
}
