package dev.kubesim.impl.program.images;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The released versions of the images kubesim knows, as a small table per image: the newest
 * release of each version series ({@code 1.14.2} for nginx's 1.14, {@code 6.0.20} for redis'
 * 6.0), written as the image's tags write versions. kubesim has no registry to ask; the table
 * stands for it in two ways.
 *
 * <p>Which version tags the registry has ({@link #released}): a tag that names a version of a
 * released series up to that series' newest patch ({@code nginx:1.14.2}, {@code nginx:1.14}, {@code
 * nginx:1}, {@code redis:7.2.4-alpine}) is there; one that names a series that was never released
 * or a version newer than its series' newest ({@code nginx:1.161}, {@code nginx:1.91}, {@code
 * redis:99}, {@code nginx:1.14.9}) is not. Tags that are no version ({@code latest}, {@code
 * stable}, {@code alpine}) are not judged here, nor are images without a table.
 *
 * <p>Which version a tag runs ({@link #version}): {@code x.y.z} as written, a series ({@code
 * x.y}, {@code x}) its newest release, except the series of the program's current default, which
 * runs that default (the image kubesim models: {@code postgres:16} is 16.4 as {@code postgres} is),
 * and anything else the current default.
 *
 * <p>The newest series of each table is taken to be still under way: any patch of it is there
 * ({@code nginx:1.29.9}), as the registry will have it when it is released; so are the next few
 * series of the newest major version ({@code redis:8.8.0} after 8.2), released since the table
 * was written.
 */
public final class ImageVersions {
  private static final Map<String, ImageVersions> CATALOGUE = new LinkedHashMap<>();

  static {
    add("docker.io/library/nginx", "1.0.15", "1.1.19", "1.2.9", "1.3.16", "1.4.7", "1.5.13", "1.6.3", "1.7.12",
        "1.8.1", "1.9.15", "1.10.3", "1.11.13", "1.12.2", "1.13.12", "1.14.2", "1.15.12", "1.16.1", "1.17.10",
        "1.18.0", "1.19.10", "1.20.2", "1.21.6", "1.22.1", "1.23.4", "1.24.0", "1.25.5", "1.26.3", "1.27.5",
        "1.28.0", "1.29.1");
    add("docker.io/library/perl", "5.8.9", "5.10.1", "5.12.5", "5.14.4", "5.16.3", "5.18.4", "5.20.3", "5.22.4",
        "5.24.4", "5.26.3", "5.28.3", "5.30.3", "5.32.1", "5.34.3", "5.36.3", "5.38.4", "5.40.2", "5.42.0");
    add("docker.io/library/httpd", "2.2.34", "2.4.65");
    add("docker.io/library/redis", "2.6.17", "2.8.23", "3.0.7", "3.2.12", "4.0.14", "5.0.14", "6.0.20", "6.2.19",
        "7.0.15", "7.2.10", "7.4.5", "8.0.3", "8.2.1");
    add("docker.io/library/busybox", "1.21.1", "1.22.1", "1.23.2", "1.24.2", "1.25.1", "1.26.2", "1.27.2", "1.28.4",
        "1.29.3", "1.30.1", "1.31.1", "1.32.1", "1.33.1", "1.34.1", "1.35.0", "1.36.1", "1.37.0");
    add("docker.io/library/postgres", "9.0.23", "9.1.24", "9.2.24", "9.3.25", "9.4.26", "9.5.25", "9.6.24", "10.23",
        "11.22", "12.22", "13.22", "14.19", "15.14", "16.10", "17.6", "18.0");
    add("docker.io/library/mysql", "5.5.62", "5.6.51", "5.7.44", "8.0.43", "8.1.0", "8.2.0", "8.3.0", "8.4.6", "9.0.1",
        "9.1.0", "9.2.0", "9.3.0", "9.4.0");
    add("docker.io/library/mariadb", "10.0.38", "10.1.48", "10.2.44", "10.3.39", "10.4.34", "10.5.29", "10.6.22",
        "10.7.8", "10.8.8", "10.9.8", "10.10.7", "10.11.13", "11.0.6", "11.1.6", "11.2.6", "11.3.2", "11.4.7",
        "11.5.2", "11.6.2", "11.7.2", "11.8.2");
    add("docker.io/library/mongo", "3.0.15", "3.2.22", "3.4.24", "3.6.23", "4.0.28", "4.2.24", "4.4.29", "5.0.31",
        "6.0.25", "7.0.22", "8.0.12");
    add("docker.io/library/memcached", "1.4.39", "1.5.22", "1.6.39");
    add("docker.io/library/rabbitmq", "3.6.16", "3.7.28", "3.8.34", "3.9.29", "3.10.25", "3.11.28", "3.12.14",
        "3.13.7", "4.0.9", "4.1.4");
    add("docker.io/library/python", "2.7.18", "3.3.7", "3.4.10", "3.5.10", "3.6.15", "3.7.17", "3.8.20", "3.9.23",
        "3.10.18", "3.11.13", "3.12.11", "3.13.7", "3.14.0");
    add("docker.io/library/alpine", "2.6.6", "2.7.9", "3.1.4", "3.2.3", "3.3.3", "3.4.6", "3.5.3", "3.6.5", "3.7.3",
        "3.8.5", "3.9.6", "3.10.9", "3.11.13", "3.12.12", "3.13.12", "3.14.10", "3.15.11", "3.16.9", "3.17.10",
        "3.18.12", "3.19.8", "3.20.7", "3.21.4", "3.22.1");
    add("docker.io/library/debian", "7.11", "8.11", "9.13", "10.13", "11.11", "12.11", "13.0");
    addClosed("docker.io/library/ubuntu", "12.04", "14.04", "16.04", "18.04", "20.04", "22.04", "24.04", "24.10", "25.04");
    addClosed("docker.io/luksa/kubia", "v3");
    // the Kubernetes Basics tutorial: v1 on gcr.io, v2 on Docker Hub; its rollback module asks for v10
    addClosed("gcr.io/google-samples/kubernetes-bootcamp", "v1");
    addClosed("docker.io/jocatalin/kubernetes-bootcamp", "v2");
    add("docker.io/curlimages/curl", "7.72.0", "7.73.0", "7.74.0", "7.75.0", "7.76.1", "7.77.0", "7.78.0", "7.79.1",
        "7.80.0", "7.81.0", "7.82.0", "7.83.1", "7.84.0", "7.85.0", "7.86.0", "7.87.0", "7.88.1", "8.00.1", "8.1.2",
        "8.2.1", "8.3.0", "8.4.0", "8.5.0", "8.6.0", "8.7.1", "8.8.0", "8.9.1", "8.10.1", "8.11.1", "8.12.1",
        "8.13.0", "8.14.1", "8.15.0", "8.16.0", "8.17.0", "8.18.0");
    for (String registry : List.of("registry.k8s.io/e2e-test-images", "k8s.gcr.io/e2e-test-images",
        "gcr.io/kubernetes-e2e-test-images")) {
      addClosed(registry + "/agnhost", "2.56"); // versions are 2.N: no patches
    }
  }

