package fi.viranomaisbotti.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SharedPartTest {
  private final AtomicInteger closes = new AtomicInteger();
  private final SharedPart<AutoCloseable> part = new SharedPart<>(closes::incrementAndGet);

  @Test
  void closesOnceWhenTheLastHolderLetsItGo() {
    part.retain();
    part.retain();
    part.release();
    part.release();
    assertThat(closes).hasValue(0);
    assertThat(part.isClosed()).isFalse();

    part.release();

    assertThat(closes).hasValue(1);
    assertThat(part.isClosed()).isTrue();
  }

  @Test
  void aClosedPartCannotBeSharedAgain() {
    part.release();

    assertThatThrownBy(part::retain).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    assertThat(closes).hasValue(1);
  }

  @Test
  void releasingMoreOftenThanHeldIsReported() {
    part.release();

    assertThatThrownBy(part::release).isInstanceOf(IllegalStateException.class).hasMessageContaining("more often");
    assertThat(closes).hasValue(1);
  }
}
