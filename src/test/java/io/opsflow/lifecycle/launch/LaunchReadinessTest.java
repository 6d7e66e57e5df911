package io.opsflow.lifecycle.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.opsflow.catalog.Service;
import io.opsflow.catalog.ServiceCatalog;
import io.opsflow.emergency.EmergencyPlans;
import io.opsflow.feedback.Feedback;
import io.opsflow.kernel.process.Decisions;
import io.opsflow.kernel.text.Installation;
import io.opsflow.oncall.OnCall;
import io.opsflow.security.Directory;

/** The readiness checks a launch's sign-off and decision forms show, in the installation's language. */
class LaunchReadinessTest {

  private final ServiceCatalog catalog = mock(ServiceCatalog.class);
  private final Decisions decisions = mock(Decisions.class);
  private final EmergencyPlans plans = mock(EmergencyPlans.class);
  private final OnCall onCall = mock(OnCall.class);
  private final Feedback feedback = mock(Feedback.class);
  private final Directory directory = mock(Directory.class);

  LaunchReadinessTest() {
    when(catalog.get("checkout")).thenReturn(new Service("checkout", "结账服务", 1, "dev", "ops", List.of(), List.of(), null,
        Instant.EPOCH, Instant.EPOCH));
    when(decisions.single(eq("emergency-plan-selection"), any())).thenReturn(Map.of("planKey",
        "emergency-plan-service-outage"));
    when(plans.plan("emergency-plan-service-outage")).thenReturn(Optional.of(new EmergencyPlans.Plan(
        "emergency-plan-service-outage", "应急预案：服务中断", "ops", 90, null, Instant.EPOCH, true)));
    when(onCall.schedulesOf(anyString())).thenReturn(List.of());
    when(feedback.of(anyString(), any(), any(), anyInt())).thenReturn(List.of());
    when(directory.groupExists("dev")).thenReturn(true);
  }

  @Test
  void aServiceNotReadyToLaunchIsToldWhatToFixInChinese() {
    assertThat(Launches.text(readiness("zh-CN").check("checkout", false))).isEqualTo("""
        ✘ 应急预案: 预案 emergency-plan-service-outage 适用，但从未演练过；请安排演练（每 90 天一次）
        ✘ 值班表: 没有包含成员的值班表覆盖值班组 ops
        ✘ 反馈渠道: 尚无反馈渠道为 checkout 发送过反馈；请接入一个渠道（发送一条测试反馈即可），或将反馈标记为不适用
        ✔ 负责的开发组: dev""");
  }

  @Test
  void inEnglishTheChecksSayTheSame() {
    assertThat(Launches.text(readiness("en").check("checkout", true))).isEqualTo("""
        ✘ Emergency plan: the plan emergency-plan-service-outage applies but was never drilled; drill it (every 90 days)
        ✘ On-call schedule: no on-call schedule with members covers the on-call group ops
        ✔ Feedback channel: marked not applicable
        ✔ Owning dev group: dev""");
  }

  private LaunchReadiness readiness(String language) {
    return new LaunchReadiness(catalog, decisions, plans, onCall, feedback, directory,
        new Installation(language, "Asia/Shanghai"));
  }
}
