package dev.kubesim.impl.kubectl.kustomize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * kustomize's build, feature by feature, against the output kustomize v5 prints; the generated
 * names' hashes are the ones kustomize's own tests ({@code api/krusty/configmaps_test.go}) expect.
 */
class KustomizeTest {
  private final Map<String, String> files = new TreeMap<>();

  private void write(String path, String text) {
    files.put(path, text);
  }

  private Kustomize.Result result(String dir) {
    return Kustomize.build(dir, p -> Optional.ofNullable(files.get(p)),
        p -> files.keySet().stream().anyMatch(k -> p.equals(".") || k.startsWith(p + "/")));
  }

  private String build(String dir) {
    return Kustomize.yaml(result(dir).objects());
  }

  private static final String SERVICE = """
      apiVersion: v1
      kind: Service
      metadata:
        name: demo
      spec:
        clusterIP: None
      """;

  @Test
  void literalsAreQuotedAndHashedAsKustomizeHashesThem() {
    write("kustomization.yaml", """
        resources:
        - service.yaml
        configMapGenerator:
        - name: bob
          literals:
          - fruit=Indian Gooseberry
          - year=2020
          - crisis=true
        """);
    write("service.yaml", SERVICE);
    // kustomize's legacy order puts the ConfigMap before the Service
    assertThat(build(".")).isEqualTo("""
        apiVersion: v1
        data:
          crisis: "true"
          fruit: Indian Gooseberry
          year: "2020"
        kind: ConfigMap
        metadata:
          name: bob-79t79mt227
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: demo
        spec:
          clusterIP: None
        """);
  }

  @Test
  void anOverlayMergesIntoItsBasesGenerator() {
    write("base/kustomization.yaml", """
        configMapGenerator:
        - name: bob
          literals:
          - fruit=Indian Gooseberry
          - year=2020
          - crisis=true
        """);
    write("overlay/kustomization.yaml", """
        resources:
        - ../base
        configMapGenerator:
        - name: bob
          behavior: merge
          literals:
          - month=12
        """);
    assertThat(build("overlay")).isEqualTo("""
        apiVersion: v1
        data:
          crisis: "true"
          fruit: Indian Gooseberry
          month: "12"
          year: "2020"
        kind: ConfigMap
        metadata:
          name: bob-bk46gm59c6
        """);
  }

  @Test
  void envFilesMergeToo() {
    write("base/kustomization.yaml", """
        configMapGenerator:
          - name: test-configmap
            behavior: create
            envs:
            - properties
        """);
    write("base/properties", "\nVAR1=100\n");
    write("overlay/kustomization.yaml", """
        resources:
        - ../base
        configMapGenerator:
        - name: test-configmap
          behavior: "merge"
          envs:
          - properties
        """);
    write("overlay/properties", "\nVAR2=200\n");
    assertThat(build("overlay")).isEqualTo("""
        apiVersion: v1
        data:
          VAR1: "100"
          VAR2: "200"
        kind: ConfigMap
        metadata:
          name: test-configmap-hdghb5ddkg
        """);
  }

  @Test
  void generatorsReadEnvsLiteralsAndFilesAndSecretsAreBase64() {
    write("kustomization.yaml", """
        namePrefix: blah-
        configMapGenerator:
        - name: bob
          literals:
          - fruit=apple
          - vegetable=broccoli
          envs:
          - foo.env
          env: bar.env
          files:
          - passphrase=phrase.dat
          - forces.txt
        - name: json
          literals:
          - 'v2=[{"path": "var/druid/segment-cache"}]'
          - >-
            druid_segmentCache_locations=[{"path":
            "var/druid/segment-cache",
            "maxSize": 32000000000,
            "freeSpacePercent": 1.0}]
        secretGenerator:
        - name: bob
          literals:
          - fruit=apple
          - vegetable=broccoli
          envs:
          - foo.env
          files:
          - passphrase=phrase.dat
          - forces.txt
          env: bar.env
        """);
    write("foo.env", "\nMOUNTAIN=everest\nOCEAN=pacific\n");
    write("bar.env", "\nBIRD=falcon\n");
    write("phrase.dat", "\nLife is short.\nBut the years are long.\nNot while the evil days come not.\n");
    write("forces.txt", "\ngravitational\nelectromagnetic\nstrong nuclear\nweak nuclear\n");
    assertThat(build(".")).isEqualTo("""
        apiVersion: v1
        data:
          BIRD: falcon
          MOUNTAIN: everest
          OCEAN: pacific
          forces.txt: |2

            gravitational
            electromagnetic
            strong nuclear
            weak nuclear
          fruit: apple
          passphrase: |2

            Life is short.
            But the years are long.
            Not while the evil days come not.
          vegetable: broccoli
        kind: ConfigMap
        metadata:
          name: blah-bob-g9df72cd5b
        ---
        apiVersion: v1
        data:
          druid_segmentCache_locations: '[{"path": "var/druid/segment-cache", "maxSize": 32000000000,
            "freeSpacePercent": 1.0}]'
          v2: '[{"path": "var/druid/segment-cache"}]'
        kind: ConfigMap
        metadata:
          name: blah-json-m8529t979f
        ---
        apiVersion: v1
        data:
          BIRD: ZmFsY29u
          MOUNTAIN: ZXZlcmVzdA==
          OCEAN: cGFjaWZpYw==
          forces.txt: |
            CmdyYXZpdGF0aW9uYWwKZWxlY3Ryb21hZ25ldGljCnN0cm9uZyBudWNsZWFyCndlYWsgbn
            VjbGVhcgo=
          fruit: YXBwbGU=
          passphrase: |
            CkxpZmUgaXMgc2hvcnQuCkJ1dCB0aGUgeWVhcnMgYXJlIGxvbmcuCk5vdCB3aGlsZSB0aG
            UgZXZpbCBkYXlzIGNvbWUgbm90Lgo=
          vegetable: YnJvY2NvbGk=
        kind: Secret
        metadata:
          name: blah-bob-58g62h555c
        type: Opaque
        """);
  }
}
