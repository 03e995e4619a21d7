package dev.kubesim.impl.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import dev.kubesim.api.KubeSimException;
import dev.kubesim.api.StatusCause;
import dev.kubesim.impl.apiserver.FieldSet.Element;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An object's {@code metadata.managedFields}: which manager owns which fields, as kube-apiserver's
 * field manager ({@code k8s.io/apiserver/pkg/endpoints/handlers/fieldmanager}) and
 * structured-merge-diff keep them. An update ({@code operation: Update}) takes ownership of the
 * fields it changes from whoever had them; a server-side apply ({@code operation: Apply}) owns
 * exactly the fields of its configuration, fails with a Conflict when it would change a field
 * another manager owns (unless forced, when it takes the field), shares the fields it sets to the
 * value they have, and removes the fields it applied before, owns alone and no longer applies.
 * Immutable.
 */
public final class ManagedFields {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /** No manager owns anything. */
  public static final ManagedFields NONE = new ManagedFields(ImmutableList.of());

  /** The operation of an update. */
  public static final String UPDATE = "Update";
  /** The operation of a server-side apply. */
  public static final String APPLY = "Apply";

  /**
   * The fields every manager's set leaves out ({@code stripMetaManager}): identity and what the
   * server sets.
   */
  private static final FieldSet STRIPPED = FieldSet.of(List.of(
      List.of(Element.field("apiVersion")),
      List.of(Element.field("kind")),
      List.of(Element.field("metadata")),
      List.of(Element.field("metadata"), Element.field("name")),
      List.of(Element.field("metadata"), Element.field("namespace")),
      List.of(Element.field("metadata"), Element.field("creationTimestamp")),
      List.of(Element.field("metadata"), Element.field("selfLink")),
      List.of(Element.field("metadata"), Element.field("uid")),
      List.of(Element.field("metadata"), Element.field("clusterName")),
      List.of(Element.field("metadata"), Element.field("generation")),
      List.of(Element.field("metadata"), Element.field("managedFields")),
      List.of(Element.field("metadata"), Element.field("resourceVersion"))));

  private static final Element STATUS = Element.field("status");

  /**
   * One manager's fields: {@code manager}, {@code operation}, {@code apiVersion}, {@code time}
   * (RFC 3339), the fields and the {@code subresource} ({@code ""} for the main resource).
   *
   * @param manager the field manager's name
   * @param operation {@link #UPDATE} or {@link #APPLY}
   * @param apiVersion the version the manager wrote in
   * @param time when the manager last changed the object
   * @param subresource the subresource written through, or {@code ""}
   * @param fields what the manager owns
   */
  public record Entry(String manager, String operation, String apiVersion, String time, String subresource,
      FieldSet fields) {
    /** Whether the two entries are the same manager's (the time and fields aside), as kube-apiserver keys them. */
    boolean sameManager(Entry o) {
      return manager.equals(o.manager) && operation.equals(o.operation) && subresource.equals(o.subresource)
          && (operation.equals(APPLY) || apiVersion.equals(o.apiVersion));
    }

    Entry withFields(FieldSet value) {
      return new Entry(manager, operation, apiVersion, time, subresource, value);
    }

    /**
     * The manager as a conflict names it ({@code printManager}): {@code "kubectl"}, {@code
     * "kubectl-edit" using apps/v1}, {@code "x" with subresource "status" using v1}.
     */
    public String describe() {
      String s = quote(manager);
      if (!subresource.isEmpty()) {
        s += " with subresource " + quote(subresource);
      }
      return operation.equals(UPDATE) ? s + " using " + apiVersion : s;
    }

    /** The entry as served in {@code metadata.managedFields}. */
    public ObjectNode toJson() {
      ObjectNode o = JSON.objectNode();
      o.put("manager", manager);
      o.put("operation", operation);
      o.put("apiVersion", apiVersion);
      o.put("time", time);
      o.put("fieldsType", "FieldsV1");
      o.set("fieldsV1", fields.toFieldsV1());
      if (!subresource.isEmpty()) {
        o.put("subresource", subresource);
      }
      return o;
    }
  }

  /** What an apply makes: the merged object (before defaulting) and the managers' fields after it. */
  public record Applied(ObjectNode object, ManagedFields managedFields) {}

  private static final Comparator<Entry> ORDER = Comparator.comparing(Entry::operation)
      .thenComparing(Entry::time)
      .thenComparing(Entry::manager)
      .thenComparing(Entry::apiVersion)
      .thenComparing(Entry::subresource);

