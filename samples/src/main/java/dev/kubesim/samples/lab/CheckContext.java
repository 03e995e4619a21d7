package dev.kubesim.samples.lab;

import dev.kubesim.api.Cluster;

/**
 * What checks are evaluated against.
 *
 * @param cluster the student's cluster
 * @param lastOutput what the last command line printed (without its {@code $ } line), empty before any
 */
public record CheckContext(Cluster cluster, String lastOutput) {}
