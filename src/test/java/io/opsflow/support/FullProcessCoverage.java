package io.opsflow.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The process test class must walk every element and every sequence flow of the named process
 * models; {@link ProcessCoverageGate} fails the class otherwise and lists what no test walked.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface FullProcessCoverage {

  /** Process definition keys. */
  String[] value();
}
