package dev.kubesim.impl.apiserver.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The scanners accept exactly what apimachinery's anchored regular expressions accept. */
class NameSyntaxTest {
  private static final String LABEL = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
  private static final String SUBDOMAIN = LABEL + "(\\." + LABEL + ")*";
  private static final String QUALIFIED = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";

  /** Edge cases, then strings drawn from a small alphabet (fixed seed) so that every rule is hit. */
  private static List<String> samples() {
    List<String> out = new ArrayList<>(List.of("", "a", "-", "a-", "-a", "a-b", "a.b", "a..b", ".a", "a.", "*.a",
        "*.", "*", "*.a.b", "A", "aB", "a_b", "_a", "a_", "1a", "a\n", "é", "a/b", "kubia-5dz2n", "my.name", "123-abc"));
    SplittableRandom random = new SplittableRandom(7);
    String alphabet = "azAZ09-_.*\n/";
    for (int i = 0; i < 20_000; i++) {
      StringBuilder s = new StringBuilder();
      int n = random.nextInt(7);
      for (int j = 0; j < n; j++) {
        s.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      out.add(s.toString());
    }
    return out;
  }

  private static void assertSame(String regex, Predicate<String> scanner) {
    Pattern p = Pattern.compile(regex);
    for (String s : samples()) {
      assertThat(scanner.test(s)).as("%s on %s", regex, s).isEqualTo(p.matcher(s).matches());
    }
  }

  @Test
  void dns1123LabelMatchesTheRegex() {
    assertSame(LABEL, NameSyntax::isDns1123Label);
  }

  @Test
  void dns1123SubdomainMatchesTheRegex() {
    assertSame(SUBDOMAIN, NameSyntax::isDns1123Subdomain);
  }

  @Test
  void wildcardSubdomainMatchesTheRegex() {
    assertSame("\\*\\." + SUBDOMAIN, NameSyntax::isWildcardDns1123Subdomain);
  }

  @Test
  void dns1035LabelMatchesTheRegex() {
    assertSame("[a-z]([-a-z0-9]*[a-z0-9])?", NameSyntax::isDns1035Label);
  }

  @Test
  void qualifiedNamePartAndLabelValueMatchTheRegexes() {
    assertSame(QUALIFIED, NameSyntax::isQualifiedNamePart);
    assertSame("(" + QUALIFIED + ")?", NameSyntax::isLabelValue);
  }
}
