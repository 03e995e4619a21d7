package dev.kubesim.impl.kubelet;

import dev.kubesim.impl.program.LogLine;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * How much of a container's log a request reads and how ({@code PodLogOptions}): the last {@code
 * tailLines}, the lines since an instant, each after its timestamp, cut at {@code limitBytes} — as
 * the kubelet applies them to the lines it serves.
 *
 * @param tailLines how many lines from the end; negative for all
 * @param since the oldest line's time, if limited
 * @param timestamps whether each line starts with its time ({@code RFC3339NanoFixed})
 * @param limitBytes the most bytes served; 0 for no limit
 */
public record PodLogOptions(long tailLines, Optional<Instant> since, boolean timestamps, long limitBytes) {
  /** The kubelet's RFC3339NanoFixed: nine fraction digits always. */
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

  /** Every line, as it was written. */
  public static PodLogOptions all() {
    return new PodLogOptions(-1, Optional.empty(), false, 0);
  }

  /** The lines this request reads, in order. */
  public List<LogLine> select(List<LogLine> lines) {
    List<LogLine> kept = since.map(t -> lines.stream().filter(l -> !l.time().isBefore(t)).toList()).orElse(lines);
    int from = tailLines < 0 ? 0 : (int) Math.max(0, kept.size() - tailLines);
    return kept.subList(from, kept.size());
  }

  /** One line as served: its timestamp if asked, the text, a newline. */
  public String format(LogLine line) {
    return (timestamps ? TIMESTAMP.format(line.time()) + " " : "") + line.text() + "\n";
  }

  /** The served text of these lines, each with this prefix, cut at the byte limit. */
  public String render(List<LogLine> lines, String prefix) {
    StringBuilder out = new StringBuilder();
    for (LogLine line : select(lines)) {
      out.append(prefix).append(format(line));
    }
    return limit(out.toString(), limitBytes);
  }

  /** The first {@code limit} bytes of the text (all of it for 0). */
  public static String limit(String text, long limit) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return limit <= 0 || bytes.length <= limit ? text : new String(bytes, 0, (int) limit, StandardCharsets.UTF_8);
  }
}
