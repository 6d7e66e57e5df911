package io.opsflow.catalog.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** An administrator's move of a service's lifecycle by hand: the next state and why. */
record LifecycleMove(
    @NotNull @Pattern(regexp = "planned|launching|live|deprecated|retired",
        message = "must be planned, launching, live, deprecated or retired") String state,
    @NotBlank @Size(max = 1000) String reason) {
}
