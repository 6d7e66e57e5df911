/**
 * Business keys ({@code INC-2026-0042}), counted up in the database.
 */
@NamedInterface("keys")
package io.opsflow.kernel.keys;

import org.springframework.modulith.NamedInterface;
