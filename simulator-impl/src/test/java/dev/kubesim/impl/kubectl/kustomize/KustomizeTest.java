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
  void builtinTransformersListedUnderTransformersRunOverTheirFieldSpecs() {
    write("kustomization.yaml", """
        resources: [service.yaml]
        transformers: [labels.yaml, more.yaml]
        """);
    write("service.yaml", SERVICE);
    write("labels.yaml", """
        apiVersion: builtin
        kind: LabelTransformer
        metadata: {name: labels}
        labels: {app.kubernetes.io/environment: dev}
        fieldSpecs:
        - {path: metadata/labels, create: true}
        - {path: spec/selector, kind: Service, create: true}
        """);
    write("more.yaml", """
        apiVersion: builtin
        kind: AnnotationsTransformer
        metadata: {name: notes}
        annotations: {team: web}
        fieldSpecs: [{path: metadata/annotations, create: true}]
        ---
        apiVersion: builtin
        kind: PrefixSuffixTransformer
        metadata: {name: names}
        prefix: dev-
        fieldSpecs: [{path: metadata/name}]
        """);
    assertThat(build(".")).isEqualTo("""
        apiVersion: v1
        kind: Service
        metadata:
          annotations:
            team: web
          labels:
            app.kubernetes.io/environment: dev
          name: dev-demo
        spec:
          clusterIP: None
          selector:
            app.kubernetes.io/environment: dev
        """);
  }

  @Test
  void aTransformerPluginThatRunsAProgramIsRefusedPlainly() {
    write("kustomization.yaml", "resources: [service.yaml]\ntransformers: [plugin.yaml]\n");
    write("service.yaml", SERVICE);
    write("plugin.yaml", "apiVersion: someteam.example.com/v1\nkind: ChartInflator\nmetadata: {name: x}\n");
    assertThatThrownBy(() -> build(".")).hasMessageContaining("the transformer plugin someteam.example.com/v1/ChartInflator");
  }

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

  private void baseAndOverlay() {
    write("base/kustomization.yaml", """
        resources:
        - deployment.yaml
        - service.yaml
        configMapGenerator:
        - name: web-config
          literals:
          - GREETING=hello
        """);
    write("base/deployment.yaml", """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          replicas: 1
          selector:
            matchLabels:
              app: web
          template:
            metadata:
              labels:
                app: web
            spec:
              containers:
              - name: web
                image: nginx:1.25
                envFrom:
                - configMapRef:
                    name: web-config
        """);
    write("base/service.yaml", """
        apiVersion: v1
        kind: Service
        metadata:
          name: web
        spec:
          selector:
            app: web
          ports:
          - port: 80
        """);
    write("overlays/dev/kustomization.yaml", """
        apiVersion: kustomize.config.k8s.io/v1beta1
        kind: Kustomization
        namespace: dev
        namePrefix: dev-
        commonLabels:
          env: dev
        resources:
        - ../../base
        images:
        - name: nginx
          newTag: "1.27"
        replicas:
        - name: web
          count: 3
        configMapGenerator:
        - name: web-config
          behavior: merge
          literals:
          - GREETING=hello from dev
        patches:
        - path: resources.yaml
        """);
    write("overlays/dev/resources.yaml", """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          template:
            spec:
              containers:
              - name: web
                resources:
                  limits:
                    memory: 128Mi
        """);
  }

  @Test
  void anOverlaySetsNamespacePrefixLabelsImageReplicasAndPatchesItsBase() {
    baseAndOverlay();
    Kustomize.Result r = result("overlays/dev");
    assertThat(r.warnings()).containsExactly(
        "# Warning: 'commonLabels' is deprecated. Please use 'labels' instead. Run 'kustomize edit fix' to update your"
            + " Kustomization automatically.");
    assertThat(Kustomize.yaml(r.objects())).isEqualTo("""
        apiVersion: v1
        data:
          GREETING: hello from dev
        kind: ConfigMap
        metadata:
          labels:
            env: dev
          name: dev-web-config-dkdmbbc729
          namespace: dev
        ---
        apiVersion: v1
        kind: Service
        metadata:
          labels:
            env: dev
          name: dev-web
          namespace: dev
        spec:
          ports:
          - port: 80
          selector:
            app: web
            env: dev
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          labels:
            env: dev
          name: dev-web
          namespace: dev
        spec:
          replicas: 3
          selector:
            matchLabels:
              app: web
              env: dev
          template:
            metadata:
              labels:
                app: web
                env: dev
            spec:
              containers:
              - envFrom:
                - configMapRef:
                    name: dev-web-config-dkdmbbc729
                image: nginx:1.27
                name: web
                resources:
                  limits:
                    memory: 128Mi
        """);
  }

  @Test
  void jsonPatchesWithTargetsLabelsWithoutSelectorsAnnotationsAndImages() {
    write("kustomization.yaml", """
        resources:
        - deployment.yaml
        labels:
        - pairs:
            team: web
        - pairs:
            tier: front
          includeTemplates: true
        commonAnnotations:
          owner: ops
        images:
        - name: nginx
          newName: registry.local/nginx
          digest: sha256:abc
        patches:
        - target:
            kind: Deployment
            name: w.*
          patch: |-
            - op: replace
              path: /spec/replicas
              value: 2
            - op: add
              path: /spec/template/spec/containers/0/args
              value: ["--verbose"]
        """);
    write("deployment.yaml", """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          replicas: 1
          selector:
            matchLabels:
              app: web
          template:
            metadata:
              labels:
                app: web
            spec:
              containers:
              - name: web
                image: nginx:1.25
        """);
    assertThat(build(".")).isEqualTo("""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          annotations:
            owner: ops
          labels:
            team: web
            tier: front
          name: web
        spec:
          replicas: 2
          selector:
            matchLabels:
              app: web
          template:
            metadata:
              annotations:
                owner: ops
              labels:
                app: web
                tier: front
            spec:
              containers:
              - args:
                - --verbose
                image: registry.local/nginx@sha256:abc
                name: web
        """);
  }

  @Test
  void deprecatedPatchFieldsStillApplyAndWarn() {
    write("kustomization.yaml", """
        resources:
        - resources.yaml
        patchesStrategicMerge:
        - drop-debug.yaml
        - |-
          apiVersion: v1
          kind: ConfigMap
          metadata:
            name: settings
          data:
            mode: prod
        patchesJson6902:
        - target:
            version: v1
            kind: ConfigMap
            name: settings
          patch: '[{"op": "remove", "path": "/data/old"}]'
        """);
    write("resources.yaml", """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: settings
        data:
          mode: dev
          old: x
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: debug
        spec:
          containers:
          - name: c
            image: busybox
        """);
    write("drop-debug.yaml", """
        $patch: delete
        apiVersion: v1
        kind: Pod
        metadata:
          name: debug
        """);
    Kustomize.Result r = result(".");
    assertThat(r.warnings()).containsExactly(
        "# Warning: 'patchesJson6902' is deprecated. Please use 'patches' instead. Run 'kustomize edit fix' to update"
            + " your Kustomization automatically.",
        "# Warning: 'patchesStrategicMerge' is deprecated. Please use 'patches' instead. Run 'kustomize edit fix' to"
            + " update your Kustomization automatically.");
    assertThat(Kustomize.yaml(r.objects())).isEqualTo("""
        apiVersion: v1
        data:
          mode: prod
        kind: ConfigMap
        metadata:
          name: settings
        """);
  }

  @Test
  void secretsWithoutHashAreRenamedInVolumesAndTheOutputIsInLegacyOrder() {
    write("kustomization.yaml", """
        namePrefix: p-
        generatorOptions:
          disableNameSuffixHash: true
          labels:
            generated: "yes"
        secretGenerator:
        - name: creds
          literals:
          - password=s3cret
        resources:
        - all.yaml
        """);
    write("all.yaml", """
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: db
        spec:
          serviceName: db
          selector:
            matchLabels: {app: db}
          template:
            metadata:
              labels: {app: db}
            spec:
              containers:
              - name: db
                image: postgres
              volumes:
              - name: creds
                secret:
                  secretName: creds
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: db
        spec:
          selector: {app: db}
          ports:
          - port: 5432
        ---
        apiVersion: v1
        kind: Namespace
        metadata:
          name: data
        """);
    assertThat(build(".")).isEqualTo("""
        apiVersion: v1
        kind: Namespace
        metadata:
          name: data
        ---
        apiVersion: v1
        data:
          password: czNjcmV0
        kind: Secret
        metadata:
          labels:
            generated: "yes"
          name: p-creds
        type: Opaque
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: p-db
        spec:
          ports:
          - port: 5432
          selector:
            app: db
        ---
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: p-db
        spec:
          selector:
            matchLabels:
              app: db
          serviceName: p-db
          template:
            metadata:
              labels:
                app: db
            spec:
              containers:
              - image: postgres
                name: db
              volumes:
              - name: creds
                secret:
                  secretName: p-creds
        """);
  }

  @Test
  void componentsAddToTheKustomizationThatNamesThem() {
    write("kustomization.yaml", """
        resources:
        - cm.yaml
        components:
        - ../debug
        """);
    write("cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\ndata:\n  level: info\n");
    write("../debug/kustomization.yaml", """
        apiVersion: kustomize.config.k8s.io/v1alpha1
        kind: Component
        patches:
        - patch: |-
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: app
            data:
              level: debug
        """);
    assertThat(build(".")).isEqualTo("""
        apiVersion: v1
        data:
          level: debug
        kind: ConfigMap
        metadata:
          name: app
        """);
  }

  @Test
  void failuresSpeakKustomizesWords() {
    assertThatThrownBy(() -> build("nowhere")).hasMessage(
        "unable to find one of 'kustomization.yaml', 'kustomization.yml' or 'Kustomization' in directory 'nowhere'");
    write("a/kustomization.yaml", "resources:\n- missing.yaml\n");
    assertThatThrownBy(() -> build("a")).hasMessage("accumulating resources: accumulation err='accumulating resources"
        + " from 'missing.yaml': open a/missing.yaml: no such file or directory': must build at directory: not a valid"
        + " directory: evalsymlink failure on 'a/missing.yaml' : lstat a/missing.yaml: no such file or directory");
    write("b/kustomization.yaml", "resourcez:\n- x.yaml\n");
    assertThatThrownBy(() -> build("b")).hasMessage("invalid Kustomization: json: unknown field \"resourcez\"");
    write("c/kustomization.yaml", "resources:\n- github.com/org/repo//deploy?ref=v1\n");
    assertThatThrownBy(() -> build("c")).hasMessageContaining("reads local files only");
    write("d/kustomization.yaml", "resources:\n- ../e\n");
    write("e/kustomization.yaml", "resources:\n- ../d\n");
    assertThatThrownBy(() -> build("d")).hasMessageContaining("cycle detected: candidate root 'd' contains visited root 'e'");
    write("f/kustomization.yaml", "resources:\n- bad.yaml\n");
    write("f/bad.yaml", "kind: [\n");
    assertThatThrownBy(() -> build("f")).hasMessageStartingWith(
        "accumulating resources: accumulating resources from 'bad.yaml': MalformedYAMLError: yaml: line");
    write("g/kustomization.yaml", "resources:\n- cm.yaml\n- cm.yaml\n");
    write("g/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n");
    assertThatThrownBy(() -> build("g")).hasMessage("accumulating resources: merging resources from 'cm.yaml': may not"
        + " add resource with an already registered id: ConfigMap.v1.[noGrp]/x.[noNs]");
  }

  @Test
  void sortOptionsFifoKeepsTheInputOrder() {
    write("kustomization.yaml", "sortOptions:\n  order: fifo\nresources:\n- service.yaml\n"
        + "configMapGenerator:\n- name: c\n  options:\n    disableNameSuffixHash: true\n");
    write("service.yaml", SERVICE);
    assertThat(build(".")).startsWith("apiVersion: v1\nkind: Service\n");
    write("kustomization.yaml", "sortOptions:\n  order: fifo\n  legacySortOptions:\n    orderFirst: [Service]\n"
        + "    orderLast: []\nresources:\n- service.yaml\n");
    assertThatThrownBy(() -> build(".")).hasMessage(
        "the field 'sortOptions.legacySortOptions' is set but the selected sort order is 'fifo', not 'legacy'");
  }

  @Test
  void replacementsCopyAFieldIntoTheSelectedTargets() {
    write("kustomization.yaml", """
        namePrefix: app-
        resources:
        - all.yaml
        replacements:
        - source:
            kind: Service
            name: db
          targets:
          - select:
              kind: Deployment
            fieldPaths:
            - spec.template.spec.containers.[name=web].env.[name=DB_HOST].value
        - source:
            kind: Deployment
            fieldPath: spec.template.spec.containers.0.image
            options:
              delimiter: ':'
              index: 1
          targets:
          - select:
              kind: Deployment
            fieldPaths:
            - metadata.labels.version
            options:
              create: true
        - sourceValue: "8080"
          targets:
          - select:
              kind: Service
            fieldPaths:
            - spec.ports.[name=http].port
        """);
    write("all.yaml", """
        apiVersion: v1
        kind: Service
        metadata:
          name: db
        spec:
          ports:
          - name: http
            port: 80
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          template:
            spec:
              containers:
              - name: web
                image: nginx:1.25
                env:
                - name: DB_HOST
                  value: localhost
        """);
    assertThat(build(".")).isEqualTo("""
        apiVersion: v1
        kind: Service
        metadata:
          name: app-db
        spec:
          ports:
          - name: http
            port: 8080
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          labels:
            version: "1.25"
          name: app-web
        spec:
          template:
            spec:
              containers:
              - env:
                - name: DB_HOST
                  value: app-db
                image: nginx:1.25
                name: web
        """);
  }

  @Test
  void aPatchThatMatchesNothingFails() {
    write("kustomization.yaml", "resources:\n- cm.yaml\npatches:\n- path: p.yaml\n");
    write("cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n");
    write("p.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: y\ndata:\n  a: b\n");
    assertThatThrownBy(() -> build(".")).hasMessage("no resource matches strategic merge patch"
        + " \"ConfigMap.v1.[noGrp]/y.[noNs]\": no matches for Id ConfigMap.v1.[noGrp]/y.[noNs]; failed to find unique"
        + " target for patch ConfigMap.v1.[noGrp]/y.[noNs]");
  }

  @Test
  void imagesMatchByNameAndKeepTheRegistryPort() {
    com.fasterxml.jackson.databind.node.ObjectNode img = new com.fasterxml.jackson.databind.ObjectMapper()
        .createObjectNode().put("name", "localhost:5000/app").put("newTag", "v2");
    assertThat(Transforms.image("localhost:5000/app:v1", img)).isEqualTo("localhost:5000/app:v2");
    assertThat(Transforms.image("localhost:5000/app", img)).isEqualTo("localhost:5000/app:v2");
    assertThat(Transforms.image("localhost:5000/other:v1", img)).isEqualTo("localhost:5000/other:v1");
    assertThat(Transforms.image("localhost:5000/app@sha256:1234", img)).isEqualTo("localhost:5000/app:v2");
  }
}
