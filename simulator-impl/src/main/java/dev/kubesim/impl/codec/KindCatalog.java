package dev.kubesim.impl.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.ImmutableList;
import dev.kubesim.api.model.GenericObject;
import dev.kubesim.api.model.Kinds.KindInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The kinds one cluster's API server serves, as its RESTMapper and discovery see them: the built-in
 * kinds of {@link KindRegistry}, then, for each CustomResourceDefinition that is Established, its
 * served versions. One catalogue belongs to one cluster (two clusters in one JVM never see each
 * other's custom kinds); the API server replaces its custom part when a definition is established,
 * changed or deleted. The catalogue is read in a fixed order: built-ins first, then custom kinds in
 * the order of their definitions' names.
 */
public final class KindCatalog {
  // replaced whole under the cluster's lock; volatile so that served requests read a complete catalogue
  private volatile ImmutableList<CustomKind> custom = ImmutableList.of();

  /** A catalogue of the built-in kinds only, to which custom kinds are added as they are established. */
  public KindCatalog() {}

  /**
   * One served version of a custom kind, as its definition declares it.
   *
   * @param info the kind in this version (its objects are generic objects)
   * @param crdName the definition's name ({@code crontabs.stable.example.com})
   * @param singular the singular name ({@code crontab})
   * @param shortNames the short names ({@code ct}), possibly none
   * @param categories the categories ({@code all}), possibly none
   * @param storage whether this version is the storage version
   * @param schema the version's {@code openAPIV3Schema}, or {@code null}
   * @param columns the version's {@code additionalPrinterColumns}, possibly none
   * @param statusSubresource whether the version has the {@code status} subresource
   * @param scaleSubresource whether the version has the {@code scale} subresource
   */
  public record CustomKind(
      KindInfo info,
      String crdName,
      String singular,
      ImmutableList<String> shortNames,
      ImmutableList<String> categories,
      boolean storage,
      JsonNode schema,
      ImmutableList<PrinterColumn> columns,
      boolean statusSubresource,
      boolean scaleSubresource) {
    /** Checks the names. */
    public CustomKind {
      Objects.requireNonNull(info, "info");
      Objects.requireNonNull(crdName, "crdName");
      Objects.requireNonNull(singular, "singular");
      Objects.requireNonNull(shortNames, "shortNames");
      Objects.requireNonNull(categories, "categories");
      Objects.requireNonNull(columns, "columns");
    }
  }

  /**
   * One of a custom kind's {@code additionalPrinterColumns}.
   *
   * @param name the column's name ({@code Spec}); the table prints it upper-case
   * @param type {@code string}, {@code integer}, {@code number}, {@code boolean} or {@code date}
   * @param jsonPath the JSONPath of the value, relative to the object ({@code .spec.cronSpec})
   * @param priority 0 for the default table, more for {@code -o wide} only
   * @param format the column's format, possibly empty
   * @param description the column's description, possibly empty
   */
  public record PrinterColumn(String name, String type, String jsonPath, int priority, String format, String description) {}

  /**
   * Replaces the custom kinds (every served version of every established definition).
   *
   * @param kinds the custom kinds, in the order the catalogue lists them
   */
  public void setCustom(List<CustomKind> kinds) {
    this.custom = ImmutableList.copyOf(kinds);
  }

  /**
   * The custom kinds, every served version.
   *
   * @return the custom kinds, every served version
   */
  public ImmutableList<CustomKind> custom() {
    return custom;
  }

  /**
   * The custom kind served in this version, if it is one.
   *
   * @param info a served kind and version
   * @return its definition's facts, or empty for a built-in kind
   */
  public Optional<CustomKind> custom(KindInfo info) {
    for (CustomKind c : custom) {
      if (c.info().equals(info)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  /**
   * The storage version of a custom kind, by kind name.
   *
   * @param kind the kind ({@code CronTab})
   * @return the storage version's facts, or empty when no established definition names this kind
   */
  public Optional<CustomKind> customByKind(String kind) {
    if (KindRegistry.byKind(kind).isPresent()) {
      return Optional.empty();
    }
    CustomKind first = null;
    for (CustomKind c : custom) {
      if (c.info().kind().equals(kind)) {
        if (c.storage()) {
          return Optional.of(c);
        }
        first = first == null ? c : first;
      }
    }
    return Optional.ofNullable(first);
  }

  /**
   * The kind stored under this name: a built-in kind, or a custom kind's storage version.
   *
   * @param kind the kind, as objects carry it
   * @return the kind, if served
   */
  public Optional<KindInfo> byKind(String kind) {
    Optional<KindInfo> builtin = KindRegistry.byKind(kind);
    return builtin.isPresent() ? builtin : customByKind(kind).map(CustomKind::info);
  }

  /**
   * The kind served under this plural, singular or short name, or lower-case kind name (for a
   * custom kind, its preferred version: the first served).
   *
   * @param name a resource name, matched case-insensitively
   * @return the kind, if served
   */
  public Optional<KindInfo> byResourceName(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    Optional<KindInfo> builtin = KindRegistry.byResourceName(n);
    if (builtin.isPresent()) {
      return builtin;
    }
    for (CustomKind c : custom) {
      if (c.info().resource().equals(n) || c.singular().equals(n) || c.info().kind().toLowerCase(Locale.ROOT).equals(n)) {
        return Optional.of(c.info());
      }
    }
    return Optional.empty();
  }

  /**
   * The kind whose short name this is.
   *
   * @param name a short name ({@code ct}), matched case-insensitively
   * @return the custom kind with that short name, if any
   */
  public Optional<KindInfo> byShortName(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    for (CustomKind c : custom) {
      if (c.shortNames().contains(n)) {
        return Optional.of(c.info());
      }
    }
    return Optional.empty();
  }

  /**
   * The kind served for this apiVersion and kind.
   *
   * @param apiVersion the apiVersion, as a manifest gives it
   * @param kind the kind
   * @return the served kind and version, if the API server serves that pair
   */
  public Optional<KindInfo> lookup(String apiVersion, String kind) {
    Optional<KindInfo> builtin = KindRegistry.lookup(apiVersion, kind);
    if (builtin.isPresent()) {
      return builtin;
    }
    return custom.stream().map(CustomKind::info)
        .filter(i -> i.kind().equals(kind) && i.apiVersion().equals(apiVersion)).findFirst();
  }

  /**
   * Every kind, each once: the built-in kinds, then each custom kind in its preferred version.
   *
   * @return every kind, each once
   */
  public ImmutableList<KindInfo> all() {
    ImmutableList<CustomKind> now = custom;
    if (now.isEmpty()) {
      return KindRegistry.all();
    }
    List<KindInfo> out = new ArrayList<>(KindRegistry.all());
    List<String> seen = new ArrayList<>();
    for (CustomKind c : now) {
      String key = c.info().group() + "/" + c.info().kind();
      if (!seen.contains(key)) {
        seen.add(key);
        out.add(c.info());
      }
    }
    return ImmutableList.copyOf(out);
  }

  /**
   * Every kind in every served version: the built-in ones, then the custom ones.
   *
   * @return every served kind and version
   */
  public ImmutableList<KindInfo> served() {
    ImmutableList<CustomKind> now = custom;
    if (now.isEmpty()) {
      return KindRegistry.served();
    }
    ImmutableList.Builder<KindInfo> out = ImmutableList.<KindInfo>builder().addAll(KindRegistry.served());
    now.forEach(c -> out.add(c.info()));
    return out.build();
  }

  /**
   * A custom kind's served version.
   *
   * @param kind the kind ({@code CronTab})
   * @param group the group ({@code stable.example.com})
   * @param version the version ({@code v1})
   * @param plural the plural resource name ({@code crontabs})
   * @param namespaced whether its objects live in namespaces
   * @return the kind's facts, its objects being generic objects
   */
  public static KindInfo customInfo(String kind, String group, String version, String plural, boolean namespaced) {
    return new KindInfo(kind, group, version, plural, namespaced, GenericObject.class);
  }
}
