package io.opsflow;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The application modules (one per capability, each a direct sub-package of {@code io.opsflow}) use
 * one another only through what each module's top-level package (or a named interface) offers, and
 * never in a cycle. No Spring context: it reads the compiled classes.
 */
class ModulesTest {

  @Test
  void modulesUseOnlyEachOthersPublishedTypesAndFormNoCycle() {
    ApplicationModules.of(OpsFlowApplication.class).verify();
  }
}
