package io.opsflow.emergency.visibility;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.opsflow.emergency.EmergencyPlans;
import io.opsflow.incident.IncidentRestrictionChanged;
import io.opsflow.security.RestrictedSubjects;
import io.opsflow.security.Visibility;

/** An activation for a restricted incident is restricted too, and follows the incident when triage changes it. */
@Component
class PlanRestrictions implements RestrictedSubjects {

  private final EmergencyPlans plans;
  private final Visibility visibility;

  PlanRestrictions(EmergencyPlans plans, Visibility visibility) {
    this.plans = plans;
    this.visibility = visibility;
  }

  @Override
  public List<String> processKeys() {
    return plans.planKeys();
  }

  @Override
  public Set<String> restrictedAmong(Collection<String> businessKeys) {
    return plans.restrictedAmong(businessKeys.stream().filter(key -> key.startsWith(EmergencyPlans.KEY_PREFIX + "-"))
        .toList());
  }

  /** A plan activated by hand before triage said the incident is about security, or no longer is. */
  @EventListener
  void onIncidentRestrictionChanged(IncidentRestrictionChanged change) {
    plans.runningFor(change.incidentKey())
        .forEach(activation -> visibility.apply(activation.processInstanceId(), change.restricted()));
  }
}
