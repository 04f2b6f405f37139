package fi.viranomaisbotti.server;

import fi.viranomaisbotti.engine.Navigator;
import fi.viranomaisbotti.engine.conversation.HandoffService;
import fi.viranomaisbotti.server.adviser.AdviserPage;
import fi.viranomaisbotti.server.adviser.HandoffHandlers;
import fi.viranomaisbotti.server.adviser.ShareHandlers;
import fi.viranomaisbotti.server.api.ApiHandlers;
import fi.viranomaisbotti.server.api.OpenApiDocument;
import fi.viranomaisbotti.server.api.PlanExportHandler;
import fi.viranomaisbotti.server.auth.AccessControl;
import fi.viranomaisbotti.server.auth.AccountHandlers;
import fi.viranomaisbotti.server.auth.AdminPage;
import fi.viranomaisbotti.server.auth.SessionHandlers;
import fi.viranomaisbotti.server.chat.ChatSocket;
import fi.viranomaisbotti.server.editor.EditorHandlers;
import fi.viranomaisbotti.server.editor.EditorDraftItems;
import fi.viranomaisbotti.server.editor.EditorPage;
import fi.viranomaisbotti.server.editor.UnansweredHandlers;
import fi.viranomaisbotti.engine.unanswered.MissCapturingSearch;
import fi.viranomaisbotti.engine.unanswered.UnansweredQueue;
import fi.viranomaisbotti.engine.editor.KnowledgeEditor;
import fi.viranomaisbotti.knowledge.KnowledgeSource;
import fi.viranomaisbotti.server.explorer.ExplorerHandlers;
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
import io.javalin.http.staticfiles.JavalinStaticResourceHandler;
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
  public static Javalin create(Navigator navigator, Backend backend) {
    return create(navigator, backend, WebSettings.DEFAULTS);
  }

  /** The app with the given settings, ready until its own {@link Readiness} says otherwise. */
  public static Javalin create(Navigator navigator, Backend backend, WebSettings web) {
    return create(navigator, backend, web, new Readiness());
  }

  /**
   * @param readiness what {@code /health/ready} answers; the composition root marks the start of
   *     shutdown on it
   */
  public static Javalin create(Navigator navigator, Backend backend, WebSettings web, Readiness readiness) {
    JdbcConversationRepository conversations = backend.conversations();
    Clock clock = backend.clock();
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    ServerMetrics metrics = new ServerMetrics(registry);
    metrics.morphologyCache(navigator::morphologyCache);
    metrics.turnMemo(navigator::turnMemo);
    ErrorMapper errors = new ErrorMapper(Routes.REGISTRY, metrics);
    SecurityHeaders headers = new SecurityHeaders(web.hsts());
    TrafficGuard guard = new TrafficGuard(web, System::nanoTime);
    AccessControl access = new AccessControl(backend.accounts());
    UnansweredQueue unanswered = new UnansweredQueue(navigator, backend.unanswered(), clock);
    ConversationService service = new ConversationService(
        navigator, conversations, clock, web.limits().charactersPerConversation(), unanswered);
    HandoffService handoffs = new HandoffService(navigator, service, conversations, backend.handoffs(), clock, backend.handoffHours());
    ChatSocket socket = new ChatSocket(navigator, service, handoffs, errors, guard, metrics, readiness.turns());
    handoffs.listen(socket);
    KnowledgeEditor editor = new KnowledgeEditor(navigator, backend.knowledge(), backend.knowledge(), clock);
    editor.seedIfEmpty(() -> KnowledgeSource.classpath("corpus", App.class.getClassLoader()));
    Faces faces = Faces.of(
        new ApiHandlers(navigator, new MissCapturingSearch(navigator, unanswered), backend.audit()),
        new HandoffHandlers(handoffs, backend.audit()),
        new ShareHandlers(service, backend.audit()),
        new AdviserPage(),
        new EditorHandlers(editor, backend.audit()),
        new EditorPage(),
        new UnansweredHandlers(unanswered, new EditorDraftItems(editor), backend.audit(), clock),
        new SessionHandlers(backend.accounts(), backend.audit(), web.hsts()),
        new AccountHandlers(backend.accounts(), backend.audit()),
        new AdminPage(),
        new HealthHandler(navigator, conversations::count, readiness),
        new MetricsHandler(registry, navigator),
        socket,
        new PlanExportHandler(service, clock),
        new ExplorerHandlers(navigator, service, clock),
        OpenApiDocument.load());
    return Javalin.create(
        config -> {
          config.jsonMapper(
              new JavalinJackson(Json.RESPONSES, false));
          config.http.maxRequestSize = Json.MAX_BODY_BYTES;
          config.http.defaultContentType = "application/json";
          // Javalin's own handler reads the files through the class loader; Jetty's would mount the whole
          // jar as a file system for each folder (a quarter of the main thread's samples at start; docs/benchmarks.md).
          config.resourceHandler(new JavalinStaticResourceHandler());
          config.staticFiles.add("/public", Location.CLASSPATH);
          config.staticFiles.enableWebjars();
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
          config.routes.beforeMatched(access::check);
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
