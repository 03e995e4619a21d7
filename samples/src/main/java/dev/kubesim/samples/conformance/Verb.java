package dev.kubesim.samples.conformance;

import static dev.kubesim.samples.conformance.Shape.bool;
import static dev.kubesim.samples.conformance.Shape.fields;
import static dev.kubesim.samples.conformance.Shape.integer;
import static dev.kubesim.samples.conformance.Shape.listOf;
import static dev.kubesim.samples.conformance.Shape.mapOf;
import static dev.kubesim.samples.conformance.Shape.matching;
import static dev.kubesim.samples.conformance.Shape.nonEmpty;
import static dev.kubesim.samples.conformance.Shape.oneOf;
import static dev.kubesim.samples.conformance.Shape.scalar;
import static dev.kubesim.samples.conformance.Shape.text;

import java.util.Arrays;
import java.util.Optional;

/**
 * The verbs of a step, each with the shape of its input and of its {@code expect}, as the format
 * (README "Steps") defines them. An action may run without {@code expect} and must then succeed; a
 * probe needs one.
 */
public enum Verb {
  APPLY("apply", true, false, text(), Shapes.API_ERROR_OR_OK),
  DELETE("delete", true, false, Shapes.OBJECT_NAME, Shapes.API_ERROR_OR_OK),
  ADVANCE("advance", true, false, matching(DurationText.REGEX, "a duration such as 30s, 500ms, 2m or 1h"), null),
  KUBECTL("kubectl", true, false, text(),
      fields().optional("output", text()).optional("outputMatches", text()).optional("exitCode", integer())
          .checking("output", "outputMatches", "exitCode")),
  GET("get", false, false, Shapes.OBJECT_NAME,
      fields()
          .optional("fields", nonEmpty(mapOf(Shape.any())))
          .optional("absent", nonEmpty(listOf(text())))
          .optional("inCIDR", nonEmpty(mapOf(text())))
          .optional("inRange", nonEmpty(mapOf(matching("\\d+-\\d+", "a range first-last"))))
          .checking("fields", "absent", "inCIDR", "inRange")),
  EXEC("exec", true, true,
      fields().required("pod", Shapes.POD).required("command", text()),
      fields()
          .optional("stdout", text())
          .optional("stderr", text())
          .optional("stdoutMatches", text())
          .optional("stderrMatches", text())
          .optional("exitCode", integer())
          .optional("distinct", Shapes.DISTINCT)
          .checking("stdout", "stderr", "stdoutMatches", "stderrMatches", "exitCode", "distinct")),
  HTTP("http", false, true,
      fields().required("from", Shapes.CLIENT).required("url", text()).optional("headers", mapOf(scalar())),
      fields()
          .optional("status", integer())
          .optional("backend", text())
          .optional("bodyMatches", text())
          .optional("servedBy", Shapes.POD)
          .optional("error", oneOf("connection refused", "timeout", "no route", "could not resolve"))
          .optional("distinct", Shapes.DISTINCT)
          .checking("status", "backend", "bodyMatches", "servedBy", "error", "distinct")),
  PACKET("packet", false, false,
      fields()
          .required("node", text())
          .required("src", text())
          .required("dst", text())
          .required("dport", integer())
          .optional("sport", integer())
          .required("proto", oneOf("TCP", "UDP", "SCTP")),
      fields()
          .required("verdict", oneOf("DNAT", "REJECT", "DROP", "ACCEPT", "NO_MATCH"))
          .optional("backends", listOf(text()))
          .optional("masquerade", bool())),
  DNS("dns", false, false,
      fields().required("name", text()).required("type", text()).optional("from", Shapes.POD),
      fields()
          .optional("rcode", Shapes.RCODE)
          .optional("answers", listOf(fields()
              .required("name", text())
              .required("type", text())
              .optional("ttl", integer())
              .required("data", scalar())))
          .optional("ordered", bool())
          .checking("rcode", "answers")),
  RESOLVE("resolve", false, false,
      fields().required("pod", Shapes.POD).required("name", text()).optional("resolver", oneOf("glibc", "musl")),
      fields().optional("tried", listOf(text())).optional("address", text()).optional("rcode", Shapes.RCODE)
          .checking("tried", "address", "rcode")),
  RESOLV_CONF("resolvConf", false, false,
      fields().required("pod", Shapes.POD),
      fields()
          .optional("nameservers", listOf(text()))
          .optional("searches", listOf(text()))
          .optional("options", listOf(text()))
          .checking("nameservers", "searches", "options")),
  ENV("env", false, false,
      fields().required("pod", Shapes.POD),
      fields().optional("includes", nonEmpty(mapOf(scalar()))).optional("excludes", nonEmpty(listOf(text())))
          .checking("includes", "excludes")),
  REACHABILITY("reachability", false, false,
      fields().required("port", Shape.portNumber()).optional("protocol", Shapes.PROTOCOL),
      fields().required("matrix", ReachabilityMatrix.SHAPE)),
  CONNECT("connect", false, false,
      fields()
          .required("from", Shapes.POD)
          .required("to", Shapes.DESTINATION)
          .required("port", Shape.portNumber())
          .optional("protocol", Shapes.PROTOCOL),
      fields().required("allowed", bool()));

