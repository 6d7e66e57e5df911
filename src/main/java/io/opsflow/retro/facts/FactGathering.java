package io.opsflow.retro.facts;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.stereotype.Component;

import io.opsflow.change.ChangeDetails;
import io.opsflow.change.Changes;
import io.opsflow.emergency.EmergencyPlans;
import io.opsflow.feedback.Feedback;
import io.opsflow.feedback.FeedbackSummary;
import io.opsflow.feedback.ReleaseComparison;
import io.opsflow.incident.IncidentDetails;
import io.opsflow.incident.Incidents;
import io.opsflow.kernel.domain.Coded;
import io.opsflow.kernel.text.Installation;
import io.opsflow.kernel.text.Reader;
import io.opsflow.retro.RetroFacts;
import io.opsflow.retro.Retrospective;
import io.opsflow.retro.SubjectType;
import io.opsflow.kernel.domain.Codes;
import io.opsflow.lifecycle.UsageFacts;
import io.opsflow.lifecycle.UsageReport;
import io.opsflow.lifecycle.UsageSettings;

/**
 * Gathers a retrospective's facts from the other modules: the change, every incident on the
 * service in the window (with times and whether its SLAs held), their alerts by name, and the
 * emergency plans they ran, what users said (the feedback of the window; for each change, its
 * version's feedback against the previous version's) and how they used the features (the usage facts of the
 * window's days, with their flags). An incident a change's failed deployment opened always belongs to
 * that change's facts, and the change to the incident's.
 */
@Component
public class FactGathering {

  /** At most this many changes and incidents of the window are listed, so the facts always fit their column. */
  static final int MAX_LISTED = 1000;
  /** Items of each feedback channel shown, so every kind of user is heard without the facts growing long. */
  static final int SAMPLES_PER_CHANNEL = 3;

  private final Changes changes;
  private final Incidents incidents;
  private final EmergencyPlans plans;
  private final Feedback feedback;
  private final UsageFacts usage;
  private final UsageSettings usageSettings;
  private final Installation installation;

  FactGathering(Changes changes, Incidents incidents, EmergencyPlans plans, Feedback feedback, UsageFacts usage,
      UsageSettings usageSettings, Installation installation) {
    this.changes = changes;
    this.incidents = incidents;
    this.plans = plans;
    this.feedback = feedback;
    this.usage = usage;
    this.usageSettings = usageSettings;
    this.installation = installation;
  }

  public RetroFacts gather(Retrospective retro) {
    Map<String, ChangeDetails> changeDetails = new LinkedHashMap<>();
    Map<String, IncidentDetails> incidentDetails = new LinkedHashMap<>();
    if (retro.subjectType() == SubjectType.CHANGE) {
      changes.details(retro.subjectKey()).ifPresent(change -> changeDetails.put(change.change().changeKey(), change));
    }
    if (retro.subjectType() == SubjectType.INCIDENT) {
      incidents.details(retro.subjectKey()).ifPresent(incident -> incidentDetails.put(retro.subjectKey(), incident));
      changes.linkedTo(retro.subjectKey()).ifPresent(change -> changeDetails.put(change.change().changeKey(), change));
    }
    List<ChangeDetails> inWindow = changes.onServiceBetween(retro.serviceKey(), retro.windowStart(), retro.windowEnd(),
        MAX_LISTED + 1);
    inWindow.stream().limit(MAX_LISTED).forEach(change -> changeDetails.putIfAbsent(change.change().changeKey(), change));
    for (ChangeDetails change : changeDetails.values()) {
      if (change.change().incidentKey() != null) {
        incidents.details(change.change().incidentKey())
            .ifPresent(incident -> incidentDetails.putIfAbsent(incident.incident().incidentKey(), incident));
      }
    }
    List<IncidentDetails> openedInWindow = incidents.onServiceBetween(retro.serviceKey(), retro.windowStart(),
        retro.windowEnd(), MAX_LISTED + 1);
    openedInWindow.stream().limit(MAX_LISTED)
        .forEach(incident -> incidentDetails.putIfAbsent(incident.incident().incidentKey(), incident));
    boolean more = inWindow.size() > MAX_LISTED || openedInWindow.size() > MAX_LISTED;

    List<RetroFacts.IncidentFact> incidentFacts = incidentDetails.values().stream().map(FactGathering::incidentFact).toList();
    Set<String> incidentKeys = new LinkedHashSet<>(incidentDetails.keySet());
    return new RetroFacts(
        changeDetails.values().stream().map(this::changeFact).toList(),
        incidentFacts,
        RetroFacts.alertsOf(incidentFacts),
        plans.activationsFor(incidentKeys).stream()
            .map(activation -> new RetroFacts.PlanFact(activation.activationKey(), activation.planKey(),
                activation.incidentKey(), activation.drill(), activation.outcome(), activation.startedAt(),
                activation.endedAt()))
            .toList(),
        feedbackFact(retro),
        usageFacts(retro),
        more ? installation.say("The window holds more than " + MAX_LISTED + " changes or incidents; the first "
            + MAX_LISTED + " of each are listed.", "观察窗口内的变更或事件超过 " + MAX_LISTED + " 个；每类只列出前 "
            + MAX_LISTED + " 个。") : null);
  }

