package io.opsflow.security.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first administrator ({@code OPSFLOW_ADMIN_USER} / {@code OPSFLOW_ADMIN_PASSWORD} in prod).
 * Created at the first start; later starts only make sure it is still in {@code camunda-admin}
 * and never reset its password. {@code unlock} ({@code OPSFLOW_ADMIN_UNLOCK=true}) lifts every
 * sign-in lock on it at start: the way back in when an attack keeps it paused.
 */
@ConfigurationProperties("opsflow.admin")
public record AdminProperties(String user, String password, boolean unlock) {
}
