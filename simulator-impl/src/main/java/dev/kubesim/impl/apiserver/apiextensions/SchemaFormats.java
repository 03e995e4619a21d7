package dev.kubesim.impl.apiserver.apiextensions;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The string formats a CRD schema's {@code format} is checked against, as apiextensions-apiserver
 * v1.32 has them: the formats its {@code StripUnsupportedFormatsPostProcess} keeps (others are
 * dropped and check nothing), each checked by the kube-openapi {@code strfmt.Default} registry's
 * function. Names are normalized as the registry does ({@code date-time} is {@code datetime}).
 * {@code quantity} is kept by the apiserver but has no checker in the registry, so it checks
 * nothing; {@code int32}/{@code int64}/{@code float}/{@code double} are kept on numbers but check no
 * range in v1.32.
 */
final class SchemaFormats {
  private SchemaFormats() {}

  /** The string formats the apiserver keeps in a v1.32 schema (normalized names). */
  private static final Set<String> SUPPORTED = Set.of("bsonobjectid", "uri", "email", "hostname", "ipv4", "ipv6",
      "cidr", "mac", "uuid", "uuid3", "uuid4", "uuid5", "isbn", "isbn10", "isbn13", "creditcard", "ssn", "hexcolor",
      "rgbcolor", "byte", "password", "date", "duration", "datetime", "quantity");

  private static final Pattern HOSTNAME = Pattern.compile(
      "^([a-zA-Z0-9\\p{S}\\p{L}]((-?[a-zA-Z0-9\\p{S}\\p{L}]{0,62})?)|([a-zA-Z0-9\\p{S}\\p{L}](([a-zA-Z0-9-\\p{S}\\p{L}]{0,61}"
          + "[a-zA-Z0-9\\p{S}\\p{L}])?)(\\.)){1,}([a-zA-Z\\p{L}]){2,63})$");
  private static final Pattern UUID = Pattern.compile("(?i)^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$");
  private static final Pattern UUID3 = Pattern.compile("(?i)^[0-9a-f]{8}-?[0-9a-f]{4}-?3[0-9a-f]{3}-?[0-9a-f]{4}-?[0-9a-f]{12}$");
  private static final Pattern UUID4 =
      Pattern.compile("(?i)^[0-9a-f]{8}-?[0-9a-f]{4}-?4[0-9a-f]{3}-?[89ab][0-9a-f]{3}-?[0-9a-f]{12}$");
  private static final Pattern UUID5 =
      Pattern.compile("(?i)^[0-9a-f]{8}-?[0-9a-f]{4}-?5[0-9a-f]{3}-?[89ab][0-9a-f]{3}-?[0-9a-f]{12}$");
  private static final Pattern BASE64 =
      Pattern.compile("^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{4})$");
  private static final Pattern DATE_TIME_TAIL =
      Pattern.compile("^([0-9]{2}):([0-9]{2}):([0-9]{2})(.[0-9]+)?(z|([+-][0-9]{2}:[0-9]{2}))$");
  private static final Pattern DATE = Pattern.compile("^(\\d{4})-(\\d{2})-(\\d{2})$");
  private static final Pattern HEX_COLOR = Pattern.compile("^#?([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$");
  private static final String BYTE_RX = "(0|[1-9]\\d?|1\\d\\d?|2[0-4]\\d|25[0-5])";
  private static final Pattern RGB_COLOR = Pattern.compile(
      "^rgb\\(\\s*" + BYTE_RX + "\\s*,\\s*" + BYTE_RX + "\\s*,\\s*" + BYTE_RX + "\\s*\\)$");
  private static final Pattern SSN = Pattern.compile("^\\d{3}[- ]?\\d{2}[- ]?\\d{4}$");
  private static final Pattern ISBN10 = Pattern.compile("^(?:[0-9]{9}X|[0-9]{10})$");
  private static final Pattern ISBN13 = Pattern.compile("^(?:[0-9]{13})$");
  private static final Pattern CREDIT_CARD = Pattern.compile(
      "^(?:4[0-9]{12}(?:[0-9]{3})?|5[1-5][0-9]{14}|(222[1-9]|22[3-9][0-9]|2[3-6][0-9]{2}|27[01][0-9]|2720)[0-9]{12}"
          + "|6(?:011|5[0-9][0-9])[0-9]{12}|3[47][0-9]{13}|3(?:0[0-5]|[68][0-9])[0-9]{11}|(?:2131|1800|35\\d{3})\\d{11}"
          + "|6[27][0-9]{14})$");
  private static final Pattern BSON_ID = Pattern.compile("^[0-9a-fA-F]{24}$");
  private static final Pattern EMAIL_ATOM = Pattern.compile("^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$");
  private static final Pattern GO_DURATION =
      Pattern.compile("^[-+]?(0|(([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(ns|us|µs|μs|ms|s|m|h))+)$");
  private static final Pattern LOOSE_DURATION = Pattern.compile("((\\d+)\\s*([A-Za-zµ]+))");
  private static final List<List<String>> TIME_UNITS = List.of(List.of("ns", "nano"), List.of("us", "µs", "micro"),
      List.of("ms", "milli"), List.of("s", "sec"), List.of("m", "min"), List.of("h", "hr", "hour"), List.of("d", "day"),
      List.of("w", "wk", "week"));

