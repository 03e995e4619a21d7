package dev.kubesim.impl.program.commands;

import dev.kubesim.api.ExecResult;
import dev.kubesim.api.program.BaseImage;
import dev.kubesim.impl.program.Command;
import dev.kubesim.impl.program.ContainerFilesystem;
import dev.kubesim.impl.program.ContainerFilesystem.Kind;
import dev.kubesim.impl.program.ContainerFilesystem.Stat;
import dev.kubesim.impl.program.ExecContext;
import dev.kubesim.impl.program.FsException;
import dev.kubesim.impl.program.FsPaths;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code ls [-1aAdlR] [FILE...]}, one name per line (its output is not a terminal). A missing
 * operand is {@code ls: cannot access '/x': No such file or directory}, status 2, in GNU
 * coreutils ({@code ls: cannot access /x: ...} before 8.25), and {@code ls: /x: No such file or
 * directory}, status 1, in BusyBox.
 */
public final class Ls implements Command {
  private static final DateTimeFormatter RECENT =
      DateTimeFormatter.ofPattern("MMM ppd HH:mm", Locale.US).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter OLD =
      DateTimeFormatter.ofPattern("MMM ppd  yyyy", Locale.US).withZone(ZoneOffset.UTC);

  private record Entry(String shown, String path, Stat stat) {}

  @Override
  public ExecResult run(List<String> args, ExecContext ctx) {
    Flags f = Flags.parse(args, "1aAdlhFtrSR");
    if (f.unknown != null) {
      return Words.invalidOption(ctx, f.unknown, 2);
    }
    for (String longOption : f.longOptions) {
      switch (longOption) {
        case "all" -> f.seen.append('a');
        case "almost-all" -> f.seen.append('A');
        case "directory" -> f.seen.append('d');
        case "recursive" -> f.seen.append('R');
        default -> {
          return ExecResult.failure(2, ctx.programName() + ": unrecognized option '--"
              + longOption + "'\n" + Words.tryHelp(ctx));
        }
      }
    }
    List<String> operands = f.operands.isEmpty() ? List.of(".") : f.operands;
    StringBuilder out = new StringBuilder();
    StringBuilder err = new StringBuilder();
    int status = 0;
    List<Entry> files = new ArrayList<>();
    List<Entry> dirs = new ArrayList<>();
    ContainerFilesystem fs = ctx.fs();
    for (String operand : operands) {
      String path = ctx.resolve(operand);
      try {
        if (operand.endsWith("/") && !fs.isDirectory(path)) {
          fs.list(path); // a trailing slash demands a directory
        }
        Stat stat = fs.stat(path);
        Entry e = new Entry(operand, path, stat);
        (stat.kind() == Kind.DIRECTORY && !f.has('d') ? dirs : files).add(e);
      } catch (FsException e) {
        err.append(cannotAccess(ctx, operand, e));
        status = ctx.busybox() ? 1 : 2;
      }
    }
    files.sort((a, b) -> a.shown().compareTo(b.shown()));
    dirs.sort((a, b) -> a.shown().compareTo(b.shown()));
    print(files, f, ctx, out, false);
    boolean recursive = f.has('R');
    boolean headers = operands.size() > 1 || recursive;
    boolean first = files.isEmpty();
    java.util.Deque<Entry> pending = new java.util.ArrayDeque<>(dirs);
    while (!pending.isEmpty()) {
      Entry dir = pending.pollFirst();
      if (!first) {
        out.append('\n');
      }
      first = false;
      if (headers) {
        out.append(dir.shown()).append(":\n");
      }
      List<Entry> children = new ArrayList<>();
      try {
        List<String> names = new ArrayList<>(fs.list(dir.path()));
        if (f.has('a')) {
          names.add(0, "..");
          names.add(0, ".");
        }
        for (String name : names) {
          if (name.startsWith(".") && !f.has('a') && !f.has('A')) {
            continue;
          }
          String childPath = FsPaths.resolve(dir.path(), name);
          children.add(new Entry(name, childPath, fs.stat(childPath)));
        }
      } catch (FsException e) {
        err.append(cannotAccess(ctx, dir.shown(), e));
        status = ctx.busybox() ? 1 : 2;
        continue;
      }
      print(children, f, ctx, out, true);
      if (recursive) {
        // depth first, in the order listed: each subdirectory's listing before the next one's
        List<Entry> below = new ArrayList<>();
        for (Entry child : children) {
          if (child.stat().kind() == Kind.DIRECTORY && !child.shown().equals(".") && !child.shown().equals("..")) {
            String shown = dir.shown().endsWith("/") ? dir.shown() + child.shown() : dir.shown() + "/" + child.shown();
            below.add(new Entry(shown, child.path(), child.stat()));
          }
        }
        for (int i = below.size() - 1; i >= 0; i--) {
          pending.addFirst(below.get(i));
        }
      }
    }
    return ExecResult.of(out.toString(), err.toString(), status);
  }

