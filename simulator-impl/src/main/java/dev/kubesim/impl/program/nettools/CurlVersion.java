package dev.kubesim.impl.program.nettools;

import dev.kubesim.api.program.BaseImage;

/**
 * Which curl an image ships, since the wording of its messages changed over the years: curl 7.38
 * (Debian jessie, luksa/kubia's node:7) writes {@code Failed to connect to H port P: Connection
 * refused}; since 7.87 (connection filters) {@code Failed to connect to H port P after T ms:
 * Couldn't connect to server}, and a connect that the kernel timed out exits 28 instead of 7.
 */
enum CurlVersion {
  /** Debian 8 and Ubuntu 14.04. */
  V7_38("7.38.0", false, false),
  /** Debian 12. */
  V7_88("7.88.1", true, false),
  /** Alpine (curlimages/curl) and BusyBox-based images. */
  V8_11("8.11.1", true, true);

  final String version;
  /** Since 7.87: {@code after T ms: <curl_easy_strerror>}; ETIMEDOUT exits 28. */
  final boolean connectionFilters;
  /** 8.x's extra verbose lines ({@code Host ... was resolved}, {@code using HTTP/1.x}). */
  final boolean eight;

  CurlVersion(String version, boolean connectionFilters, boolean eight) {
    this.version = version;
    this.connectionFilters = connectionFilters;
    this.eight = eight;
  }

  static CurlVersion of(BaseImage base) {
    return switch (base) {
      case DEBIAN_JESSIE, UBUNTU_TRUSTY -> V7_38;
      case DEBIAN -> V7_88;
      case ALPINE, BUSYBOX, DISTROLESS -> V8_11; // a distroless image has no curl of its own: only one it brings
    };
  }
}
