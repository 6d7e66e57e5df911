package io.opsflow.kernel.web;

import org.springframework.util.unit.DataSize;

/**
 * A body limit of its own for one API path, instead of {@code opsflow.api.max-body-size}: a module
 * declares it as a bean (the Alertmanager webhook carries up to 500 alerts at once).
 *
 * @param path the path after the context path, e.g. {@code /api/alerts/alertmanager}
 */
public record ApiBodyLimit(String path, DataSize maxSize) {
}