  private static final Map<String, Predicate<String>> CHECKS = Map.ofEntries(
      Map.entry("uri", SchemaFormats::isRequestUri),
      Map.entry("email", SchemaFormats::isEmail),
      Map.entry("hostname", SchemaFormats::isHostname),
      Map.entry("ipv4", s -> parseIp(s, true) != null && s.contains(".")),
      Map.entry("ipv6", s -> parseIp(s, false) != null && s.contains(":")),
      Map.entry("cidr", SchemaFormats::isCidr),
      Map.entry("mac", SchemaFormats::isMac),
      Map.entry("uuid", s -> UUID.matcher(s).find()),
      Map.entry("uuid3", s -> UUID3.matcher(s).find()),
      Map.entry("uuid4", s -> UUID4.matcher(s).find()),
      Map.entry("uuid5", s -> UUID5.matcher(s).find()),
      Map.entry("isbn", s -> isIsbn10(s) || isIsbn13(s)),
      Map.entry("isbn10", SchemaFormats::isIsbn10),
      Map.entry("isbn13", SchemaFormats::isIsbn13),
      Map.entry("creditcard", SchemaFormats::isCreditCard),
      Map.entry("ssn", s -> !s.isEmpty() && SSN.matcher(s).find()),
      Map.entry("hexcolor", s -> HEX_COLOR.matcher(s).find()),
      Map.entry("rgbcolor", s -> RGB_COLOR.matcher(s).find()),
      Map.entry("byte", s -> BASE64.matcher(s).find()),
      Map.entry("password", s -> true),
      Map.entry("date", SchemaFormats::isDate),
      Map.entry("datetime", SchemaFormats::isDateTime),
      Map.entry("duration", SchemaFormats::isDuration),
      Map.entry("bsonobjectid", s -> BSON_ID.matcher(s).find()));

  /** The registry's name normalization: dashes (and case) do not count. */
  static String normalize(String format) {
    return format.replace("-", "").toLowerCase(Locale.ROOT);
  }

  /**
   * The format the validator keeps for a schema of this type, or empty when the apiserver strips it
   * ({@code StripUnsupportedFormatsPostProcess}).
   */
  static String effective(String type, String format) {
    if (format.isEmpty()) {
      return "";
    }
    switch (type) {
      case "", "string":
        return SUPPORTED.contains(format.replace("-", "")) ? format : "";
      case "integer":
        return format.equals("int32") || format.equals("int64") ? format : "";
      case "number":
        return format.equals("float") || format.equals("double") ? format : "";
      default:
        return "";
    }
  }

