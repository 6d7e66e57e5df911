package io.opsflow.lifecycle.launch;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.opsflow.change.ChangeClosed;
import io.opsflow.change.ChangeStopped;
import io.opsflow.kernel.process.WithoutAuthorization;

/**
 * Tells a launch waiting for its launch change how the change ended: closed (succeeded, failed,
 * rolled back) or stopped (rejected, cancelled). Synchronous, inside the transaction that ends the
 * change; a change no launch waits for correlates nothing.
 */
@Component
class LaunchChangeEnded {

  private final RuntimeService runtimeService;

  LaunchChangeEnded(RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
  }

  @EventListener
  void onClosed(ChangeClosed closed) {
    tell(closed.changeKey(), closed.outcome().code());
  }

  @EventListener
  void onStopped(ChangeStopped stopped) {
    tell(stopped.changeKey(), stopped.state().code());
  }

  private void tell(String changeKey, String outcome) {
    // the person who closed the change need not be allowed to touch the launch
    WithoutAuthorization.run(() -> runtimeService.createMessageCorrelation(LaunchSteps.MESSAGE_CHANGE_ENDED)
        .processInstanceVariableEquals(LaunchSteps.CHANGE_KEY, changeKey)
        .setVariable(LaunchSteps.CHANGE_OUTCOME, outcome)
        .correlateAllWithResult());
  }
}
