package io.opsflow.lifecycle;

/**
 * What a batch did.
 *
 * @param days service days recorded
 * @param features feature days recorded
 * @param replaced of those, the ones that replaced figures reported before (a repeat)
 */
public record UsageRecorded(int days, int features, int replaced) {
}
