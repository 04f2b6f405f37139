package fi.viranomaisbotti.server.accounts;

import fi.viranomaisbotti.server.web.Role;
import java.time.Instant;
import java.util.Set;

/**
 * Who holds a session: the account's name and roles as they are now, and the CSRF token every
 * unsafe request of the session must carry. Immutable.
 */
public record SignedIn(String username, Set<Role> roles, String csrfToken, Instant expiresAt) {
  public SignedIn {
    roles = Set.copyOf(roles);
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }
}
