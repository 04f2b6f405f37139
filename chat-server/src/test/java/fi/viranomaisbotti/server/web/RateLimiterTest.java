package fi.viranomaisbotti.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.viranomaisbotti.server.web.RateLimiter.Rate;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
  private final AtomicLong now = new AtomicLong(1_000);

  private void pass(long millis) {
    now.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
  }

  @Test
  void aClientMaySendItsBurstAtOnceAndThenOnePerRefill() {
    RateLimiter limiter = new RateLimiter(new Rate(60, 3), now::get);
    assertThat(limiter.acquire("10.0.0.1")).isZero();
    assertThat(limiter.acquire("10.0.0.1")).isZero();
    assertThat(limiter.acquire("10.0.0.1")).isZero();
    assertThat(limiter.acquire("10.0.0.1")).isEqualTo(1);
    pass(999);
    assertThat(limiter.acquire("10.0.0.1")).isEqualTo(1);
    pass(1);
    assertThat(limiter.acquire("10.0.0.1")).isZero();
  }

  @Test
  void clientsHaveTheirOwnBuckets() {
    RateLimiter limiter = new RateLimiter(new Rate(1, 1), now::get);
    assertThat(limiter.acquire("tab-a")).isZero();
    assertThat(limiter.acquire("tab-a")).isEqualTo(60);
    assertThat(limiter.acquire("tab-b")).isZero();
  }

  @Test
  void aQuietClientGetsBackNoMoreThanItsBurst() {
    RateLimiter limiter = new RateLimiter(new Rate(600, 2), now::get);
    limiter.acquire("x");
    pass(TimeUnit.HOURS.toMillis(5));
    assertThat(limiter.acquire("x")).isZero();
    assertThat(limiter.acquire("x")).isZero();
    assertThat(limiter.acquire("x")).isEqualTo(1);
  }

  @Test
  void fullBucketsAreForgottenWhenThereAreMany() {
    RateLimiter limiter = new RateLimiter(new Rate(60_000, 1), now::get);
    for (int i = 0; i <= RateLimiter.SWEEP_ABOVE; i++) {
      limiter.acquire("client-" + i);
    }
    pass(2_000);
    limiter.acquire("one-more");
    assertThat(limiter.size()).isEqualTo(1);
  }

  @Test
  void aRateWithoutTokensIsRefusedWithTheValues() {
    assertThatThrownBy(() -> new Rate(0, 5)).hasMessageContaining("0/min");
  }

  @Test
  void ipv6ClientsAreCountedByTheirSlash64AndForwardedForOnlyWhenTrusted() {
    assertThat(ClientAddress.key("2001:db8:1:2:aaaa::1", null, false))
        .isEqualTo(ClientAddress.key("2001:db8:1:2:bbbb::9", null, false))
        .isNotEqualTo(ClientAddress.key("2001:db8:1:3::1", null, false));
    assertThat(ClientAddress.key("127.0.0.1", "198.51.100.7, 203.0.113.9", false)).isEqualTo("127.0.0.1");
    assertThat(ClientAddress.key("127.0.0.1", "198.51.100.7, 203.0.113.9", true)).isEqualTo("203.0.113.9");
  }
}