  /** A change as the facts keep it; who approved it in the installation's language, as stored facts stay. */
  private RetroFacts.ChangeFact changeFact(ChangeDetails details) {
    var change = details.change();
    List<String> approvals = new ArrayList<>();
    details.approvals().forEach(approval -> approvals.add(approval.approvalGroup() + installation.say(": ", "：")
        + (approval.approved() ? installation.say("approved by ", "批准人 ") : installation.say("rejected by ", "驳回人 "))
        + approval.decidedBy()));
    return new RetroFacts.ChangeFact(change.changeKey(), change.version(), change.title(), change.changeType(),
        change.risk(), change.approvalRoute(), approvals, change.gateOpenedAt(), change.deployedAt(),
        change.deploymentStatus(), change.outcome(), change.incidentKey(), details.feedback());
  }

  /** The window's feedback; null for a window of no length (nothing could have been said in it). */
  private RetroFacts.FeedbackFact feedbackFact(Retrospective retro) {
    if (retro.windowStart() == null || retro.windowEnd() == null || !retro.windowStart().isBefore(retro.windowEnd())) {
      return null;
    }
    FeedbackSummary summary = feedback.summary(retro.serviceKey(), retro.windowStart(), retro.windowEnd(),
        SAMPLES_PER_CHANNEL);
    Map<String, Double> shares = new LinkedHashMap<>();
    summary.shares().forEach((sentiment, share) -> shares.put(sentiment.code(), share));
    Map<String, List<RetroFacts.FeedbackSample>> samples = new LinkedHashMap<>();
    summary.samples().forEach((channel, items) -> samples.put(channel.code(), items.stream()
        .map(item -> new RetroFacts.FeedbackSample(item.id(), item.version(), item.sentiment(), item.score(),
            item.rating(), item.occurredAt(), Feedback.suggests(item.text()), item.text()))
        .toList()));
    return new RetroFacts.FeedbackFact(summary.volume(), summary.averageScore(), shares, summary.averageRating(),
        summary.topComplaints(), samples);
  }

  /**
   * The features' use over the window's calendar days (in the usage zone); a window longer than a usage
   * report covers gives its last days. Null for a window of no length.
   */
  private List<RetroFacts.UsageFact> usageFacts(Retrospective retro) {
    if (retro.windowStart() == null || retro.windowEnd() == null || !retro.windowStart().isBefore(retro.windowEnd())) {
      return null;
    }
    LocalDate to = retro.windowEnd().minusMillis(1).atZone(usageSettings.zone()).toLocalDate();
    LocalDate from = retro.windowStart().atZone(usageSettings.zone()).toLocalDate();
    LocalDate earliest = to.minusDays(UsageFacts.MAX_REPORT_DAYS - 1L);
    UsageReport report = usage.report(retro.serviceKey(), from.isBefore(earliest) ? earliest : from, to);
    return report.features().stream().map(feature -> new RetroFacts.UsageFact(feature.feature(), feature.uses(),
        feature.share(), feature.flags().stream().map(Codes::codeOf).toList())).toList();
  }

  private static RetroFacts.IncidentFact incidentFact(IncidentDetails details) {
    var incident = details.incident();
    boolean closed = incident.closedAt() != null;
    Map<String, Integer> alerts = new TreeMap<>();
    details.alerts().forEach(alert -> alerts.merge(alert.alertName(), alert.occurrences(), Integer::sum));
    return new RetroFacts.IncidentFact(incident.incidentKey(), incident.title(), Codes.codeOf(incident.priority()),
        incident.state().code(),
        incident.openedAt(), incident.closedAt(),
        secondsUntil(incident.secondsToAcknowledge(), incident.openedAt(), incident.acknowledgedAt()),
        secondsUntil(incident.secondsToResolve(), incident.openedAt(), incident.resolvedAt()),
        closed ? !incident.ackSlaBreached() : null, closed ? !incident.resolveSlaBreached() : null, alerts);
  }

