package io.opsflow.lifecycle.retirement;

import java.net.URI;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.opsflow.security.Visibility;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@Tag(name = "Retirements", description = "Retiring a service (下线停运): dependents, notice, data and rights, shutdown")
@RestController
class RetirementController {

  /**
   * @param shutdownDate the day (UTC) the service is shut down, yyyy-MM-dd
   * @param noticeDays days users are told in advance at least; 30 when left out
   */
  record RetirementBody(String shutdownDate, Integer noticeDays) {
  }

  private final Retirements retirements;
  private final Visibility visibility;

  RetirementController(Retirements retirements, Visibility visibility) {
    this.retirements = retirements;
    this.visibility = visibility;
  }

  @Operation(summary = "Retire a live or deprecated service (managers)", description = """
      Starts service-retirement: services that depend on it block it until their teams remove the dependency; \
      then the service is deprecated, ops publish a notice, data and users' rights are handled, and on the \
      shutdown date a change-release shuts it down. shutdownDate must lie at least noticeDays (default 30) after \
      today. 409 when the service is not live or deprecated, or another retirement of it runs.""")
  @PostMapping("/api/services/{key}/retirement")
  ResponseEntity<Retirement> retire(@PathVariable String key, @RequestBody RetirementBody body, Authentication caller) {
    Retirement retirement = retirements.request(new Retirements.Request(key, body.shutdownDate(), body.noticeDays()),
        caller.getName());
    return ResponseEntity.created(URI.create("/api/retirements/" + retirement.key())).body(retirement);
  }

  @Operation(summary = "Read a retirement's record", description = """
      What each step recorded (notice, where the data went, who verified and confirmed, the shutdown change), \
      and the incidents that negative feedback spikes raised on the service during the retirement (restricted \
      ones only for those who read restricted incidents).""")
  @GetMapping("/api/retirements/{key}")
  Retirement get(@PathVariable String key, Authentication caller) {
    return retirements.get(key, visibility.seesRestricted(caller));
  }
}
