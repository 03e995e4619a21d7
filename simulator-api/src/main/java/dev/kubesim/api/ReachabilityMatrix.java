package dev.kubesim.api;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which pods could open a connection to which, on one port and protocol: the all-pairs probe the
 * upstream NetworkPolicy e2e tests run, each cell a real connection through the simulated packet
 * path (kube-proxy, conntrack, NetworkPolicy), from {@link Cluster#reachability}.
 *
 * <p>{@link #render()} prints it as the conformance format writes matrices: rows are the clients
 * ("from"), columns the servers ("to"), {@code .} connected, {@code X} not, {@code -} the diagonal
 * (not probed).
 *
 * @param pods the pods, {@code namespace/name}, in the order of rows and columns
 * @param port the destination port
 * @param protocol {@code TCP} or {@code UDP}
 * @param cells every probed pair, row by row
 */
public record ReachabilityMatrix(List<String> pods, int port, String protocol, List<Cell> cells) {
  /**
   * One probe.
   *
   * @param from the client pod, {@code namespace/name}
   * @param to the server pod
   * @param connected whether a TCP connection was established, or a UDP datagram answered
   * @param reason why not (or to whom it connected), naming the deciding object: the policy that
   *     dropped it, the pod where nothing listened
   */
  public record Cell(String from, String to, boolean connected, String reason) {
    /**
     * Checks that no field is {@code null}; lists are copied immutable.
     *
     * @param from the client pod, {@code namespace/name}
     * @param to the server pod
     * @param connected whether a TCP connection was established, or a UDP datagram answered
     * @param reason why not (or to whom it connected), naming the deciding object: the policy that
     *     dropped it, the pod where nothing listened
     */
    public Cell {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * Checks that no field is {@code null}; lists are copied immutable.
   *
   * @param pods the pods, {@code namespace/name}, in the order of rows and columns
   * @param port the destination port
   * @param protocol {@code TCP} or {@code UDP}
   * @param cells every probed pair, row by row
   */
  public ReachabilityMatrix {
    pods = ImmutableList.copyOf(pods);
    Objects.requireNonNull(protocol, "protocol");
    cells = ImmutableList.copyOf(cells);
  }

  /**
   * The probe from one pod to another; empty for the diagonal or a pod not in the matrix.
   *
   * @param from the source
   * @param to the destination
   * @return the probe from one pod to another; empty for the diagonal or a pod not in the matrix
   */
  public Optional<Cell> cell(String from, String to) {
    int f = pods.indexOf(from);
    int t = pods.indexOf(to);
    if (f < 0 || t < 0 || f == t) {
      return Optional.empty();
    }
    // row f holds size-1 cells: every column but the diagonal
    return Optional.of(cells.get(f * (pods.size() - 1) + (t < f ? t : t - 1)));
  }

  /**
   * Whether {@code from} reached {@code to}.
   *
   * @param from the source
   * @param to the destination
   * @return whether {@code from} reached {@code to}
   */
  public boolean allowed(String from, String to) {
    return cell(from, to).map(Cell::connected).orElseThrow(
        () -> new IllegalArgumentException("no probe from " + from + " to " + to + " in the matrix of " + pods));
  }

  /**
   * Why a cell is what it is, in one line ({@code x/a -> y/b: X: ...}).
   *
   * @param from the source
   * @param to the destination
   * @return why a cell is what it is, in one line ({@code x/a -> y/b: X: ...})
   */
  public String explain(String from, String to) {
    Cell c = cell(from, to).orElseThrow(
        () -> new IllegalArgumentException("no probe from " + from + " to " + to + " in the matrix of " + pods));
    return from + " -> " + to + " " + port + "/" + protocol + ": " + (c.connected() ? "." : "X") + " " + c.reason();
  }

  /** {@return the pairs that did not connect, in row order} */
  public List<Cell> blocked() {
    return cells.stream().filter(c -> !c.connected()).toList();
  }

  /**
   * The matrix as text: a header of the pods, then one row per client; the first column is as
   * wide as the longest name, every other as its pod's name.
   *
   * @return the matrix as text: a header of the pods, then one row per client
   */
  public String render() {
    int first = 1;
    for (String p : pods) {
      first = Math.max(first, p.length());
    }
    StringBuilder sb = new StringBuilder();
    List<String> header = new ArrayList<>();
    header.add("-");
    header.addAll(pods);
    row(sb, header, first);
    for (String from : pods) {
      List<String> row = new ArrayList<>();
      row.add(from);
      for (String to : pods) {
        row.add(from.equals(to) ? "-" : allowed(from, to) ? "." : "X");
      }
      row(sb, row, first);
    }
    return sb.toString();
  }

  private void row(StringBuilder sb, List<String> words, int first) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      line.append(w);
      int width = i == 0 ? first : pods.get(i - 1).length();
      line.append(" ".repeat(Math.max(1, width - w.length() + 1)));
    }
    sb.append(line.toString().stripTrailing()).append('\n');
  }
}
