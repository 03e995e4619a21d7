package dev.kubesim.impl.apiserver.rest;

import dev.kubesim.api.BadRequestException;
import dev.kubesim.api.NotFoundException;
import dev.kubesim.api.model.Container;
import dev.kubesim.api.model.Pod;
import dev.kubesim.impl.apiserver.PodStates;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A {@code pods/exec} request as the API server reads it ({@code PodExecOptions}: the repeated
 * {@code command} parameters, {@code container}, {@code stdin}, {@code stdout}, {@code stderr},
 * {@code tty}) and checks it before the connection is upgraded ({@code ExecLocation}): the pod
 * exists, the container is one of its own (or the only one), and the pod has a node.
 *
 * @param target the pod, as it was when the request was checked
 * @param pod {@code namespace/name}
 * @param attach whether this attaches to the container's main process ({@code pods/attach}) rather
 *     than running a command
 */
record ExecRequest(Pod target, String pod, String container, List<String> command, boolean stdin, boolean stdout, boolean stderr,
    boolean tty, boolean attach) {

  /**
   * Reads the request of {@code /api/v1/namespaces/NS/pods/NAME/exec} against the pod it names.
   *
   * @param find the pod by namespace and name
   * @throws NotFoundException when there is no such pod
   * @throws BadRequestException as the API server refuses the options
   */
  static ExecRequest of(String namespace, String name, String rawQuery, PodFinder find) {
    return read(namespace, name, rawQuery, find, false);
  }

  /**
   * Reads a {@code pods/attach} request ({@code PodAttachOptions}: the same options, no command).
   *
   * @throws NotFoundException when there is no such pod
   * @throws BadRequestException as the API server refuses the options
   */
  static ExecRequest attach(String namespace, String name, String rawQuery, PodFinder find) {
    return read(namespace, name, rawQuery, find, true);
  }

  private static ExecRequest read(String namespace, String name, String rawQuery, PodFinder find, boolean attach) {
    List<String> command = new ArrayList<>();
    String container = "";
    boolean stdin = false;
    boolean stdout = false;
    boolean stderr = false;
    boolean tty = false;
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      switch (key) {
        case "command" -> command.add(value);
        case "container" -> container = value;
        case "stdin" -> stdin = truth(value);
        case "stdout" -> stdout = truth(value);
        case "stderr" -> stderr = truth(value);
        case "tty" -> tty = truth(value);
        default -> { }
      }
    }
    Pod pod = find.pod(namespace, name);
    if (!stdin && !stdout && !stderr) {
      throw new BadRequestException("you must specify at least 1 of stdin, stdout, stderr");
    }
    if (command.isEmpty() && !attach) {
      throw new BadRequestException("you must specify at least one command for the container");
    }
    List<String> names = pod.specOrEmpty().containers().stream().map(c -> c.name().orElse("")).toList();
    if (container.isEmpty()) {
      if (names.size() != 1) {
        throw new BadRequestException("a container name must be specified for pod " + name + ", choose one of: "
            + names.stream().collect(Collectors.joining(" ", "[", "]")));
      }
      container = names.get(0);
    } else if (!declares(pod, container)) {
      throw new BadRequestException("container " + container + " is not valid for pod " + name);
    }
    if (!PodStates.isScheduled(pod)) {
      throw new BadRequestException("pod " + name + " does not have a host assigned");
    }
    return new ExecRequest(pod, namespace + "/" + name, container, List.copyOf(command), stdin, stdout, stderr, tty, attach);
  }

  /** Looks a pod up, or says it is not there. */
  interface PodFinder {
    /**
     * The pod.
     *
     * @throws NotFoundException when there is none
     */
    Pod pod(String namespace, String name);
  }

  private static boolean declares(Pod pod, String container) {
    for (Container c : pod.specOrEmpty().containers()) {
      if (c.name().filter(container::equals).isPresent()) {
        return true;
      }
    }
    for (Container c : pod.specOrEmpty().initContainers()) {
      if (c.name().filter(container::equals).isPresent()) {
        return true;
      }
    }
    return false;
  }

  private static boolean truth(String value) {
    return value.equals("true") || value.equals("1") || value.equalsIgnoreCase("True");
  }
}
