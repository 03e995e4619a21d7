package dev.kubesim.impl.apiserver.validation;

import static dev.kubesim.impl.apiserver.validation.ValidationMessages.byteLength;
import static dev.kubesim.impl.apiserver.validation.ValidationMessages.emptyError;
import static dev.kubesim.impl.apiserver.validation.ValidationMessages.maxLenError;
import static dev.kubesim.impl.apiserver.validation.ValidationMessages.regexError;

import java.util.ArrayList;
import java.util.List;

/**
 * Label and annotation syntax from apimachinery's {@code validation.go}: qualified names (label and
 * annotation keys, {@code example.com/MyName}) and label values. Each check returns the problems
 * found, worded as Kubernetes words them, or an empty list when the value is valid.
 */
public final class LabelNames {
  /** Longest name part of a qualified name. */
  public static final int QUALIFIED_NAME_MAX_LENGTH = 63;
  /** Longest label value. */
  public static final int LABEL_VALUE_MAX_LENGTH = 63;

  private static final String QNAME_CHAR_FMT = "[A-Za-z0-9]";
  private static final String QNAME_EXT_CHAR_FMT = "[-A-Za-z0-9_.]";
  private static final String QUALIFIED_NAME_FMT =
      "(" + QNAME_CHAR_FMT + QNAME_EXT_CHAR_FMT + "*)?" + QNAME_CHAR_FMT;
  private static final String QUALIFIED_NAME_ERR_MSG =
      "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an"
          + " alphanumeric character";
  private static final String LABEL_VALUE_FMT = "(" + QUALIFIED_NAME_FMT + ")?";
  private static final String LABEL_VALUE_ERR_MSG =
      "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or"
          + " '.', and must start and end with an alphanumeric character";


  private LabelNames() {}

  /**
   * A qualified name: an optional DNS-subdomain prefix and {@code /}, then a name of at most 63
   * alphanumerics, {@code -}, {@code _} or {@code .} that starts and ends alphanumeric. Problems
   * with the prefix are reported as {@code prefix part ...}, with the name as {@code name part
   * ...}.
   */
  public static List<String> isQualifiedName(String value) {
    List<String> errs = new ArrayList<>();
    // Go's strings.Split keeps empty parts: "a/" is a prefix and an empty name.
    int slash = value.indexOf('/');
    int slashes = slash < 0 ? 0 : value.indexOf('/', slash + 1) < 0 ? 1 : 2;
    String name;
    switch (slashes) {
      case 0 -> name = value;
      case 1 -> {
        String prefix = value.substring(0, slash);
        name = value.substring(slash + 1);
        if (prefix.isEmpty()) {
          errs.add("prefix part " + emptyError());
        } else {
          for (String msg : DnsNames.isDNS1123Subdomain(prefix)) {
            errs.add("prefix part " + msg);
          }
        }
      }
      default -> {
        errs.add(
            "a qualified name "
                + regexError(
                    QUALIFIED_NAME_ERR_MSG, QUALIFIED_NAME_FMT, "MyName", "my.name", "123-abc")
                + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')");
        return errs;
      }
    }
    if (name.isEmpty()) {
      errs.add("name part " + emptyError());
    } else if (byteLength(name) > QUALIFIED_NAME_MAX_LENGTH) {
      errs.add("name part " + maxLenError(QUALIFIED_NAME_MAX_LENGTH));
    }
    if (!NameSyntax.isQualifiedNamePart(name)) {
      errs.add(
          "name part "
              + regexError(
                  QUALIFIED_NAME_ERR_MSG, QUALIFIED_NAME_FMT, "MyName", "my.name", "123-abc"));
    }
    return errs;
  }

  /** A label value: empty, or at most 63 characters as in a qualified name's name part. */
  public static List<String> isValidLabelValue(String value) {
    List<String> errs = new ArrayList<>();
    if (byteLength(value) > LABEL_VALUE_MAX_LENGTH) {
      errs.add(maxLenError(LABEL_VALUE_MAX_LENGTH));
    }
    if (!NameSyntax.isLabelValue(value)) {
      errs.add(regexError(LABEL_VALUE_ERR_MSG, LABEL_VALUE_FMT, "MyValue", "my_value", "12345"));
    }
    return errs;
  }
}
