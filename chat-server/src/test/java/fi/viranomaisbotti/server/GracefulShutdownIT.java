package fi.viranomaisbotti.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** A shutdown lets the turns in flight finish and refuses new ones with a clear code. */
class GracefulShutdownIT {

  /** The real clock, except that once armed, the next caller waits at it until released. */
  static final class HoldingClock extends Clock {
    final AtomicBoolean armed = new AtomicBoolean();
    final CountDownLatch held = new CountDownLatch(1);
    final CountDownLatch released = new CountDownLatch(1);

    @Override
    public Instant instant() {
      if (armed.compareAndSet(true, false)) {
        held.countDown();
        try {
          released.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return Instant.now();
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException("The fixture's clock is UTC");
    }
  }

  @Test
  void aTurnInFlightGetsItsReplyWhileNewTurnsAreRefusedAndThenTheServerStops() throws Exception {
    HoldingClock clock = new HoldingClock();
    try (ServerFixture server = new ServerFixture(
            fi.viranomaisbotti.server.web.WebSettings.DEFAULTS.withLimits(ServerFixture.UNREACHED), clock);
        SocketClient inFlight = new SocketClient(server.http, server.app.port(), null);
        SocketClient late = new SocketClient(server.http, server.app.port(), null)) {
      int port = server.app.port();
      inFlight.next();
      late.next();
      clock.armed.set(true);
      inFlight.socket.sendText(fi.viranomaisbotti.server.web.Json.write(
          Map.of("type", "message", "text", "Perustan kahvilan Tampereelle ja palkkaan kaksi työntekijää.")), true);
      assertThat(clock.held.await(30, TimeUnit.SECONDS)).as("the turn reached the store").isTrue();

      Thread shutdown = new Thread(
          new GracefulShutdown(server.readiness, Duration.ofSeconds(60), server.app::stop, List.of()), "test-shutdown");
      shutdown.start();
      while (server.readiness.isReady()) {
        Thread.onSpinWait();
      }

      JsonNode refused = late.send(Map.of("type", "message", "text", "Avaan kampaamon Ouluun."));
      assertThat(refused.at("/error/code").asText()).isEqualTo("shutting_down");
      assertThat(refused.at("/error/message").asText()).contains("uudelleen");
      var rest = server.post("/api/v1/recommendations", "{\"text\": \"Avaan kampaamon Ouluun.\"}");
      assertThat(rest.statusCode()).isEqualTo(503);
      assertThat(ServerFixture.json(rest).at("/error/code").asText()).isEqualTo("shutting_down");
      assertThat(server.get("/health/ready").statusCode()).isEqualTo(503);
      assertThat(server.readiness.turns().inFlight()).as("the held turn").isEqualTo(1);
      assertThat(shutdown.isAlive()).as("the shutdown waits for the turn in flight").isTrue();

      clock.released.countDown();

      JsonNode reply = inFlight.next();
      assertThat(reply.get("type").asText()).isEqualTo("reply");
      assertThat(reply.at("/recommendation/obligations").size()).isPositive();
      shutdown.join(TimeUnit.SECONDS.toMillis(60));
      assertThat(shutdown.isAlive()).as("the shutdown finished").isFalse();
      java.net.URI live = java.net.URI.create("http://localhost:" + port + "/health/live");
      assertThatThrownBy(() -> server.http.send(java.net.http.HttpRequest.newBuilder(live).build(),
              java.net.http.HttpResponse.BodyHandlers.discarding()))
          .as("the stopped server answers no more").isInstanceOf(java.io.IOException.class);
    }
  }
}
