package dev.kubesim.impl.controller;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.model.EndpointSlice;
import dev.kubesim.api.model.EndpointSliceEndpoint;
import dev.kubesim.api.model.Endpoints;
import dev.kubesim.api.model.Service;
import dev.kubesim.impl.TestEngine;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EndpointSliceMirroringControllerTest {
  private TestEngine engine;

  @BeforeEach
  void setUp() {
    engine = new TestEngine(1);
    EndpointSliceMirroringController.start(engine.api);
  }

  private List<EndpointSlice> mirrored() {
    return engine.api.list(EndpointSlice.KIND, Optional.of("default")).stream().map(EndpointSlice.class::cast)
        .filter(s -> "db".equals(s.metadata().labels().get(EndpointSliceController.SERVICE_NAME_LABEL))).toList();
  }

  private void selectorlessServiceWithEndpoints() {
    engine.create("{apiVersion: v1, kind: Service, metadata: {name: db}, spec: {ports: [{name: pg, port: 5432}]}}");
    engine.create("{apiVersion: v1, kind: Endpoints, metadata: {name: db, labels: {team: data}}, subsets: [{"
        + "addresses: [{ip: 192.0.2.41}], notReadyAddresses: [{ip: 192.0.2.42}], ports: [{name: pg, port: 5432}]}]}");
    engine.loop.settle();
  }

  @Test
  void handWrittenEndpointsOfASelectorlessServiceAreMirroredIntoAnOwnedSlice() {
    selectorlessServiceWithEndpoints();

    EndpointSlice slice = mirrored().get(0);
    assertThat(mirrored()).hasSize(1);
    assertThat(slice.metadata().nameOrEmpty()).startsWith("db-");
    assertThat(slice.metadata().labels()).containsEntry("team", "data")
        .containsEntry(EndpointSliceController.MANAGED_BY_LABEL, "endpointslicemirroring-controller.k8s.io");
    assertThat(slice.metadata().ownerReferences().get(0).kind()).isEqualTo("Endpoints");
    assertThat(slice.addressType()).contains("IPv4");
    assertThat(slice.ports()).singleElement().satisfies(p -> assertThat(p.port()).contains(5432));
    assertThat(slice.endpoints()).extracting(EndpointSliceEndpoint::addresses)
        .containsExactly(List.of("192.0.2.41"), List.of("192.0.2.42"));
    assertThat(slice.endpoints()).extracting(e -> e.conditions().orElseThrow().ready()).containsExactly(Optional.of(true), Optional.of(false));
  }

  @Test
  void mirroredSlicesGoWithTheEndpoints() {
    selectorlessServiceWithEndpoints();

    engine.api.delete(Endpoints.KIND, "default", "db");
    engine.loop.settle();

    assertThat(mirrored()).isEmpty();
  }

  @Test
  void aServiceWithASelectorIsNotMirrored() {
    engine.create("{apiVersion: v1, kind: Service, metadata: {name: db}, spec: {selector: {app: db}, ports: [{port: 5432}]}}");
    engine.create("{apiVersion: v1, kind: Endpoints, metadata: {name: db}, subsets: [{addresses: [{ip: 192.0.2.41}], ports: [{port: 5432}]}]}");
    engine.loop.settle();

    assertThat(mirrored()).isEmpty();
  }

  @Test
  void skipMirrorLabelRemovesTheMirror() {
    selectorlessServiceWithEndpoints();

    Endpoints ep = (Endpoints) engine.api.get(Endpoints.KIND, "default", "db").orElseThrow();
    engine.api.write(ep.withMetadata(ep.metadata().toBuilder()
        .labels(java.util.Map.of("endpointslice.kubernetes.io/skip-mirror", "true")).build()));
    engine.loop.settle();

    assertThat(mirrored()).isEmpty();
    assertThat(engine.api.get(Service.KIND, "default", "db")).isPresent();
  }
}
