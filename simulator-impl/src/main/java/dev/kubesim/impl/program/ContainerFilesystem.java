package dev.kubesim.impl.program;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A container's files: an in-memory tree of directories, regular files with text content, and the
 * {@code /dev/null} device. Directory listings are in byte order (the C locale's {@code ls} order);
 * modification times come from the simulation's clock.
 *
 * <p>Paths given to the methods may be relative to {@code /} or contain {@code ..} and {@code //};
 * they are normalised first. Failures carry the {@link Errno} the real call would return.
 *
 * <p>What the container writes (its writable layer, over the image's files) holds at most {@link
 * #CAPACITY} bytes: a write beyond it stores what fits and fails with {@code ENOSPC} ({@code No
 * space left on device}), as on a full disk. Real nodes have gigabytes; this bound keeps a
 * container that doubles a file forty times inside the JVM's memory.
 *
 * <p>Volumes are trees of their own {@link #mount mounted} at a path: every operation under the
 * mount point goes to the volume (shared by the pod's containers, kept across restarts), a write
 * to a read-only mount fails with {@code EROFS} ({@code Read-only file system}), and removing a
 * mount point fails with {@code EBUSY}.
 */
public final class ContainerFilesystem {
  /** A node's kind: what {@code ls -l} shows in its first column. */
  public enum Kind {
    DIRECTORY,
    FILE,
    DEVICE
  }

  /** What {@code stat} says of a path. */
  public record Stat(Kind kind, long size, boolean executable, Instant modified, int links) {}

  private abstract static sealed class Node permits Dir, File, Device {
    Instant modified;

    Node(Instant modified) {
      this.modified = modified;
    }
  }

  private static final class Dir extends Node {
    final TreeMap<String, Node> children = new TreeMap<>();

    Dir(Instant modified) {
      super(modified);
    }
  }

  private static final class File extends Node {
    String content;
    final boolean executable;
    /** The content's size in bytes (UTF-8). */
    long bytes;
    /** Written by the container (its writable layer), not installed from the image. */
    boolean written;
    /** The last {@link #readParsed} of this file: its parser, the content it read and what it made. */
    Function<String, ?> parser;
    String parsedContent;
    Object parsed;

    File(String content, boolean executable, Instant modified) {
      super(modified);
      this.content = content;
      this.executable = executable;
      this.bytes = com.google.common.base.Utf8.encodedLength(content);
    }
  }

  /** The bytes the container's writable layer holds at most. */
  public static final long CAPACITY = 16L << 20;

  private static final class Device extends Node {
    Device(Instant modified) {
      super(modified);
    }
  }

  /** A volume mounted at {@code path}: its tree from {@code subPath} down. */
  private record Mount(String path, ContainerFilesystem volume, String subPath, boolean readOnly) {}

  /** Where a path lands: a mounted volume and the path inside it. */
  private record Target(Mount mount, String inner) {
    ContainerFilesystem fs() {
      return mount.volume;
    }
  }

  private final Supplier<Instant> clock;
  private final Dir root;
  /** The mounts by mount point; few, so a path is matched against each. */
  private final TreeMap<String, Mount> mounts = new TreeMap<>();
  /** Counts changes, so that what was derived from the tree (a PATH lookup) knows when to look again. */
  private long generation;
  /** Bytes of the files the container wrote. */
  private long used;

  /** An empty tree (just {@code /}) whose changes are stamped with this clock's instants. */
  public ContainerFilesystem(Supplier<Instant> clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.root = new Dir(clock.get());
  }

  // ---- queries -------------------------------------------------------------------------------

  /** A number that changes whenever the tree may have: any write, install, touch, mkdir or remove. */
  public long generation() {
    long g = generation;
    for (Mount m : mounts.values()) {
      g += m.volume.generation();
    }
    return g;
  }

  /**
   * Mounts a volume's tree (from {@code subPath} down, {@code ""} for all of it) at {@code path}, as
   * the runtime bind-mounts a pod's volume into a container. The mount point is made in this tree
   * (a directory, or an empty file where the volume's path is a file); a missing {@code subPath}
   * is made as a directory in the volume, as the kubelet does.
   *
   * @throws FsException when the mount point cannot be made (a file in the way)
   */
  public void mount(String path, ContainerFilesystem volume, String subPath, boolean readOnly) throws FsException {
    String p = FsPaths.normalize(absolute(path));
    String inner = FsPaths.normalize(absolute(subPath));
    if (!volume.exists(inner)) {
      volume.mkdirs(inner);
    }
    generation++;
    if (volume.isDirectory(inner)) {
      if (!isDirectory(p)) {
        mkdirs(p);
      }
    } else if (!exists(p)) {
      mkdirs(FsPaths.parent(p));
      install(p, "", false);
    }
    mounts.put(p, new Mount(p, volume, inner, readOnly));
  }

  /** The volume a path lies in, or null for this tree's own paths. */
  private Target route(String path) {
    if (mounts.isEmpty()) {
      return null;
    }
    String p = FsPaths.normalize(absolute(path));
    Mount best = null;
    for (Mount m : mounts.values()) {
      if ((p.equals(m.path) || p.startsWith(m.path + "/")) && (best == null || m.path.length() > best.path.length())) {
        best = m;
      }
    }
    if (best == null) {
      return null;
    }
    String rest = p.substring(best.path.length());
    String inner = FsPaths.normalize(best.subPath + rest);
    if (path.endsWith("/") && !inner.endsWith("/")) {
      inner = inner + "/";
    }
    return new Target(best, inner);
  }

  /** A write under a read-only mount fails as the kernel fails it. */
  private static Target writable(Target t, String path) throws FsException {
    if (t != null && t.mount.readOnly) {
      throw new FsException(Errno.EROFS, FsPaths.normalize(absolute(path)));
    }
    return t;
  }

  /** The volume's error, naming the path as the caller gave it. */
  private static FsException outer(FsException e, String path) {
    return new FsException(e.errno(), FsPaths.normalize(absolute(path)));
  }

  /** Removing a mount point itself fails: the mount holds it. */
  private void notMountPoint(String path) throws FsException {
    String p = FsPaths.normalize(absolute(path));
    for (String m : mounts.keySet()) {
      if (m.equals(p) || m.startsWith(p.equals("/") ? "/" : p + "/")) {
        throw new FsException(Errno.EBUSY, m);
      }
    }
  }

  public boolean exists(String path) {
    Target t = route(path);
    if (t != null) {
      return t.fs().exists(t.inner);
    }
    return find(path).isPresent();
  }

  public boolean isDirectory(String path) {
    Target t = route(path);
    if (t != null) {
      return t.fs().isDirectory(t.inner);
    }
    return find(path).filter(n -> n instanceof Dir).isPresent();
  }

  /** A regular file (not a directory, not a device). */
  public boolean isFile(String path) {
    Target t = route(path);
    if (t != null) {
      return t.fs().isFile(t.inner);
    }
    return find(path).filter(n -> n instanceof File).isPresent();
  }

  /** What kind of node a path is, its size, mode and modification time. */
  public Stat stat(String path) throws FsException {
    Target t = route(path);
    if (t != null) {
      try {
        return t.fs().stat(t.inner);
      } catch (FsException e) {
        throw outer(e, path);
      }
    }
    Node node = lookup(path);
    if (node instanceof Dir dir) {
      long subdirs = dir.children.values().stream().filter(n -> n instanceof Dir).count();
      return new Stat(Kind.DIRECTORY, 4096, true, node.modified, (int) (2 + subdirs));
    }
    if (node instanceof File file) {
      return new Stat(Kind.FILE, file.bytes, file.executable, node.modified, 1);
    }
    return new Stat(Kind.DEVICE, 0, false, node.modified, 1);
  }

  /** A regular file's content; {@code /dev/null} reads empty. */
  public String read(String path) throws FsException {
    Target t = route(path);
    if (t != null) {
      try {
        return t.fs().read(t.inner);
      } catch (FsException e) {
        throw outer(e, path);
      }
    }
    Node node = lookup(path);
    if (node instanceof Dir) {
      throw new FsException(Errno.EISDIR, FsPaths.normalize(absolute(path)));
    }
    return node instanceof File file ? file.content : "";
  }

  /**
   * A regular file's content as {@code parser} reads it, or empty where there is no such file. The
   * result is kept with the file until its content changes: the resolver reads {@code
   * /etc/resolv.conf} and {@code /etc/hosts} on every look-up, as the C library does, and a parser
   * must be a pure function (its identity is the key, so pass a constant).
   */
  public <T> Optional<T> readParsed(String path, Function<String, T> parser) {
    Target t = route(path);
    if (t != null) {
      return t.fs().readParsed(t.inner, parser);
    }
    Optional<Node> node = find(path);
    if (node.isEmpty() || !(node.get() instanceof File file)) {
      return Optional.empty();
    }
    if (file.parser != parser || file.parsedContent != file.content) {
      file.parsed = parser.apply(file.content);
      file.parser = parser;
      file.parsedContent = file.content;
    }
    @SuppressWarnings("unchecked") // stored by this same parser, which made a T
    T value = (T) file.parsed;
    return Optional.of(value);
  }

  /** A regular file's content, or empty where there is none. */
  public Optional<String> readIfFile(String path) {
    Target t = route(path);
    if (t != null) {
      return t.fs().readIfFile(t.inner);
    }
    return find(path).filter(n -> n instanceof File).map(n -> ((File) n).content);
  }

  /** The names in a directory, in byte order, without {@code .} and {@code ..}. */
  public List<String> list(String path) throws FsException {
    Target t = route(path);
    if (t != null) {
      try {
        return t.fs().list(t.inner);
      } catch (FsException e) {
        throw outer(e, path);
      }
    }
    Node node = lookup(path);
    if (!(node instanceof Dir dir)) {
      throw new FsException(Errno.ENOTDIR, FsPaths.normalize(absolute(path)));
    }
    return new ArrayList<>(dir.children.keySet());
  }

  // ---- changes -------------------------------------------------------------------------------

  /** Bytes the container has written and not removed: what its writable layer holds. */
  public long used() {
    return used;
  }

  /** Creates or truncates a regular file with this content (as {@code >} does). */
  public void write(String path, String content) throws FsException {
    Target t = writable(route(path), path);
    if (t != null) {
      try {
        t.fs().write(t.inner, content);
        return;
      } catch (FsException e) {
        throw outer(e, path);
      }
    }
    generation++;
    put(path, content, false, false);
  }

  /** Appends to a regular file, creating it if missing (as {@code >>} does). */
  public void append(String path, String content) throws FsException {
    Target t = writable(route(path), path);
    if (t != null) {
      try {
        t.fs().append(t.inner, content);
        return;
      } catch (FsException e) {
        throw outer(e, path);
      }
    }
    generation++;
    put(path, content, true, false);
  }

  /** Creates a file with this content and executable mode, and any missing parent directories. */
  public void install(String path, String content, boolean executable) {
    install(path, content, executable, clock.get());
  }

  /** Creates a file as {@link #install(String, String, boolean)}, modified at the given instant. */
  public void install(String path, String content, boolean executable, Instant modified) {
    generation++;
    String p = FsPaths.normalize(absolute(path));
    try {
      mkdirs(FsPaths.parent(p));
      Dir parent = parentDir(p);
      release(parent.children.put(FsPaths.basename(p), new File(content, executable, modified)));
    } catch (FsException e) {
      throw new IllegalStateException("cannot install " + p + ": " + e.getMessage(), e);
    }
  }

  /**
   * Replaces everything in the tree with these files (path to content), as the kubelet's atomic
   * writer swaps a volume's whole payload at once; {@code executable} tells which files have an
   * execute bit in their mode.
   */
  public void replaceAll(java.util.Map<String, String> files, java.util.function.Predicate<String> executable) {
    generation++;
    root.children.values().forEach(this::release);
    root.children.clear();
    root.modified = clock.get();
    files.forEach((path, content) -> install(path, content, executable.test(path)));
  }

  /** Creates {@code /dev/null}-like device at this path (and missing parents). */
  public void installDevice(String path) {
    generation++;
    String p = FsPaths.normalize(absolute(path));
    try {
      mkdirs(FsPaths.parent(p));
      release(parentDir(p).children.put(FsPaths.basename(p), new Device(clock.get())));
    } catch (FsException e) {
      throw new IllegalStateException("cannot install " + p + ": " + e.getMessage(), e);
    }
  }

  /** Creates an empty file, or updates the modification time of an existing node. */
  public void touch(String path) throws FsException {
    Target t = writable(route(path), path);
    if (t != null) {
      try {
        t.fs().touch(t.inner);
        return;
      } catch (FsException e) {
        throw outer(e, path);
      }
    }
    generation++;
    Optional<Node> existing = find(path);
    if (existing.isPresent()) {
      existing.get().modified = clock.get();
      return;
    }
    put(path, "", true, false);
  }

  /** Creates one directory; its parent must exist. */
  public void mkdir(String path) throws FsException {
    Target t = route(path);
    if (t != null) {
      if (t.fs().exists(t.inner)) {
        throw new FsException(Errno.EEXIST, FsPaths.normalize(absolute(path)));
      }
      writable(t, path);
      try {
        t.fs().mkdir(t.inner);
        return;
      } catch (FsException e) {
        throw outer(e, path);
      }
    }
    generation++;
    String p = FsPaths.normalize(absolute(path));
    if (p.equals("/") || find(p).isPresent()) {
      throw new FsException(Errno.EEXIST, p);
    }
    Dir parent = parentDir(p);
    parent.children.put(FsPaths.basename(p), new Dir(clock.get()));
    parent.modified = clock.get();
  }

  /** Creates a directory and any missing parents; an existing directory is fine. */
  public void mkdirs(String path) throws FsException {
    Target t = route(path);
    if (t != null) {
      if (t.fs().isDirectory(t.inner)) {
        return;
      }
      writable(t, path);
      try {
        t.fs().mkdirs(t.inner);
        return;
      } catch (FsException e) {
        throw outer(e, path);
      }
    }
    generation++;
    String p = FsPaths.normalize(absolute(path));
    Dir dir = root;
    StringBuilder at = new StringBuilder();
    for (String name : FsPaths.segments(p)) {
      at.append('/').append(name);
      Node next = dir.children.get(name);
      if (next == null) {
        Dir created = new Dir(clock.get());
        dir.children.put(name, created);
        dir.modified = clock.get();
        dir = created;
      } else if (next instanceof Dir d) {
        dir = d;
      } else {
        throw new FsException(next instanceof File ? Errno.EEXIST : Errno.ENOTDIR, at.toString());
      }
    }
  }

  /** Removes a non-directory ({@code unlink}). */
  public void remove(String path) throws FsException {
    Target t = writable(route(path), path);
    if (t != null) {
      if (t.mount.path.equals(FsPaths.normalize(absolute(path)))) {
        throw new FsException(Errno.EBUSY, t.mount.path);
      }
      try {
        t.fs().remove(t.inner);
        return;
      } catch (FsException e) {
        throw outer(e, path);
      }
    }
    generation++;
    String p = FsPaths.normalize(absolute(path));
    Node node = lookup(p);
    if (node instanceof Dir) {
      throw new FsException(Errno.EISDIR, p);
    }
    detach(p);
  }

  /** Removes an empty directory ({@code rmdir}). */
  public void removeDirectory(String path) throws FsException {
    Target t = writable(route(path), path);
    if (t != null) {
      if (t.mount.path.equals(FsPaths.normalize(absolute(path)))) {
        throw new FsException(Errno.EBUSY, t.mount.path);
      }
      try {
        t.fs().removeDirectory(t.inner);
        return;
      } catch (FsException e) {
        throw outer(e, path);
      }
    }
    generation++;
    String p = FsPaths.normalize(absolute(path));
    Node node = lookup(p);
    if (!(node instanceof Dir dir)) {
      throw new FsException(Errno.ENOTDIR, p);
    }
    if (!dir.children.isEmpty()) {
      throw new FsException(Errno.ENOTEMPTY, p);
    }
    detach(p);
  }

  /** Removes a node and everything under it. */
  public void removeRecursively(String path) throws FsException {
    Target t = writable(route(path), path);
    if (t != null) {
      if (t.mount.path.equals(FsPaths.normalize(absolute(path)))) {
        throw new FsException(Errno.EBUSY, t.mount.path);
      }
      try {
        t.fs().removeRecursively(t.inner);
        return;
      } catch (FsException e) {
        throw outer(e, path);
      }
    }
    notMountPoint(path);
    generation++;
    String p = FsPaths.normalize(absolute(path));
    lookup(p);
    if (p.equals("/")) {
      root.children.values().forEach(this::release);
      root.children.clear();
      return;
    }
    detach(p);
  }

  // ---- internals -----------------------------------------------------------------------------

  private void put(String path, String content, boolean append, boolean executable)
      throws FsException {
    String p = FsPaths.normalize(absolute(path));
    boolean trailingSlash = path.endsWith("/") && !p.equals("/");
    Optional<Node> existing = find(p);
    if (existing.isPresent()) {
      Node node = existing.get();
      if (node instanceof Dir) {
        throw new FsException(Errno.EISDIR, p);
      }
      if (trailingSlash) {
        throw new FsException(Errno.ENOTDIR, p);
      }
      node.modified = clock.get();
      if (node instanceof File file) {
        store(file, append, content, p);
      }
      return;
    }
    if (trailingSlash) {
      throw new FsException(Errno.EISDIR, p);
    }
    Dir parent = parentDir(p);
    File file = new File("", executable, clock.get());
    file.written = true;
    parent.children.put(FsPaths.basename(p), file);
    parent.modified = clock.get();
    store(file, false, content, p);
  }

  /**
   * Writes content into a file of the writable layer (an image's file is copied up first); what
   * does not fit in {@link #CAPACITY} is not written and the write fails with {@code ENOSPC}.
   */
  private void store(File file, boolean append, String content, String path) throws FsException {
    long before = file.written ? file.bytes : 0;
    String base = append ? file.content : "";
    long baseBytes = append ? file.bytes : 0;
    long room = CAPACITY - (used - before) - baseBytes;
    long adding = com.google.common.base.Utf8.encodedLength(content);
    String fitting = content;
    if (adding > room) {
      fitting = prefixOfBytes(content, Math.max(0, room));
      adding = com.google.common.base.Utf8.encodedLength(fitting);
    }
    file.content = base.isEmpty() ? fitting : base + fitting;
    file.bytes = baseBytes + adding;
    file.written = true;
    used += file.bytes - before;
    if (fitting.length() < content.length()) {
      throw new FsException(Errno.ENOSPC, path);
    }
  }

  /** The longest prefix of {@code s} whose UTF-8 form has at most {@code max} bytes. */
  private static String prefixOfBytes(String s, long max) {
    long bytes = 0;
    int i = 0;
    while (i < s.length()) {
      int cp = s.codePointAt(i);
      int n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      if (bytes + n > max) {
        break;
      }
      bytes += n;
      i += Character.charCount(cp);
    }
    return s.substring(0, i);
  }

  private void detach(String normalized) throws FsException {
    Dir parent = parentDir(normalized);
    Node removed = parent.children.remove(FsPaths.basename(normalized));
    parent.modified = clock.get();
    release(removed);
  }

  /** Frees what a removed node's written files held (a loop, not recursion: trees can be deep). */
  private void release(Node node) {
    java.util.ArrayDeque<Node> todo = new java.util.ArrayDeque<>();
    if (node != null) {
      todo.push(node);
    }
    while (!todo.isEmpty()) {
      Node n = todo.pop();
      if (n instanceof File f && f.written) {
        used -= f.bytes;
      } else if (n instanceof Dir d) {
        d.children.values().forEach(todo::push);
      }
    }
  }

  /** The directory a path's last name lives in, which must exist and be a directory. */
  private Dir parentDir(String normalized) throws FsException {
    String parentPath = FsPaths.parent(normalized);
    Node parent = walk(parentPath, normalized);
    if (!(parent instanceof Dir dir)) {
      throw new FsException(Errno.ENOTDIR, normalized);
    }
    return dir;
  }

  private Node lookup(String path) throws FsException {
    String p = FsPaths.normalize(absolute(path));
    Node node = walk(p, p);
    if (path.endsWith("/") && !(node instanceof Dir)) {
      throw new FsException(Errno.ENOTDIR, p);
    }
    return node;
  }

  /** Follows a normalised path; errors name {@code reported}, as system calls report the argument. */
  private Node walk(String normalized, String reported) throws FsException {
    Node node = root;
    for (String name : FsPaths.segments(normalized)) {
      if (!(node instanceof Dir dir)) {
        throw new FsException(Errno.ENOTDIR, reported);
      }
      node = dir.children.get(name);
      if (node == null) {
        throw new FsException(Errno.ENOENT, reported);
      }
    }
    return node;
  }

  /** Like {@link #lookup} without the exception: a PATH search probes many missing names. */
  private Optional<Node> find(String path) {
    String p = FsPaths.normalize(absolute(path));
    Node node = root;
    int i = 1;
    while (i < p.length()) {
      int end = p.indexOf('/', i);
      if (end < 0) {
        end = p.length();
      }
      if (!(node instanceof Dir dir)) {
        return Optional.empty();
      }
      node = dir.children.get(p.substring(i, end));
      if (node == null) {
        return Optional.empty();
      }
      i = end + 1;
    }
    if (path.endsWith("/") && !(node instanceof Dir)) {
      return Optional.empty();
    }
    return Optional.of(node);
  }

  private static String absolute(String path) {
    return path.startsWith("/") ? path : "/" + path;
  }
}
