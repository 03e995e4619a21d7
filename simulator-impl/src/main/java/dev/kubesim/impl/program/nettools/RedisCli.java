package dev.kubesim.impl.program.nettools;

import dev.kubesim.api.ExecResult;
import dev.kubesim.api.trace.Disposition;
import dev.kubesim.api.trace.Disposition.Cause;
import dev.kubesim.impl.net.DataPayload;
import dev.kubesim.impl.net.Ip4;
import dev.kubesim.impl.net.Network;
import dev.kubesim.impl.net.Payload;
import dev.kubesim.impl.net.TcpConnection;
import dev.kubesim.impl.program.Command;
import dev.kubesim.impl.program.ExecContext;
import dev.kubesim.impl.program.Resp;
import dev.kubesim.impl.program.Resp.Reply;
import dev.kubesim.impl.program.images.RedisProgram;
import dev.kubesim.impl.resolver.Resolution;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code redis-cli [-h HOST] [-p PORT] [--raw|--no-raw] [COMMAND ARG...]}: sends one command (or,
 * without one, each line of standard input) over RESP and prints the reply as redis-cli does —
 * {@code PONG}, {@code "v"}, {@code (nil)}, {@code (integer) 1}, {@code (error) ERR ...} when its
 * output is a terminal, the raw text otherwise (its {@code isatty} rule). A failed connection is
 * {@code Could not connect to Redis at HOST:PORT: WHY}; an error reply makes the exit status 1.
 * {@code --version} prints the version of the container's redis image.
 */
final class RedisCli implements Command {
  private final Network network;

  RedisCli(Network network) {
    this.network = network;
  }

