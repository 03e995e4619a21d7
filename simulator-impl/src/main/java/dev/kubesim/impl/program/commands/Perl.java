package dev.kubesim.impl.program.commands;

import dev.kubesim.api.ExecResult;
import dev.kubesim.impl.program.Command;
import dev.kubesim.impl.program.ExecContext;
import dev.kubesim.impl.program.images.ImageVersions;
import java.math.BigDecimal;
import java.util.List;

/**
 * {@code perl}, as far as kubesim goes: the command lines of kubernetes.io's Job example ({@code
 * perl -Mbignum=bpi -wle 'print bpi(2000)'}) and of quick checks. It reads perl's switches
 * ({@code -e}, {@code -E}, {@code -l}, {@code -w}, {@code -M}/{@code -m}, {@code -v}, bundled as
 * {@code -wle}), a script file or the program on standard input, and runs programs made of {@code
 * print} and {@code say} of string and number literals joined with {@code .} and {@code ,}, {@code
 * bpi(N)} (imported by {@code bignum}, or {@code Math::BigFloat->bpi(N)} once the module is loaded), {@code exit}, and the
 * pragmas {@code use strict}, {@code use warnings}, {@code use feature}, {@code use bignum}. Other
 * Perl is not run, and says so (exit 1); {@code -d} (the image's default {@code -de0}, the
 * debugger, with no terminal) exits 0 at once.
 */
public final class Perl implements Command {
  /** The version in {@code perl:latest} and tags that name none. */
  public static final String VERSION = "5.42.0";
  /** Debian 12's system perl, in images that are not perl's. */
  private static final String DEBIAN_VERSION = "5.36.0";
  private static final String REPOSITORY = "docker.io/library/perl";

  @Override
  public ExecResult run(List<String> args, ExecContext ctx) {
    Switches sw = new Switches();
    int i = 0;
    for (; i < args.size(); i++) {
      String a = args.get(i);
      if (a.equals("--")) {
        i++;
        break;
      }
      if (!a.startsWith("-") || a.equals("-")) {
        break;
      }
      if (a.equals("--version")) {
        return ExecResult.ok(version(ctx));
      }
      int consumed = sw.read(a, i + 1 < args.size() ? args.get(i + 1) : null);
      if (sw.error != null) {
        return ExecResult.failure(29, sw.error);
      }
      if (sw.version) {
        return ExecResult.ok(version(ctx));
      }
      i += consumed;
    }
    if (sw.debugger) {
      return ExecResult.ok("");
    }
    String source = "-e";
    String program;
    if (sw.code != null) {
      program = sw.code.toString();
    } else if (i < args.size() && !args.get(i).equals("-")) {
      source = args.get(i);
      var text = ctx.fs().readIfFile(ctx.resolve(source));
      if (text.isEmpty()) {
        return ExecResult.failure(2, "Can't open perl script \"" + source + "\": No such file or directory\n");
      }
      program = text.get();
    } else {
      source = "-";
      program = ctx.stdin();
    }
    try {
      PerlScript run = PerlScript.compile(program, source, sw.lineEnding, sw.bpiImported, sw.bigFloatLoaded, sw.features);
      return run.execute();
    } catch (PerlScript.Unsupported e) {
      return ExecResult.failure(1, ctx.programName() + ": kubesim does not run this Perl code (" + e.getMessage()
          + "); it runs print and say of literals and bpi(N), exit, and -v\n");
    }
  }

  /** {@code perl -v}: the version banner of the image's perl. */
  private static String version(ExecContext ctx) {
    String version = ctx.container().image().repository().equals("library/perl")
        ? ImageVersions.version(REPOSITORY, ctx.container().image().tag(), VERSION) : DEBIAN_VERSION;
    String[] parts = version.split("\\.");
    int minor = Integer.parseInt(parts[1]);
    int year = 2004 + minor / 2; // each even (stable) series is a year's release: 5.34 in 2021
    return "\nThis is perl 5, version " + minor + ", subversion " + (parts.length > 2 ? parts[2] : "0") + " (v" + version
        + ") built for x86_64-linux-gnu\n\nCopyright 1987-" + year + ", Larry Wall\n\n"
        + "Perl may be copied only under the terms of either the Artistic License or the\n"
        + "GNU General Public License, which may be found in the Perl 5 source kit.\n\n"
        + "Complete documentation for Perl, including FAQ lists, should be found on\n"
        + "this system using \"man perl\" or \"perldoc perl\".  If you have access to the\n"
        + "Internet, point your browser at https://www.perl.org/, the Perl Home Page.\n\n";
  }

  /** perl's command-line switches, read one word (a bundle such as {@code -wle}) at a time. */
  private static final class Switches {
    StringBuilder code;
    boolean lineEnding;
    boolean bpiImported;
    boolean bigFloatLoaded;
    boolean features;
    boolean version;
    boolean debugger;
    String error;

    /** Reads a word of switches; returns how many of the following words it took (0 or 1). */
    int read(String word, String next) {
      for (int j = 1; j < word.length(); j++) {
        char c = word.charAt(j);
        switch (c) {
          case 'w', 'W', 'X', 's', 'T', 't', 'U' -> { }
          case 'l' -> {
            lineEnding = true;
            while (j + 1 < word.length() && Character.isDigit(word.charAt(j + 1))) {
              j++; // -l0NNN: the octal record separator
            }
          }
          case 'v' -> version = true;
          case 'd' -> debugger = true;
          case 'e', 'E' -> {
            features |= c == 'E';
            String rest = word.substring(j + 1);
            int took = 0;
            if (rest.isEmpty()) {
              if (next == null) {
                error = "No code specified for -" + c + ".\n";
                return 0;
              }
              rest = next;
              took = 1;
            }
            code = (code == null ? new StringBuilder() : code).append(rest).append('\n');
            return took;
          }
          case 'M', 'm' -> {
            String rest = word.substring(j + 1);
            int took = 0;
            if (rest.isEmpty()) {
              if (next == null) {
                error = "Missing argument to -" + c + "\n";
                return 0;
              }
              rest = next;
              took = 1;
            }
            module(rest);
            return took;
          }
          default -> {
            error = "Unrecognized switch: -" + word.substring(j) + "  (-h will show valid options).\n";
            return 0;
          }
        }
      }
      return 0;
    }

    /** {@code -Mbignum=bpi}: bignum exports bpi when asked. */
    private void module(String spec) {
      int eq = spec.indexOf('=');
      String name = eq < 0 ? spec : spec.substring(0, eq);
      List<String> imports = eq < 0 ? List.of() : List.of(spec.substring(eq + 1).split(","));
      boolean bignum = name.equals("bignum") || name.equals("bigrat") || name.equals("bigfloat");
      bpiImported |= bignum && imports.contains("bpi");
      bigFloatLoaded |= bignum || name.equals("Math::BigFloat");
      if (name.equals("feature") || name.startsWith("5.") || name.startsWith("v5")) {
        features = true;
      }
    }
  }

  /** For {@link PerlScript}: a number as perl prints a literal, {@code 1.50} as {@code 1.5}. */
  static String number(String literal) {
    BigDecimal value = new BigDecimal(literal.replace("_", ""));
    String text = value.stripTrailingZeros().toPlainString();
    return text.equals("-0") ? "0" : text;
  }
}
