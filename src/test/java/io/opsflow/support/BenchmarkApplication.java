package io.opsflow.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * OpsFlow as the benchmarks on MariaDB start it: no demo data, no job executor, no background
 * deliveries or checks, so that only what is timed runs. Each benchmark names its own database
 * ({@link Benchmarks#database}). Its engine has a name of its own and its context is closed after the class:
 * Camunda keeps engines in a static registry by name, so a second "default" engine would take the
 * place of the shared integration-test context's engine behind /engine-rest (and point it at the
 * benchmark's database, dropped at the end) for every test class that runs after it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@SpringBootTest(properties = {
    "camunda.bpm.process-engine-name=benchmark",
    "camunda.bpm.job-execution.enabled=false",
    "opsflow.admin.user=admin",
    "opsflow.admin.password=benchmark",
    "opsflow.secret-key=" + IntegrationTest.SECRET_KEY,
    "opsflow.feedback.hash-key=" + IntegrationTest.FEEDBACK_HASH_KEY,
    "opsflow.notify.delivery.enabled=false",
    "opsflow.feedback.spike.enabled=false"})
@ActiveProfiles("mysql")
@DirtiesContext
public @interface BenchmarkApplication {
}
