package dev.kubesim.samples.lab;

import dev.kubesim.api.HttpResult;
import dev.kubesim.api.KubeSimException;
import dev.kubesim.api.trace.Disposition;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code curl [NS/]POD URL answers} or {@code ... is denied}: sends a GET from the pod, as curl there
 * would, through {@link dev.kubesim.api.Cluster#http(String, String)}. That probe is not one of the
 * student's commands: it is kept out of {@link dev.kubesim.api.Cluster#traces()}, so checks on the
 * last request still see the student's. "Denied" means a NetworkPolicy stopped it.
 */
record CurlProbeCheck(String text, String pod, String url, boolean answers) implements LabCheck {
  static final String FORM = "curl [NS/]POD URL answers|is denied";
  private static final Pattern SYNTAX = Pattern.compile("curl (\\S+) (\\S+) (answers|is denied)");

  static Optional<LabCheck> parse(String text) {
    Matcher m = SYNTAX.matcher(text);
    return m.matches()
        ? Optional.of(new CurlProbeCheck(text, m.group(1), m.group(2), m.group(3).equals("answers")))
        : Optional.empty();
  }

  @Override
  public CheckResult evaluate(CheckContext context) {
    HttpResult r;
    try {
      r = context.cluster().http(pod, url);
    } catch (KubeSimException | IllegalArgumentException e) {
      return CheckResult.of(this, false, e.getMessage());
    }
    Disposition d = r.trace().disposition();
    boolean holds = answers
        ? r.response().isPresent()
        : r.response().isEmpty() && d.cause() == Disposition.Cause.POLICY_DENIED;
    return CheckResult.of(this, holds, LastRequestCheck.describe(d));
  }
}
