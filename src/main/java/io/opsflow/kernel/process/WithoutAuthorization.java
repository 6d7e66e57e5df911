package io.opsflow.kernel.process;

import java.util.function.Supplier;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * An engine call OpsFlow makes on its own behalf: inside an engine command (a task completed by a
 * person, a delegate) Camunda checks the authorizations of whoever is signed in, so the call runs with
 * those checks off; outside a command it runs as it is (OpsFlow's own calls carry no user there).
 */
public final class WithoutAuthorization {

  private WithoutAuthorization() {
  }

  public static <T> T call(Supplier<T> work) {
    CommandContext context = Context.getCommandContext();
    return context == null ? work.get() : context.runWithoutAuthorization(work::get);
  }

  public static void run(Runnable work) {
    call(() -> {
      work.run();
      return null;
    });
  }
}
