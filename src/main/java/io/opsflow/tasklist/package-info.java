/**
 * Tasklist's filters ("My tasks", "My groups' tasks", "Overdue") and the columns modules add to
 * them ({@link TasklistColumn} beans). Depends on {@code security} for the groups the filters are
 * granted to.
 */
@ApplicationModule(displayName = "Tasklist filters", allowedDependencies = "security")
package io.opsflow.tasklist;

import org.springframework.modulith.ApplicationModule;