  /**
   * The incident stores its times to acknowledge and resolve only when it closes; an incident
   * still open when the facts are gathered has them from its acknowledge and resolve moments.
   */
  static Long secondsUntil(Long stored, Instant openedAt, Instant reached) {
    if (stored != null) {
      return stored;
    }
    return reached == null || openedAt == null ? null : Duration.between(openedAt, reached).toSeconds();
  }

  /** The facts as plain text for the read-only field of the forms. */
  /** The facts as the retrospective's forms show them, in the installation's language and on its clock. */
  public String text(Retrospective retro, RetroFacts facts) {
    Reader l = installation.reader();
    List<String> lines = new ArrayList<>();
    lines.add(retro.retroKey() + ": " + retro.serviceKey() + ", " + l.time(retro.windowStart()) + l.say(" to ", " 至 ")
        + l.time(retro.windowEnd()) + (retro.subjectKey() == null ? "" : l.say(" (after ", "（") + retro.subjectKey()
        + l.say(")", " 之后）")));
    facts.changes().forEach(change -> lines.add(l.say("Change ", "变更 ") + change.changeKey() + " " + change.version() + ": "
        + l.name(change.changeType()) + l.say(", risk ", "，风险 ") + l.name(change.risk()) + l.say(", route ", "，审批路径 ")
        + l.name(change.approvalRoute()) + l.say(", deployment ", "，部署 ")
        + (change.deploymentStatus() == null ? l.say("not reported", "未报告") : l.name(change.deploymentStatus()))
        + l.say(", outcome ", "，结果 ") + (change.outcome() == null ? l.say("open", "未结束") : l.name(change.outcome()))
        + (change.incidentKey() == null ? "" : l.say(", incident ", "，事件 ") + change.incidentKey())));
    facts.incidents().forEach(incident -> lines.add(l.say("Incident ", "事件 ") + incident.incidentKey() + " "
        + incident.priority() + ": " + incident.title() + l.say(" (", "（") + incident.state()
        + l.say(", acknowledged after ", "，确认用时 ") + minutes(incident.secondsToAcknowledge(), l)
        + l.say(", resolved after ", "，解决用时 ") + minutes(incident.secondsToResolve(), l) + ", SLA"
        + l.say("s ", " ") + sla(incident, l) + l.say(")", "）")));
    if (!facts.alertsByName().isEmpty()) {
      lines.add(l.say("Alerts: ", "告警：") + facts.alertsByName());
    }
    facts.emergencyPlans().forEach(plan -> lines.add(l.say("Emergency plan ", "应急预案 ") + plan.activationKey() + " ("
        + plan.planKey() + "): " + (plan.outcome() == null ? l.say("running", "进行中") : l.name(plan.outcome()))));
    facts.changes().stream().filter(change -> change.feedback() != null)
        .forEach(change -> lines.add(l.say("Feedback on ", "用户反馈，") + change.changeKey() + ": "
            + release(change.feedback(), l)));
    if (facts.note() != null) {
      lines.add(facts.note());
    }
    if (facts.changes().isEmpty() && facts.incidents().isEmpty()) {
      lines.add(l.say("No changes or incidents on the service in the window.", "观察窗口内该服务没有变更和事件。"));
    }
    if (facts.usage() != null && !facts.usage().isEmpty()) {
      lines.add(l.say("Usage: ", "使用情况：") + usage(facts.usage(), l));
    }
    // last: the sample texts are long, and a clipped form field loses them before the rest
    if (facts.feedback() != null) {
      lines.addAll(feedbackLines(facts.feedback(), l));
    }
    return String.join("\n", lines);
  }

  private static List<String> feedbackLines(RetroFacts.FeedbackFact fact, Reader l) {
    List<String> lines = new ArrayList<>();
    lines.add(l.say("Feedback: ", "用户反馈：") + figures(fact, l));
    if (!fact.topComplaints().isEmpty()) {
      lines.add(l.say("Top complaints: ", "主要投诉：") + complaints(fact));
    }
    fact.samples().forEach((channel, items) -> items.forEach(item -> lines.add(l.say("Feedback ", "用户反馈 ") + channel
        + " (" + sample(item, l) + "): " + oneLine(item.text()))));
    return lines;
  }

