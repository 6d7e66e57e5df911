package io.opsflow.feedback;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.opsflow.feedback.persistence.FeedbackLinkMapper;
import io.opsflow.kernel.domain.Refusal;

/**
 * The feedback an incident is about: the negative items of a spike are linked to the incident it
 * opened, and so are those that keep coming while it is open, so that whoever works the incident reads
 * what users said without rebuilding the query, and the items name the incident that answered them.
 */
@Component
public class IncidentFeedback {

  private final FeedbackLinkMapper mapper;
  private final Clock clock;

  IncidentFeedback(FeedbackLinkMapper mapper, Clock clock) {
    this.mapper = mapper;
    this.clock = clock;
  }

  /**
   * Links the negative items of a service from {@code from} (inclusive) to {@code to} (exclusive) to the
   * incident; items it has already are left alone, so a repeated check links nothing twice.
   *
   * @return how many items were linked now
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public int linkNegatives(String incidentKey, String service, Instant from, Instant to) {
    return mapper.linkNegatives(incidentKey, service, from, to, clock.instant());
  }

  /** The items linked to an incident, newest first; an incident with none gives an empty page. */
  public FeedbackPage of(String incidentKey, int page, int size) {
    if (page < 0 || size < 1 || size > Feedback.MAX_PAGE_SIZE) {
      throw Refusal.invalid("page must be 0 or more and size 1 to " + Feedback.MAX_PAGE_SIZE + ".");
    }
    List<FeedbackItem> items = mapper.linked(incidentKey, (long) page * size, size).stream()
        .map(Feedback::item).toList();
    return new FeedbackPage(items, page, size, mapper.countLinked(incidentKey));
  }
}
