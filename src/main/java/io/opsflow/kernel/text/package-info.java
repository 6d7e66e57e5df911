/**
 * Text that fits its column or process variable, and times the database can store; what an
 * installation speaks and which clock its people read ({@link Installation}), the languages OpsFlow
 * speaks and how a reader's is chosen ({@link Language}), and whom a text is written for ({@link Reader}).
 */
@NamedInterface("text")
package io.opsflow.kernel.text;

import org.springframework.modulith.NamedInterface;
