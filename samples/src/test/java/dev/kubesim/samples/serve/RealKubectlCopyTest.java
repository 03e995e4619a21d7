package dev.kubesim.samples.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.KubeSim;
import dev.kubesim.api.ServedApi;
import dev.kubesim.impl.cluster.SimCluster;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real {@code kubectl cp}, which runs tar in the container through exec: files and folders both ways. */
class RealKubectlCopyTest {
  @TempDir
  Path home;

  @Test
  void filesAndFoldersCopyIntoAPodAndBack() throws IOException {
    Path binary = RealKubectl.binaryOrSkip();
    Files.writeString(home.resolve("pod.yaml"), """
        apiVersion: v1
        kind: Pod
        metadata: {name: box}
        spec:
          containers: [{name: box, image: busybox, command: [sleep, "3600"]}]
        """, StandardCharsets.UTF_8);
    Files.writeString(home.resolve("notes.txt"), "hello\nworld\n", StandardCharsets.UTF_8);
    Files.createDirectories(home.resolve("site/css"));
    Files.writeString(home.resolve("site/index.html"), "<h1>hi</h1>\n", StandardCharsets.UTF_8);
    Files.writeString(home.resolve("site/css/a.css"), "h1 {}\n", StandardCharsets.UTF_8);
    try (SimCluster served = (SimCluster) KubeSim.cluster().seed(5).build()) {
      ServedApi api = served.serve();
      RealKubectl real = new RealKubectl(binary, home, api.kubeconfig());
      assertThat(real.run("create -f pod.yaml").exitCode()).isZero();
      assertThat(real.run("cp notes.txt box:/tmp/notes.txt").exitCode()).isZero();
      assertThat(real.run("exec box -- cat /tmp/notes.txt").stdout()).isEqualTo("hello\nworld\n");
      assertThat(real.run("cp site box:/var/www/site").exitCode()).isZero();
      assertThat(real.run("exec box -- cat /var/www/site/css/a.css").stdout()).isEqualTo("h1 {}\n");

      RealKubectl.Result back = real.run("cp box:/var/www/site copy");
      assertThat(back.exitCode()).isZero();
      assertThat(Files.readString(home.resolve("copy/index.html"))).isEqualTo("<h1>hi</h1>\n");
      assertThat(Files.readString(home.resolve("copy/css/a.css"))).isEqualTo("h1 {}\n");
    }
  }
}
