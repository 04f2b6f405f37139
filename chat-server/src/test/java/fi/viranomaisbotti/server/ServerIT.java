package fi.viranomaisbotti.server;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The base of the integration tests that share one real server with default settings: started
 * once before a test class, stopped after it.
 */
abstract class ServerIT {
  static ServerFixture server;

  @BeforeAll
  static void startServer() throws Exception {
    server = new ServerFixture();
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }
}
