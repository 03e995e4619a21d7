package dev.kubesim.impl.program.commands;

import dev.kubesim.api.ExecResult;
import dev.kubesim.impl.program.Command;
import dev.kubesim.impl.program.ContainerFilesystem;
import dev.kubesim.impl.program.ExecContext;
import dev.kubesim.impl.program.FsException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code tar} as {@code kubectl cp} runs it in a container — {@code tar cf - PATH} to copy out,
 * {@code tar -xmf - -C DIR} to copy in — and as scripts use it: create ({@code c}), extract ({@code
 * x}) and list ({@code t}) ustar archives on standard input and output ({@code f -}) or a file,
 * with {@code -C DIR}, {@code v}, and the ownership and time options kubectl passes ({@code m},
 * {@code o}, {@code --no-same-owner}, {@code --no-same-permissions}), which change nothing here.
 * Bundled old-style options ({@code tar cf - x}) are read as GNU and BusyBox read them. Leading
 * {@code /} is removed from member names, with GNU's or BusyBox's notice.
 */
public final class Tar implements Command {
  private static final int BLOCK = 512;
  /** GNU tar writes whole records of 20 blocks. */
  private static final int RECORD = 20 * BLOCK;

  private record Options(char mode, String file, String directory, boolean verbose, List<String> operands, String error) {}

  @Override
  public ExecResult run(List<String> args, ExecContext ctx) {
    Options o = parse(args, ctx);
    if (o.error() != null) {
      return ExecResult.of("", o.error(), 2);
    }
    if (o.mode() == 0) {
      return ExecResult.of("", ctx.busybox() ? "tar: need at least one of -c, -x or -t\n"
          : "tar: You must specify one of the '-Acdtrux', '--delete' or '--test-label' options\n"
              + "Try 'tar --help' or 'tar --usage' for more information.\n", ctx.busybox() ? 1 : 2);
    }
    String base = o.directory() == null ? ctx.cwd() : ctx.resolve(o.directory());
    return switch (o.mode()) {
      case 'c' -> create(ctx, o, base);
      default -> readArchive(ctx, o, base);
    };
  }

  private static Options parse(List<String> args, ExecContext ctx) {
    char mode = 0;
    String file = null;
    String directory = null;
    boolean verbose = false;
    List<String> operands = new ArrayList<>();
    List<String> rest = new ArrayList<>(args);
    if (!rest.isEmpty() && !rest.get(0).startsWith("-")) {
      rest.set(0, "-" + rest.get(0)); // old-style bundled options: tar cf - x
    }
    for (int i = 0; i < rest.size(); i++) {
      String a = rest.get(i);
      if (a.startsWith("--")) {
        if (a.startsWith("--directory=")) {
          directory = a.substring("--directory=".length());
        } else if (a.startsWith("--file=")) {
          file = a.substring("--file=".length());
        } else if (!List.of("--no-same-owner", "--no-same-permissions", "--touch", "--verbose").contains(a)) {
          return new Options(mode, file, directory, verbose, operands, "tar: unrecognized option '" + a + "'\n"
              + "Try 'tar --help' or 'tar --usage' for more information.\n");
        }
        verbose |= a.equals("--verbose");
        continue;
      }
      if (!a.startsWith("-") || a.equals("-")) {
        operands.add(a);
        continue;
      }
      for (int j = 1; j < a.length(); j++) {
        char c = a.charAt(j);
        switch (c) {
          case 'c', 'x', 't' -> mode = c;
          case 'v' -> verbose = true;
          case 'm', 'o', 'p' -> { }
          case 'f', 'C' -> {
            String value = j + 1 < a.length() ? a.substring(j + 1) : i + 1 < rest.size() ? rest.get(++i) : null;
            if (value == null) {
              return new Options(mode, file, directory, verbose, operands, "tar: option requires an argument -- '" + c
                  + "'\nTry 'tar --help' or 'tar --usage' for more information.\n");
            }
            if (c == 'f') {
              file = value;
            } else {
              directory = value;
            }
            j = a.length();
          }
          case 'z', 'j', 'J' -> {
            return new Options(mode, file, directory, verbose, operands,
                "tar: compressed archives are not simulated (-" + c + ")\n");
          }
          default -> {
            return new Options(mode, file, directory, verbose, operands, "tar: invalid option -- '" + c + "'\n"
                + "Try 'tar --help' or 'tar --usage' for more information.\n");
          }
        }
      }
    }
    return new Options(mode, file == null ? "-" : file, directory, verbose, operands, null);
  }

  // ---- create

