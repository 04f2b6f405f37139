package fi.viranomaisbotti.server.web;

import io.javalin.security.RouteRole;

/**
 * Who may call a route. Every route declares one in the {@link RouteRegistry}, and Javalin
 * carries it with the route ({@code ctx.routeRoles()}) for the auth face to check; until that
 * face exists every route is {@link #ANONYMOUS}.
 */
public enum Role implements RouteRole {
  /** Anyone: citizens are anonymous and a conversation is theirs through its resume token. */
  ANONYMOUS,
  /** A signed-in call-centre adviser (adviser console). */
  ADVISER,
  /** A signed-in knowledge editor (editor, publishing). */
  EDITOR,
  /** A signed-in administrator (accounts, operations). */
  ADMIN
}