  private final String image;
  private final List<TagVersion> releases;
  /** Whether the latest series takes any patch (its last number is a patch still to come). */
  private final boolean open;

  private ImageVersions(String image, List<TagVersion> releases, boolean open) {
    this.image = image;
    this.releases = List.copyOf(releases);
    this.open = open;
  }

  /** An image whose latest series is still being patched. */
  private static void add(String image, String... newest) {
    add(image, true, newest);
  }

  /** An image whose versions have no patches to come ({@code 22.04}, agnhost's {@code 2.53}). */
  private static void addClosed(String image, String... newest) {
    add(image, false, newest);
  }

  private static void add(String image, boolean open, String... newest) {
    List<TagVersion> releases = new ArrayList<>();
    for (String v : newest) {
      releases.add(TagVersion.parse(v).orElseThrow());
    }
    CATALOGUE.put(image, new ImageVersions(image, releases, open));
  }

  /**
   * The table of an image.
   *
   * @param repository the image's full repository name, {@code docker.io/library/nginx}
   * @return its table, or empty for an image kubesim keeps none for
   */
  public static Optional<ImageVersions> of(String repository) {
    return Optional.ofNullable(CATALOGUE.get(repository));
  }

  /**
   * The images with a table, in the order they were written.
   *
   * @return their full repository names
   */
  public static List<String> images() {
    return List.copyOf(CATALOGUE.keySet());
  }

  /**
   * The image this table is of.
   *
   * @return its full repository name
   */
  public String image() {
    return image;
  }

