package dev.kubesim.impl.cluster;

import dev.kubesim.api.ExecResult;
import dev.kubesim.api.model.GenericObject;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.ObjectMeta;
import dev.kubesim.api.program.BaseImage;
import dev.kubesim.api.program.ImageConfig;
import dev.kubesim.api.program.Program;
import dev.kubesim.impl.apiserver.ApiServer;
import dev.kubesim.impl.program.Command;
import dev.kubesim.impl.program.ExecContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * {@code kube-webhook-certgen}, the program of ingress-nginx's admission Jobs
 * ({@code images/kube-webhook-certgen} in ingress-nginx): {@code create} makes a CA and a serving
 * certificate and key and stores them in a Secret ({@code ca}, {@code cert}, {@code key}) unless the
 * Secret already holds a {@code ca}; {@code patch} puts that CA into the {@code caBundle} of each
 * webhook of a ValidatingWebhookConfiguration (and a MutatingWebhookConfiguration) and sets their
 * {@code failurePolicy}. It talks to the cluster's API server as the Job's service account would;
 * it logs as the program does (logrus, JSON lines) and exits 1 where the program ends fatally.
 * The keys and certificates are drawn from the cluster's seed and have the real ones' sizes (ECDSA
 * P-256), but are not parseable.
 */
final class WebhookCertgen implements Command {
  /** The image's repository. */
  static final String IMAGE = "registry.k8s.io/ingress-nginx/kube-webhook-certgen";
  private static final String EXECUTABLE = "/kube-webhook-certgen";
  private static final int CERTIFICATE_DER = 420;
  private static final int EC_KEY_DER = 121;

  private final ApiServer api;
  private final SplittableRandom random;

  WebhookCertgen(ApiServer api) {
    this.api = api;
    this.random = api.loop().random().stream("kube-webhook-certgen");
  }

  /** The image: a static binary, its entrypoint, on a base with no shell of its own. */
  static Program program() {
    return Program.builder(ImageConfig.builder(BaseImage.ALPINE).entrypoint(EXECUTABLE).file(EXECUTABLE, "").build())
        .runsCommand().build();
  }

  /** The executable's name in the runtime's commands. */
  static String commandName() {
    return "kube-webhook-certgen";
  }

  @Override
  public ExecResult run(List<String> args, ExecContext ctx) {
    Log log = new Log(ctx);
    if (args.isEmpty() || !(args.get(0).equals("create") || args.get(0).equals("patch"))) {
      return ExecResult.of("", "Use \"kube-webhook-certgen [command] --help\" for more information about a command.\n", 1);
    }
    Map<String, String> flags = flags(args.subList(1, args.size()));
    return args.get(0).equals("create") ? create(flags, log) : patch(flags, log);
  }

  private ExecResult create(Map<String, String> flags, Log log) {
    List<String> missing = new ArrayList<>();
    for (String required : List.of("host", "namespace", "secret-name")) {
      if (flags.getOrDefault(required, "").isEmpty()) {
        missing.add("\"" + required + "\"");
      }
    }
    if (!missing.isEmpty()) {
      return ExecResult.of("", "Error: required flag(s) " + String.join(", ", missing) + " not set\n", 1);
    }
    String namespace = flags.get("namespace");
    String name = flags.get("secret-name");
    if (caOf(namespace, name).isPresent()) {
      log.info("secret already exists");
      return log.exit(0);
    }
    log.info("creating new secret");
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("ca", base64(RootCa.block("CERTIFICATE", CERTIFICATE_DER, random)));
    data.put(flags.getOrDefault("cert-name", "cert"), base64(RootCa.block("CERTIFICATE", CERTIFICATE_DER, random)));
    data.put(flags.getOrDefault("key-name", "key"), base64(RootCa.block("EC PRIVATE KEY", EC_KEY_DER, random)));
    Map<String, Object> content = new LinkedHashMap<>();
    content.put("data", data);
    content.put("type", "Opaque");
    try {
      api.create(new GenericObject("v1", "Secret", ObjectMeta.named(namespace, name), content));
    } catch (RuntimeException e) {
      log.fatal("failed creating secret", e.getMessage());
      return log.exit(1);
    }
    return log.exit(0);
  }

