package dev.kubesim.impl.kubectl;

import dev.kubesim.api.KubeSimException;
import dev.kubesim.api.model.Container;
import dev.kubesim.api.model.ContainerPort;
import dev.kubesim.api.model.Deployment;
import dev.kubesim.api.model.DeploymentSpec;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.LabelSelector;
import dev.kubesim.api.model.Namespace;
import dev.kubesim.api.model.NamespaceSpec;
import dev.kubesim.api.model.ObjectMeta;
import dev.kubesim.api.model.PodSpec;
import dev.kubesim.api.model.PodTemplateSpec;
import dev.kubesim.impl.kubectl.ErrorMessages.Failure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code kubectl create -f} (each object created, {@code <kind>/<name> created}, an existing one
 * reported as AlreadyExists with its source), and the generators {@code create namespace NAME},
 * {@code create deployment NAME --image=IMAGE [--replicas=N] [--port=N] [-- COMMAND [ARGS...]]},
 * {@code create configmap NAME} and {@code create secret generic NAME} (their data from {@link DataSources}), {@code create
 * ingress NAME --rule=...} ({@link IngressGenerator}), each with
 * {@code --dry-run=client|server} and {@code -o yaml|json}.
 */
final class CreateCommand implements Command {
  /** kubectl create's sub-commands and their aliases. */
  private static final Set<String> GENERATORS = Set.of("clusterrole", "clusterrolebinding", "configmap", "cm", "cronjob",
      "cj", "deployment", "deploy", "ingress", "ing", "job", "namespace", "ns", "poddisruptionbudget", "pdb",
      "priorityclass", "pc", "quota", "resourcequota", "role", "rolebinding", "secret", "service", "svc",
      "serviceaccount", "sa", "token");

  @Override
  public String name() {
    return "create";
  }

  @Override
  public List<Flag> flags() {
    return List.of(
        Flag.value("filename", "f"),
        Flag.value("kustomize", "k"),
        Flag.bool("recursive", "R"),
        Flag.bool("save-config"),
        Flag.bool("validate"),
        Flag.value("image"),
        Flag.value("from"),
        Flag.value("schedule"),
        Flag.value("restart"),
        Flag.value("replicas", "r"),
        Flag.value("port"),
        Flag.value("from-literal"),
        Flag.value("from-file"),
        Flag.value("from-env-file"),
        Flag.value("type"),
        Flag.value("cert"),
        Flag.value("key"),
        Flag.value("dry-run"),
        Flag.value("output", "o"),
        Flag.value("rule"),
        Flag.value("class"),
        Flag.value("default-backend"),
        Flag.value("annotation"),
        Flag.value("tcp"),
        Flag.value("clusterip"),
        Flag.value("node-port"),
        Flag.value("external-name"),
        Flag.value("hard"),
        Flag.value("scopes"),
        Flag.value("selector"),
        Flag.value("min-available"),
        Flag.value("max-unavailable"),
        Flag.value("value"),
        Flag.bool("global-default"),
        Flag.value("description"),
        Flag.value("preemption-policy"),
        Flag.value("verb"),
        Flag.value("resource"),
        Flag.value("resource-name"),
        Flag.value("non-resource-url"),
        Flag.value("role"),
        Flag.value("clusterrole"),
        Flag.value("user"),
        Flag.value("group"),
        Flag.value("serviceaccount"));
  }

  @Override
  public void run(CommandContext ctx) {
    ParsedArgs args = ctx.args();
    if (!args.positional().isEmpty()) {
      generate(ctx, args);
      return;
    }
    if (!ManifestInput.given(ctx)) {
      throw KubectlException.error("must specify one of -f and -k");
    }
    List<Failure> failures = new ArrayList<>();
    List<ManifestInput.Item> items = ManifestInput.read(ctx, failures);
    if (items.isEmpty() && failures.isEmpty()) {
      throw KubectlException.error("no objects passed to create");
    }
    for (ManifestInput.Item item : items) {
      KubeObject object = item.object();
      if (args.bool("save-config")) {
        Map<String, String> annotations = new TreeMap<>(object.metadata().annotations());
        annotations.put(ApplyCommand.LAST_APPLIED, ApplyCommand.lastApplied(item));
        object = object.withMetadata(object.metadata().toBuilder().annotations(annotations).build());
      }
      try {
        var written = ctx.api().createWarned(object, false);
        ctx.warn(written.warnings());
        KubeObject created = written.object();
        ctx.out().out(ResourceTypes.kindPrefix(item.kind()) + "/" + created.metadata().nameOrEmpty() + " created\n");
      } catch (KubeSimException e) {
        failures.add(Failure.api(e, "error when creating " + item.document().describe() + ": "));
      }
    }
    ctx.settle();
    ErrorMessages.report(ctx.out(), failures);
  }

