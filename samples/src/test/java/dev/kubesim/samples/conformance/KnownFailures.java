package dev.kubesim.samples.conformance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The checked-in list of cases expected to fail today: one case id a line; {@code #} starts a
 * comment (a whole line, or after whitespace at the end of an id, where it gives the reason).
 */
final class KnownFailures {
  private KnownFailures() {}

  /** Case id to its reason (empty when the line gives none), in file order. */
  static Map<String, String> read(InputStream in) {
    Map<String, String> ids = new LinkedHashMap<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
          continue;
        }
        String id = trimmed;
        String reason = "";
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\s#").matcher(trimmed);
        if (m.find()) {
          id = trimmed.substring(0, m.start()).strip();
          reason = trimmed.substring(m.end()).strip();
        }
        ids.put(id, reason);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return ids;
  }
}
