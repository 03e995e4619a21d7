package dev.kubesim.samples.cli;

import dev.kubesim.api.Cluster;
import dev.kubesim.samples.lab.LabRunner;
import java.io.IOException;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;

/**
 * {@code kubesim shell} at a terminal: lines edited as in bash (arrows, Ctrl-A/E/W, history with Up
 * and Ctrl-R) and completed with Tab ({@link ShellCompleter}). Ctrl-C drops the line being typed,
 * Ctrl-D ends the input, {@code exit} or {@code quit} end kubesim (inside a container's shell they
 * go to that shell). Each line runs as the piped shell runs it ({@link LabRunner#runLine}).
 */
final class InteractiveShell {
  private final Terminal terminal;
  private final LabRunner runner;
  private final Cluster cluster;

  InteractiveShell(Terminal terminal, LabRunner runner, Cluster cluster) {
    this.terminal = terminal;
    this.runner = runner;
    this.cluster = cluster;
  }

  /** Reads and runs lines until the input ends or the user exits. */
  void run() throws IOException {
    DefaultParser parser = new DefaultParser();
    // the shell behind decides what continues a line (here-documents, open quotes, a trailing \)
    parser.setEofOnUnclosedQuote(false);
    parser.setEofOnEscapedNewLine(false);
    parser.setEofOnUnclosedBracket();
    LineReader reader = LineReaderBuilder.builder()
        .terminal(terminal)
        .appName("kubesim")
        .parser(parser)
        .completer(new ShellCompleter(cluster))
        .build();
    reader.setOpt(LineReader.Option.DISABLE_EVENT_EXPANSION); // "!" belongs to the lines, not to history
    while (true) {
      String line;
      try {
        line = reader.readLine(runner.prompt());
      } catch (UserInterruptException e) {
        continue; // Ctrl-C: the line is dropped and a fresh prompt shown
      } catch (EndOfFileException e) {
        runner.endOfInput();
        return;
      }
      if (!runner.inContainerShell() && !runner.continuing()
          && (line.strip().equals("exit") || line.strip().equals("quit"))) {
        return;
      }
      runner.runLine(line);
      terminal.flush();
    }
  }
}
