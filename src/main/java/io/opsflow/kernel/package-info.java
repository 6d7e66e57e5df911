/**
 * The shared kernel: what every capability builds on and nothing of OpsFlow's own. It depends on no
 * other module, so any module may use it without a cycle.
 * <p>
 * It is a closed module with one named interface per kind of thing, not an open one: a module
 * names what it uses ({@code kernel :: web}, {@code kernel :: process}, ...), and the wiring
 * behind each interface (servlet filters, the Tomcat error valve, Jackson strictness, the engine's
 * start order) stays package-private, so nobody builds on it by accident. It is listed in
 * {@code @Modulithic(sharedModules = "kernel")}, so every module test context includes it.
 * <ul>
 * <li>{@code domain}: what facades throw when they refuse a request ({@code Refusal}: not found,
 * invalid, conflict) and enums with stable text codes ({@code Coded}) for states, routes,
 * priorities and outcomes, mapped by code in JSON, MyBatis, request parameters and variables;</li>
 * <li>{@code web}: API errors as problem responses, strict input (JSON, sizes, UTF-8, keys),
 * filters in front of Camunda's REST surfaces;</li>
 * <li>{@code process}: what delegates and task listeners use (form checks, the acting person,
 * variables, DMN decisions, "is this business key taken");</li>
 * <li>{@code engine}: engine wiring (clock, database sessions, migrations before the engine,
 * utf8mb4 tables, refusing an unsafe configuration);</li>
 * <li>{@code keys}: business keys ({@code INC-2026-0042});</li>
 * <li>{@code text}: text that fits its column or variable, storable times;</li>
 * <li>{@code webhook}: signed outgoing webhooks;</li>
 * <li>{@code audit}: the event every module publishes for the audit trail (here, not in the
 * {@code audit} module, because {@code audit} depends on {@code security}, which publishes it
 * too).</li>
 * </ul>
 */
@ApplicationModule(displayName = "Shared kernel", allowedDependencies = {})
package io.opsflow.kernel;

import org.springframework.modulith.ApplicationModule;
