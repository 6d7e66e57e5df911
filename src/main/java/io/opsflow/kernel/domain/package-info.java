/**
 * The vocabulary every module's domain is written in, free of any web or engine type:
 * <ul>
 * <li>{@link Refusal}: what a facade throws when a request cannot be served as asked (no such
 * thing, a rule broken, a state that does not allow it). The web edge turns it into a problem
 * response ({@code kernel.web.ApiExceptionHandler}); in a process step it is a failure of the step,
 * or, for a form, the 400 Tasklist shows ({@code kernel.web.TaskInputProblemFilter}).</li>
 * <li>{@link Coded}: an enum with a stable text code ({@code awaiting-approval}, {@code P1}), the
 * form it has in JSON, in the database (MyBatis maps every {@code Coded} enum by its code), in
 * request parameters and in process variables. {@link Codes} reads a code back.</li>
 * </ul>
 */
@NamedInterface("domain")
package io.opsflow.kernel.domain;

import org.springframework.modulith.NamedInterface;
