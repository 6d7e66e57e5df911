package io.opsflow.metrics.prometheus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.opsflow.incident.Incidents;
import io.opsflow.incident.OpenIncidents;

/**
 * Gauges read from the database: the open incidents by priority and service, and the open Camunda
 * incidents (jobs that ran out of retries). Two small queries every refresh, however often Prometheus
 * scrapes and however many series there are; between refreshes a scrape reads the last answer.
 * Every node of a cluster reports the same figures: dashboards take their {@code max}, not their sum.
 */
@Component
class OpenWork {

  static final String INCIDENTS_OPEN = "opsflow.incidents.open";
  static final String ENGINE_INCIDENTS_OPEN = "opsflow.engine.incidents.open";
  /** The service label of restricted incidents: counted, but never where they happened. */
  static final String RESTRICTED = "restricted";
  /** The service label of incidents on a service that is not in the catalog. */
  static final String UNKNOWN = "unknown";

  private final Incidents incidents;
  private final RuntimeService runtimeService;
  private final MultiGauge openIncidents;
  private final AtomicLong engineIncidents = new AtomicLong();

  OpenWork(Incidents incidents, RuntimeService runtimeService, MeterRegistry meters) {
    this.incidents = incidents;
    this.runtimeService = runtimeService;
    this.openIncidents = MultiGauge.builder(INCIDENTS_OPEN)
        .description("Incidents not closed yet, by priority and service (restricted ones as service \"restricted\")")
        .register(meters);
    Gauge.builder(ENGINE_INCIDENTS_OPEN, engineIncidents, AtomicLong::get)
        .description("Open Camunda incidents: jobs that ran out of retries and wait for someone in Cockpit")
        .register(meters);
  }

  @Scheduled(fixedDelayString = "${opsflow.metrics.prometheus.refresh:PT30S}", initialDelayString = "PT5S")
  void refresh() {
    openIncidents.register(rows(incidents.openCounts()), true);
    engineIncidents.set(runtimeService.createIncidentQuery().count());
  }

  /** One row per (priority, service label): restricted incidents of all services add up under one label. */
  static List<MultiGauge.Row<?>> rows(List<OpenIncidents> counts) {
    Map<Tags, Long> byLabels = new LinkedHashMap<>();
    for (OpenIncidents count : counts) {
      String service = count.restricted() ? RESTRICTED : count.serviceKey() == null ? UNKNOWN : count.serviceKey();
      byLabels.merge(Tags.of("priority", ProcessMeters.code(count.priority()), "service", service), count.incidents(),
          Long::sum);
    }
    List<MultiGauge.Row<?>> rows = new ArrayList<>();
    byLabels.forEach((tags, value) -> rows.add(MultiGauge.Row.of(tags, value)));
    return rows;
  }
}
