package dev.kubesim.impl.kubectl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.kubesim.api.BadRequestException;
import dev.kubesim.api.KubeSimException;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.impl.apiserver.ApiServer;
import dev.kubesim.impl.apiserver.Patches;
import dev.kubesim.impl.codec.ManifestReader;
import dev.kubesim.impl.codec.ObjectCodec;
import dev.kubesim.impl.kubectl.ErrorMessages.Failure;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code kubectl patch (TYPE NAME | TYPE/NAME) -p PATCH [--type strategic|merge|json]}: the patch
 * (JSON or YAML) applied as the API server applies it ({@link Patches}: strategic merge by the
 * fields' merge keys, JSON merge patch, JSON patch), the result decoded and validated as any write;
 * prints {@code service/kubia patched}, or {@code patched (no change)}.
 */
final class PatchCommand implements Command {
  /** Made at the first patch, not when kubectl's commands are listed (every cluster lists them). */
  private static final class Yaml {
    static final YAMLMapper MAPPER = new YAMLMapper();
  }

  @Override
  public String name() {
    return "patch";
  }

  @Override
  public List<Flag> flags() {
    return List.of(
        Flag.value("patch", "p"),
        Flag.value("patch-file"),
        Flag.value("type"),
        Flag.value("filename", "f"),
        Flag.bool("recursive", "R"),
        Flag.value("output", "o"),
        Flag.value("dry-run"),
        Flag.bool("local"),
        Flag.value("subresource"),
        Flag.bool("record"));
  }

  @Override
  public void run(CommandContext ctx) {
    ParsedArgs args = ctx.args();
    if (args.has("patch-file")) {
      throw KubectlException.error("--patch-file is not supported by this simulator yet; give the patch with -p");
    }
    String text = args.string("patch").orElse("");
    if (text.isEmpty()) {
      throw KubectlException.error("must specify --patch or --patch-file containing the contents of the patch");
    }
    String type = args.string("type").orElse("strategic");
    if (!List.of("json", "merge", "strategic").contains(type)) {
      throw KubectlException.error("--type must be one of [json merge strategic], not \"" + type + "\"");
    }
    JsonNode patch;
    try {
      patch = Yaml.MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw KubectlException.error("unable to parse \"" + text + "\": " + e.getOriginalMessage());
    }
    List<Failure> failures = new ArrayList<>();
    List<ResourceArgs.Request> requests = ManifestInput.namedTargets(ctx, args.positional(),
        "You must provide one or more resources by argument or filename.", name(), failures);
    ObjectQuery query = ObjectQuery.from(ctx);
    for (ResourceArgs.Request r : requests) {
      for (KubeObject o : query.fetch(r, failures).objects()) {
        String target = ResourceTypes.kindPrefix(r.kind()) + "/" + o.metadata().nameOrEmpty();
        try {
          ObjectNode current = ObjectCodec.encode(o);
          if (!type.equals("merge") && !type.equals("json") && ctx.api().kinds().custom(r.kind()).isPresent()) {
            // custom resources have no strategic merge patch (no patch strategies in their schemas)
            throw new dev.kubesim.api.KubeSimException("UnsupportedMediaType", 415, "the body of the request was in an unknown format"
                + " - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml");
          }
          JsonNode patched = switch (type) {
            case "merge" -> Patches.mergePatch(current, patch);
            case "json" -> Patches.jsonPatch(current, patch);
            default -> Patches.strategicMergePatch(ctx.api().servedKindOf(o).kind(), current, patch);
          };
          if (patched.equals(current)) {
            ctx.out().out(target + " patched (no change)\n");
            continue;
          }
          if (!patched.isObject() || !patched.path("metadata").path("name").asText("").equals(o.metadata().nameOrEmpty())) {
            throw new BadRequestException("the name of the object does not match the name of the patched object");
          }
          String json = ObjectCodec.mapper().writeValueAsString(patched);
          ctx.api().update(ObjectCodec.decode(ManifestReader.read("patch", json).get(0), ctx.api().kinds()));
          ctx.out().out(target + " patched\n");
        } catch (KubeSimException e) {
          failures.add(Failure.api(e, ""));
        } catch (JsonProcessingException e) {
          failures.add(Failure.client("error: " + e.getOriginalMessage()));
        }
      }
    }
    ctx.settle();
    ErrorMessages.report(ctx.out(), failures);
  }
}
