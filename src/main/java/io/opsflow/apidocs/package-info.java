/**
 * The OpenAPI description of {@code /api} and Swagger UI, generated from the other modules'
 * controllers at run time. Reads the security rules to say who may call what; offers nothing to
 * other modules.
 */
@ApplicationModule(displayName = "API description", allowedDependencies = { "security", "kernel :: web" })
package io.opsflow.apidocs;

import org.springframework.modulith.ApplicationModule;
