package dev.kubesim.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * simulator-api's javadoc stays doclint clean at protected scope: every public and protected type
 * and member documented, with its parameters and return value. The javadoc plugin checks the same
 * when it runs, but skips a run it believes up to date (its check misses changed files in
 * sub-packages); this test compiles the sources with javac's doclint on every build.
 */
class JavadocTest {
  private static final Path SOURCES = Path.of("src/main/java");

  @TempDir Path classes;

  @Test
  void everyPublicAndProtectedElementIsDocumented() throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    List<Path> sources;
    try (Stream<Path> walk = Files.walk(SOURCES)) {
      sources = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      List<String> options = List.of("-Xdoclint:all/protected", "-Xmaxwarns", "10000", "-proc:none",
          "--release", "17", "-d", classes.toString(), "-cp", System.getProperty("java.class.path"));
      javac.getTask(null, files, diagnostics, options, null, files.getJavaFileObjectsFromPaths(sources)).call();
    }

    List<String> problems = diagnostics.getDiagnostics().stream()
        .filter(d -> d.getKind() == Diagnostic.Kind.WARNING || d.getKind() == Diagnostic.Kind.ERROR)
        .map(d -> d.getSource().getName() + ":" + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT))
        .toList();
    assertThat(sources).as("the sources under %s", SOURCES.toAbsolutePath()).isNotEmpty();
    assertThat(problems).as("doclint's findings").isEmpty();
  }
}
