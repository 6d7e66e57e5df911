package io.opsflow.catalog;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a manager sends to create or change a service. On {@code PUT} the key comes from the path
 * and may be left out of the body.
 *
 * @param lifecycle on creation, {@code planned} (null) or {@code live}; on {@code PUT}, null or the
 *     current state: the lifecycle moves only through {@link ServiceLifecycle}
 */
public record ServiceDraft(
    @Pattern(regexp = ServiceDraft.KEY_PATTERN, message = ServiceDraft.KEY_RULE) String key,
    @NotBlank @Size(max = 200) String name,
    @NotNull @Min(value = 1, message = TIER_RULE) @Max(value = 3, message = TIER_RULE) Integer tier,
    @NotBlank @Size(max = 64) String devGroup,
    @Size(max = 64) String onCallGroup,
    @Size(max = 50) List<@NotBlank @Pattern(regexp = KEY_PATTERN, message = KEY_RULE) String> dependsOn,
    @Pattern(regexp = "planned|live", message = LIFECYCLE_RULE) String lifecycle) {

  static final String KEY_PATTERN = "[a-z0-9]([a-z0-9-]{0,62}[a-z0-9])?";
  static final String KEY_RULE = "must be 1-64 lower-case letters, digits or '-', not starting or ending with '-'";
  static final String TIER_RULE = "must be 1 (most critical), 2 or 3";
  static final String LIFECYCLE_RULE = "must be planned (a new service, the default) or live (one already running); "
      + "later states are reached through the launch and retirement processes";

  /** A new service, {@code planned}. */
  public ServiceDraft(String key, String name, Integer tier, String devGroup, String onCallGroup,
      List<String> dependsOn) {
    this(key, name, tier, devGroup, onCallGroup, dependsOn, null);
  }

  /** The same draft with the key a path names. */
  public ServiceDraft withKey(String pathKey) {
    return new ServiceDraft(pathKey, name, tier, devGroup, onCallGroup, dependsOn, lifecycle);
  }
}
