package dev.kubesim.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectRootTest {
  @TempDir Path dir;

  @Test
  void fromAModulesFolderTheRootIsTheOutermostFolderWithABuildFile() throws IOException {
    Path project = dir.resolve("project");
    Path module = project.resolve("samples");
    Files.createDirectories(module);
    Files.writeString(project.resolve("pom.xml"), "<project/>");
    Files.writeString(module.resolve("pom.xml"), "<project/>");

    assertThat(ProjectRoot.of(module)).isEqualTo(project.toAbsolutePath().normalize());
    assertThat(ProjectRoot.of(project)).isEqualTo(project.toAbsolutePath().normalize());
  }

  @Test
  void aGradleBuildMarksTheRootToo() throws IOException {
    Path project = dir.resolve("project");
    Path module = project.resolve("app");
    Files.createDirectories(module);
    Files.writeString(project.resolve("settings.gradle.kts"), "");
    Files.writeString(module.resolve("build.gradle.kts"), "");

    assertThat(ProjectRoot.of(module)).isEqualTo(project.toAbsolutePath().normalize());
  }

  @Test
  void aFolderWithoutABuildFileIsItsOwnRoot() throws IOException {
    Path loose = Files.createDirectories(dir.resolve("loose"));

    assertThat(ProjectRoot.of(loose)).isEqualTo(loose.toAbsolutePath().normalize());
  }

  @Test
  void aFolderWithoutABuildFileEndsTheWayUp() throws IOException {
    // project/ has no build file: the module's own folder is the root, not a build above the gap.
    Path module = Files.createDirectories(dir.resolve("outer/project/module"));
    Files.writeString(dir.resolve("outer/pom.xml"), "<project/>");
    Files.writeString(module.resolve("pom.xml"), "<project/>");

    assertThat(ProjectRoot.of(module)).isEqualTo(module.toAbsolutePath().normalize());
  }
}
