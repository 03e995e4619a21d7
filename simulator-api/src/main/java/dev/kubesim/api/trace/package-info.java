/**
 * Traces: the record of a request's way through the simulated network, hop by hop, with the rule,
 * route or listener behind every step and a final {@link dev.kubesim.api.trace.Disposition}.
 * {@code cluster.exec(pod, "curl", ...).trace()} returns one.
 */
package dev.kubesim.api.trace;