  private static ExecResult create(ExecContext ctx, Options o, String base) {
    ByteArrayOutputStream archive = new ByteArrayOutputStream();
    StringBuilder err = new StringBuilder();
    StringBuilder listing = new StringBuilder();
    boolean failed = false;
    boolean leadingSlash = false;
    if (o.operands().isEmpty()) {
      return ExecResult.of("", ctx.busybox() ? "tar: empty archive\n"
          : "tar: Cowardly refusing to create an empty archive\nTry 'tar --help' or 'tar --usage' for more information.\n",
          ctx.busybox() ? 1 : 2);
    }
    for (String operand : o.operands()) {
      String path = operand.startsWith("/") ? operand : join(base, operand);
      String member = operand;
      while (member.startsWith("/")) {
        member = member.substring(1);
        leadingSlash = true;
      }
      if (!ctx.fs().exists(path)) {
        failed = true;
        err.append(ctx.busybox() ? "tar: can't open '" + operand + "': No such file or directory\n"
            : "tar: " + operand + ": Cannot stat: No such file or directory\n");
        continue;
      }
      try {
        add(ctx.fs(), path, member, archive, listing);
      } catch (FsException e) {
        failed = true;
        err.append("tar: ").append(operand).append(": ").append(e.errno().message()).append('\n');
      }
    }
    if (leadingSlash) {
      err.insert(0, ctx.busybox() ? "tar: removing leading '/' from member names\n"
          : "tar: Removing leading `/' from member names\n");
    }
    archive.writeBytes(new byte[2 * BLOCK]);
    if (!ctx.busybox()) {
      int pad = (RECORD - archive.size() % RECORD) % RECORD;
      archive.writeBytes(new byte[pad]);
    }
    if (failed && !ctx.busybox()) {
      err.append("tar: Exiting with failure status due to previous errors\n");
    }
    String bytes = new String(archive.toByteArray(), StandardCharsets.UTF_8);
    if (o.verbose()) {
      err.append(listing); // the listing goes where the archive does not
    }
    if (!o.file().equals("-")) {
      try {
        ctx.fs().write(join(ctx.cwd(), o.file()), bytes);
      } catch (FsException e) {
        return ExecResult.of("", "tar: " + o.file() + ": Cannot open: " + e.errno().message() + "\n", 2);
      }
      bytes = "";
    }
    return ExecResult.of(bytes, err.toString(), failed ? (ctx.busybox() ? 1 : 2) : 0);
  }

  private static void add(ContainerFilesystem fs, String path, String member, ByteArrayOutputStream out,
      StringBuilder listing) throws FsException {
    ContainerFilesystem.Stat stat = fs.stat(path);
    long mtime = stat.modified().getEpochSecond();
    if (fs.isDirectory(path)) {
      String name = member.endsWith("/") ? member : member + "/";
      out.writeBytes(header(name, 0755, 0, mtime, '5'));
      listing.append(name).append('\n');
      for (String child : fs.list(path).stream().sorted().toList()) {
        add(fs, join(path, child), name + child, out, listing);
      }
      return;
    }
    byte[] content = fs.read(path).getBytes(StandardCharsets.UTF_8);
    out.writeBytes(header(member, stat.executable() ? 0755 : 0644, content.length, mtime, '0'));
    out.writeBytes(content);
    out.writeBytes(new byte[(BLOCK - content.length % BLOCK) % BLOCK]);
    listing.append(member).append('\n');
  }

  /** A ustar header block. */
  private static byte[] header(String name, int mode, long size, long mtime, char type) {
    byte[] h = new byte[BLOCK];
    byte[] n = name.getBytes(StandardCharsets.UTF_8);
    if (n.length > 100) {
      int split = name.lastIndexOf('/', Math.min(name.length() - 1, 155));
      put(h, 345, name.substring(0, Math.max(split, 0)), 155);
      put(h, 0, name.substring(split + 1), 100);
    } else {
      put(h, 0, name, 100);
    }
    put(h, 100, String.format("%07o", mode), 8);
    put(h, 108, "0000000", 8);
    put(h, 116, "0000000", 8);
    put(h, 124, String.format("%011o", size), 12);
    put(h, 136, String.format("%011o", mtime), 12);
    h[156] = (byte) type;
    put(h, 257, "ustar", 6);
    put(h, 263, "00", 2);
    put(h, 265, "root", 32);
    put(h, 297, "root", 32);
    for (int i = 148; i < 156; i++) {
      h[i] = ' ';
    }
    int sum = 0;
    for (byte b : h) {
      sum += b & 0xff;
    }
    put(h, 148, String.format("%06o", sum), 7);
    h[155] = ' ';
    return h;
  }

  private static void put(byte[] h, int at, String value, int width) {
    byte[] b = value.getBytes(StandardCharsets.UTF_8);
    System.arraycopy(b, 0, h, at, Math.min(b.length, width));
  }

