package io.opsflow.feedback;

import java.util.Optional;

/**
 * The negative spike check that {@code opsflow.feedback.spike.interval} runs on every node, for callers that
 * must run it at a moment of their own (the demo history, which plays past days with the engine clock moved).
 */
public interface NegativeSpikes {

  /**
   * Checks the service's feedback of the last hour now (by the engine clock), as the schedule does, and opens
   * its incident on a spike when none is open.
   *
   * @return the key of the incident this check opened
   */
  Optional<String> checkNow(String service);
}
