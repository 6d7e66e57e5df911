package io.opsflow.lifecycle.launch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.opsflow.catalog.Service;
import io.opsflow.catalog.ServiceCatalog;
import io.opsflow.emergency.EmergencyPlans;
import io.opsflow.feedback.Feedback;
import io.opsflow.kernel.process.Decisions;
import io.opsflow.kernel.text.Installation;
import io.opsflow.oncall.OnCall;
import io.opsflow.oncall.Schedule;
import io.opsflow.security.Directory;

/**
 * The automatic readiness checks of a launch, each a named result with what to fix. They inform the
 * sign-offs and the go / no-go decision; none of them stops the launch by itself.
 */
@Component
class LaunchReadiness {

  static final String EMERGENCY_PLAN = "Emergency plan";
  static final String ON_CALL = "On-call schedule";
  static final String FEEDBACK = "Feedback channel";
  static final String DEV_GROUP = "Owning dev group";
  /** The plan a launch must be ready to run: the one emergency-plan-selection picks for an outage of the service. */
  static final String OUTAGE = "outage";

  private final ServiceCatalog catalog;
  private final Decisions decisions;
  private final EmergencyPlans plans;
  private final OnCall onCall;
  private final Feedback feedback;
  private final Directory directory;
  private final Installation installation;

  LaunchReadiness(ServiceCatalog catalog, Decisions decisions, EmergencyPlans plans, OnCall onCall, Feedback feedback,
      Directory directory, Installation installation) {
    this.catalog = catalog;
    this.decisions = decisions;
    this.plans = plans;
    this.onCall = onCall;
    this.feedback = feedback;
    this.directory = directory;
    this.installation = installation;
  }

  List<ReadinessCheck> check(String serviceKey, boolean feedbackNotApplicable) {
    Service service = catalog.get(serviceKey);
    List<ReadinessCheck> checks = new ArrayList<>();
    checks.add(emergencyPlan(serviceKey));
    checks.add(onCall(service));
    checks.add(feedback(serviceKey, feedbackNotApplicable));
    checks.add(devGroup(service));
    return checks;
  }

  private ReadinessCheck emergencyPlan(String service) {
    Object planKey = decisions.single("emergency-plan-selection", Map.of("service", service, "category", OUTAGE))
        .get("planKey");
    var plan = plans.plan(planKey == null ? null : planKey.toString());
    if (plan.isEmpty()) {
      return new ReadinessCheck(EMERGENCY_PLAN, false, "no emergency plan applies to an outage of " + service);
    }
    var found = plan.get();
    if (found.lastDrill() == null) {
      return new ReadinessCheck(EMERGENCY_PLAN, false, "the plan " + found.key() + " applies but was never "
          + "drilled; drill it (every " + found.drillIntervalDays() + " days)");
    }
    if (found.drillOverdue()) {
      return new ReadinessCheck(EMERGENCY_PLAN, false, "the plan " + found.key() + " was last drilled "
          + installation.time(found.lastDrill()) + ", more than its interval of " + found.drillIntervalDays()
          + " days ago");
    }
    return new ReadinessCheck(EMERGENCY_PLAN, true, "the plan " + found.key() + " applies, drilled "
        + installation.time(found.lastDrill()) + " (every " + found.drillIntervalDays() + " days)");
  }

  private ReadinessCheck onCall(Service service) {
    String group = service.onCallGroup();
    if (group == null || group.isBlank()) {
      return new ReadinessCheck(ON_CALL, false, "the service names no on-call group");
    }
    List<Schedule> staffed = onCall.schedulesOf(group).stream().filter(schedule -> !schedule.members().isEmpty())
        .toList();
    if (staffed.isEmpty()) {
      return new ReadinessCheck(ON_CALL, false, "no on-call schedule with members covers the on-call group " + group);
    }
    return new ReadinessCheck(ON_CALL, true, staffed.get(0).name() + " covers " + group + " ("
        + staffed.get(0).members().size() + " members)");
  }

  private ReadinessCheck feedback(String service, boolean notApplicable) {
    if (notApplicable) {
      return new ReadinessCheck(FEEDBACK, true, "marked not applicable");
    }
    var items = feedback.of(service, null, null, 1);
    if (items.isEmpty()) {
      return new ReadinessCheck(FEEDBACK, false, "no feedback channel has sent feedback for " + service
          + " yet; connect one (a test item will do), or mark feedback not applicable");
    }
    return new ReadinessCheck(FEEDBACK, true, "feedback arrives (latest from " + items.get(0).channel().code() + ")");
  }

  private ReadinessCheck devGroup(Service service) {
    String group = service.devGroup();
    if (group == null || group.isBlank()) {
      return new ReadinessCheck(DEV_GROUP, false, "the service names no owning dev group");
    }
    if (!directory.groupExists(group)) {
      return new ReadinessCheck(DEV_GROUP, false, "the owning dev group " + group + " does not exist");
    }
    return new ReadinessCheck(DEV_GROUP, true, group);
  }
}