  private static void generate(CommandContext ctx, ParsedArgs args) {
    List<String> pos = args.positional();
    String what = pos.get(0);
    if (!GENERATORS.contains(what)) {
      // not one of create's sub-commands: kubectl's RunCreate refuses any argument besides its flags
      throw KubectlException.usageErrorf("Unexpected args: [" + String.join(" ", pos) + "]", "create");
    }
    String command = what;
    int nameAt = 1;
    if (what.equals("secret")) {
      if (pos.size() < 2 || !(pos.get(1).equals("generic") || pos.get(1).equals("tls"))) {
        throw KubectlException.error("kubectl create secret " + (pos.size() < 2 ? "" : pos.get(1) + " ")
            + "is not supported by this simulator yet (only generic and tls)");
      }
      command = "secret " + pos.get(1);
      nameAt = 2;
    }
    if (what.equals("service") || what.equals("svc")) {
      if (pos.size() < 2 || !ServiceGenerator.TYPES.containsKey(pos.get(1))) {
        throw KubectlException.error("kubectl create service needs one of clusterip, externalname, loadbalancer, nodeport"
            + (pos.size() < 2 ? "" : " (got \"" + pos.get(1) + "\")"));
      }
      command = "service " + pos.get(1);
      nameAt = 2;
    }
    if (pos.size() <= nameAt) {
      throw KubectlException.usageErrorf("exactly one NAME is required, got 0", "create " + command);
    }
    if (pos.size() > nameAt + 1) {
      throw KubectlException.usageErrorf("exactly one NAME is required, got " + (pos.size() - nameAt), "create " + command);
    }
    String name = pos.get(nameAt);
    String dryRun = args.string("dry-run").orElse("none");
    if (!List.of("none", "client", "server").contains(dryRun)) {
      throw KubectlException.error("Invalid dry-run value (" + dryRun + "). Must be \"none\", \"server\", or \"client\".");
    }
    KubeObject object;
    switch (what) {
      case "namespace", "ns" -> object = Namespace.of(ObjectMeta.named(name), new NamespaceSpec(null));
      case "deployment", "deploy" -> object = deployment(ctx, args, name);
      case "ingress", "ing" -> object = IngressGenerator.of(args, name, ctx.namespace());
      case "service", "svc" -> object = ServiceGenerator.of(args, pos.get(1), name, ctx.namespace());
      case "configmap", "cm" -> object = configMap(ctx, name);
      case "job" -> object = job(ctx, args, name);
      case "cronjob", "cj" -> object = cronJob(ctx, args, name);
      case "secret" -> object = pos.get(1).equals("tls") ? TlsSecret.of(ctx, args, name)
          : secret(ctx, args, name, dryRun.equals("client"));
      default -> object = AccessGenerators.of(ctx, args, what, name)
          .orElseThrow(() -> KubectlException.error("kubectl create " + what + " is not supported by this simulator yet"));
    }
    Optional<String> output = args.string("output");
    if (dryRun.equals("client")) {
      String prefix = ResourceTypes.kindPrefix(ctx.api().servedKindOf(object)) + "/" + name;
      ctx.out().out(output.isPresent() ? ClientObjects.render(output.get(), object, ctx.namespaceGiven())
          : prefix + " created (dry run)\n");
      return;
    }
    try {
      var written = ctx.api().createWarned(object, dryRun.equals("server"));
      ctx.warn(written.warnings());
      KubeObject created = written.object();
      if (output.isPresent()) {
        ctx.out().out(ObjectOutput.render(output.get(), List.of(created), true));
      } else {
        ctx.out().out(ResourceTypes.kindPrefix(ctx.api().servedKindOf(created)) + "/" + name + " created"
            + (dryRun.equals("server") ? " (server dry run)" : "") + "\n");
      }
    } catch (KubeSimException e) {
      // most generators wrap the server's error in their own (fmt.Errorf with %v): kubectl prints it as a client error
      Optional<String> wrap = errorPrefix(what, pos);
      ctx.out().fail(ErrorMessages.single(wrap.isPresent() ? Failure.client(wrap.get() + e.getMessage()) : Failure.api(e, "")));
      return;
    }
    ctx.settle();
  }

