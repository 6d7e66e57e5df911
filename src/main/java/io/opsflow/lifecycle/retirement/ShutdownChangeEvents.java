package io.opsflow.lifecycle.retirement;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.opsflow.change.ChangeClosed;
import io.opsflow.change.ChangeOutcome;
import io.opsflow.change.ChangeStopped;
import io.opsflow.kernel.process.WithoutAuthorization;

/**
 * Tells a retirement that its shutdown change ended: succeeded when the change closed successfully;
 * failed when it failed, was rolled back, rejected or cancelled. Synchronous: the retirement moves on
 * in the transaction that ends the change.
 */
@Component
class ShutdownChangeEvents {

  private final Retirements retirements;
  private final RuntimeService runtimeService;

  ShutdownChangeEvents(Retirements retirements, RuntimeService runtimeService) {
    this.retirements = retirements;
    this.runtimeService = runtimeService;
  }

  @EventListener
  void on(ChangeClosed closed) {
    ended(closed.changeKey(), closed.outcome() == ChangeOutcome.SUCCEEDED);
  }

  @EventListener
  void on(ChangeStopped stopped) {
    ended(stopped.changeKey(), false);
  }

  private void ended(String changeKey, boolean succeeded) {
    if (!retirements.isShutdownChange(changeKey)) {
      return;
    }
    // whoever ended the change (QA confirming, a gate's rejection) need not be allowed to touch the retirement
    WithoutAuthorization.run(() -> runtimeService.createMessageCorrelation(
            Retirements.MESSAGE_SHUTDOWN_CHANGE_ENDED)
        .processInstanceVariableEquals(RetirementVariables.SHUTDOWN_CHANGE_KEY, changeKey)
        .setVariable(RetirementVariables.SHUTDOWN_SUCCEEDED, succeeded)
        .correlateAllWithResult());
  }
}
