package io.opsflow.lifecycle.web;

import java.time.LocalDate;
import java.util.regex.Pattern;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.opsflow.kernel.domain.Refusal;
import io.opsflow.lifecycle.UsageBatch;
import io.opsflow.lifecycle.UsageFacts;
import io.opsflow.lifecycle.UsageRecorded;
import io.opsflow.lifecycle.UsageReport;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

@Tag(name = "Usage", description = "Daily usage facts per service and feature (用户行为分析), and reports on them")
@RestController
class UsageController {

  private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  private final UsageFacts usage;

  UsageController(UsageFacts usage) {
    this.usage = usage;
  }

  @Operation(summary = "Record daily usage facts (a batch of up to 1,000 service days)", description = """
      Per service and day: the service's active users and, per feature, active users, uses and the median \
      seconds a user spent in it. Aggregates only: no user's own data. All or nothing; a repeat of a service's \
      day or a feature's day replaces what was reported before.""")
  @PostMapping("/api/usage")
  UsageRecorded record(@Valid @RequestBody UsageBatch batch, Authentication caller) {
    return usage.record(batch, caller.getName());
  }

  @Operation(summary = "Read a service's usage: per feature, trend, share of active users and flags", description = """
      Flags a feature whose daily uses fell by more than opsflow.usage.drop-threshold after a release deployed \
      in the period (`fell-after-release`), and one used by fewer than opsflow.usage.rarely-used-share of the \
      service's active users (`rarely-used`).""")
  @GetMapping("/api/services/{key}/usage")
  UsageReport report(@PathVariable String key,
      @Parameter(description = "first day, yyyy-MM-dd; 28 days before `to` when left out")
      @RequestParam(required = false) String from,
      @Parameter(description = "last day, yyyy-MM-dd; today when left out") @RequestParam(required = false) String to) {
    return usage.report(key, day("from", from), day("to", to));
  }

  private static LocalDate day(String name, String text) {
    if (text == null) {
      return null;
    }
    LocalDate day = DAY.matcher(text).matches() ? UsageFacts.parseDayOrNull(text) : null;
    if (day == null) {
      throw Refusal.invalid(name + " must be a date yyyy-MM-dd such as 2026-11-30.");
    }
    return day;
  }
}
