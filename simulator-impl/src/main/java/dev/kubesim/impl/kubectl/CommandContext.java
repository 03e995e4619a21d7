package dev.kubesim.impl.kubectl;

import dev.kubesim.impl.apiserver.ApiServer;
import dev.kubesim.impl.kubectl.describe.DescribeContext;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/** What a command works with: the cluster, its parsed arguments, standard input and output. */
final class CommandContext {
  private final KubectlHost cluster;
  private final ParsedArgs args;
  private final String stdin;
  private final Function<String, Optional<String>> files;
  private final KubectlOutput out;
  private final boolean terminal;
  private final String defaultNamespace;
  private final java.util.Set<String> warned = new java.util.HashSet<>();

  /**
   * @param terminal whether kubectl's standard input is a terminal whose later lines a command may
   *     read ({@code exec -it} of a shell), rather than the text {@code stdin} holds
   * @param defaultNamespace the current context's namespace, where a command without {@code -n} works
   */
  CommandContext(KubectlHost cluster, ParsedArgs args, String stdin, Function<String, Optional<String>> files,
      KubectlOutput out, boolean terminal, String defaultNamespace) {
    this.defaultNamespace = defaultNamespace;
    this.terminal = terminal;
    this.cluster = cluster;
    this.args = args;
    this.stdin = stdin;
    this.files = files;
    this.out = out;
  }

  KubectlHost cluster() {
    return cluster;
  }

  ApiServer api() {
    return cluster.api();
  }

  ParsedArgs args() {
    return args;
  }

  String stdin() {
    return stdin;
  }

  /** A manifest the caller provides under the name {@code -f} gives, read instead of the filesystem's. */
  Optional<String> file(String name) {
    return files.apply(name);
  }

  KubectlOutput out() {
    return out;
  }

  /** Whether standard input is a terminal, typed at line by line. */
  boolean terminal() {
    return terminal;
  }

  /** The namespace of {@code -n}, else the current context's ({@code default} in a fresh kubeconfig). */
  String namespace() {
    return args.string("namespace").filter(s -> !s.isEmpty()).orElse(defaultNamespace);
  }

  /** Whether {@code -n} was given. */
  boolean namespaceGiven() {
    return args.string("namespace").filter(s -> !s.isEmpty()).isPresent();
  }

  /** The cluster's current virtual instant, which AGE columns are measured against. */
  Instant now() {
    return cluster.loop().clock().instant();
  }

  DescribeContext describeContext() {
    return new DescribeContext(api(), now());
  }

  /**
   * Prints the API server's warnings as kubectl's deduplicating warning writer does: {@code
   * Warning: <text>} on standard error, each text once per command.
   */
  void warn(java.util.List<String> warnings) {
    for (String w : warnings) {
      if (warned.add(w)) {
        out.err("Warning: " + w + "\n");
      }
    }
  }

  /** Lets controllers react to a write before the command returns, as they would in real time. */
  void settle() {
    cluster.loop().settle();
  }
}
