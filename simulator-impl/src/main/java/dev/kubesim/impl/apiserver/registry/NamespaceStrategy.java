package dev.kubesim.impl.apiserver.registry;

import dev.kubesim.api.model.Namespace;
import dev.kubesim.api.model.NamespaceSpec;
import dev.kubesim.api.model.NamespaceStatus;
import dev.kubesim.api.model.ObjectMeta;
import dev.kubesim.impl.apiserver.ApiServer;
import dev.kubesim.impl.apiserver.Strategy;
import dev.kubesim.impl.apiserver.validation.FieldError;
import dev.kubesim.impl.apiserver.validation.FieldPath;
import dev.kubesim.impl.apiserver.validation.LabelNames;
import dev.kubesim.impl.apiserver.validation.NameValidator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Namespaces ({@code pkg/registry/core/namespace}): names are RFC 1123 labels; the {@code
 * kubernetes.io/metadata.name} label always holds the name; a new namespace is {@code Active} with
 * the {@code kubernetes} finalizer; updates through the main resource keep the finalizers and the
 * status.
 */
public final class NamespaceStrategy extends Strategy<Namespace> {
  /** The label every namespace carries with its own name. */
  public static final String NAME_LABEL = "kubernetes.io/metadata.name";

  private static final String KUBERNETES_FINALIZER = "kubernetes";
  private static final Set<String> STANDARD_FINALIZERS = Set.of(KUBERNETES_FINALIZER, "orphan", "foregroundDeletion");

  /** The Namespace rules. */
  public NamespaceStrategy() {
    super(Namespace.class);
  }

  @Override
  public NameValidator nameValidator() {
    return NameValidator.DNS_LABEL;
  }

  /** {@code SetDefaults_Namespace} and {@code SetDefaults_NamespaceStatus}. */
  @Override
  public Namespace defaults(Namespace ns) {
    Namespace out = withNameLabel(ns);
    NamespaceStatus status = out.status().orElseGet(() -> new NamespaceStatus(null, null));
    if (status.phase().filter(p -> !p.isEmpty()).isEmpty()) {
      out = out.withStatus(new NamespaceStatus(Optional.of("Active"), status.conditions()));
    }
    return out;
  }

  /**
   * {@code PrepareForCreate} (Active, with the {@code kubernetes} finalizer) and {@code
   * Canonicalize}, which labels a namespace whose name was only just generated.
   */
  @Override
  public Namespace admit(Namespace ns, ApiServer api) {
    List<String> finalizers = new ArrayList<>(ns.specOrEmpty().finalizers());
    if (!finalizers.contains(KUBERNETES_FINALIZER)) {
      finalizers.add(KUBERNETES_FINALIZER);
    }
    return withNameLabel(ns)
        .withSpec(new NamespaceSpec(finalizers))
        .withStatus(new NamespaceStatus(Optional.of("Active"), null));
  }

  private static Namespace withNameLabel(Namespace ns) {
    String name = ns.metadata().nameOrEmpty();
    if (name.isEmpty() || name.equals(ns.metadata().labels().get(NAME_LABEL))) {
      return ns;
    }
    Map<String, String> labels = new TreeMap<>(ns.metadata().labels());
    labels.put(NAME_LABEL, name);
    ObjectMeta meta = ns.metadata().toBuilder().labels(labels).build();
    return ns.withMetadata(meta);
  }

  /** {@code ValidateNamespace}: the spec's finalizer names. */
  @Override
  public List<FieldError> validate(Namespace ns) {
    List<FieldError> errs = new ArrayList<>();
    FieldPath path = FieldPath.root("spec", "finalizers");
    for (String f : ns.specOrEmpty().finalizers()) {
      // Upstream reports every finalizer at spec.finalizers, without an index.
      errs.addAll(FieldError.invalidEach(path, f, LabelNames.isQualifiedName(f)));
      if (!f.contains("/") && !STANDARD_FINALIZERS.contains(f)) {
        errs.add(FieldError.invalid(path, f, "name is neither a standard finalizer name nor is it fully qualified"));
      }
    }
    return errs;
  }

  /** {@code PrepareForUpdate}: finalizers and status are not the main resource's to change. */
  @Override
  public Namespace prepareForUpdate(Namespace ns, Namespace old) {
    return ns.withSpec(old.specOrEmpty()).withStatus(old.status().orElse(null));
  }

  @Override
  public boolean hasGeneration() {
    return false;
  }
}
