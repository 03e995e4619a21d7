package dev.kubesim.impl.apiserver.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.kubesim.api.KubeSimException;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.impl.codec.Document;
import dev.kubesim.impl.codec.ManifestReader;
import dev.kubesim.impl.codec.ObjectCodec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Replays the API-server steps of the shared conformance scenarios (apply with an expected error,
 * apply that must succeed, get with expected fields) against the real ApiServer with the registry's
 * strategies. Skipped where the shared scenarios are not checked out.
 */
class ConformanceReplayTest {
  private static final Path DIR = Path.of("/work/shared/conformance/api");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @ParameterizedTest
  @ValueSource(strings = {"pod.yaml", "rc.yaml", "ingress.yaml"})
  void scenarioStepsGetTheApiServersAnswers(String file) throws IOException {
    Path path = DIR.resolve(file);
    assumeTrue(Files.exists(path), "shared conformance scenarios not available");
    Fixture f = new Fixture();
    JsonNode scenario = YAML.readTree(Files.readString(path));
    for (JsonNode step : scenario.get("steps")) {
      String name = step.path("name").asText();
      JsonNode expect = step.path("expect");
      if (step.has("apply")) {
        if (expect.has("error")) {
          expectError(f, step.get("apply").asText(), expect.get("error"), name);
        } else {
          for (Document doc : ManifestReader.read(name, step.get("apply").asText())) {
            f.api.apply(ObjectCodec.decode(doc));
          }
        }
      } else if (step.has("get")) {
        JsonNode get = step.get("get");
        KubeObject object = f.api.get(get.get("kind").asText(), get.path("namespace").asText("default"), get.get("name").asText())
            .orElseThrow(() -> new AssertionError(name + ": object not found"));
        JsonNode stored = ObjectCodec.encode(object);
        for (Iterator<Map.Entry<String, JsonNode>> it = expect.path("fields").fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> field = it.next();
          JsonNode actual = ObjectCodec.at(stored, field.getKey()).orElse(null);
          assertThat(actual).as("%s: %s", name, field.getKey()).isNotNull();
          if (field.getValue().isValueNode()) {
            assertThat(actual.asText()).as("%s: %s", name, field.getKey()).isEqualTo(field.getValue().asText());
          } else {
            assertThat(actual).as("%s: %s", name, field.getKey()).isEqualTo(field.getValue());
          }
        }
      }
    }
  }

  private static void expectError(Fixture f, String manifest, JsonNode error, String name) {
    KubeObject object = ObjectCodec.decode(ManifestReader.read(name, manifest).get(0));
    KubeSimException e = catchThrowableOfType(() -> f.api.apply(object), KubeSimException.class);
    assertThat(e).as(name).isNotNull();
    assertThat(e.reason()).as(name).isEqualTo(error.get("reason").asText());
    Set<String> expected = new HashSet<>();
    error.path("causes").forEach(c -> expected.add(c.get("field").asText() + " " + c.get("type").asText()));
    Set<String> actual = new HashSet<>();
    e.causes().forEach(c -> actual.add(c.field() + " " + c.type()));
    assertThat(actual).as(name).isEqualTo(expected);
    assertThat(e.getMessage()).as(name).contains(error.get("messageContains").asText());
  }
}
