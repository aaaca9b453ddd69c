package org.sansho.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The renderer does what Kustomize does for the features the manifests use, and refuses the rest. */
class KustomizeTest {

    @TempDir
    Path dir;

    static List<Path> overlays() {
        return Installation.overlays();
    }

    @Test
    void patchesMergeContainersAndEnvironmentByNameAndReplaceOtherLists() throws IOException {
        write("base/kustomization.yaml", "resources: [app.yaml]\n");
        write("base/app.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: app}
                spec:
                  replicas: 2
                  template:
                    spec:
                      containers:
                        - name: app
                          image: example/app:1
                          args: [a, b]
                          env: [{name: A, value: "1"}, {name: B, value: "2"}]
                        - name: sidecar
                          image: example/sidecar:1
                """);
        write("overlay/kustomization.yaml", """
                namespace: prod
                resources: [../base]
                patches: [{path: patch.yaml}]
                images: [{name: example/app, newName: registry.example/app, newTag: "2"}]
                """);
        write("overlay/patch.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: app}
                spec:
                  replicas: null
                  template:
                    spec:
                      containers:
                        - name: app
                          args: [c]
                          env: [{name: B, value: "3"}, {name: C, value: "4"}]
                """);

        Map<String, Object> app = Kustomize.render(dir.resolve("overlay")).get(0);

        assertThat(Yaml.string(app, "metadata", "namespace")).isEqualTo("prod");
        assertThat(Yaml.mapAt(app, "spec")).doesNotContainKey("replicas");
        List<Object> containers = Yaml.list(app, "spec", "template", "spec", "containers");
        assertThat(containers).extracting(c -> Yaml.string(c, "name")).containsExactly("app", "sidecar");
        assertThat(Yaml.string(containers.get(0), "image")).isEqualTo("registry.example/app:2");
        assertThat(Yaml.string(containers.get(1), "image")).isEqualTo("example/sidecar:1");
        assertThat(Yaml.list(containers.get(0), "args")).containsExactly("c");
        assertThat(Yaml.list(containers.get(0), "env")).extracting(e -> Yaml.string(e, "name") + "=" + Yaml.string(e, "value"))
                .containsExactly("A=1", "B=3", "C=4");
    }

    @Test
    void aTargetedPatchAppliesToEveryResourceWhoseNameMatchesThePattern() throws IOException {
        write("k/kustomization.yaml", """
                resources: [topics.yaml]
                patches: [{path: p.yaml, target: {kind: KafkaTopic, name: '.*\\.events'}}]
                """);
        write("k/topics.yaml", """
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaTopic
                metadata: {name: a.events}
                spec: {partitions: 1}
                ---
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaTopic
                metadata: {name: a.events.dlq}
                spec: {partitions: 1}
                """);
        write("k/p.yaml", """
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaTopic
                metadata: {name: placeholder}
                spec: {partitions: 12}
                """);

        List<Map<String, Object>> topics = Kustomize.render(dir.resolve("k"));

        assertThat(topics).extracting(t -> Kustomize.name(t) + ":" + Yaml.at(t, "spec", "partitions"))
                .containsExactly("a.events:12", "a.events.dlq:1");
    }

    @Test
    void unsupportedFieldsUnmatchedPatchesAndFilesOutsideTheDirectoryAreRefused() throws IOException {
        write("a/kustomization.yaml", "resources: [x.yaml]\nnamePrefix: test-\n");
        write("a/x.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n");
        assertThatThrownBy(() -> Kustomize.render(dir.resolve("a"))).hasMessageContaining("namePrefix");

        write("b/kustomization.yaml", "resources: [../a/x.yaml]\n");
        assertThatThrownBy(() -> Kustomize.render(dir.resolve("b"))).hasMessageContaining("outside");

        write("c/kustomization.yaml", "resources: [x.yaml]\npatches: [{path: p.yaml}]\n");
        write("c/x.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n");
        write("c/p.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: y}\ndata: {a: b}\n");
        assertThatThrownBy(() -> Kustomize.render(dir.resolve("c"))).hasMessageContaining("matches no resource");

        write("d/kustomization.yaml", "resources: [x.yaml]\n");
        write("d/x.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x\n");
        assertThatThrownBy(() -> Kustomize.render(dir.resolve("d"))).hasMessageContaining("does not parse");
    }

    /** Where kubectl is installed, its own Kustomize must render each overlay into exactly the same objects. */
    @ParameterizedTest
    @MethodSource("overlays")
    void rendersWhatKubectlKustomizeRenders(Path overlay) throws Exception {
        assumeTrue(onPath("kubectl"), "kubectl is not installed");
        Process process = new ProcessBuilder("kubectl", "kustomize", overlay.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();

        List<Map<String, Object>> theirs = sorted(Yaml.documents(output, "kubectl kustomize " + overlay));
        List<Map<String, Object>> ours = sorted(Kustomize.render(overlay));

        assertThat(ours).hasSameSizeAs(theirs);
        for (int i = 0; i < ours.size(); i++) {
            assertThat(ours.get(i)).as(Yaml.string(theirs.get(i), "kind") + " " + Kustomize.name(theirs.get(i)))
                    .isEqualTo(theirs.get(i));
        }
    }

    private static List<Map<String, Object>> sorted(List<Map<String, Object>> documents) {
        return documents.stream()
                .sorted(Comparator.comparing((Map<String, Object> d) -> Yaml.string(d, "kind"))
                        .thenComparing(Kustomize::name))
                .toList();
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        return path != null && java.util.Arrays.stream(path.split(java.io.File.pathSeparator))
                .anyMatch(p -> Files.isExecutable(Path.of(p, command)));
    }

    private void write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
