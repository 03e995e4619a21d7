package dev.kubesim.samples.lab;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The labs shipped with kubesim, on the classpath with their manifests: each a lab file ({@code
 * lab.md}: steps with their explanation, commands, tasks and checks; see {@link LabFile}). {@code
 * kubia} walks the Services chapter of <i>Kubernetes in Action</i> section by section, with two
 * tasks; {@code netpol} builds NetworkPolicies on it.
 */
public final class BuiltInLabs {
  private static final String ROOT = "/dev/kubesim/samples/labs/";

  private BuiltInLabs() {}

  /** The names of the built-in labs. */
  public static List<String> names() {
    return List.of("kubia", "netpol");
  }

  /**
   * The script of a built-in lab, if there is one by that name: its lab file flattened ({@link
   * LabFile#toScript()}), the explanations as {@code #} lines and each task's solution in its place.
   */
  public static Optional<LabScript> script(String lab) {
    return labFile(lab).map(LabFile::toScript);
  }

  /** The lab file of a built-in lab, if there is one by that name. */
  public static Optional<LabFile> labFile(String lab) {
    return resource(lab, "lab.md").map(text -> LabFile.parse(lab + "/lab.md", text));
  }

  /**
   * A manifest of a built-in lab, by the name its script uses after {@code -f}: the lab's own, or
   * one of the chapter's ({@code kubia}), which later labs build on.
   */
  public static Optional<String> file(String lab, String name) {
    if (name.contains("/") || name.contains("..")) {
      return Optional.empty();
    }
    return resource(lab, name).or(() -> resource("kubia", name));
  }

  private static Optional<String> resource(String lab, String name) {
    try (InputStream in = BuiltInLabs.class.getResourceAsStream(ROOT + lab + "/" + name)) {
      return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
