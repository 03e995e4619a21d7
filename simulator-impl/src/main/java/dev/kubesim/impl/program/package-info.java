/**
 * What runs inside containers: the container runtime's per-container state and the programs images
 * stand for, the files of a container, and the shell and commands {@code kubectl exec} and exec
 * probes run.
 *
 * <h2>Wiring (for the kubelet)</h2>
 *
 * <pre>{@code
 * ContainerRuntime runtime = ContainerRuntime.withBuiltins(clock::nanos);   // one per cluster
 * RunningContainer c = runtime.start(
 *     ContainerConfig.builder(podName, namespace, containerSpec)
 *         .podIps(podIps).hostname(hostname).hostDomain(subdomainFqdnOrNull)
 *         .env(kubeletEnv)                 // spec env + Service variables, in order
 *         .resolvConf(resolvConfText).hostAliases(spec.hostAliases())
 *         .restartCount(n).build());
 * c.exec(List.of("ls", "/var/ready"));     // exec probe / kubectl exec: ExecResult
 * c.listenPorts(); c.servesHttpOn(8080);   // what accepts connections
 * c.serveHttp(request);                    // Optional<HttpResponse>; empty = refused
 * c.mainProcess();                         // MainProcessRun: nextWait(), resume(), exitCode()
 * c.sigterm().exitDelay(grace); c.sigterm().exitCode(grace);
 * c.statusImage(); c.logText();            // status.image, kubectl logs
 * }</pre>
 *
 * <h2>Extending</h2>
 *
 * Images: {@code runtime.programs().register("example/echo", Program.builder()...build())}.
 * Commands: {@code runtime.commands().register("curl", new Curl(network))}; a container runs a
 * command where its image ships an executable of that name ({@code /usr/bin/curl} in kubia's
 * files; BusyBox's {@code wget}, {@code nslookup}, {@code ping}), otherwise the shell reports it
 * not found. A command sees its container ({@link dev.kubesim.impl.program.ExecContext#container()}:
 * pod IP, namespace, {@code /etc/resolv.conf} in its files).
 *
 * <h2>Fidelity</h2>
 *
 * <ul>
 *   <li>Time is virtual: {@code sleep} returns at once and reports its duration in {@code
 *       ExecResult.elapsed()}; a main-process script pauses at top-level {@code sleep}s so later
 *       commands happen at their virtual time, but inside one exec everything happens at once.
 *   <li>Error words and exit codes follow GNU coreutils (Debian images; coreutils 8.23 for
 *       luksa/kubia's node:7) or BusyBox (busybox, alpine, agnhost, curlimages/curl).
 *   <li>A missing executable under direct exec is the runtime's failure: status 126 and {@code OCI
 *       runtime exec failed: ...: unknown} (see {@link
 *       dev.kubesim.impl.program.RunningContainer#exec}); under {@code sh -c} the shell's {@code sh:
 *       1: foo: not found}, 127.
 *   <li>Files have one mode bit (executable); no owners, links or symlinks. What a container
 *       writes holds at most 16 MiB; beyond, writes fail with {@code No space left on device} in
 *       the writer's words ({@code cat: write error: ...}, dash's {@code echo: I/O error}). A
 *       process holds at most 64 Mi characters in memory (a variable, a word, output it buffers);
 *       past that it is killed as at a memory limit (137).
 *   <li>Nesting is bounded on the caller's stack: at most {@value
 *       dev.kubesim.impl.program.RunningContainer#PIDS_LIMIT} forked processes alive in a container
 *       (subshells, substitutions, commands; the next fork fails as under a pids limit: dash's
 *       {@code sh: 1: Cannot fork}), {@code ( )}/{@code { }} nested 200 deep in one script and
 *       quotes or {@code ${...}} 200 deep in one word (beyond, dash and ash die of SIGSEGV, 139;
 *       bash reports a syntax error). A program that still outgrows the Java stack ends with 139.
 *       The bounds hold on threads with 512 KiB of stack or more.
 * </ul>
 */
package dev.kubesim.impl.program;
