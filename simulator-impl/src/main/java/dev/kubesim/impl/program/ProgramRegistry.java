package dev.kubesim.impl.program;

import dev.kubesim.api.program.ImageReference;
import dev.kubesim.api.program.Program;
import dev.kubesim.api.program.Programs;
import dev.kubesim.impl.program.images.ImageVersions;
import dev.kubesim.impl.program.images.UnknownImageProgram;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The images a cluster knows, by normalised repository name ({@code docker.io/library/nginx}), so
 * that every tag and digest of a known image runs its program. Built-ins: {@code luksa/kubia},
 * {@code luksa/kubia-unhealthy}, {@code nginx}, {@code httpd}, agnhost (from registry.k8s.io and the older
 * k8s.gcr.io / gcr.io names), {@code busybox}, {@code alpine}, {@code curlimages/curl}, {@code
 * tutum/dnsutils}, e2e {@code jessie-dnsutils}, {@code debian}, {@code ubuntu}, and the catalogue of
 * services with protocols of their own: {@code redis}, {@code memcached}, {@code postgres}, {@code
 * mysql}, {@code mariadb}, {@code mongo}, {@code rabbitmq}, {@code python}; and a few other names
 * of these images: {@code registry.k8s.io/busybox} (k8s.gcr.io), {@code radial/busyboxplus}, the
 * guestbook's {@code registry.k8s.io/redis} and its followers, and the mirrors of Docker Hub's
 * official images ({@code mirror.gcr.io/library/nginx}, {@code public.ecr.aws/docker/library/nginx}).
 * Anything else runs {@link UnknownImageProgram}.
 *
 * <p>One registry serves one cluster; it is not synchronised (the engine has one thread).
 */
public final class ProgramRegistry implements Programs {
  /** What was registered: the add-ons' images, then the user's. */
  private final Map<String, Function<ImageReference, Program>> programs = new LinkedHashMap<>();
  /** Whether kubesim's own images ({@link BuiltinImages}) run where nothing was registered. */
  private final boolean builtinImages;
  /** The factories of kubesim's own images this registry has looked up, made at first use. */
  private final Map<String, Function<ImageReference, Program>> builtinFactories = new HashMap<>();
  private Program fallback = new UnknownImageProgram();
  /** The registrations that were kubesim's own (the add-ons'), once sealed. */
  private Map<String, Function<ImageReference, Program>> builtins;
  private Program builtinFallback;

  /** An empty registry: every image runs the fallback. */
  public ProgramRegistry() {
    this(false);
  }

  private ProgramRegistry(boolean builtinImages) {
    this.builtinImages = builtinImages;
  }

  public static ProgramRegistry withBuiltins() {
    return new ProgramRegistry(true);
  }

  @Override
  public void register(String imageRepository, Program program) {
    Objects.requireNonNull(program, "program");
    register(imageRepository, image -> program);
  }

  /** Registers a program that depends on the tag or digest (nginx's version in its pages). */
  public void register(String imageRepository, Function<ImageReference, Program> factory) {
    Objects.requireNonNull(factory, "factory");
    programs.put(ImageReference.parse(imageRepository).name(), factory);
  }

  /** Marks the registrations so far as kubesim's own. */
  public void sealBuiltins() {
    builtins = Map.copyOf(programs);
    builtinFallback = fallback;
  }

  /** Whether an image runs one of kubesim's own programs (always, before {@link #sealBuiltins}). */
  public boolean isBuiltin(String image) {
    if (builtins == null) {
      return true;
    }
    String name = key(ImageReference.parse(image));
    Function<ImageReference, Program> now = programs.get(name);
    if (now != null) {
      return now == builtins.get(name);
    }
    return builtinFactory(name) != null || fallback == builtinFallback;
  }

  /** The program factory for a normalised name: what was registered, else kubesim's own image's. */
  private Function<ImageReference, Program> factory(String name) {
    Function<ImageReference, Program> registered = programs.get(name);
    return registered != null ? registered : builtinFactory(name);
  }

  private Function<ImageReference, Program> builtinFactory(String name) {
    if (!builtinImages) {
      return null;
    }
    Function<ImageReference, Program> f = builtinFactories.get(name);
    if (f == null) {
      f = BuiltinImages.factory(name);
      if (f != null) {
        builtinFactories.put(name, f);
      }
    }
    return f;
  }

  /** Replaces the program of images nobody registered. */
  public void setFallback(Program program) {
    fallback = Objects.requireNonNull(program, "program");
  }

  @Override
  public Optional<Program> lookup(String image) {
    ImageReference ref = ImageReference.parse(image);
    return Optional.ofNullable(factory(key(ref))).map(f -> f.apply(ref));
  }

  /**
   * The name an image is registered under: its normalised repository, where the mirrors of Docker
   * Hub's official images ({@code mirror.gcr.io/library/X}, {@code public.ecr.aws/docker/library/X})
   * stand for the image they copy ({@code docker.io/library/X}).
   */
  private static String key(ImageReference ref) {
    String repository = ref.repository();
    if (ref.registry().equals("mirror.gcr.io") && repository.startsWith("library/")
        || ref.registry().equals("public.ecr.aws") && repository.startsWith("docker/library/")) {
      String official = repository.substring(repository.indexOf("library/"));
      if (official.indexOf('/', "library/".length()) < 0) {
        return ImageReference.DOCKER_HUB + "/" + official;
      }
    }
    return ref.name();
  }

  /**
   * Whether the registry has the image's tag, as far as kubesim can tell: a version tag of an image
   * with a version table ({@link ImageVersions}) that names a version never released is not there
   * ({@code nginx:1.161}); every other tag, every digest, and every image registered by the user or
   * unknown to kubesim is (a private image must run).
   *
   * @param image a valid image reference
   * @return whether pulling it finds the tag
   */
  public boolean hasTag(String image) {
    ImageReference ref = ImageReference.parse(image);
    if (ref.tag().isEmpty() || ref.digest().isPresent() || !isBuiltin(image)) {
      return true;
    }
    String name = key(ref);
    if (factory(name) == null) {
      return true;
    }
    return ImageVersions.of(name).map(v -> v.hasTag(ref.tag().get())).orElse(true);
  }

  @Override
  public Program resolve(String image) {
    return lookup(image).orElse(fallback);
  }
}
