package fi.viranomaisbotti.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The walls between the modules, checked on the compiled classes of knowledge, nlp, engine and
 * chat-server: dependencies point one way (chat-server → engine → nlp → knowledge), and nothing
 * outside a module reaches into its {@code impl}.
 */
class ArchitectureTest {
  private static final String ROOT = "fi.viranomaisbotti";
  private static final String KNOWLEDGE = ROOT + ".knowledge..";
  private static final String NLP = ROOT + ".nlp..";
  private static final String ENGINE = ROOT + ".engine..";
  private static final String SERVER = ROOT + ".server..";

  private static JavaClasses production;

  @BeforeAll
  static void importClasses() {
    production = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages(ROOT);
  }

  @Test
  void everyModuleIsOnTheClassPathOfTheCheck() {
    for (String module : new String[] {"knowledge", "nlp", "engine", "server"}) {
      org.assertj.core.api.Assertions.assertThat(production.stream()
              .anyMatch(c -> c.getPackageName().startsWith(ROOT + "." + module)))
          .as("classes of %s imported", module)
          .isTrue();
    }
  }

  @Test
  void knowledgeDependsOnNoOtherModule() {
    check(noClasses().that().resideInAPackage(KNOWLEDGE)
        .should().dependOnClassesThat().resideInAnyPackage(NLP, ENGINE, SERVER));
  }

  @Test
  void nlpDependsOnlyOnKnowledge() {
    check(noClasses().that().resideInAPackage(NLP)
        .should().dependOnClassesThat().resideInAnyPackage(ENGINE, SERVER));
  }

  @Test
  void engineDoesNotKnowTheServer() {
    check(noClasses().that().resideInAPackage(ENGINE)
        .should().dependOnClassesThat().resideInAnyPackage(SERVER));
  }

  @Test
  void nothingOutsideNlpReachesIntoItsImpl() {
    check(noClasses().that().resideOutsideOfPackage(NLP)
        .should().dependOnClassesThat().resideInAPackage(ROOT + ".nlp.impl.."));
  }

  @Test
  void nothingOutsideTheEngineReachesIntoItsImpl() {
    check(noClasses().that().resideOutsideOfPackage(ENGINE)
        .should().dependOnClassesThat().resideInAPackage(ROOT + ".engine.impl.."));
  }

  @Test
  void theEngineHasNoHttpAndNoSql() {
    check(noClasses().that().resideInAPackage(ENGINE)
        .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "org.eclipse.jetty..", "java.sql..", "javax.sql.."));
  }

  @Test
  void onlyTheServersStoragePackageSpeaksSql() {
    check(noClasses().that().resideOutsideOfPackage(ROOT + ".server.storage..")
        .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.flywaydb..", "com.zaxxer.."));
  }

  @Test
  void theServersFacesDoNotDependOnEachOther() {
    String[] faces = {"chat", "api", "ops", "auth", "adviser", "editor", "explorer"};
    for (String face : faces) {
      String[] others = java.util.Arrays.stream(faces)
          .filter(f -> !f.equals(face))
          .map(f -> ROOT + ".server." + f + "..")
          .toArray(String[]::new);
      check(noClasses().that().resideInAPackage(ROOT + ".server." + face + "..")
          .should().dependOnClassesThat().resideInAnyPackage(others)
          .allowEmptyShould(true));
    }
  }

  @Test
  void theWebPackageKnowsNoFaceAndNoStorage() {
    check(noClasses().that().resideInAPackage(ROOT + ".server.web..")
        .should().dependOnClassesThat().resideInAnyPackage(
            ROOT + ".server.chat..", ROOT + ".server.api..", ROOT + ".server.ops..", ROOT + ".server.auth..",
            ROOT + ".server.adviser..", ROOT + ".server.editor..", ROOT + ".server.accounts..", ROOT + ".server.storage.."));
  }

  @Test
  void facesReachStorageOnlyThroughRepositoryInterfaces() {
    check(noClasses().that().resideInAnyPackage(
            ROOT + ".server.chat..", ROOT + ".server.api..", ROOT + ".server.ops..", ROOT + ".server.web..",
            ROOT + ".server.auth..", ROOT + ".server.adviser..", ROOT + ".server.editor..", ROOT + ".server.accounts..")
        .should().dependOnClassesThat().resideInAPackage(ROOT + ".server.storage.."));
  }

  @Test
  void accountsAndAuditHaveNoHttpAndKnowNoFace() {
    check(noClasses().that().resideInAPackage(ROOT + ".server.accounts..")
        .should().dependOnClassesThat().resideInAnyPackage("io.javalin.http..", "org.eclipse.jetty..",
            ROOT + ".server.chat..", ROOT + ".server.api..", ROOT + ".server.ops..", ROOT + ".server.auth..",
            ROOT + ".server.adviser..", ROOT + ".server.editor.."));
  }

  private static void check(ArchRule rule) {
    rule.check(production);
  }
}
