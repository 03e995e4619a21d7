package dev.kubesim.impl.program;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The environment of a container's processes, in the order {@code env} prints it. Docker's order,
 * which the book's {@code kubectl exec kubia-3inly env} listing shows: {@code PATH}, {@code
 * HOSTNAME}, then the variables Kubernetes sets (the container's {@code env} and the Service
 * variables), then the image's other {@code ENV} variables, and {@code HOME} last. A variable the
 * pod sets overrides the image's and keeps the pod's place.
 */
public final class ProcessEnvironment {
  private ProcessEnvironment() {}

  /**
   * @param imageEnv the image's {@code ENV}
   * @param hostname the container's hostname
   * @param kubeletEnv the variables the kubelet gives the container, in the kubelet's order
   */
  public static Map<String, String> compose(
      Map<String, String> imageEnv, String hostname, Map<String, String> kubeletEnv) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("PATH", imageEnv.getOrDefault("PATH", Executable.DEFAULT_PATH));
    env.put("HOSTNAME", hostname);
    kubeletEnv.forEach(env::put);
    imageEnv.forEach(env::putIfAbsent);
    env.putIfAbsent("HOME", "/root");
    return env;
  }
}
