package dev.kubesim.impl.apiserver.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubesim.api.InvalidObjectException;
import dev.kubesim.api.StatusCause;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.Namespace;
import dev.kubesim.api.model.ObjectMeta;
import dev.kubesim.impl.apiserver.ApiServer;
import dev.kubesim.impl.apiserver.ObjectStore;
import dev.kubesim.impl.codec.Document;
import dev.kubesim.impl.codec.ManifestReader;
import dev.kubesim.impl.codec.ObjectCodec;
import dev.kubesim.impl.sim.EventLoop;
import java.util.List;

/** A real API server with the registry's strategies and a {@code default} namespace. */
final class Fixture {
  final ApiServer api = new ApiServer(new ObjectStore(), new EventLoop(1));

  Fixture() {
    Registry.registerAll(api);
    api.create(Namespace.of(ObjectMeta.named("default"), new dev.kubesim.api.model.NamespaceSpec(null)));
  }

  static KubeObject decode(String yaml) {
    List<Document> docs = ManifestReader.read("test", yaml);
    assertThat(docs).hasSize(1);
    return ObjectCodec.decode(docs.get(0));
  }

  /** Creates the object the manifest describes and returns it as stored. */
  @SuppressWarnings("unchecked")
  <T extends KubeObject> T create(String yaml) {
    return (T) api.create(decode(yaml));
  }

  /** Updates the object the manifest describes and returns it as stored. */
  @SuppressWarnings("unchecked")
  <T extends KubeObject> T update(String yaml) {
    return (T) api.update(decode(yaml));
  }

  /** Creates the manifest's object, expecting the API server's Invalid error. */
  InvalidObjectException rejected(String yaml) {
    KubeObject object = decode(yaml);
    InvalidObjectException e = catchThrowableOfType(() -> api.create(object), InvalidObjectException.class);
    assertThat(e).as("expected %s to be rejected", yaml).isNotNull();
    return e;
  }

  /** Updates with the manifest's object, expecting the API server's Invalid error. */
  InvalidObjectException rejectedUpdate(String yaml) {
    KubeObject object = decode(yaml);
    InvalidObjectException e = catchThrowableOfType(() -> api.update(object), InvalidObjectException.class);
    assertThat(e).as("expected the update to be rejected").isNotNull();
    return e;
  }

  /** The causes as {@code field type} pairs, in order. */
  static List<String> causes(InvalidObjectException e) {
    return e.causes().stream().map((StatusCause c) -> c.field() + " " + c.type()).toList();
  }

  /** The stored object as JSON, at a Kubernetes field path. */
  static JsonNode at(KubeObject object, String path) {
    return ObjectCodec.at(ObjectCodec.encode(object), path).orElse(null);
  }
}
