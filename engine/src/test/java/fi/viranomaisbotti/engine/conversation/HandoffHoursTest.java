package fi.viranomaisbotti.engine.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class HandoffHoursTest {
  static final HandoffHours OFFICE = HandoffHours.parse("Mon-Fri 08:00-16:00 Europe/Helsinki");

  @Test
  void officeHoursAreOpenOnAWeekdayMorningInHelsinkiAndClosedAtFourAndAtTheWeekend() {
    // 7.12.2026 is a Monday; Helsinki is UTC+2 in December.
    assertThat(OFFICE.openAt(Instant.parse("2026-12-07T06:00:00Z"))).as("Mon 08:00").isTrue();
    assertThat(OFFICE.openAt(Instant.parse("2026-12-07T05:59:59Z"))).as("Mon 07:59").isFalse();
    assertThat(OFFICE.openAt(Instant.parse("2026-12-07T13:59:59Z"))).as("Mon 15:59").isTrue();
    assertThat(OFFICE.openAt(Instant.parse("2026-12-07T14:00:00Z"))).as("Mon 16:00").isFalse();
    assertThat(OFFICE.openAt(Instant.parse("2026-12-05T08:00:00Z"))).as("Sat 10:00").isFalse();
  }

  @Test
  void theNextOpeningAfterFridayEveningIsMondayMorning() {
    assertThat(OFFICE.nextOpening(Instant.parse("2026-12-04T17:00:00Z"))).contains(Instant.parse("2026-12-07T06:00:00Z"));
    assertThat(OFFICE.nextOpening(Instant.parse("2026-12-07T05:00:00Z"))).contains(Instant.parse("2026-12-07T06:00:00Z"));
    Instant during = Instant.parse("2026-12-08T09:00:00Z");
    assertThat(OFFICE.nextOpening(during)).contains(during);
  }

  @Test
  void severalRangesAndMidnightAreRead() {
    HandoffHours h = HandoffHours.parse("Mon-Thu 08:00-16:00, Fri 08:00-14:00, Sat+Sun 10:00-24:00 Europe/Helsinki");
    assertThat(h.openAt(Instant.parse("2026-12-04T12:30:00Z"))).as("Fri 14:30").isFalse();
    assertThat(h.openAt(Instant.parse("2026-12-03T12:30:00Z"))).as("Thu 14:30").isTrue();
    assertThat(h.openAt(Instant.parse("2026-12-05T21:59:00Z"))).as("Sat 23:59").isTrue();
    assertThat(h.toString()).isEqualTo("Mon-Thu 08:00-16:00, Fri 08:00-14:00, Sat+Sun 10:00-24:00 Europe/Helsinki");
  }

  @Test
  void unsetOrAlwaysIsAlwaysOpen() {
    assertThat(HandoffHours.parse(null)).isSameAs(HandoffHours.ALWAYS);
    assertThat(HandoffHours.parse(" always ").openAt(Instant.parse("2026-12-05T03:00:00Z"))).isTrue();
    assertThat(HandoffHours.ALWAYS.nextOpening(Instant.EPOCH)).isEmpty();
  }

  @Test
  void anUnreadableSettingSaysWhichPartAndHowToWriteIt() {
    assertThatThrownBy(() -> HandoffHours.parse("Mon-Fri 08:00-16:00 Helsinki"))
        .hasMessageContaining("'Helsinki' is not a time zone").hasMessageContaining("Mon-Fri 08:00-16:00 Europe/Helsinki");
    assertThatThrownBy(() -> HandoffHours.parse("Ma-Pe 08:00-16:00 Europe/Helsinki")).hasMessageContaining("'Ma' is not a day");
    assertThatThrownBy(() -> HandoffHours.parse("Mon-Fri 16:00-08:00 Europe/Helsinki")).hasMessageContaining("ends before it begins");
    assertThatThrownBy(() -> HandoffHours.parse("Fri-Mon 08:00-16:00 Europe/Helsinki")).hasMessageContaining("'Fri-Mon'");
    assertThatThrownBy(() -> HandoffHours.parse("Mon-Fri 8-16 Europe/Helsinki")).hasMessageContaining("'8' is not a time");
  }
}
