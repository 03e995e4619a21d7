package dev.kubesim.impl.program;

import dev.kubesim.api.program.Program;

/**
 * A {@link Program} whose process listens wherever the cluster expects it to: beyond its own
 * {@link Program#listenPorts}, on each of the container's {@link ContainerConfig#expectedListeners}
 * — HTTP where the entry says so, a silent TCP or UDP listener otherwise. The image kubesim does
 * not know is one: lacking its real behaviour, it accepts what the pod's spec, its Services and
 * the {@code kubesim.dev/listen} annotation send it.
 */
public interface ListensWhereExpected {}
