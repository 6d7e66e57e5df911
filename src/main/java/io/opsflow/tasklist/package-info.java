/**
 * Tasklist's filters ("My tasks", "My groups' tasks", "Overdue") and the columns modules add to
 * them ({@link TasklistColumn} beans). Depends on {@code security} for the groups the filters are
 * granted to, and on {@code kernel :: text} for the language they are named in.
 */
@ApplicationModule(displayName = "Tasklist filters", allowedDependencies = { "security", "kernel :: text" })
package io.opsflow.tasklist;

import org.springframework.modulith.ApplicationModule;
