/**
 * Recording and rendering traces: the network records hops into
 * a {@link dev.kubesim.impl.trace.TraceRecorder} as packets move, and a finished {@link
 * dev.kubesim.impl.trace.SimTrace} renders them as text and JSON on demand. This package knows
 * nothing of the network: packets come in as {@link dev.kubesim.impl.trace.TracedPacket}.
 */
package dev.kubesim.impl.trace;
