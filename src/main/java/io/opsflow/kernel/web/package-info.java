/**
 * API errors as RFC 9457 problem responses and strict input for {@code /api} and Camunda's REST
 * surfaces. Public: {@link ApiException}, {@link ProblemWriter}, {@link ListFilter},
 * {@link ApiBodyLimit}, {@link CachedBodyRequest}; the filters and handlers are package-private.
 */
@NamedInterface("web")
package io.opsflow.kernel.web;

import org.springframework.modulith.NamedInterface;
