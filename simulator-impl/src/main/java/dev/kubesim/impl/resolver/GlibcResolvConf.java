package dev.kubesim.impl.resolver;

import java.util.ArrayList;
import java.util.List;

/** glibc's reading of resolv.conf ({@code resolv/res_init.c}, glibc 2.26 and later). */
final class GlibcResolvConf {
  /** {@code RES_MAXRETRY}. */
  private static final int MAX_ATTEMPTS = 5;

  private GlibcResolvConf() {}

  static ResolverConfig read(String text) {
    List<String> nameservers = new ArrayList<>();
    List<String> search = new ArrayList<>();
    int ndots = 1;
    int attempts = 2;
    boolean noTldQuery = false;
    for (String line : text.split("\n", -1)) {
      if (line.startsWith(";") || line.startsWith("#")) {
        continue;
      }
      String[] words = line.strip().split("\\s+");
      if (!keyword(line, words[0])) {
        continue;
      }
      switch (words[0]) {
        // "domain" and "search" both replace the list; the last line wins.
        case "domain" -> {
          search.clear();
          if (words.length > 1) {
            search.add(words[1]);
          }
        }
        case "search" -> {
          search.clear();
          for (int i = 1; i < words.length; i++) {
            search.add(words[i]);
          }
        }
        case "nameserver" -> {
          if (words.length > 1 && nameservers.size() < ResolverConfig.MAX_NAMESERVERS) {
            nameservers.add(words[1]);
          }
        }
        case "options" -> {
          // Each options line applies on top of the earlier ones.
          for (int i = 1; i < words.length; i++) {
            String o = words[i];
            if (o.startsWith("ndots:")) {
              ndots = Math.min(atoi(o.substring(6)), ResolverConfig.MAX_NDOTS);
            } else if (o.startsWith("attempts:")) {
              attempts = Math.max(1, Math.min(atoi(o.substring(9)), MAX_ATTEMPTS));
            } else if (o.equals("no-tld-query")) {
              noTldQuery = true;
            }
          }
        }
        default -> { }
      }
    }
    if (nameservers.isEmpty()) {
      nameservers.add("127.0.0.1");
    }
    return new ResolverConfig(nameservers, search, ndots, attempts, noTldQuery);
  }

  /** {@code MATCH}: the line starts with the keyword followed by a space or tab. */
  private static boolean keyword(String line, String word) {
    return line.startsWith(word) && line.length() > word.length()
        && (line.charAt(word.length()) == ' ' || line.charAt(word.length()) == '\t');
  }

  /** C's {@code atoi}: leading digits, 0 when there are none. */
  static int atoi(String s) {
    int i = 0;
    long v = 0;
    while (i < s.length() && Character.isDigit(s.charAt(i)) && v < Integer.MAX_VALUE) {
      v = v * 10 + (s.charAt(i++) - '0');
    }
    return (int) Math.min(v, Integer.MAX_VALUE);
  }
}