  /** Whether the registry knows the (kept) format, i.e. checks strings against it. */
  static boolean known(String format) {
    return !format.isEmpty() && CHECKS.containsKey(normalize(format));
  }

  /** Whether the string passes the format's check (true for formats with no checker). */
  static boolean validates(String format, String value) {
    Predicate<String> check = CHECKS.get(normalize(format));
    return check == null || check.test(value);
  }

  // --- the checkers ---

  static boolean isDate(String s) {
    Matcher m = DATE.matcher(s);
    if (!m.matches()) {
      return false;
    }
    int year = Integer.parseInt(m.group(1));
    int month = Integer.parseInt(m.group(2));
    int day = Integer.parseInt(m.group(3));
    if (month < 1 || month > 12 || day < 1) {
      return false;
    }
    return day <= java.time.YearMonth.of(year, month).lengthOfMonth();
  }

  static boolean isDateTime(String s) {
    if (s.length() < 4) {
      return false;
    }
    String[] parts = s.toLowerCase(Locale.ROOT).split("t", -1);
    if (parts.length < 2 || !isDate(parts[0])) {
      return false;
    }
    Matcher m = DATE_TIME_TAIL.matcher(parts[1]);
    if (!m.find()) {
      return false;
    }
    return m.group(1).compareTo("23") <= 0 && m.group(2).compareTo("59") <= 0 && m.group(3).compareTo("59") <= 0;
  }

  static boolean isDuration(String s) {
    if (GO_DURATION.matcher(s).matches()) {
      return true;
    }
    Matcher m = LOOSE_DURATION.matcher(s);
    boolean ok = false;
    while (m.find()) {
      String unit = m.group(3).trim().toLowerCase(Locale.ROOT);
      for (List<String> variants : TIME_UNITS) {
        for (int i = 0; i < variants.size(); i++) {
          String variant = variants.get(i);
          if ((i == variants.size() - 1 && unit.startsWith(variant)) || variant.equalsIgnoreCase(unit)) {
            ok = true;
          }
        }
      }
    }
    return ok;
  }

  static boolean isHostname(String s) {
    if (!HOSTNAME.matcher(s).find() || s.getBytes(StandardCharsets.UTF_8).length > 255) {
      return false;
    }
    for (String label : s.split("\\.", -1)) {
      if (label.getBytes(StandardCharsets.UTF_8).length > 63) {
        return false;
      }
    }
    return true;
  }

  /** {@code net/mail.ParseAddress} for the common forms: {@code a@b}, {@code Name <a@b>}. */
  static boolean isEmail(String s) {
    String addr = s.trim();
    int lt = addr.lastIndexOf('<');
    if (lt >= 0) {
      if (!addr.endsWith(">")) {
        return false;
      }
      addr = addr.substring(lt + 1, addr.length() - 1);
    }
    int at = addr.lastIndexOf('@');
    if (at <= 0 || at == addr.length() - 1) {
      return false;
    }
    String local = addr.substring(0, at);
    String domain = addr.substring(at + 1);
    boolean localOk = EMAIL_ATOM.matcher(local).matches()
        || (local.length() >= 2 && local.startsWith("\"") && local.endsWith("\""));
    boolean domainOk = EMAIL_ATOM.matcher(domain).matches()
        || (domain.startsWith("[") && domain.endsWith("]"));
    return localOk && domainOk;
  }

