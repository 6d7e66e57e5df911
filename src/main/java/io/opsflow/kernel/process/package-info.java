/**
 * What delegates and task listeners share: form checks, the acting person, variables, DMN
 * decisions, business keys taken by another process.
 */
@NamedInterface("process")
package io.opsflow.kernel.process;

import org.springframework.modulith.NamedInterface;
