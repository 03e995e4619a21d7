package dev.kubesim.api.program;

import com.google.common.collect.ImmutableList;
import dev.kubesim.api.model.Container;
import dev.kubesim.api.model.ContainerPort;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One start of a program: the container's spec and the command line the runtime computed from it
 * and the image ({@link ImageConfig#argv}).
 *
 * @param container the container as the pod spec gives it
 * @param argv the process's command line; {@code argv.get(0)} is the executable
 */
public record Launch(Container container, List<String> argv) {
  /**
   * Checks that no field is {@code null}; the arguments are copied immutable.
   *
   * @param container the container as the pod spec gives it
   * @param argv the process's command line; {@code argv.get(0)} is the executable
   */
  public Launch {
    Objects.requireNonNull(container, "container");
    argv = ImmutableList.copyOf(argv);
  }

  /**
   * The command-line arguments after the executable.
   *
   * @return the arguments after the executable
   */
  public List<String> arguments() {
    return argv.isEmpty() ? List.of() : argv.subList(1, argv.size());
  }

  /**
   * The value of a long option given as {@code --name=value} or {@code --name value} (also with a
   * single dash, as Go's flag package accepts); the last one wins, as there.
   *
   * @param name the object's name
   * @return the value of a long option given as {@code --name=value} or {@code --name value} (also
   *     with a single dash, as Go's flag package accepts)
   */
  public Optional<String> flag(String name) {
    Optional<String> found = Optional.empty();
    List<String> args = arguments();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      for (String prefix : List.of("--" + name, "-" + name)) {
        if (arg.equals(prefix) && i + 1 < args.size()) {
          found = Optional.of(args.get(i + 1));
        } else if (arg.startsWith(prefix + "=")) {
          found = Optional.of(arg.substring(prefix.length() + 1));
        }
      }
    }
    return found;
  }

  /**
   * An integer option, or the default when it is absent or not a number.
   *
   * @param name the object's name
   * @param defaultValue the value when the option is absent or not a number
   * @return an integer option, or the default when it is absent or not a number
   */
  public int intFlag(String name, int defaultValue) {
    return flag(name)
        .flatMap(
            v -> {
              try {
                return Optional.of(Integer.parseInt(v.trim()));
              } catch (NumberFormatException e) {
                return Optional.empty();
              }
            })
        .orElse(defaultValue);
  }

  /**
   * The declared {@code containerPort}s of the container, in spec order, without duplicates.
   *
   * @return the declared {@code containerPort}s of the container, in spec order, without duplicates
   */
  public List<ListenPort> declaredPorts() {
    Set<ListenPort> ports = new LinkedHashSet<>();
    for (ContainerPort port : container.ports()) {
      port.containerPort()
          .filter(n -> n >= 1 && n <= 65535)
          .ifPresent(n -> ports.add(new ListenPort(port.protocol().orElse("TCP"), n)));
    }
    return ImmutableList.copyOf(ports);
  }
}
