package dev.kubesim.impl.apiserver.apiextensions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubesim.api.model.GenericObject;
import dev.kubesim.impl.apiserver.Strategy;
import dev.kubesim.impl.apiserver.validation.FieldError;
import dev.kubesim.impl.codec.KindCatalog;
import dev.kubesim.impl.codec.KindCatalog.CustomKind;
import java.util.List;
import java.util.Optional;

/**
 * The rules of one custom kind, as apiextensions-apiserver's custom resource strategy has them: the
 * fields the version's schema does not specify are pruned, its defaults applied (on every write,
 * and on reads through {@link #fromStorage}), the object is stored in the storage
 * version (conversion {@code None}: only {@code apiVersion} changes), validated against the schema,
 * and with the {@code status} subresource the status is left out on create and kept on update
 * through the main resource.
 */
final class CustomResourceStrategy extends Strategy<GenericObject> {
  private final KindCatalog kinds;
  private final String kind;

  CustomResourceStrategy(KindCatalog kinds, String kind) {
    super(GenericObject.class);
    this.kinds = kinds;
    this.kind = kind;
  }

  private Optional<CustomKind> version(GenericObject object) {
    return kinds.lookup(object.apiVersion(), object.kind()).flatMap(kinds::custom);
  }

  private Optional<CustomKind> storage() {
    return kinds.customByKind(kind);
  }

  @Override
  public GenericObject defaults(GenericObject object) {
    Optional<CustomKind> served = version(object);
    ObjectNode tree = Crds.content(object);
    if (served.isPresent() && served.get().schema() != null) {
      StructuralSchema.prune(tree, served.get().schema());
      StructuralSchema.applyDefaults(tree, served.get().schema());
    }
    String apiVersion = storage().map(s -> s.info().apiVersion()).orElse(object.apiVersion());
    GenericObject pruned = Crds.withContent(object, tree);
    return new GenericObject(apiVersion, pruned.kind(), pruned.metadata(), pruned.content());
  }

  @Override
  public GenericObject fromStorage(GenericObject object) {
    Optional<CustomKind> stored = storage();
    if (stored.isEmpty() || stored.get().schema() == null) {
      return object;
    }
    ObjectNode tree = Crds.content(object);
    ObjectNode before = tree.deepCopy();
    StructuralSchema.applyDefaults(tree, stored.get().schema());
    return tree.equals(before) ? object : Crds.withContent(object, tree);
  }

  @Override
  public GenericObject admit(GenericObject object, dev.kubesim.impl.apiserver.ApiServer api) {
    if (storage().map(CustomKind::statusSubresource).orElse(false) && object.content().containsKey("status")) {
      ObjectNode tree = Crds.content(object);
      tree.remove("status");
      return Crds.withContent(object, tree);
    }
    return object;
  }

  @Override
  public GenericObject prepareForUpdate(GenericObject object, GenericObject old) {
    if (!storage().map(CustomKind::statusSubresource).orElse(false)) {
      return object;
    }
    ObjectNode tree = Crds.content(object);
    JsonNode oldStatus = Crds.content(old).get("status");
    tree.remove("status");
    if (oldStatus != null) {
      tree.set("status", oldStatus);
    }
    return Crds.withContent(object, tree);
  }

  @Override
  public List<FieldError> validateStatusUpdate(GenericObject object, GenericObject old) {
    return validate(object);
  }

  @Override
  public List<FieldError> validate(GenericObject object) {
    Optional<CustomKind> served = storage();
    if (served.isEmpty() || served.get().schema() == null) {
      return List.of();
    }
    return StructuralSchema.validate(Crds.content(object), served.get().schema());
  }
}
