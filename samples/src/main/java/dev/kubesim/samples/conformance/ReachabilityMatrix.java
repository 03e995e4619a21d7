package dev.kubesim.samples.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A {@code reachability} step's {@code expect.matrix}, as the upstream NetworkPolicy e2e tests
 * print their truth tables: a header row of pods ({@code NS/NAME}) after a {@code -} corner, then
 * one row per pod of the header, in any order, each naming its pod and giving one cell per column:
 * {@code .} the row's pod (the client) reaches the column's (the server), {@code X} it does not,
 * {@code -} on the diagonal, which is not probed. Blank lines and extra spaces are ignored.
 *
 * @param pods the header's pods, in order
 * @param cells for each client, for each server other than itself, whether it reaches it; both in
 *     header order
 */
record ReachabilityMatrix(List<String> pods, Map<String, Map<String, Boolean>> cells) {
  private static final Pattern POD = Pattern.compile("[^/\\s]+/[^/\\s]+");

  /** The shape of {@code expect.matrix}: a string that {@link #parse parses}, every problem named. */
  static final Shape SHAPE = new Shape() {
    @Override
    void check(JsonNode node, String path, List<String> problems) {
      if (!node.isTextual()) {
        problems.add(path + ": expected a matrix as text, got " + Texts.brief(node));
        return;
      }
      for (String problem : problems(node.asText())) {
        problems.add(path + ": " + problem);
      }
    }
  };

  ReachabilityMatrix {
    pods = List.copyOf(pods);
  }

  /** The matrix a text holds. */
  static ReachabilityMatrix parse(String text) {
    List<String> problems = new ArrayList<>();
    Optional<ReachabilityMatrix> m = read(text, problems);
    if (m.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    return m.get();
  }

  /** What is wrong with a matrix as written; empty when it parses. */
  static List<String> problems(String text) {
    List<String> problems = new ArrayList<>();
    read(text, problems);
    return problems;
  }

  private static Optional<ReachabilityMatrix> read(String text, List<String> problems) {
    List<String[]> lines = new ArrayList<>();
    List<Integer> numbers = new ArrayList<>();
    String[] raw = text.split("\n", -1);
    for (int i = 0; i < raw.length; i++) {
      String line = raw[i].strip();
      if (!line.isEmpty()) {
        lines.add(line.split("\\s+"));
        numbers.add(i + 1);
      }
    }
    if (lines.isEmpty()) {
      problems.add("empty; write a header row of pods (NS/NAME) after a - corner, then a row per pod");
      return Optional.empty();
    }
    String[] header = lines.get(0);
    if (!header[0].equals("-")) {
      problems.add("line " + numbers.get(0) + ": the header starts with the corner -, got " + Texts.quote(header[0]));
      return Optional.empty();
    }
    Set<String> pods = new LinkedHashSet<>();
    for (int c = 1; c < header.length; c++) {
      if (!POD.matcher(header[c]).matches()) {
        problems.add("line " + numbers.get(0) + ": " + Texts.quote(header[c]) + " is not a pod as NS/NAME");
      } else if (!pods.add(header[c])) {
        problems.add("line " + numbers.get(0) + ": " + header[c] + " is in the header twice");
      }
    }
    if (pods.isEmpty()) {
      problems.add("line " + numbers.get(0) + ": the header names no pod");
    }
    if (!problems.isEmpty()) {
      return Optional.empty();
    }
    List<String> columns = List.copyOf(pods);
    Map<String, Map<String, Boolean>> rows = new LinkedHashMap<>();
    for (int r = 1; r < lines.size(); r++) {
      String[] row = lines.get(r);
      String where = "line " + numbers.get(r);
      String client = row[0];
      if (!pods.contains(client)) {
        problems.add(where + ": the row's pod " + Texts.quote(client) + " is not in the header");
        continue;
      }
      if (rows.containsKey(client)) {
        problems.add(where + ": " + client + " has a second row");
        continue;
      }
      if (row.length - 1 != columns.size()) {
        problems.add(where + ": " + columns.size() + " cells expected after " + client + ", got " + (row.length - 1));
        rows.put(client, Map.of());
        continue;
      }
      Map<String, Boolean> cells = new LinkedHashMap<>();
      for (int c = 0; c < columns.size(); c++) {
        String server = columns.get(c);
        String cell = row[c + 1];
        if (server.equals(client)) {
          if (!cell.equals("-")) {
            problems.add(where + ": " + client + " -> " + server + " is the diagonal, written -, got " + Texts.quote(cell));
          }
        } else if (cell.equals(".") || cell.equals("X")) {
          cells.put(server, cell.equals("."));
        } else {
          problems.add(where + ": " + client + " -> " + server + ": expected . or X, got " + Texts.quote(cell));
        }
      }
      rows.put(client, cells);
    }
    for (String pod : columns) {
      if (!rows.containsKey(pod)) {
        problems.add("no row for " + pod);
      }
    }
    if (!problems.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Map<String, Boolean>> ordered = new LinkedHashMap<>();
    for (String pod : columns) {
      ordered.put(pod, Map.copyOf(rows.get(pod)));
    }
    return Optional.of(new ReachabilityMatrix(columns, ordered));
  }

  /** Whether {@code client} reaches {@code server} (two different pods of the header). */
  boolean reaches(String client, String server) {
    return cells.get(client).get(server);
  }

  /** One cell as written: {@code .}, {@code X}, or {@code -} on the diagonal. */
  String cell(String client, String server) {
    return client.equals(server) ? "-" : reaches(client, server) ? "." : "X";
  }

  /** The matrix in the format it is read from, columns aligned. */
  String render() {
    int width = Math.max(1, pods.stream().mapToInt(String::length).max().orElse(1));
    StringBuilder b = new StringBuilder(pad("-", width));
    pods.forEach(p -> b.append(' ').append(pad(p, width)));
    b.append('\n');
    for (String client : pods) {
      b.append(pad(client, width));
      pods.forEach(server -> b.append(' ').append(pad(cell(client, server), width)));
      b.append('\n');
    }
    return b.toString().replaceAll(" +\n", "\n");
  }

  private static String pad(String s, int width) {
    return s + " ".repeat(width - s.length());
  }
}
