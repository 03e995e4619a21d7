package dev.kubesim.impl.apiserver.rest;

import dev.kubesim.api.model.Kinds.KindInfo;
import dev.kubesim.impl.codec.KindCatalog;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a resource path names, as the API server's request info reads it: {@code
 * [watch/][namespaces/NS/]RESOURCE[/NAME[/SUBRESOURCE]]} after {@code /api/v1} or {@code
 * /apis/GROUP/VERSION}.
 *
 * @param legacyWatch whether the path starts with the old {@code watch/} prefix
 * @param namespace the namespace of the path, or {@code ""}
 * @param name the object's name, or {@code ""} for the collection
 * @param subresource {@code status}, {@code scale}, ... or {@code ""}
 */
record ResourcePath(boolean legacyWatch, KindInfo kind, String namespace, String name, String subresource) {

  /** The path's segments, each percent-decoded. */
  static List<String> segments(String rawPath) {
    List<String> out = new ArrayList<>();
    for (String s : rawPath.split("/")) {
      if (!s.isEmpty()) {
        out.add(URLDecoder.decode(s, StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  /** The resource of a whole path ({@code /api/v1/...} or {@code /apis/GROUP/VERSION/...}), if it names one. */
  static Optional<ResourcePath> ofPath(KindCatalog kinds, String rawPath) {
    List<String> s = segments(rawPath);
    if (s.size() >= 3 && s.get(0).equals("api") && s.get(1).equals("v1")) {
      return of(kinds, "", "v1", s.subList(2, s.size()));
    }
    if (s.size() >= 4 && s.get(0).equals("apis") && ResourceCatalog.versions(kinds, s.get(1)).contains(s.get(2))) {
      return of(kinds, s.get(1), s.get(2), s.subList(3, s.size()));
    }
    return Optional.empty();
  }

  /** The resource the segments after a group version name, if they name one the cluster serves. */
  static Optional<ResourcePath> of(KindCatalog kinds, String group, String version, List<String> rest) {
    boolean legacyWatch = false;
    List<String> r = new ArrayList<>(rest);
    if (!r.isEmpty() && r.get(0).equals("watch")) {
      legacyWatch = true;
      r.remove(0);
    }
    String namespace = "";
    if (r.size() >= 3 && r.get(0).equals("namespaces")) {
      Optional<KindInfo> inner = ResourceCatalog.resource(kinds, group, version, r.get(2)).filter(KindInfo::namespaced);
      if (inner.isPresent()) {
        namespace = r.get(1);
        r = r.subList(2, r.size());
      }
    }
    if (r.isEmpty() || r.size() > 3) {
      return Optional.empty();
    }
    Optional<KindInfo> kind = ResourceCatalog.resource(kinds, group, version, r.get(0));
    if (kind.isEmpty()) {
      return Optional.empty();
    }
    String name = r.size() > 1 ? r.get(1) : "";
    String sub = r.size() > 2 ? r.get(2) : "";
    if (kind.get().namespaced() && !name.isEmpty() && namespace.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new ResourcePath(legacyWatch, kind.get(), namespace, name, sub));
  }
}
