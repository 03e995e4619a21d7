package dev.kubesim.impl.resolver;

import java.util.Locale;
import java.util.function.Function;

/** The C library whose stub resolver a container's programs use. */
public enum Libc {
  /** GNU libc (Debian, Ubuntu, most images): {@code resolv/res_init.c}, {@code res_query.c}. */
  GLIBC {
    @Override
    public ResolverConfig read(String resolvConf) {
      return GlibcResolvConf.read(resolvConf);
    }
  },
  /** musl (Alpine, BusyBox's musl builds): {@code src/network/resolvconf.c}, {@code lookup_name.c}. */
  MUSL {
    @Override
    public ResolverConfig read(String resolvConf) {
      return MuslResolvConf.read(resolvConf);
    }
  };

  private final Function<String, ResolverConfig> reader = this::read;

  /** Reads {@code /etc/resolv.conf} the way this libc does. */
  public abstract ResolverConfig read(String resolvConf);

  /** {@link #read} as one constant function (a key for memoised readings of the file). */
  public Function<String, ResolverConfig> reader() {
    return reader;
  }

  /** {@code glibc} or {@code musl}, any case. */
  public static Libc named(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "glibc" -> GLIBC;
      case "musl" -> MUSL;
      default -> throw new IllegalArgumentException("unknown resolver \"" + name + "\"; known: glibc, musl");
    };
  }
}
