package dev.kubesim.impl.kubectl;

import dev.kubesim.api.model.Kinds.KindInfo;
import dev.kubesim.impl.apiserver.rest.OpenApi;
import dev.kubesim.impl.apiserver.rest.ResourceCatalog;
import dev.kubesim.impl.codec.KindCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code kubectl explain RESOURCE[.FIELD...]}: the resource resolved as kubectl's RESTMapper
 * resolves it (plural, singular, short name; {@code deployments.apps.spec} by its group prefix), its
 * group version's OpenAPI v3 document read as the API server serves it, and kubectl's plaintext
 * template walked over it ({@link ExplainTemplate}). {@code --recursive} lists the fields whole, one
 * line each; {@code --api-version} picks another served version.
 */
final class ExplainCommand implements Command {
  @Override
  public String name() {
    return "explain";
  }

  @Override
  public List<Flag> flags() {
    return List.of(Flag.bool("recursive"), Flag.value("api-version"), Flag.value("output", "o"));
  }

  @Override
  public void run(CommandContext ctx) {
    ParsedArgs args = ctx.args();
    List<String> positional = args.positional();
    if (positional.isEmpty()) {
      throw KubectlException.error("You must specify the type of resource to explain. Use \"kubectl api-resources\" for a"
          + " complete list of supported resources.\n");
    }
    if (positional.size() > 1) {
      throw KubectlException.error("We accept only this format: explain RESOURCE\n");
    }
    String argument = positional.get(0);
    String trimmed = argument.endsWith(".") ? argument.substring(0, argument.length() - 1) : argument;
    List<String> nodes = List.of(trimmed.split("\\.", -1));
    KindCatalog kinds = ctx.api().kinds();
    String resource = nodes.get(0);
    KindInfo info = ResourceTypes.resolve(kinds, resource)
        // the RESTMapper's no-match error, which kubectl's CheckErr prints without "error: "
        .orElseThrow(() -> KubectlException.raw("the server doesn't have a resource type \"" + resource + "\""));
    Optional<String> apiVersion = args.string("api-version").filter(v -> !v.isEmpty());
    List<String> fields = new ArrayList<>(nodes.subList(1, nodes.size()));
    if (apiVersion.isEmpty()) {
      String groupResource = info.group().isEmpty() ? info.resource() : info.resource() + "." + info.group();
      if (argument.startsWith(groupResource)) {
        // the group's part of the argument is the resource's, not a field
        String suffix = argument.substring(groupResource.length());
        fields = new ArrayList<>();
        List<String> parts = List.of(suffix.split("\\.", -1));
        for (String part : parts.subList(Math.min(1, parts.size()), parts.size())) {
          if (!part.isEmpty()) {
            fields.add(part);
          }
        }
      }
    }
    String output = args.string("output").orElse("plaintext");
    if (output.equals("plaintext-openapiv2")) {
      // kubectl reads OpenAPI v2 for this format, which the simulated API server does not serve
      throw KubectlException.raw("Error from server (NotFound): the server could not find the requested resource");
    }
    if (!output.equals("plaintext")) {
      throw KubectlException.error("unrecognized format: " + output);
    }
    String group = info.group();
    String version = info.version();
    if (apiVersion.isPresent()) {
      String[] gv = apiVersion.get().split("/", -1);
      if (gv.length > 2) {
        throw KubectlException.error("unexpected GroupVersion string: " + apiVersion.get());
      }
      group = gv.length == 1 ? "" : gv[0];
      version = gv.length == 1 ? gv[0] : gv[1];
    }
    String groupVersion = group.isEmpty() ? version : group + "/" + version;
    String gvr = group + "/" + version + ", Resource=" + info.resource();
    if (!ResourceCatalog.groupVersions(kinds).contains(groupVersion)) {
      throw KubectlException.error("couldn't find resource for \"" + gvr + "\"");
    }
    String g = group;
    String v = version;
    KindInfo served = kinds.served().stream()
        .filter(k -> k.group().equals(g) && k.version().equals(v) && k.resource().equals(info.resource()))
        .findFirst()
        .orElseThrow(() -> KubectlException.error("GVR (" + gvr + ") not found in OpenAPI schema"));
    ExplainTemplate.Result result = ExplainTemplate.render(OpenApi.document(kinds, groupVersion), served.group(),
        served.version(), served.kind(), fields, args.bool("recursive"));
    ctx.out().out(result.stdout());
    result.error().ifPresent(e -> {
      throw KubectlException.raw(e);
    });
  }
}