  /** Each feature's uses and share of the active users, with its flags, in one line. */
  public static String usage(List<RetroFacts.UsageFact> features, Reader l) {
    return String.join("; ", features.stream().map(feature -> feature.feature() + " " + feature.uses()
        + l.say(" uses, share ", " 次使用，占比 ") + percent(feature.share())
        + (feature.flags().isEmpty() ? "" : " (" + String.join(", ", feature.flags()) + ")")).toList());
  }

  /** Volume, sentiment shares and averages of the window's feedback, in one line. */
  public static String figures(RetroFacts.FeedbackFact fact, Reader l) {
    if (fact.volume() == 0) {
      return l.say("none in the window", "观察窗口内没有");
    }
    return fact.volume() + l.say(" items, positive ", " 条，正面 ") + percent(fact.shares().get("positive"))
        + l.say(", neutral ", "，中性 ") + percent(fact.shares().get("neutral")) + l.say(", negative ", "，负面 ")
        + percent(fact.shares().get("negative")) + l.say(", average score ", "，平均情绪分 ") + number(fact.averageScore())
        + l.say(", average rating ", "，平均评分 ") + number(fact.averageRating());
  }

  public static String complaints(RetroFacts.FeedbackFact fact) {
    return String.join(", ", fact.topComplaints().stream().map(term -> term.term() + " (" + term.count() + ")").toList());
  }

  /** What a sample is: its sentiment, whether it suggests, its score, rating and version, and when. */
  public static String sample(RetroFacts.FeedbackSample item, Reader l) {
    return l.name(item.sentiment())
        + (item.suggestion() ? l.say(", suggestion", "，建议") : "") + l.say(", score ", "，情绪分 ") + number(item.score())
        + (item.rating() == null ? "" : l.say(", rating ", "，评分 ") + item.rating())
        + (item.version() == null ? "" : l.say(", version ", "，版本 ") + item.version()) + l.say(", ", "，")
        + l.time(item.occurredAt());
  }

  /** A release's feedback against the previous version's, in one line. */
  public static String release(ReleaseComparison comparison, Reader l) {
    ReleaseComparison.Side current = comparison.current();
    String now = current.version() + ": " + side(current, l);
    if (comparison.previous() == null) {
      return now + l.say("; no previous version to compare with", "；没有可比较的上一版本");
    }
    ReleaseComparison.Side previous = comparison.previous();
    ReleaseComparison.Difference difference = comparison.difference();
    return now + l.say("; previous ", "；上一版本 ") + previous.version() + ": " + side(previous, l)
        + l.say("; difference: average score ", "；差异：平均情绪分 ") + signed(difference.averageScore())
        + l.say(", negative share ", "，负面占比 ") + points(difference.negativeShare(), l);
  }

  private static String side(ReleaseComparison.Side side, Reader l) {
    return side.volume() + l.say(" items, average score ", " 条，平均情绪分 ") + number(side.averageScore())
        + l.say(", negative ", "，负面 ") + (side.volume() == 0 ? "-" : percent(side.negativeShare()));
  }

  /** Text on one line (a list item or a table cell takes no line breaks). */
  public static String oneLine(String text) {
    return text == null ? "-" : text.replaceAll("\\R+", " ");
  }

  private static String percent(Double share) {
    return share == null ? "-" : Math.round(share * 100) + " %";
  }

  private static String points(Double share, Reader l) {
    return share == null ? "-" : (share > 0 ? "+" : "") + Math.round(share * 100) + l.say(" points", " 个百分点");
  }

  private static String number(Double value) {
    return value == null ? "-" : String.format(Locale.ROOT, "%.2f", value);
  }

  private static String signed(Double value) {
    return value == null ? "-" : String.format(Locale.ROOT, "%+.2f", value);
  }

  /** A value as people read it: its code ("null" when there is none yet, as text has always said). */
  public static String code(Coded value) {
    return String.valueOf(Codes.codeOf(value));
  }

  public static String minutes(Long seconds, Reader l) {
    return seconds == null ? "-" : (seconds / 60) + l.say(" min", " 分钟");
  }

  public static String sla(RetroFacts.IncidentFact incident, Reader l) {
    if (incident.ackSlaHeld() == null) {
      return l.say("open", "未结束");
    }
    return l.say(incident.ackSlaHeld() ? "acknowledge held" : "acknowledge MISSED",
        incident.ackSlaHeld() ? "确认达标" : "确认超时") + l.say(", ", "，")
        + l.say(incident.resolveSlaHeld() ? "resolve held" : "resolve MISSED", incident.resolveSlaHeld() ? "解决达标" : "解决超时");
  }

}