  private ExecResult patch(Map<String, String> flags, Log log) {
    boolean validating = !flags.getOrDefault("patch-validating", "true").equals("false");
    boolean mutating = !flags.getOrDefault("patch-mutating", "true").equals("false");
    String failurePolicy = flags.getOrDefault("patch-failure-policy", "");
    if (!validating && !mutating && flags.getOrDefault("apiservice-name", "").isEmpty()) {
      log.fatal("patch-validating=false, patch-mutating=false. You must patch at least one kind of webhook, "
          + "otherwise this command is a no-op", null);
      return log.exit(1);
    }
    if (!failurePolicy.isEmpty() && !failurePolicy.equals("Ignore") && !failurePolicy.equals("Fail")) {
      log.fatal("patch-failure-policy " + failurePolicy + " is not valid", null);
      return log.exit(1);
    }
    String namespace = flags.getOrDefault("namespace", "");
    String secret = flags.getOrDefault("secret-name", "");
    Optional<String> ca = caOf(namespace, secret);
    if (ca.isEmpty()) {
      log.fatal("no secret with '" + secret + "' in '" + namespace + "'", null);
      return log.exit(1);
    }
    String webhook = flags.getOrDefault("webhook-name", "");
    log.info("patching webhook configurations '" + webhook + "' mutating=" + mutating + ", validating=" + validating
        + ", failurePolicy=" + failurePolicy);
    for (String kind : kinds(validating, mutating)) {
      Optional<KubeObject> config = api.get(kind, "", webhook);
      String what = kind.startsWith("Validating") ? "validating" : "mutating";
      if (config.isEmpty() || !(config.get() instanceof GenericObject hooks)) {
        log.fatal("failed getting " + what + " webhook",
            kind.toLowerCase(java.util.Locale.ROOT) + "s.admissionregistration.k8s.io \"" + webhook + "\" not found");
        return log.exit(1);
      }
      api.update(withCaBundle(hooks, ca.get(), failurePolicy));
    }
    log.info("Patched hook(s)");
    return log.exit(0);
  }

  private static List<String> kinds(boolean validating, boolean mutating) {
    List<String> kinds = new ArrayList<>();
    if (validating) {
      kinds.add("ValidatingWebhookConfiguration");
    }
    if (mutating) {
      kinds.add("MutatingWebhookConfiguration");
    }
    return kinds;
  }

  /** Every webhook's {@code clientConfig.caBundle} set to the CA, and its failure policy when one is given. */
  private static GenericObject withCaBundle(GenericObject config, String ca, String failurePolicy) {
    Map<String, Object> content = new LinkedHashMap<>(config.content());
    List<Object> webhooks = new ArrayList<>();
    if (content.get("webhooks") instanceof List<?> list) {
      for (Object w : list) {
        if (!(w instanceof Map<?, ?> hook)) {
          webhooks.add(w);
          continue;
        }
        Map<String, Object> patched = new LinkedHashMap<>();
        hook.forEach((k, v) -> patched.put(String.valueOf(k), v));
        Map<String, Object> clientConfig = new LinkedHashMap<>();
        if (patched.get("clientConfig") instanceof Map<?, ?> cc) {
          cc.forEach((k, v) -> clientConfig.put(String.valueOf(k), v));
        }
        clientConfig.put("caBundle", ca);
        patched.put("clientConfig", clientConfig);
        if (!failurePolicy.isEmpty()) {
          patched.put("failurePolicy", failurePolicy);
        }
        webhooks.add(patched);
      }
    }
    content.put("webhooks", webhooks);
    return new GenericObject(config.apiVersion(), config.kind(), config.metadata(), content);
  }

  /** The {@code ca} of the Secret (base64, as stored), when the Secret exists and has one. */
  private Optional<String> caOf(String namespace, String name) {
    return api.get("Secret", namespace, name)
        .filter(GenericObject.class::isInstance)
        .map(o -> ((GenericObject) o).content().get("data"))
        .filter(Map.class::isInstance)
        .map(d -> ((Map<?, ?>) d).get("ca"))
        .map(String::valueOf);
  }

  /** cobra's flags: {@code --name=value}, {@code --name value}, a bare boolean {@code --name}. */
  private static Map<String, String> flags(List<String> args) {
    Map<String, String> out = new TreeMap<>();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (!a.startsWith("--")) {
        continue;
      }
      int eq = a.indexOf('=');
      if (eq > 0) {
        out.put(a.substring(2, eq), a.substring(eq + 1));
      } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("-")) {
        out.put(a.substring(2), args.get(++i));
      } else {
        out.put(a.substring(2), "true");
      }
    }
    return out;
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  /** logrus's JSON formatter: one object a line, keys in order, RFC 3339 time; a fatal entry ends the program. */
  private static final class Log {
    private final ExecContext ctx;
    private final StringBuilder err = new StringBuilder();

    Log(ExecContext ctx) {
      this.ctx = ctx;
    }

    void info(String msg) {
      line(null, "info", msg);
    }

    void fatal(String msg, String cause) {
      line(cause, "fatal", msg);
    }

    private void line(String cause, String level, String msg) {
      err.append('{');
      if (cause != null) {
        err.append("\"err\":").append(json(cause)).append(',');
      }
      err.append("\"level\":\"").append(level).append("\",\"msg\":").append(json(msg))
          .append(",\"time\":\"").append(ctx.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)).append("\"}\n");
    }

    ExecResult exit(int code) {
      return ExecResult.of("", err.toString(), code);
    }

    private static String json(String s) {
      return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
  }
}