  /** {@code net/url.ParseRequestURI} succeeds: an absolute URI or an absolute path. */
  static boolean isRequestUri(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        return false;
      }
    }
    String rest = s;
    int hash = rest.indexOf('#');
    if (hash >= 0) {
      rest = rest.substring(0, hash);
    }
    String scheme = "";
    for (int i = 0; i < rest.length(); i++) {
      char c = rest.charAt(i);
      if (Character.isLetter(c) && c < 128) {
        continue;
      }
      if ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.') {
        if (i == 0) {
          break;
        }
        continue;
      }
      if (c == ':') {
        if (i == 0) {
          return false;
        }
        scheme = rest.substring(0, i);
        rest = rest.substring(i + 1);
      }
      break;
    }
    int q = rest.indexOf('?');
    if (q >= 0) {
      rest = rest.substring(0, q);
    }
    if (!rest.startsWith("/")) {
      return !scheme.isEmpty();
    }
    if (!scheme.isEmpty() && rest.startsWith("//")) {
      String authority = rest.substring(2);
      int slash = authority.indexOf('/');
      if (slash >= 0) {
        authority = authority.substring(0, slash);
      }
      int atSign = authority.lastIndexOf('@');
      String host = atSign >= 0 ? authority.substring(atSign + 1) : authority;
      return validHostPort(host);
    }
    return true;
  }

  private static boolean validHostPort(String host) {
    String port = "";
    if (host.startsWith("[")) {
      int close = host.indexOf(']');
      if (close < 0) {
        return false;
      }
      port = host.substring(close + 1);
      if (!port.isEmpty() && !port.startsWith(":")) {
        return false;
      }
    } else {
      int colon = host.lastIndexOf(':');
      if (colon >= 0) {
        port = host.substring(colon);
        host = host.substring(0, colon);
      }
      for (int i = 0; i < host.length(); i++) {
        char c = host.charAt(i);
        if (c == ' ' || c == '<' || c == '>' || c == '"' || c == '{' || c == '}' || c == '|' || c == '\\' || c == '^'
            || c == '`') {
          return false;
        }
      }
    }
    for (int i = 1; i < port.length(); i++) {
      if (!Character.isDigit(port.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  static boolean isCidr(String s) {
    int slash = s.indexOf('/');
    if (slash < 0) {
      return false;
    }
    String addr = s.substring(0, slash);
    String bits = s.substring(slash + 1);
    byte[] ip = parseIp(addr, true);
    if (ip == null || bits.isEmpty() || bits.length() > 3 || !bits.chars().allMatch(Character::isDigit)
        || (bits.length() > 1 && bits.charAt(0) == '0')) {
      return false;
    }
    int n = Integer.parseInt(bits);
    boolean v4 = !addr.contains(":");
    return n <= (v4 ? 32 : 128);
  }

  static boolean isMac(String s) {
    if (s.length() < 14) {
      return false;
    }
    if (s.charAt(2) == ':' || s.charAt(2) == '-') {
      char sep = s.charAt(2);
      if ((s.length() + 1) % 3 != 0) {
        return false;
      }
      int n = (s.length() + 1) / 3;
      if (n != 6 && n != 8 && n != 20) {
        return false;
      }
      for (int i = 0; i < n; i++) {
        int x = i * 3;
        if (!hex(s.charAt(x)) || !hex(s.charAt(x + 1)) || (i < n - 1 && s.charAt(x + 2) != sep)) {
          return false;
        }
      }
      return true;
    }
    if (s.charAt(4) == '.') {
      if ((s.length() + 1) % 5 != 0) {
        return false;
      }
      int n = 2 * (s.length() + 1) / 5;
      if (n != 6 && n != 8 && n != 20) {
        return false;
      }
      for (int x = 0; x < s.length(); x += 5) {
        for (int k = 0; k < 4; k++) {
          if (!hex(s.charAt(x + k))) {
            return false;
          }
        }
        if (x + 4 < s.length() && s.charAt(x + 4) != '.') {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  private static boolean hex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  static boolean isIsbn10(String s) {
    String d = s.replaceAll("[\\s-]", "");
    if (!ISBN10.matcher(d).find()) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      sum += (i + 1) * (d.charAt(i) - '0');
    }
    sum += d.charAt(9) == 'X' ? 100 : 10 * (d.charAt(9) - '0');
    return sum % 11 == 0;
  }

  static boolean isIsbn13(String s) {
    String d = s.replaceAll("[\\s-]", "");
    if (!ISBN13.matcher(d).find()) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 12; i++) {
      sum += (i % 2 == 0 ? 1 : 3) * (d.charAt(i) - '0');
    }
    return (10 - sum % 10) % 10 == d.charAt(12) - '0';
  }

  static boolean isCreditCard(String s) {
    String d = s.replaceAll("[^0-9]+", "");
    if (!CREDIT_CARD.matcher(d).find()) {
      return false;
    }
    int sum = 0;
    boolean shouldDouble = false;
    for (int i = d.length() - 1; i >= 0; i--) {
      int digit = d.charAt(i) - '0';
      if (shouldDouble) {
        digit *= 2;
        if (digit >= 10) {
          digit = digit % 10 + 1;
        }
      }
      sum += digit;
      shouldDouble = !shouldDouble;
    }
    return sum % 10 == 0;
  }

  /**
   * Go's {@code net.ParseIP} (or, with {@code sloppy}, k8s' {@code ParseIPSloppy}, which takes
   * leading zeros in IPv4 parts as decimal): the 16 bytes of the address, or null.
   */
  static byte[] parseIp(String s, boolean sloppy) {
    if (s.indexOf(':') < 0) {
      return parseIpv4(s, sloppy);
    }
    return parseIpv6(s, sloppy);
  }

  private static byte[] parseIpv4(String s, boolean sloppy) {
    String[] parts = s.split("\\.", -1);
    if (parts.length != 4) {
      return null;
    }
    byte[] out = new byte[4];
    for (int i = 0; i < 4; i++) {
      String p = parts[i];
      if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
        return null;
      }
      if (!sloppy && p.length() > 1 && p.charAt(0) == '0') {
        return null;
      }
      int v = Integer.parseInt(p);
      if (v > 255) {
        return null;
      }
      out[i] = (byte) v;
    }
    return out;
  }

  private static byte[] parseIpv6(String s, boolean sloppy) {
    int zone = s.indexOf('%');
    if (zone >= 0) {
      return null;
    }
    byte[] ip = new byte[16];
    int ellipsis = -1;
    int i = 0;
    String rest = s;
    if (rest.startsWith("::")) {
      ellipsis = 0;
      rest = rest.substring(2);
      if (rest.isEmpty()) {
        return ip;
      }
    }
    while (i < 16) {
      int end = 0;
      while (end < rest.length() && hex(rest.charAt(end))) {
        end++;
      }
      if (end == 0 || end > 4) {
        return null;
      }
      if (end < rest.length() && rest.charAt(end) == '.') {
        if (ellipsis < 0 && i != 12) {
          return null;
        }
        if (i + 4 > 16) {
          return null;
        }
        byte[] v4 = parseIpv4(rest, sloppy);
        if (v4 == null) {
          return null;
        }
        System.arraycopy(v4, 0, ip, i, 4);
        i += 4;
        rest = "";
        break;
      }
      int v = Integer.parseInt(rest.substring(0, end), 16);
      ip[i] = (byte) (v >> 8);
      ip[i + 1] = (byte) v;
      i += 2;
      rest = rest.substring(end);
      if (rest.isEmpty()) {
        break;
      }
      if (rest.charAt(0) != ':' || rest.length() == 1) {
        return null;
      }
      rest = rest.substring(1);
      if (rest.charAt(0) == ':') {
        if (ellipsis >= 0) {
          return null;
        }
        ellipsis = i;
        rest = rest.substring(1);
        if (rest.isEmpty()) {
          break;
        }
      }
    }
    if (!rest.isEmpty()) {
      return null;
    }
    if (i < 16) {
      if (ellipsis < 0) {
        return null;
      }
      int n = 16 - i;
      for (int j = i - 1; j >= ellipsis; j--) {
        ip[j + n] = ip[j];
      }
      for (int j = ellipsis + n - 1; j >= ellipsis; j--) {
        ip[j] = 0;
      }
    } else if (ellipsis >= 0) {
      return null;
    }
    return ip;
  }
}
