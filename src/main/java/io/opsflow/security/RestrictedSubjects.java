package io.opsflow.security;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * A module's answer to "which of these business keys name something restricted?" for the keys it
 * owns (incidents, the emergency-plan activations and retrospectives they start). {@link Visibility}
 * asks every module; a key a module does not know is simply not in its answer.
 */
public interface RestrictedSubjects {

  /** The processes whose instances carry this module's keys as business keys. */
  List<String> processKeys();

  /** The keys among these that name restricted items. */
  Set<String> restrictedAmong(Collection<String> businessKeys);
}
