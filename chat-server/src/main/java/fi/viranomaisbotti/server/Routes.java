package fi.viranomaisbotti.server;

import static fi.viranomaisbotti.server.web.Role.ANONYMOUS;
import static fi.viranomaisbotti.server.web.Route.Method.GET;
import static fi.viranomaisbotti.server.web.Route.Method.POST;

import fi.viranomaisbotti.server.api.ApiHandlers;
import fi.viranomaisbotti.server.api.OpenApiDocument;
import fi.viranomaisbotti.server.api.PlanExportHandler;
import fi.viranomaisbotti.server.chat.ChatSocket;
import fi.viranomaisbotti.server.explorer.ExplorerHandlers;
import fi.viranomaisbotti.server.ops.HealthHandler;
import fi.viranomaisbotti.server.ops.MetricsHandler;
import fi.viranomaisbotti.server.web.Route;
import fi.viranomaisbotti.server.web.RouteRegistry;

/**
 * Every route of the server, each once, with the role it needs. A new face (adviser, editor,
 * explorer) adds its routes here; the OpenAPI and role tests read this list. The chat page's
 * static files ({@code /}, {@code /chat.js}, {@code /i18n.js}, {@code /chat.css}, {@code /plan-print.css}), the map
 * page's script and styles ({@code /explorer/…}) and the WebJars ({@code /webjars/…}) are served from the
 * class path and are for anyone.
 */
public final class Routes {
  public static final RouteRegistry REGISTRY = RouteRegistry.of(
      Route.api(GET, "/health", ANONYMOUS, HealthHandler.class, HealthHandler::health),
      Route.api(GET, "/health/live", ANONYMOUS, HealthHandler.class, HealthHandler::live),
      Route.api(GET, "/health/ready", ANONYMOUS, HealthHandler.class, HealthHandler::ready),
      Route.page("/metrics", ANONYMOUS, MetricsHandler.class, MetricsHandler::scrape),
      Route.api(POST, "/api/v1/analyze", ANONYMOUS, ApiHandlers.class, ApiHandlers::analyze),
      Route.api(POST, "/api/v1/recommendations", ANONYMOUS, ApiHandlers.class, ApiHandlers::recommendations),
      Route.api(POST, "/api/v2/recommendations", ANONYMOUS, ApiHandlers.class, ApiHandlers::recommendationsV2),
      Route.api(GET, "/api/v1/answers", ANONYMOUS, ApiHandlers.class, ApiHandlers::answers),
      Route.api(GET, "/api/v1/answers/suggest", ANONYMOUS, ApiHandlers.class, ApiHandlers::suggest),
      Route.api(GET, "/api/v1/answers/{id}", ANONYMOUS, ApiHandlers.class, ApiHandlers::answer),
      // No sign-in: the conversation's resume token in the query is the credential.
      Route.api(GET, "/api/v1/conversations/{id}/plan", ANONYMOUS, PlanExportHandler.class, PlanExportHandler::plan),
      Route.api(GET, "/api/v1/graph", ANONYMOUS, ExplorerHandlers.class, ExplorerHandlers::graph),
      Route.api(GET, "/api/v1/graph/gaps", ANONYMOUS, ExplorerHandlers.class, ExplorerHandlers::gaps),
      Route.api(GET, "/api/v1/conversations/{id}/plan-items", ANONYMOUS, ExplorerHandlers.class, ExplorerHandlers::planItems),
      Route.page("/kartta", ANONYMOUS, ExplorerHandlers.class, ExplorerHandlers::page),
      Route.page("/openapi.yaml", ANONYMOUS, OpenApiDocument.class, OpenApiDocument::serve),
      Route.socket("/ws/chat", ANONYMOUS, ChatSocket.class, ChatSocket::configure));

  private Routes() {}
}