  private static String cannotAccess(ExecContext ctx, String operand, FsException e) {
    String name = ctx.programName();
    return switch (ctx.coreutils()) {
      case GNU -> name + ": cannot access " + Words.quoted(operand) + ": " + e.errno().message();
      case GNU_BEFORE_8_25 -> name + ": cannot access " + operand + ": " + e.errno().message();
      case BUSYBOX -> name + ": " + operand + ": " + e.errno().message();
    } + "\n";
  }

  private static void print(List<Entry> entries, Flags f, ExecContext ctx, StringBuilder out,
      boolean directoryListing) {
    if (!f.has('l')) {
      for (Entry e : entries) {
        out.append(e.shown()).append(suffix(e, f)).append('\n');
      }
      return;
    }
    if (directoryListing) {
      long blocks = 0;
      for (Entry e : entries) {
        blocks += blocks(e.stat());
      }
      out.append("total ").append(blocks).append('\n');
    }
    int linkWidth = 1;
    int sizeWidth = 1;
    for (Entry e : entries) {
      linkWidth = Math.max(linkWidth, String.valueOf(e.stat().links()).length());
      sizeWidth = Math.max(sizeWidth, size(e.stat()).length());
    }
    for (Entry e : entries) {
      Stat s = e.stat();
      String date = date(s.modified(), ctx.now());
      if (ctx.coreutils() == BaseImage.Coreutils.BUSYBOX) {
        out.append(String.format(Locale.ROOT, "%-10s %4d %-8s %-8s %9s %s %s%s%n",
            mode(e), s.links(), "root", "root", size(s), date, e.shown(), suffix(e, f)));
      } else {
        out.append(String.format(Locale.ROOT, "%s %" + linkWidth + "d root root %" + sizeWidth
            + "s %s %s%s%n", mode(e), s.links(), size(s), date, e.shown(), suffix(e, f)));
      }
    }
  }

  private static String suffix(Entry e, Flags f) {
    if (!f.has('F')) {
      return "";
    }
    if (e.stat().kind() == Kind.DIRECTORY) {
      return "/";
    }
    return e.stat().executable() ? "*" : "";
  }

  private static long blocks(Stat s) {
    if (s.kind() == Kind.DIRECTORY) {
      return 4;
    }
    return s.kind() == Kind.FILE ? (s.size() + 4095) / 4096 * 4 : 0;
  }

  private static String size(Stat s) {
    return s.kind() == Kind.DEVICE ? "1, 3" : String.valueOf(s.size());
  }

  private static String mode(Entry e) {
    Stat s = e.stat();
    return switch (s.kind()) {
      case DIRECTORY -> e.path().equals("/tmp") ? "drwxrwxrwt" : "drwxr-xr-x";
      case DEVICE -> "crw-rw-rw-";
      case FILE -> s.executable() ? "-rwxr-xr-x" : "-rw-r--r--";
    };
  }

  /** {@code Jan  1 00:00} for the last six months, {@code Jan  1  2017} otherwise, as ls does. */
  private static String date(Instant modified, Instant now) {
    boolean recent = !modified.isAfter(now) && Duration.between(modified, now).toDays() < 182;
    return (recent ? RECENT : OLD).format(modified);
  }
}
