package dev.kubesim.impl.resolver;

import java.util.ArrayList;
import java.util.List;

/** musl's reading of resolv.conf ({@code src/network/resolvconf.c __get_resolv_conf}). */
final class MuslResolvConf {
  /** musl reads lines into a 256-byte buffer: a longer line is skipped whole. */
  private static final int MAX_LINE = 254;
  /** The search string's buffer in {@code name_from_dns_search}. */
  private static final int SEARCH_BUFFER = 256;
  private static final int MAX_ATTEMPTS = 10;

  private MuslResolvConf() {}

  static ResolverConfig read(String text) {
    List<String> nameservers = new ArrayList<>();
    String search = "";
    int ndots = 1;
    int attempts = 2;
    for (String line : text.split("\n", -1)) {
      if (line.length() > MAX_LINE) {
        continue;
      }
      if (keyword(line, "options")) {
        Integer n = number(line, "ndots:");
        if (n != null) {
          ndots = Math.min(n, ResolverConfig.MAX_NDOTS);
        }
        Integer a = number(line, "attempts:");
        if (a != null) {
          attempts = Math.max(1, Math.min(a, MAX_ATTEMPTS));
        }
      } else if (keyword(line, "nameserver")) {
        String[] words = line.strip().split("\\s+");
        if (words.length > 1 && nameservers.size() < ResolverConfig.MAX_NAMESERVERS) {
          nameservers.add(words[1]);
        }
      } else if (keyword(line, "domain") || keyword(line, "search")) {
        String rest = line.substring(7).stripLeading();
        if (rest.length() + 1 < SEARCH_BUFFER) {
          search = rest;
        }
      }
    }
    if (nameservers.isEmpty()) {
      nameservers.add("127.0.0.1");
    }
    List<String> domains = new ArrayList<>();
    for (String d : search.strip().split("\\s+")) {
      if (!d.isEmpty()) {
        domains.add(d);
      }
    }
    return new ResolverConfig(nameservers, domains, ndots, attempts, false);
  }

  /** The keyword at the very start of the line, then white space. */
  private static boolean keyword(String line, String word) {
    return line.startsWith(word) && line.length() > word.length() && Character.isWhitespace(line.charAt(word.length()));
  }

  /** {@code strstr(line, "ndots:")} followed by a digit: the number, else null. */
  private static Integer number(String line, String key) {
    int at = line.indexOf(key);
    if (at < 0 || at + key.length() >= line.length() || !Character.isDigit(line.charAt(at + key.length()))) {
      return null;
    }
    return GlibcResolvConf.atoi(line.substring(at + key.length()));
  }
}