  private final ImmutableList<Entry> entries;

  private ManagedFields(List<Entry> entries) {
    List<Entry> sorted = new ArrayList<>(entries);
    sorted.sort(ORDER);
    this.entries = ImmutableList.copyOf(sorted);
  }

  /** Managed fields of these entries, in the order kube-apiserver sorts them (operation, time, manager). */
  public static ManagedFields of(List<Entry> entries) {
    return entries.isEmpty() ? NONE : new ManagedFields(entries);
  }

  /** The entries, sorted as served. */
  public ImmutableList<Entry> entries() {
    return entries;
  }

  /** Whether no manager owns anything. */
  public boolean isEmpty() {
    return entries.isEmpty();
  }

  /** Whether the two say the same but for the times, which alone never make a write ({@code fieldmanager}'s no-op rule). */
  public boolean sameIgnoringTime(ManagedFields o) {
    if (o.entries.size() != entries.size()) {
      return false;
    }
    for (Entry e : entries) {
      boolean found = false;
      for (Entry f : o.entries) {
        if (e.sameManager(f) && e.apiVersion.equals(f.apiVersion) && e.fields.equals(f.fields)) {
          found = true;
          break;
        }
      }
      if (!found) {
        return false;
      }
    }
    return true;
  }

  /**
   * The managed fields a client wrote in an object ({@code metadata.managedFields} of an update's
   * body), or empty when there are none or they cannot be read; then the server keeps its own, as
   * kube-apiserver does. A list of empty entries ({@code [{}]}) reads as no fields at all: the way
   * to reset them.
   */
  public static Optional<ManagedFields> fromJson(JsonNode list) {
    if (list == null || !list.isArray() || list.isEmpty()) {
      return Optional.empty();
    }
    List<Entry> out = new ArrayList<>();
    try {
      for (JsonNode e : list) {
        if (!e.isObject()) {
          return Optional.empty();
        }
        JsonNode fields = e.path("fieldsV1");
        FieldSet set = fields.isObject() ? FieldSet.fromFieldsV1(fields) : FieldSet.EMPTY;
        if (!set.isEmpty()) {
          out.add(new Entry(e.path("manager").asText(""), e.path("operation").asText(""), e.path("apiVersion").asText(""),
              e.path("time").asText(""), e.path("subresource").asText(""), set));
        }
      }
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    return Optional.of(of(out));
  }

  /** {@code metadata.managedFields} as served. */
  public ArrayNode toJson() {
    ArrayNode out = JSON.arrayNode();
    entries.forEach(e -> out.add(e.toJson()));
    return out;
  }

  /**
   * The fields after an update ({@code operation: Update}) by {@code manager} from {@code before}
   * to {@code after} (the objects' JSON): the manager takes the fields the update added or
   * changed, from whoever owned them; the fields it removed are nobody's any more. An update that
   * changes no field leaves everything, times included, as it was.
   *
   * @param subresource {@code ""} for the main resource (whose {@code status} is not tracked), or
   *     {@code status}/{@code scale}
   */
  public ManagedFields update(String kind, JsonNode before, JsonNode after, String manager, String apiVersion,
      String subresource, String now) {
    ObjectFields.Comparison c = ObjectFields.compare(kind, before, after);
    FieldSet changed = tracked(c.changed(), subresource);
    FieldSet removed = c.removed();
    if (changed.isEmpty() && removed.isEmpty()) {
      return this;
    }
    Entry self = new Entry(manager, UPDATE, apiVersion, now, subresource, FieldSet.EMPTY);
    List<Entry> out = new ArrayList<>();
    Entry previous = null;
    for (Entry e : entries) {
      if (e.sameManager(self)) {
        previous = e;
        continue;
      }
      keep(out, e, e.fields.difference(changed).difference(removed));
    }
    FieldSet mine = previous == null ? FieldSet.EMPTY : previous.fields.difference(removed);
    if (!changed.isEmpty()) {
      out.add(self.withFields(mine.union(changed)));
    } else if (previous != null) {
      keep(out, previous, mine);
    }
    return of(out);
  }

  /**
   * A server-side apply of {@code config} by {@code manager} to the live object ({@code null} when
   * there is none yet).
   *
   * @throws KubeSimException Conflict (409) with kube-apiserver's message and one {@code
   *     FieldManagerConflict} cause per field, when the apply would change fields other managers
   *     own and is not forced
   */
  public Applied apply(String kind, JsonNode live, JsonNode config, String manager, String apiVersion, String now,
      boolean force) {
    return apply(kind, live, config, manager, apiVersion, "", now, force);
  }

  /**
   * {@link #apply(String, JsonNode, JsonNode, String, String, String, boolean)} through a
   * subresource: through {@code status} only the configuration's status counts (and only the
   * status of the result is to be written).
   */
  public Applied apply(String kind, JsonNode live, JsonNode config, String manager, String apiVersion,
      String subresource, String now, boolean force) {
    JsonNode before = live == null ? JSON.objectNode() : live;
    FieldSet applied = tracked(ObjectFields.fieldSet(kind, config), subresource);
    JsonNode merged = ObjectFields.merge(kind, before, config);
    Entry self = new Entry(manager, APPLY, apiVersion, now, subresource, applied);
    Entry last = null;
    List<Entry> others = new ArrayList<>();
    for (Entry e : entries) {
      if (e.sameManager(self)) {
        last = e;
      } else {
        others.add(e);
      }
    }
    if (last != null) {
      FieldSet dropped = last.fields.difference(applied);
      FieldSet prune = dropped.filter(p -> !applied.containsOrUnder(p) && others.stream().noneMatch(o -> o.fields.containsOrUnder(p)));
      merged = ObjectFields.remove(kind, merged, prune);
    }
    ObjectFields.Comparison c = ObjectFields.compare(kind, before, merged);
    FieldSet changed = tracked(c.changed(), subresource);
    Map<String, List<List<Element>>> conflicts = new TreeMap<>();
    for (Entry e : others) {
      for (List<Element> p : e.fields.intersection(changed).paths()) {
        conflicts.computeIfAbsent(e.describe(), k -> new ArrayList<>()).add(p);
      }
    }
    if (!force && !conflicts.isEmpty()) {
      throw conflict(conflicts);
    }
    List<Entry> out = new ArrayList<>();
    for (Entry e : others) {
      keep(out, e, e.fields.difference(changed).difference(c.removed()));
    }
    boolean objectChanged = !ObjectFields.same(before, merged);
    String time = !objectChanged && last != null ? last.time : now;
    keep(out, new Entry(manager, APPLY, apiVersion, time, subresource, applied), applied);
    return new Applied((ObjectNode) merged, of(out));
  }

  private static void keep(List<Entry> out, Entry e, FieldSet fields) {
    if (!fields.isEmpty()) {
      out.add(e.withFields(fields));
    }
  }

  /** The fields a manager may own through the subresource: not the stripped ones, only the status through {@code status}, never it otherwise. */
  private static FieldSet tracked(FieldSet fields, String subresource) {
    FieldSet kept = fields.difference(STRIPPED);
    if (subresource.equals("status")) {
      return kept.filter(p -> p.get(0).equals(STATUS));
    }
    return kept.filter(p -> !p.get(0).equals(STATUS));
  }

  /** kube-apiserver's {@code NewConflictError}. */
  private static KubeSimException conflict(Map<String, List<List<Element>>> byManager) {
    List<String[]> causes = new ArrayList<>();
    byManager.forEach((manager, paths) -> paths.forEach(p -> causes.add(new String[] {manager, FieldSet.toString(p)})));
    String message;
    if (causes.size() == 1) {
      message = "Apply failed with 1 conflict: conflict with " + causes.get(0)[0] + ": " + causes.get(0)[1];
    } else {
      List<String> lines = new ArrayList<>();
      byManager.forEach((manager, paths) -> {
        lines.add("conflicts with " + manager + ":");
        paths.forEach(p -> lines.add("- " + FieldSet.toString(p)));
      });
      message = "Apply failed with " + causes.size() + " conflicts: " + String.join("\n", lines);
    }
    List<StatusCause> out = new ArrayList<>();
    for (String[] c : causes) {
      out.add(new StatusCause(c[1], "FieldManagerConflict", "conflict with " + c[0]));
    }
    return new KubeSimException("Conflict", 409, message, out);
  }

  /** A Go {@code %q} of a plain string. */
  private static String quote(String s) {
    return JSON.textNode(s).toString();
  }

  /** The entry of this manager, operation and subresource, if there is one. */
  public Optional<Entry> entry(String manager, String operation, String subresource) {
    return entries.stream()
        .filter(e -> e.manager.equals(manager) && e.operation.equals(operation) && e.subresource.equals(subresource))
        .findFirst();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ManagedFields m && m.entries.equals(entries);
  }

  @Override
  public int hashCode() {
    return entries.hashCode();
  }

  @Override
  public String toString() {
    return toJson().toString();
  }
}