  /**
   * The words a generator puts before the server's error (pkg/cmd/create/create_*.go); empty for the
   * ones that return it as it is (namespace and the RBAC generators).
   */
  private static Optional<String> errorPrefix(String what, List<String> pos) {
    return Optional.ofNullable(switch (what) {
      case "ingress", "ing" -> "failed to create ingress: ";
      case "service", "svc" -> "failed to create " + ServiceGenerator.TYPES.get(pos.get(1)) + " service: ";
      case "configmap", "cm" -> "failed to create configmap: ";
      case "secret" -> "failed to create secret ";
      case "deployment", "deploy" -> "failed to create deployment: ";
      case "job" -> "failed to create job: ";
      case "cronjob", "cj" -> "failed to create cronjob: ";
      case "serviceaccount", "sa" -> "failed to create serviceaccount: ";
      case "quota", "resourcequota" -> "failed to create quota: ";
      case "poddisruptionbudget", "pdb" -> "failed to create poddisruptionbudgets: ";
      case "priorityclass", "pc" -> "failed to create priorityclass: ";
      default -> null;
    });
  }

  /** {@code kubectl create configmap}: {@code data} (and {@code binaryData}) from the sources, keys sorted. */
  private static KubeObject configMap(CommandContext ctx, String name) {
    DataSources.Data data = DataSources.read(ctx, "ConfigMap", name);
    Map<String, Object> content = new java.util.LinkedHashMap<>();
    if (!data.text().isEmpty()) {
      content.put("data", new TreeMap<>(data.text()));
    }
    if (!data.binary().isEmpty()) {
      content.put("binaryData", new TreeMap<>(data.binary()));
    }
    return new dev.kubesim.api.model.GenericObject("v1", "ConfigMap",
        ObjectMeta.builder().name(name).namespace(ctx.namespace()).build(), content);
  }

  /**
   * {@code kubectl create secret generic}: base64 {@code data}; the type as given, else left for the
   * API server to default to {@code Opaque} (so a client dry run shows none).
   */
  private static KubeObject secret(CommandContext ctx, ParsedArgs args, String name, boolean clientOnly) {
    DataSources.Data data = DataSources.read(ctx, "Secret", name);
    Map<String, Object> content = new java.util.LinkedHashMap<>();
    if (!data.text().isEmpty()) {
      content.put("data", new TreeMap<>(data.text()));
    }
    Optional<String> type = args.string("type").filter(t -> !t.isEmpty());
    if (type.isPresent() || !clientOnly) {
      content.put("type", type.orElse("Opaque"));
    }
    return new dev.kubesim.api.model.GenericObject("v1", "Secret",
        ObjectMeta.builder().name(name).namespace(ctx.namespace()).build(), content);
  }

  /** {@code kubectl create deployment}: label {@code app=<name>}, one container per image. */
  private static Deployment deployment(CommandContext ctx, ParsedArgs args, String name) {
    List<String> images = args.strings("image");
    if (images.isEmpty()) {
      throw KubectlException.usage("required flag(s) \"image\" not set", "create deployment");
    }
    List<String> command = args.afterDash();
    if (images.size() > 1 && !command.isEmpty()) {
      throw KubectlException.error("cannot specify multiple --image options and command");
    }
    int replicas = args.integer("replicas", 1);
    Optional<String> port = args.string("port");
    Map<String, String> labels = Map.of("app", name);
    List<Container> containers = new ArrayList<>();
    for (String image : images) {
      Container.Builder c = Container.builder().name(containerName(image)).image(image);
      if (!command.isEmpty()) {
        c.command(List.copyOf(command));
      }
      if (port.isPresent() && images.size() == 1) {
        c.ports(List.of(new ContainerPort(null, null, Optional.of(args.integer("port", 0)), null, null)));
      }
      containers.add(c.build());
    }
    PodTemplateSpec template =
        new PodTemplateSpec(ObjectMeta.builder().labels(labels).build(), Optional.of(PodSpec.builder().containers(containers).build()));
    DeploymentSpec spec =
        new DeploymentSpec(Optional.of(replicas), Optional.of(new LabelSelector(labels, null)), Optional.of(template),
            null, null, null, null, null);
    return Deployment.of(ObjectMeta.builder().name(name).namespace(ctx.namespace()).labels(labels).build(), spec);
  }

