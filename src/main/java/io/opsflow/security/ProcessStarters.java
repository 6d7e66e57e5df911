package io.opsflow.security;

import java.util.List;

/**
 * Which groups may start a process (in Tasklist or through /engine-rest). Each module declares
 * its processes as beans of this type; the grants are made at every start.
 */
public record ProcessStarters(String processKey, List<String> groups) {
}
