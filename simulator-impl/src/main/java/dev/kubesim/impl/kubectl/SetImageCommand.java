package dev.kubesim.impl.kubectl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubesim.api.KubeSimException;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.impl.codec.ObjectCodec;
import dev.kubesim.impl.kubectl.ErrorMessages.Failure;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code kubectl set image (TYPE NAME | TYPE/NAME) CONTAINER=IMAGE ...}: the images of the named
 * containers (and init containers; {@code *} for all of them) in a pod, or in the pod template of
 * a workload (Deployment, ReplicaSet, ReplicationController, StatefulSet, DaemonSet, Job, CronJob),
 * written as an update; prints {@code deployment.apps/kubia image updated} for each object that
 * changed, nothing for one that already had the images. Other {@code set} subcommands are not
 * simulated.
 */
final class SetImageCommand implements Command {
  @Override
  public String name() {
    return "set";
  }

  @Override
  public List<Flag> flags() {
    return List.of(
        Flag.value("selector", "l"),
        Flag.bool("all"),
        Flag.value("filename", "f"),
        Flag.bool("recursive", "R"),
        Flag.bool("local"),
        Flag.value("output", "o"),
        Flag.value("dry-run"),
        Flag.bool("record"));
  }

  @Override
  public void run(CommandContext ctx) {
    List<String> positional = ctx.args().positional();
    if (positional.isEmpty()) {
      throw KubectlException.usage("no subcommand given: image, env, resources, selector, serviceaccount or subject", name());
    }
    if (!positional.get(0).equals("image")) {
      throw KubectlException.error("kubectl set " + positional.get(0) + " is not supported by this simulator yet");
    }
    List<String> resources = new ArrayList<>();
    Map<String, String> images = new LinkedHashMap<>();
    for (String word : positional.subList(1, positional.size())) {
      int eq = word.indexOf('=');
      if (eq > 0) {
        images.put(word.substring(0, eq), word.substring(eq + 1));
      } else {
        resources.add(word);
      }
    }
    if (images.isEmpty()) {
      throw KubectlException.error("at least one image update is required");
    }
    List<Failure> failures = new ArrayList<>();
    List<ResourceArgs.Request> requests = ManifestInput.namedTargets(ctx, resources,
        "You must provide one or more resources by argument or filename.", "set image", failures);
    ObjectQuery query = ObjectQuery.from(ctx);
    for (ResourceArgs.Request r : requests) {
      for (KubeObject o : query.fetch(r, failures).objects()) {
        ObjectNode tree = ObjectCodec.encode(o);
        JsonNode spec = podSpec(tree);
        if (spec == null) {
          failures.add(Failure.client("error: " + ResourceTypes.kindPrefix(r.kind()) + "/" + o.metadata().nameOrEmpty()
              + " has no containers to set an image of"));
          continue;
        }
        List<String> missing = new ArrayList<>(images.keySet());
        boolean changed = setImages(spec, images, missing);
        missing.remove("*");
        if (!missing.isEmpty()) {
          failures.add(Failure.client("error: unable to find container named \"" + missing.get(0) + "\""));
          continue;
        }
        if (!changed) {
          continue;
        }
        try {
          ctx.api().update(ObjectCodec.convert(tree, o.getClass()));
          ctx.out().out(ResourceTypes.kindPrefix(r.kind()) + "/" + o.metadata().nameOrEmpty() + " image updated\n");
        } catch (KubeSimException e) {
          failures.add(Failure.api(e, ""));
        }
      }
    }
    ctx.settle();
    ErrorMessages.report(ctx.out(), failures);
  }

  /** The pod spec of a pod, of a workload's template, or of a CronJob's job template; null when there is none. */
  private static JsonNode podSpec(ObjectNode tree) {
    JsonNode spec = tree.path("spec");
    if (spec.has("containers")) {
      return spec;
    }
    if (spec.path("template").path("spec").has("containers")) {
      return spec.path("template").path("spec");
    }
    JsonNode job = spec.path("jobTemplate").path("spec").path("template").path("spec");
    return job.has("containers") ? job : null;
  }

  /** Sets the images; removes from {@code missing} each container name found; whether anything changed. */
  private static boolean setImages(JsonNode podSpec, Map<String, String> images, List<String> missing) {
    boolean changed = false;
    for (String field : List.of("initContainers", "containers")) {
      for (JsonNode c : podSpec.path(field)) {
        String name = c.path("name").asText();
        String image = images.containsKey(name) ? images.get(name) : images.get("*");
        if (images.containsKey(name)) {
          missing.remove(name);
        }
        if (image != null && !image.equals(c.path("image").asText())) {
          ((ObjectNode) c).put("image", image);
          changed = true;
        }
      }
    }
    return changed;
  }
}
