package dev.kubesim.impl.ingress;

import dev.kubesim.api.model.HTTPIngressPath;
import dev.kubesim.api.model.Ingress;
import dev.kubesim.api.model.IngressBackend;
import dev.kubesim.api.model.IngressRule;
import dev.kubesim.api.model.IngressServiceBackend;
import dev.kubesim.api.model.IngressSpec;
import dev.kubesim.api.model.IngressTLS;
import dev.kubesim.api.model.ServiceBackendPort;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Turns the Ingresses of the controller's class into its {@link RoutingTable} the way
 * ingress-nginx's {@code createServers} and {@code getBackendServers} build nginx servers:
 *
 * <ol>
 *   <li>Ingresses are taken oldest first, equal creation times in reverse {@code NS/NAME} order
 *       (the controller's {@code ListIngresses} sort).
 *   <li>The catch-all server {@code _} has a root location on the controller's default backend; an
 *       Ingress with a {@code defaultBackend} takes it over (the last such Ingress wins).
 *   <li>Each host gets a server on its first Ingress, whose root location leads to that Ingress's
 *       {@code defaultBackend} or to the controller's.
 *   <li>Each path adds a location to its host's server (rules without host: to {@code _}); the
 *       first Ingress to define a path and type keeps it, a {@code /} Prefix path replaces the
 *       server's default root.
 *   <li>A host listed in an Ingress's {@code spec.tls} gets the certificate of that entry's
 *       Secret, or the fake certificate when the entry names none or the Secret is missing or
 *       holds no certificate (the first such Ingress decides).
 * </ol>
 *
 * <p>Not mirrored: ingress-nginx gives every other host of an Ingress that has a {@code tls}
 * section the fake certificate as well, and so redirects plain HTTP to those hosts too; kubesim
 * treats only the listed hosts as TLS hosts, as the Ingress spec reads (and as the
 * ingress-controller-conformance host rules expect), and does not match an unlisted host against a
 * certificate's names.
 */
final class RoutingTableBuilder {
  private static final Comparator<Ingress> LIST_ORDER =
      Comparator.<Ingress, String>comparing(i -> i.metadata().creationTimestamp().orElse(""))
          .thenComparing(i -> key(i), Comparator.reverseOrder());

  private RoutingTableBuilder() {}

  /** A mutable location while the servers are being built. */
  private static final class Loc {
    final String path;
    final String pathType;
    Optional<IngressBackendRef> backend;
    boolean defaultLocation;
    Optional<String> ingress;
    OptionalInt rule;
    OptionalInt pathIndex;
    boolean sslRedirect = true;
    boolean forceSslRedirect;
    boolean preserveTrailingSlash;
    boolean regex;
    Optional<String> rewriteTarget = Optional.empty();
    Optional<String> appRoot = Optional.empty();
    Optional<ReturnRedirect> redirect = Optional.empty();
    SourceRange sourceRange = SourceRange.none();
    Optional<String> denied = Optional.empty();

    Loc(String path, String pathType, Optional<IngressBackendRef> backend, boolean defaultLocation) {
      this.path = path;
      this.pathType = pathType;
      this.backend = backend;
      this.defaultLocation = defaultLocation;
      this.ingress = Optional.empty();
      this.rule = OptionalInt.empty();
      this.pathIndex = OptionalInt.empty();
    }

    void annotate(Ingress ing) {
      IngressAnnotations a = IngressAnnotations.of(ing);
      sslRedirect = a.sslRedirect();
      forceSslRedirect = a.forceSslRedirect();
      preserveTrailingSlash = a.preserveTrailingSlash();
      rewriteTarget = a.rewriteTarget();
      regex = a.useRegex() || rewriteTarget.isPresent();
      appRoot = a.appRoot();
      redirect = a.redirect();
      sourceRange = a.sourceRange();
      denied = a.denied();
    }

    /** Frozen; {@code regexServer}: a location of the server uses regex, so ingress-nginx writes every one as {@code ~*}. */
    Location freeze(boolean regexServer) {
      return new Location(path, pathType, backend, defaultLocation, backend.isPresent() ? ingress : Optional.empty(),
          rule, pathIndex, sslRedirect, forceSslRedirect, preserveTrailingSlash, regexServer, rewriteTarget, appRoot, redirect, sourceRange, denied);
    }
  }

  /** A mutable server while being built. */
  private static final class Srv {
    final String name;
    final List<Loc> locations = new ArrayList<>();
    Optional<String> certificate = Optional.empty();

    Srv(String name, Loc root) {
      this.name = name;
      locations.add(root);
    }

    Server freeze() {
      boolean regex = locations.stream().anyMatch(l -> l.regex);
      List<Location> frozen = locations.stream().map(l -> l.freeze(regex)).toList();
      // ingress-nginx sorts a server's locations longest path first (then in reverse text order) and
      // writes each app-root as a server-level "if ($uri = /)": the first one written wins.
      Optional<Location> appRoot = frozen.stream().filter(l -> l.appRoot().isPresent())
          .sorted(Comparator.comparingInt((Location l) -> l.path().length()).thenComparing(Location::path).reversed())
          .findFirst();
      return new Server(name, frozen, certificate, appRoot);
    }
  }

  /** The session affinity of an upstream while the paths leading to it are read. */
  private static final class Affinity {
    String type = "";
    String mode = "";
    SessionAffinity cookie = SessionAffinity.none();
    final Map<String, Set<String>> locations = new TreeMap<>();

    Optional<UpstreamAffinity> freeze() {
      return type.equals(SessionAffinity.COOKIE) ? Optional.of(new UpstreamAffinity(mode, cookie, locations)) : Optional.empty();
    }
  }

  /** Builds the table from the Ingresses the controller handles (in any order). */
  static RoutingTable build(List<Ingress> handled, TlsSecrets.Lookup secrets) {
    List<Ingress> ingresses = new ArrayList<>(handled);
    ingresses.sort(LIST_ORDER);
    Srv catchAll = new Srv(HostMatch.CATCH_ALL, new Loc("/", PathMatch.PREFIX, Optional.empty(), true));
    Map<String, Srv> servers = new LinkedHashMap<>();
    createServers(ingresses, catchAll, servers);
    assignCertificates(ingresses, servers, secrets);
    Map<IngressBackendRef, Affinity> affinities = new LinkedHashMap<>();
    addLocations(ingresses, catchAll, servers, affinities);
    Map<String, Server> frozen = new LinkedHashMap<>();
    servers.forEach((name, s) -> frozen.put(name, s.freeze()));
    Map<IngressBackendRef, UpstreamAffinity> sticky = new LinkedHashMap<>();
    affinities.forEach((ref, a) -> a.freeze().ifPresent(f -> sticky.put(ref, f)));
    return new RoutingTable(frozen, catchAll.freeze(), sticky);
  }

  private static void createServers(List<Ingress> ingresses, Srv catchAll, Map<String, Srv> servers) {
    for (Ingress ing : ingresses) {
      IngressSpec spec = ing.specOrEmpty();
      Optional<IngressBackendRef> defaultUpstream = spec.defaultBackend().flatMap(b -> ref(ing, b));
      if (defaultUpstream.isPresent()) {
        Loc def = catchAll.locations.get(0);
        def.backend = defaultUpstream;
        def.ingress = Optional.of(key(ing));
        def.rule = OptionalInt.empty();
        def.pathIndex = OptionalInt.empty();
        if (def.defaultLocation && spec.rules().isEmpty()) {
          // "Ingress defines a backend but no rule": it becomes the catch-all server's own.
          def.defaultLocation = false;
          def.annotate(ing);
        }
      }
      for (IngressRule rule : spec.rules()) {
        String host = hostOf(rule);
        if (host.equals(HostMatch.CATCH_ALL) || servers.containsKey(host)) {
          continue;
        }
        Loc root = new Loc("/", PathMatch.PREFIX, defaultUpstream, true);
        root.ingress = Optional.of(key(ing));
        root.annotate(ing);
        servers.put(host, new Srv(host, root));
      }
    }
  }

  private static void assignCertificates(List<Ingress> ingresses, Map<String, Srv> servers, TlsSecrets.Lookup secrets) {
    for (Ingress ing : ingresses) {
      IngressSpec spec = ing.specOrEmpty();
      for (IngressRule rule : spec.rules()) {
        Srv server = servers.get(hostOf(rule));
        if (server == null || server.certificate.isPresent() || spec.tls().isEmpty()) {
          continue;
        }
        Optional<String> secretName = tlsSecretName(server.name, spec.tls());
        if (secretName.isEmpty()) {
          continue; // not listed: ingress-nginx would give it the fake certificate too (see the class doc)
        }
        server.certificate = Optional.of(secretName.get().isEmpty()
            ? TlsSecrets.FAKE_CERTIFICATE
            : TlsSecrets.certificate(secrets, namespace(ing), secretName.get()));
      }
    }
  }

  /**
   * {@code extractTLSSecretName}: the Secret name of the TLS entry listing the host ({@code ""}
   * for an entry without one), empty when no entry lists it.
   */
  private static Optional<String> tlsSecretName(String host, List<IngressTLS> tls) {
    for (IngressTLS t : tls) {
      for (String h : t.hosts()) {
        if (h.toLowerCase(Locale.ROOT).equals(host)) {
          return Optional.of(t.secretName().orElse(""));
        }
      }
    }
    return Optional.empty();
  }

  private static void addLocations(List<Ingress> ingresses, Srv catchAll, Map<String, Srv> servers,
      Map<IngressBackendRef, Affinity> affinities) {
    for (Ingress ing : ingresses) {
      SessionAffinity sessionAffinity = IngressAnnotations.of(ing).affinity();
      List<IngressRule> rules = ing.specOrEmpty().rules();
      for (int r = 0; r < rules.size(); r++) {
        IngressRule rule = rules.get(r);
        Srv server = servers.getOrDefault(hostOf(rule), catchAll);
        if (rule.http().isEmpty()) {
          continue;
        }
        List<HTTPIngressPath> paths = rule.http().get().paths();
        for (int i = 0; i < paths.size(); i++) {
          HTTPIngressPath p = paths.get(i);
          Optional<IngressBackendRef> upstream = p.backend().flatMap(b -> ref(ing, b));
          if (upstream.isEmpty()) {
            continue; // a resource backend: ingress-nginx skips it
          }
          String path = p.path().filter(s -> !s.isEmpty()).orElse("/");
          String type = p.pathType().orElse(PathMatch.IMPLEMENTATION_SPECIFIC);
          addLocation(server, ing, r, i, path, type, upstream.get());
          addAffinity(affinities.computeIfAbsent(upstream.get(), k -> new Affinity()), sessionAffinity, hostOf(rule), path);
        }
      }
    }
  }

  /**
   * Every path to an upstream adds to its affinity, whichever Ingress keeps the location: the first
   * type and mode set stay, the last cookie settings win, and each sticky path is a place that sets
   * the cookie.
   */
  private static void addAffinity(Affinity upstream, SessionAffinity ing, String host, String path) {
    if (upstream.type.isEmpty()) {
      upstream.type = ing.type();
    }
    if (upstream.mode.isEmpty()) {
      upstream.mode = ing.mode();
    }
    if (ing.cookie()) {
      upstream.cookie = ing;
      upstream.locations.computeIfAbsent(host, h -> new TreeSet<>()).add(path);
    }
  }

  private static void addLocation(Srv server, Ingress ing, int rule, int pathIndex, String path, String type, IngressBackendRef upstream) {
    for (Loc loc : server.locations) {
      if (!loc.path.equals(path) || !loc.pathType.equals(type)) {
        continue; // the same path with another type is a location of its own
      }
      if (loc.defaultLocation) {
        // "Replacing location": a rule's own root takes over the server's default.
        loc.backend = Optional.of(upstream);
        loc.defaultLocation = false;
        loc.ingress = Optional.of(key(ing));
        loc.rule = OptionalInt.of(rule);
        loc.pathIndex = OptionalInt.of(pathIndex);
        loc.annotate(ing);
      }
      return; // otherwise "already configured": the first Ingress keeps it
    }
    Loc loc = new Loc(path, type, Optional.of(upstream), false);
    loc.ingress = Optional.of(key(ing));
    loc.rule = OptionalInt.of(rule);
    loc.pathIndex = OptionalInt.of(pathIndex);
    loc.annotate(ing);
    server.locations.add(loc);
  }

  private static Optional<IngressBackendRef> ref(Ingress ing, IngressBackend backend) {
    if (backend.service().isEmpty()) {
      return Optional.empty();
    }
    IngressServiceBackend svc = backend.service().get();
    ServiceBackendPort port = svc.port().orElse(new ServiceBackendPort(Optional.empty(), Optional.empty()));
    String written = port.number().filter(n -> n != 0).map(String::valueOf).orElse(port.name().orElse(""));
    return Optional.of(new IngressBackendRef(namespace(ing), svc.name().orElse(""), written));
  }

  private static String hostOf(IngressRule rule) {
    return rule.host().filter(h -> !h.isEmpty()).map(h -> h.toLowerCase(Locale.ROOT)).orElse(HostMatch.CATCH_ALL);
  }

  private static String namespace(Ingress ing) {
    return ing.metadata().namespace().orElse("default");
  }

  static String key(Ingress ing) {
    return namespace(ing) + "/" + ing.metadata().nameOrEmpty();
  }
}
