package io.opsflow.kernel.domain;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** Reads codes back into their {@link Coded} enum constants. */
public final class Codes {

  private Codes() {
  }

  /** The constant with this code exactly, if any (null reads as absent). */
  public static <E extends Enum<E> & Coded> Optional<E> find(Class<E> type, String code) {
    return Optional.ofNullable(type.cast(constant(type, code)));
  }

  /** The constant of an enum type known only at run time to be {@link Coded}, or null. */
  static Object constant(Class<?> type, String code) {
    if (code == null) {
      return null;
    }
    for (Object constant : type.getEnumConstants()) {
      if (((Coded) constant).code().equals(code)) {
        return constant;
      }
    }
    return null;
  }

  /** The constant with this code; an unknown code is {@link Refusal#invalid invalid}, with the codes there are. */
  public static <E extends Enum<E> & Coded> E of(Class<E> type, String code, String what) {
    return find(type, code).orElseThrow(() -> Refusal.invalid(
        what + " '" + code + "' is not one of " + list(type) + "."));
  }

  /** The code of a value that may be absent (null), as process variables and texts hold it. */
  public static String codeOf(Coded value) {
    return value == null ? null : value.code();
  }

  /** The codes of a type, for messages: {@code P1, P2, P3, P4}. */
  public static String list(Class<?> type) {
    return Arrays.stream(type.getEnumConstants())
        .map(constant -> constant instanceof Coded coded ? coded.code() : String.valueOf(constant))
        .collect(Collectors.joining(", "));
  }
}
