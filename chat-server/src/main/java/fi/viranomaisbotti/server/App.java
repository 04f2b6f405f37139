package fi.viranomaisbotti.server;

import com.fasterxml.jackson.databind.MapperFeature;
import fi.viranomaisbotti.engine.Navigator;
import fi.viranomaisbotti.server.api.ApiHandlers;
import fi.viranomaisbotti.server.api.OpenApiDocument;
import fi.viranomaisbotti.server.chat.ChatSocket;
import fi.viranomaisbotti.server.ops.HealthHandler;
import fi.viranomaisbotti.engine.conversation.ConversationService;
import fi.viranomaisbotti.server.storage.JdbcConversationRepository;
import java.time.Clock;
import fi.viranomaisbotti.server.web.AccessLog;
import fi.viranomaisbotti.server.web.ErrorMapper;
import fi.viranomaisbotti.server.web.Faces;
import fi.viranomaisbotti.server.web.Json;
import fi.viranomaisbotti.server.web.JsonErrorHandler;
import fi.viranomaisbotti.server.web.SecurityHeaders;
import fi.viranomaisbotti.server.web.TrafficGuard;
import fi.viranomaisbotti.server.web.WebSettings;
import fi.viranomaisbotti.server.ops.MetricsHandler;
import fi.viranomaisbotti.server.ops.Readiness;
import fi.viranomaisbotti.server.web.ServerMetrics;
import io.javalin.Javalin;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;

/**
 * Builds the web application from the {@link Routes} registry: each face's object answers its
 * routes, one error mapper answers every failure. One method, so tests start the same app
 * in-process.
 */
public final class App {
  /** The request attribute of an API call counted as in flight until its answer is written. */
  private static final String IN_FLIGHT = "viranomaisbotti.inFlight";
  /** How long stopping waits for the chat connections' close handshakes. */
  private static final long STOP_TIMEOUT_MILLIS = 5_000;

  private App() {}

  /** The app with the default {@link WebSettings}. */
  public static Javalin create(Navigator navigator, JdbcConversationRepository conversations, Clock clock) {
    return create(navigator, conversations, clock, WebSettings.DEFAULTS);
  }

  /** The app with the given settings, ready until its own {@link Readiness} says otherwise. */
  public static Javalin create(
      Navigator navigator, JdbcConversationRepository conversations, Clock clock, WebSettings web) {
    return create(navigator, conversations, clock, web, new Readiness());
  }

  /**
   * @param readiness what {@code /health/ready} answers; the composition root marks the start of
   *     shutdown on it
   */
  public static Javalin create(
      Navigator navigator, JdbcConversationRepository conversations, Clock clock, WebSettings web, Readiness readiness) {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    ServerMetrics metrics = new ServerMetrics(registry);
    metrics.morphologyCache(navigator::morphologyCache);
    ErrorMapper errors = new ErrorMapper(Routes.REGISTRY, metrics);
    SecurityHeaders headers = new SecurityHeaders(web.hsts());
    TrafficGuard guard = new TrafficGuard(web, System::nanoTime);
    Faces faces = Faces.of(
        new ApiHandlers(navigator),
        new HealthHandler(navigator, conversations::count, readiness),
        new MetricsHandler(registry, navigator),
        new ChatSocket(
            new ConversationService(navigator, conversations, clock, web.limits().charactersPerConversation()), errors, guard,
            metrics, readiness.turns()),
        OpenApiDocument.load());
    return Javalin.create(
        config -> {
          config.jsonMapper(
              new JavalinJackson(Json.MAPPER.copy().disable(MapperFeature.AUTO_DETECT_IS_GETTERS), false));
          config.http.maxRequestSize = Json.MAX_BODY_BYTES;
          config.http.defaultContentType = "application/json";
          config.staticFiles.add("/public", Location.CLASSPATH);
          config.startup.showJavalinBanner = false;
          config.jetty.modifyWebSocketServletFactory(f -> {
            f.setMaxTextMessageSize(Json.MAX_BODY_BYTES);
            f.setIdleTimeout(web.limits().socketIdleTimeout());
          });
          config.jetty.modifyHttpConfiguration(http -> http.addCustomizer(headers));
          config.jetty.modifyServer(server -> {
            server.setErrorHandler(new JsonErrorHandler(errors, headers));
            // Stopping closes each chat connection with a close frame (1001) and waits for the handshake, instead
            // of cutting the connection under replies the client has not read yet.
            server.setStopTimeout(STOP_TIMEOUT_MILLIS);
          });
          config.routes.before("/api/*", guard::restRequest);
          config.routes.before("/api/*", ctx -> {
            readiness.turns().enter();
            ctx.attribute(IN_FLIGHT, Boolean.TRUE);
          });
          config.routes.after("/api/*", ctx -> {
            if (ctx.attribute(IN_FLIGHT) != null) {
              readiness.turns().exit();
            }
          });
          config.requestLogger.http(AccessLog::http);
          config.routes.wsBeforeUpgrade(errors.upgradeCheck(guard::beforeUpgrade));
          Routes.REGISTRY.register(config.routes, faces);
          errors.install(config);
        });
  }
}
