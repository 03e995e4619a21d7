package dev.kubesim.impl.kubectl;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.Kinds.KindInfo;
import dev.kubesim.impl.codec.ObjectCodec;
import dev.kubesim.impl.kubectl.ErrorMessages.Failure;
import dev.kubesim.impl.sim.EventLoop;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code kubectl wait --for=delete|create|condition=C[=V]|jsonpath={.path}[=V] TYPE/NAME... | TYPE
 * (-l SELECTOR | --all) [--timeout=30s]} ({@code staging/src/k8s.io/kubectl/pkg/cmd/wait}): for
 * each object in turn, the cluster's virtual time runs until the condition holds ({@code pod/x
 * condition met}) or the timeout passes ({@code error: timed out waiting for the condition on
 * pods/x}, exit 1). A named object that does not exist is NotFound, except when waiting for its
 * deletion.
 */
final class WaitCommand implements Command {
  private static final Duration STEP = Duration.ofMillis(100);
  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  @Override
  public String name() {
    return "wait";
  }

  @Override
  public List<Flag> flags() {
    return List.of(Flag.value("for"), Flag.value("timeout"), Flag.value("selector", "l"), Flag.bool("all"),
        Flag.bool("all-namespaces", "A"));
  }

  @Override
  public void run(CommandContext ctx) {
    ParsedArgs args = ctx.args();
    WaitCondition condition = WaitCondition.parse(args.string("for").orElse(""));
    Duration timeout = GoDuration.flag(args, "timeout", DEFAULT_TIMEOUT);
    List<ResourceArgs.Request> requests = ResourceArgs.parse(ctx.api().kinds(), args.positional(), false);
    if (requests.isEmpty()) {
      throw KubectlException.error("resource(s) were provided, but no name was specified");
    }
    boolean selecting = args.has("selector") || args.bool("all");
    List<Failure> failures = new ArrayList<>();
    List<KubeObject> targets = new ArrayList<>();
    ObjectQuery query = ObjectQuery.from(ctx);
    for (ResourceArgs.Request r : requests) {
      if (r.names().isEmpty() && !selecting) {
        throw KubectlException.error("resource(s) were provided, but no name was specified");
      }
      if (condition.waitsForAbsence() || condition.waitsForCreation()) {
        for (String name : r.names()) {
          Optional<KubeObject> o = ctx.api().get(r.kind().kind(), ctx.namespace(), name);
          if (o.isPresent()) {
            targets.add(o.get());
          } else if (condition.waitsForCreation()) {
            targets.add(placeholder(r.kind(), ctx.namespace(), name));
          }
        }
        if (!r.names().isEmpty()) {
          continue;
        }
      }
      targets.addAll(query.fetch(r, failures).objects());
    }
    if (targets.isEmpty() && failures.isEmpty() && selecting) {
      throw KubectlException.error("no matching resources found");
    }
    for (KubeObject target : targets) {
      KindInfo kind = ResourceTypes.ofKind(ctx.api().kinds(), target.kind());
      String ns = target.metadata().namespace().orElse("");
      String name = target.metadata().nameOrEmpty();
      if (!await(ctx, condition, kind, ns, name, timeout)) {
        failures.add(Failure.client("error: timed out waiting for the condition on " + kind.qualifiedResource() + "/" + name));
        continue;
      }
      ctx.out().out(ResourceTypes.kindPrefix(kind) + "/" + name + " condition met\n");
    }
    ErrorMessages.report(ctx.out(), failures);
  }

  /** Lets virtual time run until the condition holds for the object or the timeout has passed. */
  private static boolean await(CommandContext ctx, WaitCondition condition, KindInfo kind, String ns, String name,
      Duration timeout) {
    EventLoop loop = ctx.cluster().loop();
    Duration waited = Duration.ZERO;
    while (true) {
      Optional<KubeObject> current = ctx.api().get(kind.kind(), ns, name);
      if (condition.holds(current.map(ObjectCodec::encode))) {
        return true;
      }
      if (waited.compareTo(timeout) >= 0) {
        return false;
      }
      Duration step = nextStep(loop, timeout.minus(waited));
      loop.advance(step);
      waited = waited.plus(step);
    }
  }

  /** Whole steps up to the one in which the next event falls: nothing can change before it runs. */
  private static Duration nextStep(EventLoop loop, Duration left) {
    long remaining = Math.max(1, (left.toNanos() + STEP.toNanos() - 1) / STEP.toNanos());
    OptionalLong next = loop.nextEventTime();
    long steps = remaining;
    if (next.isPresent()) {
      long until = next.getAsLong() - loop.clock().nanos();
      steps = Math.min(remaining, Math.max(1, (until + STEP.toNanos() - 1) / STEP.toNanos()));
    }
    return STEP.multipliedBy(steps);
  }

