package dev.kubesim.samples.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.kubesim.impl.program.Shell;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * An {@code exec} step's command line splits into the words the engine's shell would make of it
 * ({@link Shell#split}): for every {@code exec} step of the scenarios, and for lines that quote,
 * escape and nest.
 */
class CommandLinesTest {
  private static final List<String> TRICKY = List.of(
      "curl -s 'http://kubia/a b'",
      "echo \"a  b\" c\\ d 'e'\"f\"",
      "echo \"$(date +%s) x\" ${HOME:-/root} $((1 + 2)) `echo a b`",
      "echo \"a \\$b \\\\ \\q\"",
      "wget -qO- http://kubia # a comment ; not an operator",
      "sh -c 'a; b && c'",
      "a\\\nb",
      "",
      "   ");

  private static final List<String> REFUSED = List.of(
      "echo a; echo b",
      "curl http://kubia | grep x",
      "sleep 1 &",
      "cat < /etc/hosts",
      "(echo a)",
      "2>x",
      "echo 'unterminated",
      "echo \"unterminated",
      "echo $(unterminated",
      "echo ${unterminated",
      "echo `unterminated",
      "a | b 'unterminated");

  @Test
  void linesSplitAsTheEnginesShellSplitsThem() throws IOException {
    List<String> lines = new ArrayList<>(TRICKY);
    lines.addAll(scenarioCommands());
    assertThat(lines).hasSizeGreaterThan(TRICKY.size());
    for (String line : lines) {
      assertThat(CommandLines.split(line)).as(line).isEqualTo(Shell.split(line));
    }
  }

  @Test
  void operatorsAndUnterminatedQuotesAreRefusedInTheEnginesWords() {
    for (String line : REFUSED) {
      String expected;
      try {
        Shell.split(line);
        throw new AssertionError("the engine's shell accepts " + line);
      } catch (IllegalArgumentException e) {
        expected = e.getMessage();
      }
      assertThatThrownBy(() -> CommandLines.split(line)).as(line)
          .isInstanceOf(IllegalArgumentException.class).hasMessage(expected);
    }
  }

  /** The command lines of every {@code exec} step in the scenarios beside the repository and in the tests' own. */
  private static List<String> scenarioCommands() throws IOException {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    List<String> commands = new ArrayList<>();
    for (Path dir : List.of(Path.of("../../shared/conformance"), Path.of("src/test/resources/conformance"))) {
      if (!Files.isDirectory(dir)) {
        continue;
      }
      List<Path> files;
      try (Stream<Path> walk = Files.walk(dir)) {
        files = walk.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
      }
      for (Path f : files) {
        try {
          yaml.readValues(yaml.getFactory().createParser(f.toFile()), JsonNode.class)
              .readAll().forEach(doc -> collect(doc, commands));
        } catch (IOException | RuntimeException e) {
          // a file that is no scenario (or no YAML the runner reads) has no exec step to split
        }
      }
    }
    return commands;
  }

  private static void collect(JsonNode node, List<String> commands) {
    if (node.isObject()) {
      JsonNode exec = node.get("exec");
      if (exec != null && exec.isObject() && exec.path("command").isTextual()) {
        commands.add(exec.get("command").asText());
      }
      node.elements().forEachRemaining(n -> collect(n, commands));
    } else if (node.isArray()) {
      node.elements().forEachRemaining(n -> collect(n, commands));
    }
  }
}
