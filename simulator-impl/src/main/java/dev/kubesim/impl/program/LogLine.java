package dev.kubesim.impl.program;

import java.time.Instant;

/**
 * One line a container's process wrote, as {@code kubectl logs} shows it (without the newline).
 *
 * @param time the virtual instant it was written ({@code kubectl logs --timestamps})
 * @param stream {@code stdout} or {@code stderr}
 */
public record LogLine(Instant time, String stream, String text) {}
