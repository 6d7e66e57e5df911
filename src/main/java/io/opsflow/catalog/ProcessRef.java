package io.opsflow.catalog;

/**
 * The process instance that moved a service's lifecycle, by its engine id and business key (a
 * launch's {@code LAUNCH-2026-0001}, a retirement's key), so the history links to Cockpit and to
 * the record the process keeps.
 */
public record ProcessRef(String processInstanceId, String businessKey) {
}
