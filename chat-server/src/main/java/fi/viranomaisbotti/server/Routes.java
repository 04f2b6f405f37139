package fi.viranomaisbotti.server;

import static fi.viranomaisbotti.server.web.Role.ADMIN;
import static fi.viranomaisbotti.server.web.Role.ADVISER;
import static fi.viranomaisbotti.server.web.Role.ANONYMOUS;
import static fi.viranomaisbotti.server.web.Role.EDITOR;
import static fi.viranomaisbotti.server.web.Route.Method.DELETE;
import static fi.viranomaisbotti.server.web.Route.Method.GET;
import static fi.viranomaisbotti.server.web.Route.Method.PATCH;
import static fi.viranomaisbotti.server.web.Route.Method.POST;
import static fi.viranomaisbotti.server.web.Route.Method.PUT;

import fi.viranomaisbotti.server.adviser.AdviserPage;
import fi.viranomaisbotti.server.adviser.HandoffHandlers;
import fi.viranomaisbotti.server.adviser.ShareHandlers;
import fi.viranomaisbotti.server.api.ApiHandlers;
import fi.viranomaisbotti.server.api.OpenApiDocument;
import fi.viranomaisbotti.server.api.PlanExportHandler;
import fi.viranomaisbotti.server.auth.AccountHandlers;
import fi.viranomaisbotti.server.auth.AdminPage;
import fi.viranomaisbotti.server.auth.SessionHandlers;
import fi.viranomaisbotti.server.chat.ChatSocket;
import fi.viranomaisbotti.server.editor.EditorHandlers;
import fi.viranomaisbotti.server.editor.EditorPage;
import fi.viranomaisbotti.server.editor.UnansweredHandlers;
import fi.viranomaisbotti.server.explorer.ExplorerHandlers;
import fi.viranomaisbotti.server.ops.HealthHandler;
import fi.viranomaisbotti.server.ops.MetricsHandler;
import fi.viranomaisbotti.server.web.Route;
import fi.viranomaisbotti.server.web.RouteRegistry;

/**
 * Every route of the server, each once, with the role it needs; the auth face's access check
 * enforces it on every request. A new face (adviser, editor, explorer) adds its routes here; the
 * OpenAPI and role tests read this list. Pages are for anyone to load: what they show comes from
 * the routes that need a role. The chat page's static files ({@code /}, {@code /chat.js},
 * {@code /i18n.js}, {@code /chat.css}, {@code /plan-print.css}), the map page's script and styles
 * ({@code /explorer/…}) and the WebJars ({@code /webjars/…}) are served from the class path and are
 * for anyone.
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
      Route.api(POST, "/api/v1/session", ANONYMOUS, SessionHandlers.class, SessionHandlers::signIn),
      Route.api(GET, "/api/v1/session", ANONYMOUS, SessionHandlers.class, SessionHandlers::current),
      Route.api(DELETE, "/api/v1/session", ANONYMOUS, SessionHandlers.class, SessionHandlers::signOut),
      Route.api(GET, "/api/v1/accounts", ADMIN, AccountHandlers.class, AccountHandlers::list),
      Route.api(POST, "/api/v1/accounts", ADMIN, AccountHandlers.class, AccountHandlers::create),
      Route.api(PATCH, "/api/v1/accounts/{username}", ADMIN, AccountHandlers.class, AccountHandlers::change),
      Route.api(GET, "/api/v1/audit", ADMIN, AccountHandlers.class, AccountHandlers::auditLog),
      Route.api(GET, "/api/v1/handoffs", ADVISER, HandoffHandlers.class, HandoffHandlers::list),
      Route.api(GET, "/api/v1/handoffs/{id}", ADVISER, HandoffHandlers.class, HandoffHandlers::open),
      Route.api(POST, "/api/v1/handoffs/{id}/claim", ADVISER, HandoffHandlers.class, HandoffHandlers::claim),
      Route.api(POST, "/api/v1/handoffs/{id}/messages", ADVISER, HandoffHandlers.class, HandoffHandlers::reply),
      Route.api(POST, "/api/v1/handoffs/{id}/close", ADVISER, HandoffHandlers.class, HandoffHandlers::close),
      Route.api(GET, "/api/v1/shares/{code}", ADVISER, ShareHandlers.class, ShareHandlers::open),
      Route.api(GET, "/api/v1/knowledge/versions", EDITOR, EditorHandlers.class, EditorHandlers::versions),
      Route.api(GET, "/api/v1/knowledge/versions/{version}/export", EDITOR, EditorHandlers.class, EditorHandlers::export),
      Route.api(GET, "/api/v1/knowledge/draft", EDITOR, EditorHandlers.class, EditorHandlers::draft),
      Route.api(DELETE, "/api/v1/knowledge/draft", EDITOR, EditorHandlers.class, EditorHandlers::discard),
      Route.api(POST, "/api/v1/knowledge/draft/import", EDITOR, EditorHandlers.class, EditorHandlers::importZip),
      Route.api(GET, "/api/v1/knowledge/items/{kind}", EDITOR, EditorHandlers.class, EditorHandlers::items),
      Route.api(POST, "/api/v1/knowledge/items/{kind}", EDITOR, EditorHandlers.class, EditorHandlers::create),
      Route.api(GET, "/api/v1/knowledge/items/{kind}/{id}", EDITOR, EditorHandlers.class, EditorHandlers::item),
      Route.api(PUT, "/api/v1/knowledge/items/{kind}/{id}", EDITOR, EditorHandlers.class, EditorHandlers::replace),
      Route.api(DELETE, "/api/v1/knowledge/items/{kind}/{id}", EDITOR, EditorHandlers.class, EditorHandlers::delete),
      Route.api(POST, "/api/v1/knowledge/preview", EDITOR, EditorHandlers.class, EditorHandlers::preview),
      Route.api(POST, "/api/v1/knowledge/publish", EDITOR, EditorHandlers.class, EditorHandlers::publish),
      Route.api(POST, "/api/v1/knowledge/rollback", EDITOR, EditorHandlers.class, EditorHandlers::rollback),
      Route.api(GET, "/api/v1/knowledge/unanswered", EDITOR, UnansweredHandlers.class, UnansweredHandlers::list),
      Route.api(POST, "/api/v1/knowledge/unanswered/{id}/dismiss", EDITOR, UnansweredHandlers.class, UnansweredHandlers::dismiss),
      Route.api(POST, "/api/v1/knowledge/unanswered/{id}/convert", EDITOR, UnansweredHandlers.class, UnansweredHandlers::convert),
      Route.page("/neuvoja", ANONYMOUS, AdviserPage.class, AdviserPage::serve),
      Route.page("/toimitus", ANONYMOUS, EditorPage.class, EditorPage::serve),
      Route.page("/yllapito", ANONYMOUS, AdminPage.class, AdminPage::serve),
      Route.page("/openapi.yaml", ANONYMOUS, OpenApiDocument.class, OpenApiDocument::serve),
      Route.socket("/ws/chat", ANONYMOUS, ChatSocket.class, ChatSocket::configure));

  private Routes() {}
}
