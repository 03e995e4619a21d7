package dev.kubesim.api.program;

/**
 * The userland an image is built on: which {@code sh}, which {@code ls}, and so which words a
 * failing command prints. Images built {@code FROM node}, {@code nginx} or {@code debian} are Debian
 * (GNU coreutils, dash as {@code /bin/sh}); {@code busybox}, {@code alpine} and images built on them
 * are BusyBox (ash, BusyBox applets).
 */
public enum BaseImage {
  /** Current Debian: GNU coreutils 9, dash, bash. {@code ls: cannot access '/x': ...}. */
  DEBIAN(Coreutils.GNU, true),
  /**
   * Debian 8 "jessie" (node:7, so {@code luksa/kubia}): coreutils 8.23, whose {@code ls} does not
   * quote names ({@code ls: cannot access /x: ...}), and bash 4.3.
   */
  DEBIAN_JESSIE(Coreutils.GNU_BEFORE_8_25, true),
  /** Ubuntu 14.04 (tutum/dnsutils): coreutils 8.21, dash, bash 4.3. */
  UBUNTU_TRUSTY(Coreutils.GNU_BEFORE_8_25, true),
  /** Alpine Linux: BusyBox applets and ash, no bash. */
  ALPINE(Coreutils.BUSYBOX, false),
  /** The {@code busybox} image: BusyBox applets and ash, all in {@code /bin}. */
  BUSYBOX(Coreutils.BUSYBOX, false),
  /**
   * An image built {@code FROM scratch} or on {@code gcr.io/distroless/static}: no shell and no
   * tools, only the image's own files, so {@code kubectl exec POD -- sh} finds no {@code sh}.
   */
  DISTROLESS(Coreutils.GNU, false);

  /** The family of the basic commands, which decides their messages. */
  public enum Coreutils {
    /** GNU coreutils 8.25 or later, which quote file names in messages ({@code cannot access '/x'}). */
    GNU,
    /** GNU coreutils older than 8.25, which quoted fewer file names in messages. */
    GNU_BEFORE_8_25,
    /** BusyBox applets, with their own shorter messages. */
    BUSYBOX
  }

  private final Coreutils coreutils;
  private final boolean hasBash;

  BaseImage(Coreutils coreutils, boolean hasBash) {
    this.coreutils = coreutils;
    this.hasBash = hasBash;
  }

  /**
   * The family of the image's basic commands ({@code ls}, {@code cat}, ...).
   *
   * @return GNU coreutils (of which age) or BusyBox
   */
  public Coreutils coreutils() {
    return coreutils;
  }

  /**
   * Whether {@code /bin/sh} is BusyBox ash rather than dash.
   *
   * @return whether {@code /bin/sh} is BusyBox ash rather than dash
   */
  public boolean busyboxShell() {
    return coreutils == Coreutils.BUSYBOX;
  }

  /**
   * Whether {@code /bin/bash} exists.
   *
   * @return whether {@code /bin/bash} exists
   */
  public boolean hasBash() {
    return hasBash;
  }

  /**
   * The {@code PATH} the base image sets.
   *
   * @return the {@code PATH} the base image sets
   */
  public String path() {
    return "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
  }
}
