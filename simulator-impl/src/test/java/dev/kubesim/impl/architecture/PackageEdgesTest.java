package dev.kubesim.impl.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The rooms of simulator-impl and the edges between them, as DESIGN.md draws them: read from the
 * imports of the main sources, so that the house stays as drawn. A new edge fails the test; so
 * does a known debt that has been paid, so that its line goes too.
 */
class PackageEdgesTest {
  private static final Path MAIN = Path.of("src/main/java/dev/kubesim/impl");
  private static final Pattern IMPORT = Pattern.compile("^import (?:static )?dev\\.kubesim\\.impl\\.([a-z]+)\\b", Pattern.MULTILINE);

  /** What each room may use; {@code cluster} wires everything and may use every room. */
  private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
      Map.entry("sim", Set.of()),
      Map.entry("trace", Set.of()),
      Map.entry("labels", Set.of()),
      Map.entry("codec", Set.of()),
      Map.entry("http", Set.of()),
      Map.entry("events", Set.of("apiserver", "sim")),
      Map.entry("net", Set.of("trace")),
      Map.entry("dnswire", Set.of("net")),
      Map.entry("apiserver", Set.of("codec", "net", "sim")),
      // the Kubernetes API over HTTP: a door onto the API server; its Table output is kubectl's printers',
      // its exec and log streams the kubelets' (as kube-apiserver proxies them to the kubelet)
      Map.entry("apiserver.rest", Set.of("apiserver", "codec", "kubectl", "kubelet", "labels", "program", "sim")),
      Map.entry("controller", Set.of("apiserver", "codec", "events", "labels", "sim")),
      Map.entry("scheduler", Set.of("apiserver", "events", "labels", "sim")),
      // the PersistentVolume and protection controllers and the local-path provisioner
      Map.entry("storage", Set.of("apiserver", "events", "labels", "sim")),
      Map.entry("kubelet", Set.of("apiserver", "events", "net", "program", "resolver", "sim")),
      Map.entry("program", Set.of("dnswire", "http", "net", "resolver", "sim", "trace")),
      Map.entry("resolver", Set.of("apiserver", "dnswire", "net")),
      Map.entry("dns", Set.of("apiserver", "dnswire", "net", "sim")),
      Map.entry("proxy", Set.of("apiserver", "http", "net", "sim")),
      Map.entry("netpol", Set.of("apiserver", "labels", "net")),
      Map.entry("cni", Set.of("apiserver", "kubelet", "net", "program")),
      Map.entry("cloud", Set.of("apiserver", "events", "net", "sim")),
      Map.entry("ingress", Set.of("apiserver", "events", "http", "net", "program", "sim", "trace")),
      Map.entry("kubectl", Set.of("apiserver", "codec", "kubelet", "labels", "program", "sim")));

  /** Edges that exist and should not; none today. A debt taken on is named here, with why. */
  private static final Set<String> KNOWN_DEBTS = Set.of();

  @Test
  void roomsUseOnlyTheRoomsDesignAllows() throws IOException {
    Map<String, Set<String>> edges = edges();
    Set<String> unexpected = new TreeSet<>();
    Set<String> debts = new TreeSet<>();
    edges.forEach((from, tos) -> tos.forEach(to -> {
      String edge = from + " -> " + to;
      if (from.equals("cluster") || ALLOWED.getOrDefault(from, Set.of()).contains(to)) {
        return;
      }
      if (KNOWN_DEBTS.contains(edge)) {
        debts.add(edge);
      } else {
        unexpected.add(edge);
      }
    }));
    assertThat(unexpected).as("package edges DESIGN.md does not draw").isEmpty();
    assertThat(debts).as("known debts still owed (remove the paid ones from KNOWN_DEBTS)").isEqualTo(new TreeSet<>(KNOWN_DEBTS));
    assertThat(edges.keySet()).as("rooms without a rule").allMatch(r -> r.equals("cluster") || ALLOWED.containsKey(r));
  }

  private static Map<String, Set<String>> edges() throws IOException {
    Map<String, Set<String>> edges = new TreeMap<>();
    try (Stream<Path> files = Files.walk(MAIN)) {
      files.filter(p -> p.toString().endsWith(".java")).forEach(p -> {
        Path relative = MAIN.relativize(p);
        String room = relative.getName(0).toString();
        if (room.equals("apiserver") && relative.getNameCount() > 2 && relative.getName(1).toString().equals("rest")) {
          room = "apiserver.rest"; // a room of its own inside the API server's package
        }
        Set<String> to = edges.computeIfAbsent(room, r -> new TreeSet<>());
        Matcher m = IMPORT.matcher(read(p));
        while (m.find()) {
          if (!m.group(1).equals(room) && !(room.equals("apiserver.rest") && m.group(1).equals("apiserver"))) {
            to.add(m.group(1));
          }
        }
      });
    }
    return edges;
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