  /**
   * Whether the registry has this version tag: a release, a patch of a released series up to its
   * newest, or a series (a prefix of a release), written with a {@code v} where the image writes
   * one.
   *
   * @param version a version tag, read by {@link TagVersion#parse}
   * @return whether such a tag was released
   */
  public boolean released(TagVersion version) {
    TagVersion latest = open ? latest() : null;
    if (latest != null && laterSeries(version, latest)) {
      return true;
    }
    for (TagVersion r : releases) {
      if (r.prefixed() != version.prefixed()) {
        continue;
      }
      if (version.isPrefixOf(r)) {
        return true;
      }
      int n = version.parts().size();
      // a patch of the series up to its newest; the latest series is still being patched: any patch
      if (n == r.parts().size() && version.parts().subList(0, n - 1).equals(r.parts().subList(0, n - 1))
          && (version.parts().get(n - 1) <= r.parts().get(n - 1) || r == latest && n > 1)) {
        return true;
      }
    }
    return false;
  }

  /**
   * How many series after the newest one the table knows are taken as released, for the images
   * that release often: the registry has gone on releasing since the tables were written (redis
   * 8.4, 8.6 and 8.8 after 8.2), while a version far beyond (a typo such as {@code nginx:1.161}) is
   * still refused. Images that seldom start a series ({@code httpd}'s 2.4, {@code memcached}'s
   * 1.6) take none.
   */
  private static final Map<String, Integer> LATER_SERIES = Map.of(
      "docker.io/library/redis", 6, "docker.io/library/nginx", 2, "docker.io/library/busybox", 2,
      "docker.io/library/mysql", 3, "docker.io/curlimages/curl", 5, "docker.io/library/python", 1);

  /** A version of one of the next few series of the newest major version, any patch of it. */
  private boolean laterSeries(TagVersion version, TagVersion latest) {
    List<Integer> v = version.parts();
    List<Integer> l = latest.parts();
    int later = LATER_SERIES.getOrDefault(image, 0);
    return version.prefixed() == latest.prefixed() && v.size() >= 2 && l.size() >= 2 && v.get(0).equals(l.get(0))
        && v.get(1) > l.get(1) && v.get(1) <= l.get(1) + later;
  }

  /** The newest release of all. */
  private TagVersion latest() {
    TagVersion best = releases.get(0);
    for (TagVersion r : releases) {
      if (r.compareNumbers(best) > 0) {
        best = r;
      }
    }
    return best;
  }

  /**
   * Whether the registry has this tag: every tag that is no version, and the released versions.
   *
   * @param tag an image tag
   * @return whether the tag can be pulled
   */
  public boolean hasTag(String tag) {
    return TagVersion.parse(tag).map(this::released).orElse(true);
  }

  /**
   * The newest release of a series: {@code 1.14} → {@code 1.14.2}, {@code 1} → {@code 1.29.1}.
   *
   * @param series a version, complete or not
   * @return the newest release it is a prefix of, as its tags write it (without a {@code v})
   */
  public Optional<String> newest(TagVersion series) {
    TagVersion best = null;
    for (TagVersion r : releases) {
      if (series.isPrefixOf(r) && (best == null || r.compareNumbers(best) > 0)) {
        best = r;
      }
    }
    return Optional.ofNullable(best).map(TagVersion::text);
  }

  /**
   * The version an image's tag runs: a complete version as written ({@code 6.0.5}, {@code 16.4}), a
   * series' newest release ({@code 6.0} → {@code 6.0.20}), or {@code fallback} for a tag that is no
   * version, no tag, or an image without a table.
   *
   * @param repository the image's full repository name, {@code docker.io/library/redis}
   * @param tag the image's tag, if any
   * @param fallback the program's current default version
   * @return the version the container reports
   */
  public static String version(String repository, Optional<String> tag, String fallback) {
    Optional<TagVersion> v = TagVersion.parse(tag);
    if (v.isEmpty()) {
      return fallback;
    }
    Optional<ImageVersions> table = of(repository);
    if (table.isEmpty()) {
      return v.get().parts().size() >= 3 ? v.get().text() : fallback;
    }
    TagVersion version = v.get();
    if (table.get().releases.stream().noneMatch(r -> r.prefixed() == version.prefixed())) {
      return fallback; // written unlike the image's versions ({@code v2} of redis): no version of it
    }
    boolean complete = table.get().releases.stream().anyMatch(r -> r.parts().size() <= version.parts().size()
        && version.parts().subList(0, r.parts().size() - 1).equals(r.parts().subList(0, r.parts().size() - 1)));
    if (complete) {
      return version.text();
    }
    // the series of the program's own default version runs that version: kubesim's image of it
    if (TagVersion.parse(fallback).filter(version::isPrefixOf).isPresent()) {
      return fallback;
    }
    return table.get().newest(version).orElse(fallback);
  }
}
