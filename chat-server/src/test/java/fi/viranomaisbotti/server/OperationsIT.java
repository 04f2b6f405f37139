package fi.viranomaisbotti.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fi.viranomaisbotti.server.web.Json;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * What operators watch: Prometheus metrics, liveness and readiness. The readiness test begins the
 * shared server's shutdown, after which it takes no turns, so it runs last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OperationsIT extends ServerIT {

  @Test
  @Order(1)
  void metricsCountTurnsErrorsConnectionsAndNameTheKnowledgeVersionInPrometheusFormat() throws Exception {
    try (SocketClient chat = new SocketClient(server.http, server.app.port(), null)) {
      chat.next();
      JsonNode reply = chat.send(Map.of("type", "message", "text", "Perustan kahvilan Tampereelle."));
      assertThat(reply.get("type").asText()).isEqualTo("reply");
      assertThat(chat.send(Map.of("type", "lentää")).at("/error/code").asText()).isEqualTo("unknown_type");

      HttpResponse<String> metrics = server.get("/metrics");

      assertThat(metrics.statusCode()).isEqualTo(200);
      assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
      assertThat(metrics.body())
          .containsPattern("(?m)^viranomaisbotti_turns_seconds_count 1(\\.0)?$")
          .contains("viranomaisbotti_turns_seconds_bucket{le=")
          .containsPattern("(?m)^viranomaisbotti_chat_connections 1(\\.0)?$")
          .containsPattern("(?m)^viranomaisbotti_errors_total\\{code=\"unknown_type\"\\} 1(\\.0)?$")
          .contains("viranomaisbotti_knowledge_info{version=\"" + server.navigator.knowledge().version() + "\"} 1")
          .containsPattern("(?m)^viranomaisbotti_voikko_cache_requests_total\\{result=\"hit\"} [1-9]")
          .containsPattern("(?m)^viranomaisbotti_voikko_cache_requests_total\\{result=\"miss\"} [1-9]")
          .containsPattern("(?m)^viranomaisbotti_voikko_cache_hit_ratio 0\\.[0-9]*[1-9]")
          .containsPattern("(?m)^viranomaisbotti_voikko_cache_size [1-9]")
          .containsPattern("(?m)^viranomaisbotti_turn_memo_requests_total\\{result=\"miss\"} [1-9]")
          .containsPattern("(?m)^viranomaisbotti_turn_memo_requests_total\\{result=\"hit\"} [0-9]")
          .containsPattern("(?m)^viranomaisbotti_turn_memo_size [1-9]")
          .contains("viranomaisbotti_turn_memo_hit_ratio")
          .contains("jvm_memory_used_bytes")
          .contains("jvm_gc_memory_allocated_bytes_total")
          .contains("process_uptime_seconds");
    }
  }

  @Test
  @Order(2)
  void theServerIsLiveAndReadyUntilShutdownBeginsThenNotReady() throws Exception {
    HttpResponse<String> live = server.get("/health/live");
    HttpResponse<String> ready = server.get("/health/ready");
    assertThat(live.statusCode()).isEqualTo(200);
    assertThat(Json.MAPPER.readTree(live.body()).get("status").asText()).isEqualTo("up");
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(Json.MAPPER.readTree(ready.body()).get("knowledgeVersion").asText())
        .isEqualTo(server.navigator.knowledge().version());

    server.readiness.shutdownBegins();

    HttpResponse<String> shuttingDown = server.get("/health/ready");
    assertThat(shuttingDown.statusCode()).isEqualTo(503);
    assertThat(Json.MAPPER.readTree(shuttingDown.body()).get("status").asText()).isEqualTo("shutting_down");
    assertThat(server.get("/health/live").statusCode()).isEqualTo(200);
  }
}