  /**
   * {@code kubectl create job}: one container named after the Job running the image with the
   * command after {@code --}, {@code restartPolicy: Never}; or, {@code --from=cronjob/NAME}, the
   * CronJob's job template, annotated as instantiated by hand and owned by the CronJob.
   */
  private static KubeObject job(CommandContext ctx, ParsedArgs args, String name) {
    Optional<String> image = args.string("image").filter(s -> !s.isEmpty());
    Optional<String> from = args.string("from").filter(s -> !s.isEmpty());
    if (image.isPresent() == from.isPresent()) {
      throw KubectlException.error("either --image or --from must be specified");
    }
    List<String> command = args.afterDash();
    if (!command.isEmpty() && from.isPresent()) {
      throw KubectlException.error("cannot specify --from and command");
    }
    Map<String, Object> content = new java.util.LinkedHashMap<>();
    ObjectMeta.Builder meta = ObjectMeta.builder().name(name).namespace(ctx.namespace());
    if (image.isPresent()) {
      Map<String, Object> container = new java.util.LinkedHashMap<>();
      container.put("name", name);
      container.put("image", image.get());
      if (!command.isEmpty()) {
        container.put("command", List.copyOf(command));
      }
      Map<String, Object> podSpec = new java.util.LinkedHashMap<>();
      podSpec.put("containers", List.of(container));
      podSpec.put("restartPolicy", "Never");
      content.put("spec", Map.of("template", Map.of("spec", podSpec)));
    } else {
      String ref = from.get();
      int slash = ref.indexOf('/');
      String type = slash < 0 ? ref : ref.substring(0, slash);
      String cronName = slash < 0 ? "" : ref.substring(slash + 1);
      if (!List.of("cronjob", "cronjobs", "cj", "cronjob.batch", "cronjobs.batch").contains(type.toLowerCase(java.util.Locale.ROOT))) {
        throw KubectlException.error("unknown object type " + type);
      }
      dev.kubesim.api.model.GenericObject cron = (dev.kubesim.api.model.GenericObject)
          ctx.api().getOrThrow("CronJob", ctx.namespace(), cronName);
      Map<String, Object> jobTemplate = dev.kubesim.impl.apiserver.StorageObjects.map(
          dev.kubesim.impl.apiserver.StorageObjects.section(cron, "spec").get("jobTemplate"));
      Map<String, Object> templateMeta = dev.kubesim.impl.apiserver.StorageObjects.map(jobTemplate.get("metadata"));
      Map<String, String> annotations = new TreeMap<>();
      annotations.put("cronjob.kubernetes.io/instantiate", "manual");
      dev.kubesim.impl.apiserver.StorageObjects.map(templateMeta.get("annotations")).forEach((k, v) -> annotations.put(k, String.valueOf(v)));
      Map<String, String> labels = new TreeMap<>();
      dev.kubesim.impl.apiserver.StorageObjects.map(templateMeta.get("labels")).forEach((k, v) -> labels.put(k, String.valueOf(v)));
      meta.annotations(annotations).labels(labels).ownerReferences(List.of(new dev.kubesim.api.model.OwnerReference(
          "batch/v1", "CronJob", cronName, cron.metadata().uid().orElse(""), Optional.of(true), Optional.empty())));
      Object spec = jobTemplate.get("spec");
      if (spec != null) {
        content.put("spec", spec);
      }
    }
    return new dev.kubesim.api.model.GenericObject("batch/v1", "Job", meta.build(), content);
  }

  /**
   * {@code kubectl create cronjob}: the schedule, and a job template (named after the CronJob) of
   * one container named after it running the image with the command after {@code --}, with the
   * {@code --restart} policy ({@code OnFailure} by default).
   */
  private static KubeObject cronJob(CommandContext ctx, ParsedArgs args, String name) {
    String image = args.string("image").orElse("");
    String schedule = args.string("schedule").orElse("");
    if (image.isEmpty()) {
      throw KubectlException.error("--image must be specified");
    }
    if (schedule.isEmpty()) {
      throw KubectlException.error("--schedule must be specified");
    }
    Map<String, Object> container = new java.util.LinkedHashMap<>();
    container.put("name", name);
    container.put("image", image);
    if (!args.afterDash().isEmpty()) {
      container.put("command", List.copyOf(args.afterDash()));
    }
    Map<String, Object> podSpec = new java.util.LinkedHashMap<>();
    podSpec.put("containers", List.of(container));
    podSpec.put("restartPolicy", args.string("restart").filter(r -> !r.isEmpty()).orElse("OnFailure"));
    Map<String, Object> jobTemplate = new java.util.LinkedHashMap<>();
    jobTemplate.put("metadata", Map.of("name", name));
    jobTemplate.put("spec", Map.of("template", Map.of("spec", podSpec)));
    Map<String, Object> spec = new java.util.LinkedHashMap<>();
    spec.put("schedule", schedule);
    spec.put("jobTemplate", jobTemplate);
    return new dev.kubesim.api.model.GenericObject("batch/v1", "CronJob",
        ObjectMeta.builder().name(name).namespace(ctx.namespace()).build(), Map.of("spec", spec));
  }

  /** The container name kubectl derives from an image: its last path element without tag or digest. */
  private static String containerName(String image) {
    String base = image.substring(image.lastIndexOf('/') + 1);
    int at = base.indexOf('@');
    if (at >= 0) {
      base = base.substring(0, at);
    }
    int colon = base.indexOf(':');
    if (colon >= 0) {
      base = base.substring(0, colon);
    }
    return base.replaceAll("[^a-z0-9-]", "-");
  }
}
