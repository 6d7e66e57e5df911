/**
 * Engine wiring: the engine clock, database sessions, migrations and utf8mb4 tables before the
 * engine, and the refusal to start with an unsafe configuration.
 */
@NamedInterface("engine")
package io.opsflow.kernel.engine;

import org.springframework.modulith.NamedInterface;
