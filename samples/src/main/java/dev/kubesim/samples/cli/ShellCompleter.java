package dev.kubesim.samples.cli;

import dev.kubesim.api.Cluster;
import dev.kubesim.api.KubectlResult;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Tab completion for {@code kubesim shell}, as kubectl's own completion offers it: the command
 * words, kubectl's commands, resource types after the commands that take one, and the names of the
 * objects of that type (pods after {@code exec}, {@code logs} and {@code port-forward}), in the
 * namespace {@code -n} names. Names come from the cluster through kubectl itself, so they are what
 * {@code kubectl get TYPE -o name} would list at that moment.
 */
final class ShellCompleter implements Completer {
  /** What a line may start with besides kubectl: kubesim's own commands and the host's clients. */
  static final List<String> FIRST_WORDS = List.of("kubectl", "advance", "trace", "map", "iptables-save", "nft", "reachability",
      "curl", "wget", "ping", "nslookup", "dig", "exit");
  /** kubectl's commands, as {@code kubectl completion} lists them. */
  static final List<String> KUBECTL_COMMANDS = List.of("annotate", "api-resources", "api-versions", "apply", "autoscale",
      "cluster-info", "config", "cordon", "create", "delete", "describe", "drain", "events", "exec", "expose", "get",
      "label", "logs", "patch", "port-forward", "replace", "rollout", "run", "scale", "set", "taint", "top",
      "uncordon", "version", "wait");
  /** Commands whose next word is a resource type. */
  private static final Set<String> TAKE_TYPE = Set.of("get", "describe", "delete", "label", "annotate", "patch",
      "scale", "edit", "explain", "wait");
  /** Commands whose next word is a pod. */
  private static final Set<String> TAKE_POD = Set.of("exec", "logs", "port-forward", "attach");

  private final Cluster cluster;
  private List<String> types;

  ShellCompleter(Cluster cluster) {
    this.cluster = cluster;
  }

  @Override
  public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
    for (String word : words(line.words().subList(0, line.wordIndex()))) {
      candidates.add(new Candidate(word));
    }
  }

  /** The completions of the word after {@code before} (the words typed so far). */
  List<String> words(List<String> before) {
    List<String> words = new ArrayList<>(before);
    if (words.isEmpty()) {
      Set<String> first = new LinkedHashSet<>(FIRST_WORDS);
      first.addAll(KUBECTL_COMMANDS);
      return List.copyOf(first);
    }
    if (words.get(0).equals("kubectl")) {
      words.remove(0);
    }
    if (!words.isEmpty() && (words.get(words.size() - 1).equals("-n") || words.get(words.size() - 1).equals("--namespace"))) {
      return names("namespaces", "");
    }
    String namespace = namespace(words);
    List<String> positional = positional(words);
    if (positional.isEmpty()) {
      return words.isEmpty() || !words.get(words.size() - 1).startsWith("-") ? KUBECTL_COMMANDS : List.of();
    }
    String command = positional.get(0);
    if (positional.size() == 1 && TAKE_TYPE.contains(command)) {
      return types();
    }
    if (positional.size() == 1 && TAKE_POD.contains(command)) {
      return names("pods", namespace);
    }
    if (positional.size() >= 2 && TAKE_TYPE.contains(command) && !positional.get(1).contains("/")) {
      return names(positional.get(1), namespace);
    }
    return List.of();
  }

  /** The resource types and their short names, as {@code kubectl api-resources} prints them. */
  private List<String> types() {
    if (types == null) {
      Set<String> all = new java.util.TreeSet<>();
      for (String row : cluster.kubectl("api-resources --no-headers").stdout().lines().toList()) {
        String[] cells = row.trim().split("\\s+");
        all.add(cells[0]);
        if (cells.length == 5) {
          all.addAll(List.of(cells[1].split(","))); // NAME SHORTNAMES APIVERSION NAMESPACED KIND
        }
      }
      types = List.copyOf(all);
    }
    return types;
  }

  /** The names of the objects of a type, in a namespace (empty for the current one). */
  private List<String> names(String type, String namespace) {
    KubectlResult r = cluster.kubectl("get " + type + " -o name" + (namespace.isEmpty() ? "" : " -n " + namespace));
    if (!r.succeeded()) {
      return List.of();
    }
    return r.stdout().lines().map(n -> n.substring(n.indexOf('/') + 1)).toList();
  }

  private static String namespace(List<String> words) {
    for (int i = 0; i + 1 < words.size(); i++) {
      if (words.get(i).equals("-n") || words.get(i).equals("--namespace")) {
        return words.get(i + 1);
      }
      if (words.get(i).startsWith("--namespace=")) {
        return words.get(i).substring("--namespace=".length());
      }
    }
    return "";
  }

  /** The words that are neither flags nor a flag's value ({@code -n NS}). */
  private static List<String> positional(List<String> words) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      if (w.equals("-n") || w.equals("--namespace") || w.equals("-l") || w.equals("-o") || w.equals("-c")) {
        i++;
      } else if (!w.startsWith("-")) {
        out.add(w);
      }
    }
    return out;
  }
}
