package io.opsflow.oncall;

import java.util.Locale;
import java.util.Optional;

import io.opsflow.kernel.domain.Coded;
import io.opsflow.kernel.domain.Codes;

/** How often the person on call changes. */
public enum Rotation implements Coded {
  DAILY(1), WEEKLY(7);

  /** The pattern of the values the API accepts (the description lists them as an enumeration). */
  public static final String PATTERN = "daily|weekly";

  private final int days;

  Rotation(int days) {
    this.days = days;
  }

  public int days() {
    return days;
  }

  /** As the API writes it: {@code daily}, {@code weekly}. */
  @Override
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Rotation> of(String code) {
    return Codes.find(Rotation.class, code);
  }
}