  // ---- extract and list

  private static ExecResult readArchive(ExecContext ctx, Options o, String base) {
    String input;
    if (o.file().equals("-")) {
      input = ctx.stdin();
    } else {
      try {
        input = ctx.fs().read(join(ctx.cwd(), o.file()));
      } catch (FsException e) {
        return ExecResult.of("", ctx.busybox() ? "tar: can't open '" + o.file() + "': " + e.errno().message() + "\n"
            : "tar: " + o.file() + ": Cannot open: " + e.errno().message() + "\n"
                + "tar: Error is not recoverable: exiting now\n", 2);
      }
    }
    byte[] bytes = input.getBytes(StandardCharsets.UTF_8);
    StringBuilder out = new StringBuilder();
    StringBuilder err = new StringBuilder();
    int at = 0;
    int members = 0;
    while (at + BLOCK <= bytes.length) {
      if (zero(bytes, at)) {
        break;
      }
      if (!validChecksum(bytes, at)) {
        return notAnArchive(ctx, members);
      }
      String name = text(bytes, at, 100);
      String prefix = text(bytes, at + 345, 155);
      if (!prefix.isEmpty()) {
        name = prefix + "/" + name;
      }
      long size = octal(text(bytes, at + 124, 12));
      char type = (char) bytes[at + 156];
      int mode = (int) octal(text(bytes, at + 100, 8));
      at += BLOCK;
      if (size < 0 || at + size > bytes.length) {
        return ExecResult.of(out.toString(), err + (ctx.busybox() ? "tar: short read\n"
            : "tar: Unexpected EOF in archive\ntar: Error is not recoverable: exiting now\n"), 2);
      }
      String content = new String(bytes, at, (int) size, StandardCharsets.UTF_8);
      at += (int) ((size + BLOCK - 1) / BLOCK * BLOCK);
      members++;
      String member = name;
      while (member.startsWith("/")) {
        member = member.substring(1);
      }
      if (o.mode() == 't' || o.verbose()) {
        out.append(name).append('\n');
      }
      if (o.mode() == 't' || member.isEmpty()) {
        continue;
      }
      String target = join(base, member);
      try {
        if (type == '5') {
          ctx.fs().mkdirs(trimSlash(target));
        } else if (type == '0' || type == 0) {
          String parent = target.substring(0, Math.max(target.lastIndexOf('/'), 1));
          ctx.fs().mkdirs(parent);
          if (ctx.fs().exists(target)) {
            ctx.fs().remove(target);
          }
          ctx.fs().install(target, content, (mode & 0111) != 0);
        }
      } catch (FsException e) {
        err.append("tar: ").append(member).append(": Cannot open: ").append(e.errno().message()).append('\n');
      }
    }
    if (members == 0 && bytes.length > 0 && !zero(bytes, 0)) {
      return notAnArchive(ctx, 0);
    }
    if (err.length() > 0 && !ctx.busybox()) {
      err.append("tar: Exiting with failure status due to previous errors\n");
    }
    return ExecResult.of(out.toString(), err.toString(), err.length() > 0 ? 2 : 0);
  }

  private static ExecResult notAnArchive(ExecContext ctx, int members) {
    return ExecResult.of("", ctx.busybox() ? "tar: invalid tar magic\n"
        : "tar: This does not look like a tar archive\ntar: Exiting with failure status due to previous errors\n", 2);
  }

  private static boolean validChecksum(byte[] b, int at) {
    long stored = octal(text(b, at + 148, 8));
    long sum = 0;
    for (int i = 0; i < BLOCK; i++) {
      sum += i >= 148 && i < 156 ? ' ' : b[at + i] & 0xff;
    }
    return stored == sum;
  }

  private static boolean zero(byte[] b, int at) {
    for (int i = at; i < at + BLOCK && i < b.length; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return true;
  }

  private static String text(byte[] b, int at, int width) {
    int end = at;
    while (end < at + width && end < b.length && b[end] != 0) {
      end++;
    }
    return new String(b, at, end - at, StandardCharsets.UTF_8);
  }

  private static long octal(String s) {
    String t = s.trim();
    if (t.isEmpty()) {
      return 0;
    }
    try {
      return Long.parseLong(t, 8);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static String join(String dir, String name) {
    if (name.startsWith("/")) {
      return name;
    }
    String d = dir.endsWith("/") ? dir : dir + "/";
    String n = name.startsWith("./") ? name.substring(2) : name;
    return n.isEmpty() || n.equals(".") ? trimSlash(d) : d + n;
  }

  private static String trimSlash(String path) {
    return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }
}
