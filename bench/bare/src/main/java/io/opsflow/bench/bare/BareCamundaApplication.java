package io.opsflow.bench.bare;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The baseline OpsFlow is measured against: Camunda's Spring Boot starter with Tasklist, Cockpit,
 * Admin and /engine-rest, nothing else, and the model {@code bench-incident} of an incident's shape.
 */
@SpringBootApplication
public class BareCamundaApplication {

  public static void main(String[] args) {
    SpringApplication.run(BareCamundaApplication.class, args);
  }

  /** Each service task of the model: a small named step that writes one variable, as a delegate does. */
  @Bean
  JavaDelegate work() {
    return execution -> execution.setVariable("lastStep", execution.getCurrentActivityId());
  }
}
