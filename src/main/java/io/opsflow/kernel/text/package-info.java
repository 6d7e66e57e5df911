/**
 * Text that fits its column or process variable, and times the database can store.
 */
@NamedInterface("text")
package io.opsflow.kernel.text;

import org.springframework.modulith.NamedInterface;
