package fi.viranomaisbotti.server.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.viranomaisbotti.server.accounts.Account;
import fi.viranomaisbotti.server.accounts.AccountException;
import fi.viranomaisbotti.server.accounts.AccountService;
import fi.viranomaisbotti.server.accounts.AuditEvent;
import fi.viranomaisbotti.server.accounts.AuditLog;
import fi.viranomaisbotti.server.web.ApiException;
import fi.viranomaisbotti.server.web.Caller;
import fi.viranomaisbotti.server.web.Json;
import fi.viranomaisbotti.server.web.QueryParams;
import fi.viranomaisbotti.server.web.Role;
import io.javalin.http.Context;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The administrator's routes: accounts and the audit log. Every change is audited. Thread-safe. */
public final class AccountHandlers {
  /** Audit events answered when no limit is given, and the most that may be asked for. */
  static final int AUDIT_PAGE = 100;
  static final int MAX_AUDIT_PAGE = 1_000;

  private final AccountService accounts;
  private final AuditLog audit;

  public AccountHandlers(AccountService accounts, AuditLog audit) {
    this.accounts = accounts;
    this.audit = audit;
  }

  public void list(Context ctx) {
    ctx.json(Map.of("accounts", accounts.all().stream().map(AccountHandlers::view).toList()));
  }

  public void create(Context ctx) {
    Caller admin = Caller.required(ctx);
    ObjectNode body = Json.object(ctx.bodyAsBytes());
    Set<Role> roles = roles(body.get("roles"));
    Account created = translated(() -> accounts.create(
        body.path("username").asText(""), body.path("password").asText(null), roles == null ? Set.of() : roles));
    audit.record(admin.username(), "account_create", created.username(), "roles=" + names(created.roles()));
    ctx.status(201).json(view(created));
  }

  public void change(Context ctx) {
    Caller admin = Caller.required(ctx);
    String username = ctx.pathParam("username");
    ObjectNode body = Json.object(ctx.bodyAsBytes());
    JsonNode enabled = body.get("enabled");
    if (enabled != null && !enabled.isBoolean()) {
      throw ApiException.badRequest("bad_enabled", "\"enabled\" must be true or false.");
    }
    JsonNode password = body.get("password");
    if (password != null && !password.isTextual()) {
      throw ApiException.badRequest("bad_password", "\"password\" must be a string.");
    }
    Set<Role> roles = roles(body.get("roles"));
    Account changed = translated(() -> accounts.change(username, roles, enabled == null ? null : enabled.asBoolean(),
        password == null ? null : password.asText()));
    audit.record(admin.username(), "account_change", changed.username(), "roles=" + names(changed.roles())
        + " enabled=" + changed.enabled() + (password == null ? "" : " password=changed"));
    ctx.json(view(changed));
  }

  public void auditLog(Context ctx) {
    String given = QueryParams.param(ctx, "limit");
    int limit = given == null || given.isBlank() ? AUDIT_PAGE : auditLimit(given);
    String actor = QueryParams.param(ctx, "actor");
    List<AuditEvent> events = audit.latest(actor == null || actor.isBlank() ? null : actor.strip(), limit);
    ctx.json(Map.of("events", events.stream().map(e -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", e.id());
      m.put("at", e.at().toString());
      m.put("actor", e.actor());
      m.put("action", e.action());
      m.put("target", e.target());
      m.put("detail", e.detail());
      return m;
    }).toList()));
  }

  private static int auditLimit(String given) {
    try {
      int n = Integer.parseInt(given.strip());
      if (n >= 1 && n <= MAX_AUDIT_PAGE) {
        return n;
      }
    } catch (NumberFormatException e) {
      // answered below, like a number out of range
    }
    throw ApiException.badRequest("bad_limit", "limit must be a whole number between 1 and " + MAX_AUDIT_PAGE + ", got '"
        + QueryParams.shortened(given) + "'.");
  }

  private static <T> T translated(java.util.function.Supplier<T> change) {
    try {
      return change.get();
    } catch (AccountException e) {
      int status = switch (e.reason()) {
        case BAD_INPUT -> 400;
        case NOT_FOUND -> 404;
        case EXISTS, LAST_ADMIN -> 409;
      };
      throw new ApiException(status, "account_" + e.reason().name().toLowerCase(Locale.ROOT), e.getMessage());
    }
  }

  /** The roles of a request body, or null when it names none. */
  private static Set<Role> roles(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isArray() || node.size() > 3) {
      throw ApiException.badRequest("bad_roles", "\"roles\" is a list of ADVISER, EDITOR and ADMIN.");
    }
    Set<Role> out = EnumSet.noneOf(Role.class);
    for (JsonNode r : node) {
      String name = r.asText("").strip().toUpperCase(Locale.ROOT);
      if (!Set.of("ADVISER", "EDITOR", "ADMIN").contains(name)) {
        throw ApiException.badRequest("bad_roles",
            "Unknown role '" + QueryParams.shortened(r.asText("")) + "'; the roles are ADVISER, EDITOR and ADMIN.");
      }
      out.add(Role.valueOf(name));
    }
    return out;
  }

  private static List<String> names(Set<Role> roles) {
    return roles.stream().map(Role::name).sorted().toList();
  }

  private static Map<String, Object> view(Account a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("username", a.username());
    m.put("roles", names(a.roles()));
    m.put("enabled", a.enabled());
    m.put("createdAt", a.createdAt().toString());
    return m;
  }
}
