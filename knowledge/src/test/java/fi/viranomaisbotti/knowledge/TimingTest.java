package fi.viranomaisbotti.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TimingTest {
  @Test
  void aPeriodBeforeTheStartCountsBackAndOneAfterCountsForward() {
    LocalDate start = LocalDate.of(2027, 3, 1);
    assertThat(new Timing(Timing.Relation.BEFORE_START, "P3W", "noin kolmen viikon kuluessa", true).dueFrom(start))
        .isEqualTo(LocalDate.of(2027, 2, 8));
    assertThat(new Timing(Timing.Relation.AFTER_START, "P6M", "kuuden kuukauden kuluessa", false).dueFrom(start))
        .isEqualTo(LocalDate.of(2027, 9, 1));
    assertThat(new Timing(Timing.Relation.AFTER_START, "P1W", "viikon kuluttua", false).dueFrom(LocalDate.of(2027, 12, 28)))
        .isEqualTo(LocalDate.of(2028, 1, 4));
  }

  @Test
  void aTimingWithoutItsBasisOrWithAnUnreadablePeriodIsRefused() {
    assertThatThrownBy(() -> new Timing(Timing.Relation.AFTER_START, "P1W", " ", false)).hasMessageContaining("basis");
    assertThatThrownBy(() -> new Timing(Timing.Relation.AFTER_START, "viikko", "viikon kuluttua", false))
        .hasMessageContaining("ISO-8601").hasMessageContaining("'viikko'");
    assertThatThrownBy(() -> new Timing(Timing.Relation.AFTER_START, "P0D", "heti", false)).hasMessageContaining("longer than zero");
  }
}
