/**
 * Traces: the record of a request's way through the simulated network, hop by hop, with the
 * object and rule behind every step and a final {@link dev.kubesim.api.trace.Disposition} that
 * names what the client saw, why, and the deciding object. {@code cluster.exec(pod, "curl",
 * ...).trace()} returns one; {@code cluster.traces()} keeps the most recent. A trace renders as
 * text and as JSON of schema {@value dev.kubesim.api.trace.Trace#SCHEMA}, which {@link
 * dev.kubesim.api.trace.Trace#fromJson(String)} reads back.
 */
package dev.kubesim.api.trace;
