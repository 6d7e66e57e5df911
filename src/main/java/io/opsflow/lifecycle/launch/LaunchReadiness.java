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
import io.opsflow.kernel.text.Phrases;
import io.opsflow.oncall.OnCall;
import io.opsflow.oncall.Schedule;
import io.opsflow.security.Directory;

/**
 * The automatic readiness checks of a launch, each a named result with what to fix. They inform the
 * sign-offs and the go / no-go decision; none of them stops the launch by itself.
 */
@Component
class LaunchReadiness {

  private static final Phrases PHRASES = Phrases.of("lifecycle");
  static final String EMERGENCY_PLAN = "readiness.emergency-plan";
  static final String ON_CALL = "readiness.on-call";
  static final String FEEDBACK = "readiness.feedback";
  static final String DEV_GROUP = "readiness.dev-group";
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
      return check(EMERGENCY_PLAN, false, "readiness.no-plan", "service", service);
    }
    var found = plan.get();
    if (found.lastDrill() == null) {
      return check(EMERGENCY_PLAN, false, "readiness.never-drilled", "plan", found.key(), "days",
          found.drillIntervalDays());
    }
    if (found.drillOverdue()) {
      return check(EMERGENCY_PLAN, false, "readiness.drill-overdue", "plan", found.key(), "lastDrill", found.lastDrill(),
          "days", found.drillIntervalDays());
    }
    return check(EMERGENCY_PLAN, true, "readiness.drilled", "plan", found.key(), "lastDrill", found.lastDrill(), "days",
        found.drillIntervalDays());
  }

  private ReadinessCheck onCall(Service service) {
    String group = service.onCallGroup();
    if (group == null || group.isBlank()) {
      return check(ON_CALL, false, "readiness.no-on-call-group");
    }
    List<Schedule> staffed = onCall.schedulesOf(group).stream().filter(schedule -> !schedule.members().isEmpty())
        .toList();
    if (staffed.isEmpty()) {
      return check(ON_CALL, false, "readiness.no-schedule", "group", group);
    }
    return check(ON_CALL, true, "readiness.schedule", "schedule", staffed.get(0).name(), "group", group, "members",
        staffed.get(0).members().size());
  }

  private ReadinessCheck feedback(String service, boolean notApplicable) {
    if (notApplicable) {
      return check(FEEDBACK, true, "readiness.feedback-not-applicable");
    }
    var items = feedback.of(service, null, null, 1);
    if (items.isEmpty()) {
      return check(FEEDBACK, false, "readiness.no-feedback", "service", service);
    }
    return check(FEEDBACK, true, "readiness.feedback-arrives", "channel", items.get(0).channel().code());
  }

  private ReadinessCheck devGroup(Service service) {
    String group = service.devGroup();
    if (group == null || group.isBlank()) {
      return check(DEV_GROUP, false, "readiness.no-dev-group");
    }
    if (!directory.groupExists(group)) {
      return check(DEV_GROUP, false, "readiness.unknown-dev-group", "group", group);
    }
    return new ReadinessCheck(PHRASES.say(installation.reader(), DEV_GROUP), true, group);
  }

  /** A check named and detailed in the installation's language. */
  private ReadinessCheck check(String name, boolean passed, String detail, Object... namesAndValues) {
    return new ReadinessCheck(PHRASES.say(installation.reader(), name), passed,
        PHRASES.say(installation.reader(), detail, namesAndValues));
  }
}
