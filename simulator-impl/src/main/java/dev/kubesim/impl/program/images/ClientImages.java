package dev.kubesim.impl.program.images;

import dev.kubesim.api.program.BaseImage;
import dev.kubesim.api.program.ImageConfig;
import dev.kubesim.api.program.Program;

/**
 * Images that serve nothing and run their command line ({@code sleep 3600}, {@code sh -c ...}) as
 * PID 1, which therefore ignores SIGTERM and is killed at the end of the grace period. Without a
 * command they run their default {@code CMD}: a shell, which exits at once for lack of input.
 */
public final class ClientImages {
  private ClientImages() {}

  /** {@code busybox}: BusyBox applets in {@code /bin}, {@code CMD ["sh"]}. */
  public static Program busybox() {
    return Program.builder(ImageConfig.builder(BaseImage.BUSYBOX).cmd("sh").build())
        .runsCommand().build();
  }

  /**
   * {@code radial/busyboxplus} (the {@code curl} tag of Kubernetes' "Connecting Applications with
   * Services" tutorial): an old BusyBox built with Buildroot, with curl in {@code /usr/bin} and
   * {@code CMD ["/bin/sh"]}. (The image's {@code .bashrc}, which {@code ENV} has an interactive
   * shell read for its coloured prompt, is left out.)
   */
  public static Program busyboxplus() {
    return Program.builder(ImageConfig.builder(BaseImage.BUSYBOX)
            .cmd("/bin/sh")
            .file("/usr/bin/curl", "")
            .build())
        .runsCommand().build();
  }

  /** {@code alpine}: BusyBox on Alpine, {@code CMD ["/bin/sh"]}. */
  public static Program alpine() {
    return Program.builder(ImageConfig.builder(BaseImage.ALPINE).cmd("/bin/sh").build())
        .runsCommand().build();
  }

  /**
   * {@code curlimages/curl}: curl on Alpine, {@code ENTRYPOINT ["/entrypoint.sh"]}, {@code CMD
   * ["curl"]}. The entrypoint runs curl with the arguments when the first is an option or no
   * command of that name exists, else the command they name ({@code kubectl run c
   * --image=curlimages/curl -- sleep 3600}).
   */
  public static Program curl() {
    return Program.builder(ImageConfig.builder(BaseImage.ALPINE)
            .entrypoint("/entrypoint.sh")
            .cmd("curl")
            .file("/entrypoint.sh", CURL_ENTRYPOINT)
            .file("/usr/bin/curl", "")
            .build())
        .runsCommand().build();
  }

  /** The curl image's entrypoint script, as the image ships it. */
  private static final String CURL_ENTRYPOINT = """
      #!/bin/sh
      set -e
      if [ "${1#-}" != "${1}" ] || [ -z "$(command -v "${1}")" ]; then
        set -- curl "$@"
      fi
      exec "$@"
      """;

  /**
   * {@code bash}: bash on Alpine, {@code ENTRYPOINT ["docker-entrypoint.sh"]}, {@code CMD ["bash"]}.
   * The entrypoint runs bash with the arguments when there are none or the first is an option
   * ({@code args: [-c, "echo hi"]}), else the command they name ({@code args: [echo, hi]}).
   */
  public static Program bash() {
    return Program.builder(ImageConfig.builder(BaseImage.ALPINE)
            .entrypoint("docker-entrypoint.sh")
            .cmd("bash")
            .file("/usr/local/bin/docker-entrypoint.sh", BASH_ENTRYPOINT)
            .file("/usr/local/bin/bash", "")
            .build())
        .runsCommand().build();
  }

  /** The bash image's entrypoint: what it does, in kubesim's words. */
  private static final String BASH_ENTRYPOINT = """
      #!/bin/sh
      set -e
      if [ "$#" -eq 0 ] || [ "${1#-}" != "$1" ]; then
        set -- bash "$@"
      fi
      exec "$@"
      """;

  /** {@code tutum/dnsutils}: Ubuntu 14.04 with dig, nslookup and host; {@code CMD ["/bin/bash"]}. */
  public static Program tutumDnsutils() {
    return dnsutils(BaseImage.UBUNTU_TRUSTY);
  }

  /** Kubernetes' e2e {@code jessie-dnsutils}: Debian 8 with dig, nslookup and host. */
  public static Program jessieDnsutils() {
    return dnsutils(BaseImage.DEBIAN_JESSIE);
  }

  /** A dnsutils image on this base: dig, nslookup and host, {@code CMD ["/bin/bash"]}. */
  private static Program dnsutils(BaseImage base) {
    return Program.builder(ImageConfig.builder(base)
            .cmd("/bin/bash")
            .file("/usr/bin/dig", "")
            .file("/usr/bin/nslookup", "")
            .file("/usr/bin/host", "")
            .build())
        .runsCommand().build();
  }

  /**
   * The userland of a host outside the cluster ({@code Cluster.external()}): Debian 12 with the
   * packages curl, wget, iputils-ping and dnsutils, kubectl (whose context is the cluster) and
   * minikube's {@code ip} and {@code service --url}. It
   * serves nothing.
   */
  public static Program outsideHost() {
    return Program.builder(ImageConfig.builder(BaseImage.DEBIAN)
            .file("/usr/bin/curl", "")
            .file("/usr/bin/wget", "")
            .file("/usr/bin/ping", "")
            .file("/usr/bin/nslookup", "")
            .file("/usr/bin/dig", "")
            .file("/usr/bin/which", "")
            .file("/usr/local/bin/kubectl", "") // the cluster's own, its context this cluster
            .file("/usr/local/bin/minikube", "") // ip and service --url, as tutorials script them
            .build())
        .build();
  }

  /** {@code debian} and {@code ubuntu}: a plain Debian userland, {@code CMD ["bash"]}. */
  public static Program debian() {
    return Program.builder(ImageConfig.builder(BaseImage.DEBIAN).cmd("bash").build())
        .runsCommand().build();
  }
}
