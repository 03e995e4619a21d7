package dev.kubesim.impl.program;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Shell pattern matching ({@code * ? [...]}) and pathname expansion over a container's files. */
final class GlobPattern {
  private GlobPattern() {}

  /**
   * The Java regex for a shell pattern. Characters whose {@code unquoted} flag is false match
   * literally; with a null list every character may be a pattern character.
   */
  static String toRegex(String pattern, List<Boolean> unquoted) {
    StringBuilder re = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      boolean special = unquoted == null || unquoted.get(i);
      if (special && c == '*') {
        re.append(".*");
      } else if (special && c == '?') {
        re.append('.');
      } else if (special && c == '[' && pattern.indexOf(']', i + 2) > 0) {
        int end = pattern.indexOf(']', i + 2);
        String set = pattern.substring(i + 1, end);
        if (set.startsWith("!")) {
          set = "^" + set.substring(1);
        }
        re.append('[').append(set.replace("\\", "\\\\").replace("[", "\\[")).append(']');
        i = end;
      } else {
        re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return re.toString();
  }

  /** The paths a pattern matches, sorted, written as the pattern was (relative stays relative). */
  static List<String> expand(
      ContainerFilesystem fs, String cwd, String pattern, List<Boolean> unquoted) {
    boolean absolute = pattern.startsWith("/");
    List<String> segments = new ArrayList<>();
    List<List<Boolean>> masks = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= pattern.length(); i++) {
      if (i == pattern.length() || pattern.charAt(i) == '/') {
        if (i > start) {
          segments.add(pattern.substring(start, i));
          masks.add(unquoted.subList(start, i));
        }
        start = i + 1;
      }
    }
    List<String> results = new ArrayList<>();
    walk(fs, absolute ? "/" : cwd, absolute ? "/" : "", segments, masks, 0, results,
        pattern.endsWith("/"));
    results.sort(null);
    return results;
  }

  private static void walk(ContainerFilesystem fs, String dir, String shown, List<String> segments,
      List<List<Boolean>> masks, int index, List<String> results, boolean wantDirectory) {
    if (index == segments.size()) {
      if (!wantDirectory || fs.isDirectory(dir)) {
        results.add(shown.isEmpty() ? "." : shown + (wantDirectory ? "/" : ""));
      }
      return;
    }
    String segment = segments.get(index);
    List<Boolean> mask = masks.get(index);
    boolean hasGlob = false;
    for (int k = 0; k < segment.length(); k++) {
      char c = segment.charAt(k);
      hasGlob |= mask.get(k) && (c == '*' || c == '?' || c == '[');
    }
    String prefix = shown.isEmpty() || shown.endsWith("/") ? shown : shown + "/";
    if (!hasGlob) {
      String next = FsPaths.resolve(dir, segment);
      if (fs.exists(next)) {
        walk(fs, next, prefix + segment, segments, masks, index + 1, results, wantDirectory);
      }
      return;
    }
    Pattern p = Pattern.compile(toRegex(segment, mask), Pattern.DOTALL);
    List<String> names;
    try {
      names = fs.list(dir);
    } catch (FsException e) {
      return;
    }
    for (String name : names) {
      if (name.startsWith(".") && !segment.startsWith(".")) {
        continue;
      }
      if (p.matcher(name).matches()) {
        walk(fs, FsPaths.resolve(dir, name), prefix + name, segments, masks, index + 1, results,
            wantDirectory);
      }
    }
  }
}
