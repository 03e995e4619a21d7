package dev.kubesim.api.program;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A container image reference ({@code [registry/]repository[:tag][@digest]}) parsed and normalised
 * as the container runtime does (the grammar of {@code distribution/reference}): a name without a
 * registry is on Docker Hub ({@code docker.io}), and a one-part Docker Hub name is in {@code
 * library/}. So {@code nginx}, {@code nginx:1.27} and {@code docker.io/library/nginx@sha256:...}
 * all have the {@link #name} {@code docker.io/library/nginx}.
 *
 * @param registry the registry host, with a port where given: {@code docker.io}, {@code
 *     registry.k8s.io}, {@code localhost:5000}
 * @param repository the path inside the registry: {@code library/nginx}, {@code luksa/kubia}
 * @param tag the tag where given
 * @param digest the digest where given, e.g. {@code sha256:...}
 */
public record ImageReference(
    String registry, String repository, Optional<String> tag, Optional<String> digest) {
  /** Docker Hub, where names without a registry live. */
  public static final String DOCKER_HUB = "docker.io";

  private static final String COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
  private static final Pattern PATH = Pattern.compile(COMPONENT + "(?:/" + COMPONENT + ")*");
  private static final Pattern PATH_ANY_CASE =
      Pattern.compile(PATH.pattern().replace("a-z0-9", "a-zA-Z0-9"));
  private static final String DOMAIN_LABEL = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
  private static final Pattern DOMAIN =
      Pattern.compile(DOMAIN_LABEL + "(?:\\." + DOMAIN_LABEL + ")*(?::[0-9]+)?");
  private static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0,127}");
  private static final Pattern DIGEST =
      Pattern.compile("[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}");
  private static final Pattern SHA256 = Pattern.compile("sha256:[0-9a-f]{64}");
  private static final Pattern ID = Pattern.compile("[a-f0-9]{64}");

  /**
   * Checks that no field is {@code null}.
   *
   * @param registry the registry host, with a port where given: {@code docker.io}, {@code
   *     registry.k8s.io}, {@code localhost:5000}
   * @param repository the path inside the registry: {@code library/nginx}, {@code luksa/kubia}
   * @param tag the tag where given
   * @param digest the digest where given, e.g. {@code sha256:...}
   */
  public ImageReference {
    Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(repository, "repository");
    Objects.requireNonNull(tag, "tag");
    Objects.requireNonNull(digest, "digest");
  }

  /**
   * Parses an image reference as written in a pod spec.
   *
   * @param image the container image, as a pod's {@code image} names it
   * @return the reference, with Docker Hub's defaults filled in
   * @throws IllegalArgumentException with the runtime's words, e.g. {@code couldn't parse image
   *     name "Nginx": invalid reference format: repository name (library/Nginx) must be lowercase}
   */
  public static ImageReference parse(String image) {
    Objects.requireNonNull(image, "image");
    // Every pod start asks for the same few images: parsing is pure, so each is parsed once.
    ImageReference known = PARSED.get(image);
    if (known != null) {
      return known;
    }
    ImageReference parsed = parseUncached(image);
    if (PARSED.size() >= 10_000) {
      PARSED.clear();
    }
    PARSED.put(image, parsed);
    return parsed;
  }

  private static final java.util.Map<String, ImageReference> PARSED = new java.util.concurrent.ConcurrentHashMap<>();

  private static ImageReference parseUncached(String image) {
    // ParseNormalizedNamed checks these two before the grammar: an image ID, and an uppercase repository
    if (ID.matcher(image).matches()) {
      throw new IllegalArgumentException("couldn't parse image name \"" + image + "\": invalid repository name ("
          + image + "), cannot specify 64-byte hexadecimal strings");
    }
    String remote = remainder(image);
    int tagSep = remote.indexOf(':');
    remote = tagSep < 0 ? remote : remote.substring(0, tagSep);
    if (!remote.toLowerCase(Locale.ROOT).equals(remote)) {
      throw invalid(image, "invalid reference format: repository name (" + remote + ") must be lowercase");
    }
    String rest = image;
    Optional<String> digest = Optional.empty();
    int at = rest.indexOf('@');
    if (at >= 0) {
      String d = rest.substring(at + 1);
      if (!DIGEST.matcher(d).matches() || (d.startsWith("sha256:") && !SHA256.matcher(d).matches())) {
        throw invalid(image, "invalid reference format");
      }
      digest = Optional.of(d);
      rest = rest.substring(0, at);
    }
    Optional<String> tag = Optional.empty();
    int colon = rest.lastIndexOf(':');
    if (colon > rest.lastIndexOf('/')) {
      String t = rest.substring(colon + 1);
      if (!TAG.matcher(t).matches()) {
        throw invalid(image, "invalid reference format");
      }
      tag = Optional.of(t);
      rest = rest.substring(0, colon);
    }
    String registry = DOCKER_HUB;
    String path = rest;
    int slash = rest.indexOf('/');
    if (slash >= 0) {
      String first = rest.substring(0, slash);
      if (first.contains(".") || first.contains(":") || first.equals("localhost")
          || !first.toLowerCase(Locale.ROOT).equals(first)) {
        if (!DOMAIN.matcher(first).matches()) {
          throw invalid(image, "invalid reference format");
        }
        registry = first.equals("index.docker.io") ? DOCKER_HUB : first;
        path = rest.substring(slash + 1);
      }
    }
    if (registry.equals(DOCKER_HUB) && !path.contains("/")) {
      path = "library/" + path;
    }
    if (!PATH.matcher(path).matches()) {
      if (PATH_ANY_CASE.matcher(path).matches()) {
        throw invalid(
            image, "invalid reference format: repository name (" + path + ") must be lowercase");
      }
      throw invalid(image, "invalid reference format");
    }
    if (registry.length() + 1 + path.length() > 255) {
      throw invalid(image, "invalid reference format: repository name must not be more than 255 characters");
    }
    return new ImageReference(registry, path, tag, digest);
  }

  /** {@code splitDockerDomain}'s remote name: the reference without its registry, {@code library/} added on Docker Hub. */
  private static String remainder(String image) {
    int slash = image.indexOf('/');
    if (slash < 0) {
      return "library/" + image;
    }
    String first = image.substring(0, slash);
    String rest = image.substring(slash + 1);
    if (first.equals("localhost") || first.contains(".") || first.contains(":")
        || !first.toLowerCase(Locale.ROOT).equals(first)) {
      return first.equals("index.docker.io") && !rest.contains("/") ? "library/" + rest : rest;
    }
    return image;
  }

  /**
   * Whether {@link #parse} accepts this reference.
   *
   * @param image the container image, as a pod's {@code image} names it
   * @return whether {@link #parse} accepts this reference
   */
  public static boolean isValid(String image) {
    try {
      parse(image);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /**
   * The reference, or empty where it does not parse.
   *
   * @param image the container image, as a pod's {@code image} names it
   * @return the reference, or empty where it does not parse
   */
  public static Optional<ImageReference> tryParse(String image) {
    try {
      return Optional.of(parse(image));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static IllegalArgumentException invalid(String image, String reason) {
    return new IllegalArgumentException("couldn't parse image name \"" + image + "\": " + reason);
  }

  /**
   * The full repository name, which identifies the image whatever its tag: {@code
   * docker.io/library/nginx}.
   *
   * @return the full repository name, which identifies the image whatever its tag
   */
  public String name() {
    return registry + "/" + repository;
  }

  /**
   * The short name people write: {@code nginx}, {@code luksa/kubia}, {@code registry.k8s.io/pause}.
   *
   * @return the short name people write
   */
  public String familiarName() {
    if (!registry.equals(DOCKER_HUB)) {
      return name();
    }
    return repository.startsWith("library/") && repository.indexOf('/', 8) < 0
        ? repository.substring(8)
        : repository;
  }

  /**
   * The image as a container status reports it: the full name with the tag, {@code latest} when
   * neither tag nor digest was given ({@code docker.io/luksa/kubia:latest}).
   *
   * @return the image as a container status reports it
   */
  public String statusImage() {
    if (tag.isEmpty() && digest.isEmpty()) {
      return name() + ":latest";
    }
    return toString();
  }

  /** The full normalised reference with the tag and digest as given. */
  @Override
  public String toString() {
    return name() + tag.map(t -> ":" + t).orElse("") + digest.map(d -> "@" + d).orElse("");
  }
}
