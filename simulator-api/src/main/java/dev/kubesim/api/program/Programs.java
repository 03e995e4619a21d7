package dev.kubesim.api.program;

import java.util.Optional;

/**
 * The images a cluster knows, by repository. Any tag or digest of a registered repository runs its
 * program ({@code nginx}, {@code nginx:1.27} and {@code docker.io/library/nginx@sha256:...} are one
 * image). An image nobody registered runs the fallback: it serves HTTP on each declared {@code
 * containerPort}, answering {@code 200} with the pod's hostname.
 */
public interface Programs {
  /**
   * Registers (or replaces) the program of an image repository.
   *
   * @param imageRepository a repository as written in a pod spec, e.g. {@code luksa/kubia} or
   *     {@code registry.k8s.io/e2e-test-images/agnhost}; a tag or digest given here is ignored
   * @param program the program
   * @throws IllegalArgumentException if it is not a valid image reference
   */
  void register(String imageRepository, Program program);

  /**
   * The program registered for this image's repository, if any.
   *
   * @param image the container image, as a pod's {@code image} names it
   * @return the program registered for this image's repository, if any
   */
  Optional<Program> lookup(String image);

  /**
   * The program that runs for this image: the registered one or the fallback.
   *
   * @param image the container image, as a pod's {@code image} names it
   * @return the program that runs for this image: the registered one or the fallback
   */
  Program resolve(String image);
}
