package io.opsflow.change;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A period in which only emergency changes may be planned.
 *
 * @param services comma-separated catalog keys; empty means every service
 */
public record FreezeWindow(String windowId, Instant startsAt, Instant endsAt, @JsonIgnore String services,
    String reason, String createdBy, Instant createdAt) {

  /** The services it covers; empty means all. */
  public List<String> serviceKeys() {
    return services == null || services.isBlank() ? List.of() : Arrays.asList(services.split(","));
  }

  boolean covers(String service, Instant moment) {
    return !moment.isBefore(startsAt) && moment.isBefore(endsAt)
        && (serviceKeys().isEmpty() || serviceKeys().contains(service));
  }
}
