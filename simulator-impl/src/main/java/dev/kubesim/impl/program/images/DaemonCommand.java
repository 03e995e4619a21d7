package dev.kubesim.impl.program.images;

import dev.kubesim.api.program.Launch;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the {@code docker-entrypoint.sh} of the official database and cache images runs: with a
 * first argument that starts with {@code -} (only options), the daemon with those options; with a
 * command, that command ({@code exec "$@"}). A container whose {@code command} replaces the
 * entrypoint ({@code sleep infinity}) runs no daemon at all, so it listens nowhere.
 *
 * @param daemon the daemon's executable name ({@code redis-server}, {@code postgres})
 * @param arguments the daemon's arguments, when the container runs it
 */
record DaemonCommand(String daemon, Optional<List<String>> arguments) {
  /** The command line of this launch, as the image's entrypoint script resolves it. */
  static DaemonCommand of(Launch launch, String daemon) {
    return of(launch, daemon, null);
  }

  /**
   * The command line of this launch for an entrypoint that also runs the daemon for a first
   * argument ending in {@code configSuffix} (Redis's: {@code redis.conf} is {@code redis-server
   * redis.conf}).
   */
  static DaemonCommand of(Launch launch, String daemon, String configSuffix) {
    List<String> argv = new ArrayList<>(launch.argv());
    if (!argv.isEmpty() && baseName(argv.get(0)).equals("docker-entrypoint.sh")) {
      argv.remove(0);
      if (argv.isEmpty() || argv.get(0).startsWith("-") || configSuffix != null && argv.get(0).endsWith(configSuffix)) {
        argv.add(0, daemon);
      }
    }
    boolean runs = !argv.isEmpty() && baseName(argv.get(0)).equals(daemon);
    return new DaemonCommand(daemon, runs ? Optional.of(List.copyOf(argv.subList(1, argv.size()))) : Optional.empty());
  }

  /**
   * What the entrypoint script execs when the container does not run the daemon ({@code exec
   * "$@"}): the command line without the leading {@code docker-entrypoint.sh}, so {@code kubectl
   * run c --image=redis -- sleep infinity} (which gives {@code args}) runs {@code sleep infinity}.
   */
  static List<String> execArgv(Launch launch) {
    List<String> argv = launch.argv();
    return !argv.isEmpty() && baseName(argv.get(0)).equals("docker-entrypoint.sh") && argv.size() > 1
        ? List.copyOf(argv.subList(1, argv.size())) : argv;
  }

  /** Whether the container's main process is the daemon. */
  boolean runs() {
    return arguments.isPresent();
  }

  /** The value of {@code --name value} or {@code --name=value} among the daemon's arguments (the last wins). */
  Optional<String> option(String name) {
    Optional<String> found = Optional.empty();
    List<String> args = arguments.orElse(List.of());
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.equals(name) && i + 1 < args.size()) {
        found = Optional.of(args.get(i + 1));
      } else if (a.startsWith(name + "=")) {
        found = Optional.of(a.substring(name.length() + 1));
      }
    }
    return found;
  }

  /** An integer option, or the default where it is absent or no number. */
  int intOption(String name, int defaultValue) {
    try {
      return option(name).map(String::trim).map(Integer::parseInt).orElse(defaultValue);
    } catch (NumberFormatException e) {
      return defaultValue;
    }
  }

  private static String baseName(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }
}
