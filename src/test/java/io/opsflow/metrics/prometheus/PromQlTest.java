package io.opsflow.metrics.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromQlTest {

  @Test
  void namesOfAnAggregatedRatioWithMatchersRangesAndGrafanaVariables() {
    assertThat(PromQl.metricNames("""
        sum by (priority) (increase(opsflow_incidents_closed_total{outcome="within-sla", service=~"$service"}[$__range]))
          / sum by (priority) (increase(opsflow_incidents_closed_total[${__range}]))"""))
        .containsExactly("opsflow_incidents_closed_total");
  }

  @Test
  void namesOnBothSidesOfOperatorsButNotFunctionsKeywordsNumbersOrLabels() {
    assertThat(PromQl.metricNames("histogram_quantile(0.95, sum by (le, uri) (rate(http_server_requests_seconds_bucket"
        + "{uri=~\"/api/.*\"}[5m]))) > 1e3 and on (instance) up == 0 or absent(up{job=\"opsflow\"}) "
        + "unless topk(10, max without (pod) (opsflow_incidents_open) offset 1h)"))
        .containsExactly("http_server_requests_seconds_bucket", "opsflow_incidents_open", "up");
  }

  @Test
  void aLabelValueThatLooksLikeAMetricIsNotOne() {
    assertThat(PromQl.metricNames("sum(x_total{kind='dingtalk', note=\"a } b\"})")).containsExactly("x_total");
  }
}
