/**
 * What OpsFlow tells Prometheus at {@code /actuator/prometheus}: counters of incidents, SLA breaches,
 * alerts and changes as they happen (counted after their transaction commits), the gate wait
 * histogram, open incidents from the database, and Camunda's engine metrics. The series and their
 * meaning are listed in the README ("Prometheus and Grafana"); {@code docs/grafana} and
 * {@code docs/prometheus} query them.
 */
package io.opsflow.metrics.prometheus;