  @Override
  public ExecResult run(List<String> args, ExecContext ctx) {
    if (!args.isEmpty() && (args.get(0).equals("--version") || args.get(0).equals("-v"))) {
      return ExecResult.ok("redis-cli " + RedisProgram.version(ctx.container().image()) + "\n");
    }
    String host = "127.0.0.1";
    int port = 6379;
    Boolean raw = null;
    List<String> command = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      boolean hasValue = i + 1 < args.size();
      if (!command.isEmpty()) {
        command.add(a);
      } else if (a.equals("-h") && hasValue) {
        host = args.get(++i);
      } else if (a.equals("-p") && hasValue) {
        try {
          port = Integer.parseInt(args.get(++i));
        } catch (NumberFormatException e) {
          port = 0; // atoi
        }
      } else if ((a.equals("-n") || a.equals("-a") || a.equals("--pass") || a.equals("--user")) && hasValue) {
        i++; // database and credentials: the simulated server has one database and no ACL
      } else if (a.equals("--raw")) {
        raw = true;
      } else if (a.equals("--no-raw")) {
        raw = false;
      } else {
        command.add(a);
      }
    }
    boolean rawOutput = raw != null ? raw : !ctx.stdoutIsTerminal();
    List<List<String>> commands = new ArrayList<>();
    if (!command.isEmpty()) {
      commands.add(command);
    } else {
      for (String line : ctx.stdin().split("\n")) {
        List<String> words = Resp.parseCommands(line + "\n").stream().findFirst().orElse(List.of());
        if (!words.isEmpty()) {
          commands.add(words);
        }
      }
    }
    Optional<PodNetwork> opened = PodNetwork.of(network, ctx, args);
    String at = "Could not connect to Redis at " + host + ":" + port + ": ";
    if (opened.isEmpty()) {
      return ExecResult.failure(1, at + "Network is unreachable\n");
    }
    PodNetwork pn = opened.get();
    PodNetwork.Lookup found = pn.lookup(host);
    if (!found.found()) {
      String why = found.outcome() == Resolution.Outcome.TRY_AGAIN
          ? "Temporary failure in name resolution" : "Name or service not known";
      return finish(pn, "", at + why + "\n", 1, found.unresolved(host));
    }
    TcpConnection.Attempt attempt = TcpConnection.open(network, pn.session(), pn.netns(),
        Ip4.parse(found.addresses().get(0)), port, Long.MAX_VALUE);
    if (!attempt.connected()) {
      String why = switch (attempt.status()) {
        case REFUSED -> "Connection refused";
        case NO_ROUTE -> "Network is unreachable";
        default -> "Connection timed out";
      };
      Disposition.Kind kind = switch (attempt.status()) {
        case REFUSED -> Disposition.Kind.REFUSED;
        case NO_ROUTE -> Disposition.Kind.NO_ROUTE;
        default -> Disposition.Kind.TIMED_OUT;
      };
      return finish(pn, "", at + why + "\n", 1, new Disposition(kind, attempt.cause(), attempt.object(), attempt.reason()));
    }
    TcpConnection c = attempt.connection();
    StringBuilder out = new StringBuilder();
    int exit = 0;
    for (List<String> argv : commands) {
      TcpConnection.Reply reply = c.send(new DataPayload(Resp.command(argv)));
      Optional<Reply> parsed = reply.answer().filter(DataPayload.class::isInstance).map(Payload.class::cast)
          .flatMap(p -> Resp.parseReply(((DataPayload) p).text()));
      if (parsed.isEmpty()) {
        return finish(pn, out.toString(), "Error: Server closed the connection\n", 1,
            new Disposition(Disposition.Kind.EMPTY_REPLY, Cause.CONNECTION_CLOSED, Optional.of(c.serverOwner()),
                "the server closed the connection without a reply"));
      }
      Reply r = parsed.get();
      // INFO is printed raw even on a terminal (its text is meant to be read as is)
      boolean verbatim = argv.get(0).equalsIgnoreCase("info");
      out.append(verbatim ? formatRaw(r) : rawOutput ? formatRaw(r) + "\n" : formatTty(r, ""));
      if (r.type() == Resp.Type.ERROR) {
        exit = 1;
      }
    }
    c.close();
    return finish(pn, out.toString(), "", exit, new Disposition(Disposition.Kind.DELIVERED, Cause.ANSWERED,
        Optional.of(c.serverOwner()), "answered"));
  }

  private static ExecResult finish(PodNetwork pn, String stdout, String stderr, int exit, Disposition disposition) {
    pn.publish(disposition);
    return new ExecResult(stdout, stderr, exit, Duration.ofNanos(pn.session().elapsed()));
  }

  /** {@code cliFormatReplyRaw}. */
  static String formatRaw(Reply r) {
    return switch (r.type()) {
      case NIL -> "";
      case ERROR -> r.text() + "\n";
      case STATUS, STRING, INTEGER -> r.text();
      case ARRAY -> {
        List<String> parts = r.elements().stream().map(RedisCli::formatRaw).toList();
        yield String.join("\n", parts);
      }
    };
  }

  /** {@code cliFormatReplyTTY}. */
  static String formatTty(Reply r, String prefix) {
    return switch (r.type()) {
      case ERROR -> "(error) " + r.text() + "\n";
      case STATUS -> r.text() + "\n";
      case INTEGER -> "(integer) " + r.text() + "\n";
      case STRING -> repr(r.text()) + "\n";
      case NIL -> "(nil)\n";
      case ARRAY -> {
        if (r.elements().isEmpty()) {
          yield "(empty array)\n";
        }
        int width = Integer.toString(r.elements().size()).length();
        StringBuilder b = new StringBuilder();
        String inner = prefix + " ".repeat(width + 2);
        for (int i = 0; i < r.elements().size(); i++) {
          b.append(i == 0 ? "" : prefix).append(String.format(Locale.ROOT, "%" + width + "d) ", i + 1));
          b.append(formatTty(r.elements().get(i), inner));
        }
        yield b.toString();
      }
    };
  }

  /** {@code sdscatrepr}: double quotes, with C escapes for quotes, backslashes and control bytes. */
  static String repr(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char ch : s.toCharArray()) {
      switch (ch) {
        case '\\', '"' -> b.append('\\').append(ch);
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        case 7 -> b.append("\\a");
        case '\b' -> b.append("\\b");
        default -> {
          if (ch < 32 || ch == 127 || ch > 126) {
            for (byte x : String.valueOf(ch).getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
              b.append(String.format(Locale.ROOT, "\\x%02x", x & 0xff));
            }
          } else {
            b.append(ch);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
