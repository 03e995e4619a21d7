package dev.kubesim.impl.ingress;

import java.util.List;
import java.util.Optional;

/**
 * One nginx server of the controller's configuration: a host (or {@code *.domain}, or {@code _})
 * with its locations in the order they were added and the certificate configured for it by an
 * Ingress's {@code spec.tls}, if any.
 */
record Server(String name, List<Location> locations, Optional<String> certificate) {
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
}