  private final String key;
  private final boolean action;
  private final boolean repeatable;
  private final Shape input;
  private final Shape.Fields expect;

  Verb(String key, boolean action, boolean repeatable, Shape input, Shape.Fields expect) {
    this.key = key;
    this.action = action;
    this.repeatable = repeatable;
    this.input = input;
    this.expect = expect;
  }

  /** The step key that names this verb ({@code resolvConf}, {@code packet}, ...). */
  public String key() {
    return key;
  }

  /** Whether the verb may run without {@code expect} (it must then succeed). */
  public boolean isAction() {
    return action;
  }

  /** Whether the step may carry {@code repeat} and {@code expect.distinct}. */
  public boolean isRepeatable() {
    return repeatable;
  }

  Shape input() {
    return input;
  }

  /** The shape of {@code expect}, or empty when the verb takes none ({@code advance}). */
  Optional<Shape.Fields> expect() {
    return Optional.ofNullable(expect);
  }

  /** The verb a step key names. */
  public static Optional<Verb> byKey(String key) {
    return Arrays.stream(values()).filter(v -> v.key.equals(key)).findFirst();
  }

  /** The shapes several verbs share. */
  private static final class Shapes {
    static final Shape.Fields OBJECT_NAME =
        fields().required("kind", text()).optional("namespace", text()).required("name", text());

    static final Shape POD =
        Shape.textOr(
            matching("[^/\\s]+/[^/\\s]+", "a pod as NS/NAME"),
            fields().required("namespace", text()).required("selector", text()));

    /** {@code external}, {@code external:IP}, {@code node:NAME} or a pod. */
    static final Shape CLIENT =
        Shape.textOr(
            matching("external|external:\\S+|node:\\S+|[^/\\s:]+/[^/\\s]+", "external, external:IP, node:NAME or a pod as NS/NAME"),
            fields().required("namespace", text()).required("selector", text()));

    /** A connection's destination: a pod, {@code svc:NS/NAME} (the Service's ClusterIP) or an IP address. */
    static final Shape DESTINATION =
        Shape.textOr(
            matching("svc:[^/\\s]+/[^/\\s]+|[^/\\s:]+/[^/\\s]+|\\d{1,3}(\\.\\d{1,3}){3}|[0-9A-Fa-f]*:[0-9A-Fa-f:.]*",
                "a pod as NS/NAME, svc:NS/NAME or an IP address"),
            fields().required("namespace", text()).required("selector", text()));

    static final Shape PROTOCOL = oneOf("TCP", "UDP", "SCTP");

    static final Shape DISTINCT = fields().optional("min", integer()).optional("max", integer()).checking("min", "max");

    static final Shape RCODE = oneOf("NOERROR", "NXDOMAIN", "REFUSED", "SERVFAIL");

    static final Shape.Fields API_ERROR_OR_OK =
        fields()
            .optional("error", fields()
                .optional("reason", oneOf("Invalid", "AlreadyExists", "NotFound", "Conflict", "Forbidden", "BadRequest"))
                .optional("causes", listOf(fields()
                    .required("field", text())
                    .required("type", oneOf("FieldValueRequired", "FieldValueInvalid", "FieldValueDuplicate",
                        "FieldValueNotSupported", "FieldValueForbidden", "FieldValueTooLong"))))
                .optional("messageContains", text())
                .checking("reason", "causes", "messageContains"))
            .optional("ok", bool())
            .checking("error", "ok");
  }
}
