package dev.kubesim.impl.program.commands;

import dev.kubesim.api.ExecResult;
import dev.kubesim.impl.program.Command;
import dev.kubesim.impl.program.ExecContext;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;

/**
 * {@code date}: the simulation's instant in UTC (containers have no other zone), as coreutils and
 * BusyBox print it — {@code Mon Dec  7 20:01:34 UTC 2026} by default, {@code +FORMAT} with the
 * common conversions ({@code %Y %m %d %H %M %S %s %F %T %a %A %b %B %e %j %y %Z %z %N %%}), {@code
 * -u}, {@code -R} (RFC 5322) and {@code -I[date|seconds]} (ISO 8601). Setting the clock and {@code
 * -d} are not simulated.
 */
public final class Date implements Command {
  @Override
  public ExecResult run(List<String> args, ExecContext ctx) {
    ZonedDateTime t = ctx.now().atZone(ZoneOffset.UTC);
    String format = "%a %b %e %H:%M:%S %Z %Y";
    for (String a : args) {
      if (a.startsWith("+")) {
        format = a.substring(1);
      } else if (a.equals("-u") || a.equals("--utc") || a.equals("--universal")) {
        continue;
      } else if (a.equals("-R") || a.equals("--rfc-email")) {
        format = "%a, %d %b %Y %H:%M:%S %z";
      } else if (a.equals("-I") || a.equals("-Idate") || a.equals("--iso-8601") || a.equals("--iso-8601=date")) {
        format = "%F";
      } else if (a.equals("-Iseconds") || a.equals("--iso-8601=seconds")) {
        format = "%FT%T+00:00";
      } else if (a.startsWith("-d") || a.startsWith("--date") || a.startsWith("-s") || a.startsWith("--set")) {
        return ExecResult.failure(1, "kubesim: date " + a + ": this option is not simulated\n");
      } else {
        return ExecResult.failure(1, ctx.programName() + ": invalid date '" + a + "'\n");
      }
    }
    return ExecResult.ok(format(format, t) + "\n");
  }

  /** strftime as coreutils' date applies it. */
  static String format(String format, ZonedDateTime t) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < format.length(); i++) {
      char c = format.charAt(i);
      if (c != '%' || i + 1 == format.length()) {
        b.append(c);
        continue;
      }
      char f = format.charAt(++i);
      switch (f) {
        case 'Y' -> b.append(t.getYear());
        case 'y' -> b.append(two(t.getYear() % 100));
        case 'm' -> b.append(two(t.getMonthValue()));
        case 'd' -> b.append(two(t.getDayOfMonth()));
        case 'e' -> b.append(String.format("%2d", t.getDayOfMonth()));
        case 'H' -> b.append(two(t.getHour()));
        case 'M' -> b.append(two(t.getMinute()));
        case 'S' -> b.append(two(t.getSecond()));
        case 'N' -> b.append(String.format("%09d", t.getNano()));
        case 's' -> b.append(t.toEpochSecond());
        case 'j' -> b.append(String.format("%03d", t.getDayOfYear()));
        case 'F' -> b.append(format("%Y-%m-%d", t));
        case 'T' -> b.append(format("%H:%M:%S", t));
        case 'D' -> b.append(format("%m/%d/%y", t));
        case 'a' -> b.append(t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ROOT));
        case 'A' -> b.append(t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ROOT));
        case 'b', 'h' -> b.append(t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ROOT));
        case 'B' -> b.append(t.getMonth().getDisplayName(TextStyle.FULL, Locale.ROOT));
        case 'Z' -> b.append("UTC");
        case 'z' -> b.append("+0000");
        case 'n' -> b.append('\n');
        case 't' -> b.append('\t');
        case '%' -> b.append('%');
        default -> b.append('%').append(f);
      }
    }
    return b.toString();
  }

  private static String two(int n) {
    return n < 10 ? "0" + n : Integer.toString(n);
  }
}
