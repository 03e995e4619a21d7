package dev.kubesim.api;

/**
 * The C library whose resolver a program looks names up with: glibc (Debian, Ubuntu and most other
 * images) or musl (Alpine). They read {@code /etc/resolv.conf} alike but differ in how they walk
 * the search list ({@link RunningPod#resolve}).
 */
public enum Libc {
  /** The GNU C library's resolver. */
  GLIBC,
  /** musl's resolver, as Alpine-based images have it. */
  MUSL
}
