package io.opsflow.notify.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.opsflow.notify.Notice;
import io.opsflow.notify.NoticeEvent;

class RulesMatchTest {

  private static final Notice P2_PAYMENTS = Notice.of("incident.opened:INC-1", NoticeEvent.INCIDENT_OPENED, "INC-1")
      .withService("payments-api").withGroup("ops").withPriority("P2");

  private static RuleMapper.Row rule(String event, String service, String group, String minPriority) {
    return new RuleMapper.Row(1L, event, service, group, minPriority, null, null);
  }

  @Test
  void aRuleWithoutServiceGroupOrPriorityTakesEveryNoticeOfItsEvent() {
    assertThat(Rules.matches(rule("incident.opened", null, null, null), P2_PAYMENTS)).isTrue();
    assertThat(Rules.matches(rule("incident.closed", null, null, null), P2_PAYMENTS)).isFalse();
  }

  @Test
  void serviceAndGroupMustBeEqualWhenTheRuleNamesThem() {
    assertThat(Rules.matches(rule("incident.opened", "payments-api", "ops", null), P2_PAYMENTS)).isTrue();
    assertThat(Rules.matches(rule("incident.opened", "web-portal", null, null), P2_PAYMENTS)).isFalse();
    assertThat(Rules.matches(rule("incident.opened", null, "dev", null), P2_PAYMENTS)).isFalse();
    assertThat(Rules.matches(rule("incident.opened", "payments-api", null, null), P2_PAYMENTS.withService(null)))
        .isFalse();
  }

  @Test
  void minPriorityTakesThatPriorityAndMoreUrgentOnes() {
    assertThat(Rules.matches(rule("incident.opened", null, null, "P2"), P2_PAYMENTS)).isTrue();
    assertThat(Rules.matches(rule("incident.opened", null, null, "P3"), P2_PAYMENTS)).isTrue();
    assertThat(Rules.matches(rule("incident.opened", null, null, "P1"), P2_PAYMENTS)).isFalse();
    assertThat(Rules.matches(rule("incident.opened", null, null, "P1"), P2_PAYMENTS.withPriority("P1"))).isTrue();
  }

  @Test
  void aNoticeWithoutPriorityMatchesOnlyRulesWithoutMinPriority() {
    Notice unrated = P2_PAYMENTS.withPriority(null);

    assertThat(Rules.matches(rule("incident.opened", null, null, "P4"), unrated)).isFalse();
    assertThat(Rules.matches(rule("incident.opened", null, null, null), unrated)).isTrue();
  }
}