  /** An object that does not exist yet, named for {@code --for=create}. */
  private static KubeObject placeholder(KindInfo kind, String namespace, String name) {
    var meta = dev.kubesim.api.model.ObjectMeta.builder().name(name).namespace(kind.namespaced() ? namespace : null).build();
    return new dev.kubesim.api.model.GenericObject(kind.apiVersion(), kind.kind(), meta, java.util.Map.of());
  }

  /** A {@code --for} value. */
  private record WaitCondition(String type, String subject, Optional<String> value) {
    static WaitCondition parse(String text) {
      if (text.equalsIgnoreCase("delete")) {
        return new WaitCondition("delete", "", Optional.empty());
      }
      if (text.equalsIgnoreCase("create")) {
        return new WaitCondition("create", "", Optional.empty());
      }
      if (text.toLowerCase(java.util.Locale.ROOT).startsWith("condition=")) {
        String rest = text.substring("condition=".length());
        int eq = rest.indexOf('=');
        return eq < 0 ? new WaitCondition("condition", rest, Optional.of("true"))
            : new WaitCondition("condition", rest.substring(0, eq), Optional.of(rest.substring(eq + 1)));
      }
      if (text.toLowerCase(java.util.Locale.ROOT).startsWith("jsonpath=")) {
        String rest = text.substring("jsonpath=".length());
        int close = rest.indexOf('}');
        if (!rest.startsWith("{") || close < 0) {
          throw KubectlException.error("unrecognized condition: " + dev.kubesim.impl.apiserver.validation.GoFormat.quote(text));
        }
        String path = rest.substring(1, close);
        String after = rest.substring(close + 1);
        if (!after.isEmpty() && !after.startsWith("=")) {
          throw KubectlException.error("unrecognized condition: " + dev.kubesim.impl.apiserver.validation.GoFormat.quote(text));
        }
        return new WaitCondition("jsonpath", path, after.isEmpty() ? Optional.empty() : Optional.of(after.substring(1)));
      }
      throw KubectlException.error("unrecognized condition: " + dev.kubesim.impl.apiserver.validation.GoFormat.quote(text));
    }

    boolean waitsForAbsence() {
      return type.equals("delete");
    }

    boolean waitsForCreation() {
      return type.equals("create");
    }

    boolean holds(Optional<? extends JsonNode> object) {
      return switch (type) {
        case "delete" -> object.isEmpty();
        case "create" -> object.isPresent();
        case "condition" -> object.map(this::conditionMet).orElse(false);
        default -> object.map(this::pathMatches).orElse(false);
      };
    }

    /** The condition of this type has this status (both compared case-insensitively), for the current generation. */
    private boolean conditionMet(JsonNode o) {
      for (JsonNode c : o.path("status").path("conditions")) {
        if (c.path("type").asText().equalsIgnoreCase(subject)) {
          JsonNode observed = c.path("observedGeneration");
          JsonNode generation = o.path("metadata").path("generation");
          if (observed.isNumber() && generation.isNumber() && observed.asLong() != generation.asLong()) {
            return false;
          }
          return c.path("status").asText().equalsIgnoreCase(value.orElse("true"));
        }
      }
      return false;
    }

    /** A simple JSONPath ({@code .status.phase}, {@code .spec.containers[0].image}): present, or equal to the value. */
    private boolean pathMatches(JsonNode o) {
      JsonNode node = o;
      for (String part : subject.replaceFirst("^\\.", "").split("\\.")) {
        if (part.isEmpty()) {
          continue;
        }
        String field = part;
        List<Integer> indexes = new ArrayList<>();
        while (field.endsWith("]") && field.contains("[")) {
          int open = field.lastIndexOf('[');
          try {
            indexes.add(0, Integer.parseInt(field.substring(open + 1, field.length() - 1)));
          } catch (NumberFormatException e) {
            throw KubectlException.error("jsonpath {" + subject + "} is not supported by this simulator yet");
          }
          field = field.substring(0, open);
        }
        node = field.isEmpty() ? node : node.path(field);
        for (int i : indexes) {
          node = node.path(i);
        }
      }
      if (node.isMissingNode() || node.isNull()) {
        return false;
      }
      if (value.isEmpty()) {
        return true;
      }
      return (node.isValueNode() ? node.asText() : node.toString()).equals(value.get());
    }
  }
}
