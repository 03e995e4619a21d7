package dev.kubesim.impl.ingress;

import java.util.List;
import java.util.Optional;

/**
 * One nginx server of the controller's configuration: a host (or {@code *.domain}, or {@code _})
 * with its locations in the order they were added and the certificate configured for it by an
 * Ingress's {@code spec.tls}, if any.
 *
 * @param appRoot the location whose {@code app-root} the server answers a request for {@code /} with, if any
 */
record Server(String name, List<Location> locations, Optional<String> certificate, Optional<Location> appRoot) {
  Server {
    locations = List.copyOf(locations);
  }

  /**
   * The location nginx picks for a path: an exact location equal to it first, else the matching
   * location with the longest path (the first added among equals). The root always matches.
   */
  Location locationFor(String path) {
    for (Location l : locations) {
      if (l.pathType().equals(PathMatch.EXACT) && l.path().equals(path)) {
        return l;
      }
    }
    if (!locations.isEmpty() && locations.get(0).regex()) {
      return regexLocationFor(path);
    }
    Location best = null;
    int bestWeight = -1;
    for (Location l : locations) {
      if (!l.pathType().equals(PathMatch.EXACT) && PathMatch.matches(l.pathType(), l.path(), path)) {
        int w = PathMatch.weight(l.pathType(), l.path());
        if (w > bestWeight) {
          best = l;
          bestWeight = w;
        }
      }
    }
    return best;
  }

  /**
   * With {@code use-regex} or {@code rewrite-target} on any of the host's Ingresses, ingress-nginx
   * writes every non-exact location as a case-insensitive regex ({@code location ~* "^PATH"}) and
   * orders them longest path first; nginx takes the first that matches. The root matches last.
   */
  private Location regexLocationFor(String path) {
    List<Location> ordered = new java.util.ArrayList<>(locations);
    ordered.sort(java.util.Comparator.comparingInt((Location l) -> l.path().length()).reversed());
    for (Location l : ordered) {
      if (!l.pathType().equals(PathMatch.EXACT) && PathRegex.matcher(l.path(), path).map(m -> m.lookingAt()).orElse(false)) {
        return l;
      }
    }
    return locations.get(0);
  }
}
