package dev.kubesim.samples.conformance;

import dev.kubesim.samples.conformance.ScenarioTarget.ConnectProbe;
import dev.kubesim.samples.conformance.ScenarioTarget.ConnectResult;
import dev.kubesim.samples.conformance.ScenarioTarget.ExecResult;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The client a connection probe runs in the client pod's container, by what its image has, the
 * first that can run:
 *
 * <ol>
 *   <li>{@code /agnhost connect IP:PORT --timeout=1s --protocol=tcp|udp|sctp}, as the upstream
 *       NetworkPolicy e2e tests probe (test/e2e/network/netpol/probe.go): exit 0 is connected; a
 *       failure's first word on standard error ({@code TIMEOUT}, {@code REFUSED}, ...) says why;
 *   <li>for TCP, {@code curl --connect-timeout 1}: exit 6, 7 or 28 is a connection that did not come
 *       up; any other status means it did, whatever the server then answered.
 * </ol>
 */
final class ConnectProbes {
  /** The clients, for messages. */
  static final String TOOLS = "agnhost connect for any protocol, curl for TCP";

  private ConnectProbes() {}

  /** A command line and how to read its result. */
  record Probe(List<String> argv, boolean agnhost) {
    ConnectResult result(ExecResult r) {
      if (agnhost) {
        return new ConnectResult(r.exitCode() == 0, r.exitCode() == 0 ? "" : firstLine(r.stderr()));
      }
      boolean failed = r.exitCode() == 6 || r.exitCode() == 7 || r.exitCode() == 28;
      return new ConnectResult(!failed, failed ? "curl exit " + r.exitCode() : "");
    }
  }

  /** The first client that can run, given which command lines can start in the container. */
  static Optional<Probe> choose(ConnectProbe p, Predicate<List<String>> canStart) {
    String hostPort = (p.ip().contains(":") ? "[" + p.ip() + "]" : p.ip()) + ":" + p.port();
    Probe agnhost = new Probe(List.of("/agnhost", "connect", hostPort, "--timeout=1s",
        "--protocol=" + p.protocol().toLowerCase(Locale.ROOT)), true);
    if (canStart.test(agnhost.argv())) {
      return Optional.of(agnhost);
    }
    Probe curl = new Probe(List.of("curl", "-s", "-o", "/dev/null", "--connect-timeout", "1", "http://" + hostPort + "/"), false);
    if (p.protocol().equals("TCP") && canStart.test(curl.argv())) {
      return Optional.of(curl);
    }
    return Optional.empty();
  }

  private static String firstLine(String text) {
    String line = text.strip();
    int nl = line.indexOf('\n');
    return nl < 0 ? line : line.substring(0, nl);
  }
}
