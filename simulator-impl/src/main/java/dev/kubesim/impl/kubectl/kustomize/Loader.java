package dev.kubesim.impl.kubectl.kustomize;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads the files of one kustomization directory, as kustomize's loader does: paths relative to
 * the directory, files confined to it and below ({@code LoadRestrictionsRootOnly}); a file the
 * caller's function does not know is not there.
 */
final class Loader {
  private final String root;
  private final Function<String, Optional<String>> files;

  Loader(String root, Function<String, Optional<String>> files) {
    this.root = root;
    this.files = files;
  }

  String root() {
    return root;
  }

  Function<String, Optional<String>> files() {
    return files;
  }

  /** The path of {@code rel} from this directory, normalized ({@code "."} for the directory itself). */
  String join(String rel) {
    return join(root, rel);
  }

  static String join(String dir, String rel) {
    try {
      String s = Path.of(dir).resolve(rel).normalize().toString();
      return s.isEmpty() ? "." : s;
    } catch (InvalidPathException e) {
      throw new KustomizeException("invalid path '" + rel + "': " + e.getReason());
    }
  }

  /** The text of a file of this directory, if there is one. */
  Optional<String> read(String rel) {
    return files.apply(join(rel));
  }

  /** The text of a file that must be in or below this directory. */
  String load(String rel) {
    String path = join(rel);
    if (!inside(path)) {
      throw new KustomizeException("security; file '" + path + "' is not in or below '" + root + "'");
    }
    return files.apply(path).orElseThrow(() -> new KustomizeException("open " + path + ": no such file or directory"));
  }

  /** The loader of a directory below or beside this one. */
  Loader child(String rel) {
    return new Loader(join(rel), files);
  }

  private boolean inside(String path) {
    if (path.startsWith("/") != root.startsWith("/")) {
      return Path.of(path).toAbsolutePath().normalize().startsWith(Path.of(root).toAbsolutePath().normalize());
    }
    if (root.equals(".")) {
      return !path.equals("..") && !path.startsWith("../");
    }
    return path.startsWith(root + "/");
  }

  /** The YAML problem of a manifest reader's message, without its "error parsing FILE" prefix. */
  static String yamlProblem(String message) {
    String converting = "error converting YAML to JSON: ";
    int at = message.indexOf(converting);
    if (at >= 0) {
      return message.substring(at + converting.length());
    }
    int json = message.indexOf("error unmarshaling JSON: ");
    return json >= 0 ? message.substring(json) : message;
  }

  /** Whether a resource path is remote (a URL or a Git repository), which kubesim does not fetch. */
  static boolean remote(String path) {
    return path.contains("://") || path.startsWith("github.com/") || path.startsWith("gitlab.com/")
        || path.startsWith("bitbucket.org/") || path.startsWith("git@") || path.startsWith("git::")
        || path.contains("?ref=");
  }
}
