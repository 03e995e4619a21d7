package dev.kubesim.impl.program;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code redis-cli} without a command (after its options): its interactive prompt, {@code
 * HOST:PORT> }. Each typed line is a command, split into words as redis-cli splits them (quotes
 * group words), sent as {@code redis-cli OPTIONS WORDS} would send it and printed as on a
 * terminal ({@code 1) "maxmemory"}); {@code exit} and {@code quit} end it, as does the end of input.
 */
final class RedisCliSession implements ContainerSession {
  private final RunningContainer container;
  private final List<String> options;
  private final String address;
  private final boolean terminal;
  private boolean ended;
  private Integer exitStatus;

  private RedisCliSession(RunningContainer container, List<String> options, String address, boolean terminal) {
    this.container = container;
    this.options = options;
    this.address = address;
    this.terminal = terminal;
  }

  /** redis-cli with options only, where the image has it; empty otherwise. */
  static Optional<ContainerSession> open(RunningContainer container, List<String> argv, boolean terminal) {
    if (argv.isEmpty() || !FsPaths.basename(argv.get(0)).equals("redis-cli")
        || !container.executable(argv.get(0), container.env(), container.workingDir()).runnable()) {
      return Optional.empty();
    }
    String host = "127.0.0.1";
    String port = "6379";
    List<String> args = argv.subList(1, argv.size());
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      boolean hasValue = i + 1 < args.size();
      if ((a.equals("-h") || a.equals("-p") || a.equals("-n") || a.equals("-a") || a.equals("--pass")
          || a.equals("--user")) && hasValue) {
        if (a.equals("-h")) {
          host = args.get(i + 1);
        } else if (a.equals("-p")) {
          port = args.get(i + 1);
        }
        i++;
      } else if (!a.equals("--raw") && !a.equals("--no-raw")) {
        return Optional.empty(); // a command: it runs once, as a plain exec
      }
    }
    return Optional.of(new RedisCliSession(container, List.copyOf(argv), host + ":" + port, terminal));
  }

  @Override
  public RunningContainer container() {
    return container;
  }

  @Override
  public boolean terminal() {
    return terminal;
  }

  @Override
  public boolean isOpen() {
    if (!ended && !container.running()) {
      containerStopped();
    }
    return !ended;
  }

  @Override
  public Optional<Integer> exitStatus() {
    return Optional.ofNullable(exitStatus);
  }

  @Override
  public void containerStopped() {
    end(ShellSession.SIGKILL_STATUS);
  }

  @Override
  public String prompt() {
    return terminal && isOpen() ? address + "> " : "";
  }

  @Override
  public ShellSession.Line run(String line) {
    List<String> words = words(line);
    if (words.isEmpty()) {
      return new ShellSession.Line("", "", "", 0, Duration.ZERO, false);
    }
    String name = words.get(0).toLowerCase(java.util.Locale.ROOT);
    if (name.equals("exit") || name.equals("quit")) {
      end(0);
      return new ShellSession.Line("", "", "", 0, Duration.ZERO, true);
    }
    List<String> argv = new ArrayList<>(options);
    argv.addAll(words);
    var result = terminal ? container.execAtTerminal(argv, "") : container.exec(argv);
    return new ShellSession.Line(result.stdout(), result.stderr(), result.stdout() + result.stderr(), 0,
        result.runsForever() ? Duration.ZERO : result.elapsed(), false);
  }

  @Override
  public ShellSession.Line endOfInput() {
    end(0);
    return new ShellSession.Line("", "", "", 0, Duration.ZERO, true);
  }

  private void end(int status) {
    if (!ended) {
      ended = true;
      exitStatus = status;
    }
  }

  /** {@code sdssplitargs}: words split on blanks, double or single quotes grouping, {@code \\} escapes in double quotes. */
  static List<String> words(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = null;
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote != 0) {
        if (c == '\\' && quote == '"' && i + 1 < line.length()) {
          word.append(line.charAt(++i));
        } else if (c == quote) {
          quote = 0;
        } else {
          word.append(c);
        }
      } else if (Character.isWhitespace(c)) {
        if (word != null) {
          words.add(word.toString());
          word = null;
        }
      } else {
        if (word == null) {
          word = new StringBuilder();
        }
        if (c == '"' || c == '\'') {
          quote = c;
        } else {
          word.append(c);
        }
      }
    }
    if (word != null) {
      words.add(word.toString());
    }
    return words;
  }
}
