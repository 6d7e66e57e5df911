package io.opsflow.feedback.spike;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the {@link SpikeDetector} every {@code opsflow.feedback.spike.interval} (default 5 minutes) on
 * every node; {@code opsflow.feedback.spike.enabled=false} turns it off (tests run the detector
 * themselves). Two nodes checking at once open one incident: the dedup key is claimed in the database.
 */
@Component
@ConditionalOnProperty(name = "opsflow.feedback.spike.enabled", havingValue = "true", matchIfMissing = true)
class SpikeSchedule {

  private static final Logger log = LoggerFactory.getLogger(SpikeSchedule.class);

  private final SpikeDetector detector;

  SpikeSchedule(SpikeDetector detector) {
    this.detector = detector;
  }

  @Scheduled(fixedDelayString = "${opsflow.feedback.spike.interval:PT5M}",
      initialDelayString = "${opsflow.feedback.spike.interval:PT5M}")
  void detect() {
    try {
      detector.runOnce().stream().filter(check -> check.incidentKey() != null).forEach(check ->
          log.info("Negative feedback spike on {} ({} in the last hour, baseline {}/h): opened {}", check.service(),
              check.negativeCount(), String.format("%.2f", check.baselineHourly()), check.incidentKey()));
    } catch (RuntimeException e) {
      log.warn("Checking feedback for negative spikes failed; the next run tries again: {}", e.toString());
    }
  }
}
