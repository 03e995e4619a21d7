package dev.kubesim.samples.web;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The browser sessions of one server, each with its own cluster: created on first use, closed
 * after they have been idle for a while, and bounded in number.
 *
 * <p>Idleness is measured on the server's wall clock: this is the served front door, not the
 * engine, and a cluster's virtual time never reads it. Session ids are random (they are secrets
 * a cookie carries), not seeded.
 */
public final class Sessions implements AutoCloseable {
  private final Supplier<LabSession> factory;
  private final int limit;
  private final Duration idleTimeout;
  private final Clock wallClock;
  private final SecureRandom ids = new SecureRandom();
  private final Map<String, Entry> byId = new LinkedHashMap<>();
  /** Sessions whose clusters are being made: they count against the limit already. */
  private int starting;

  /** A session and when a request last used it. */
  private static final class Entry {
    final LabSession session;
    Instant lastUsed;

    Entry(LabSession session, Instant lastUsed) {
      this.session = session;
      this.lastUsed = lastUsed;
    }
  }

  /**
   * A session and its id, as a request found or created it.
   *
   * @param id the id the cookie carries
   * @param session the session
   * @param created whether the request created it (no cookie, or the cookie's session had ended)
   */
  public record Lease(String id, LabSession session, boolean created) {}

  /**
   * @param factory makes a new session's cluster
   * @param limit the most sessions open at once
   * @param idleTimeout how long a session may go without a request before it is closed
   * @param wallClock the server's clock
   */
  public Sessions(Supplier<LabSession> factory, int limit, Duration idleTimeout, Clock wallClock) {
    if (limit < 1) {
      throw new IllegalArgumentException("the session limit must be at least 1, got " + limit);
    }
    if (idleTimeout.isNegative() || idleTimeout.isZero()) {
      throw new IllegalArgumentException("the idle timeout must be positive, got " + idleTimeout);
    }
    this.factory = factory;
    this.limit = limit;
    this.idleTimeout = idleTimeout;
    this.wallClock = wallClock;
  }

  /**
   * The session of a cookie's id, or a new one when there is none by that id; empty when a new one
   * is needed and {@link #limit()} are open already. Idle sessions are closed first.
   */
  public Optional<Lease> acquire(Optional<String> id) {
    List<LabSession> idle;
    String fresh;
    synchronized (this) {
      Instant now = wallClock.instant();
      idle = removeIdle(now);
      Entry known = id.map(byId::get).orElse(null);
      if (known != null) {
        known.lastUsed = now;
        closeAll(idle);
        return Optional.of(new Lease(id.get(), known.session, false));
      }
      if (byId.size() + starting >= limit) {
        closeAll(idle);
        return Optional.empty();
      }
      // the slot is held while the cluster starts, outside the lock, so other browsers need not wait
      starting++;
      fresh = newId();
    }
    closeAll(idle);
    LabSession session = null;
    try {
      session = factory.get();
    } finally {
      synchronized (this) {
        starting--;
        if (session != null) {
          byId.put(fresh, new Entry(session, wallClock.instant()));
        }
      }
    }
    return Optional.of(new Lease(fresh, session, true));
  }

  /** Closes the sessions idle for longer than the timeout; returns how many it closed. */
  public int closeIdle() {
    List<LabSession> idle;
    synchronized (this) {
      idle = removeIdle(wallClock.instant());
    }
    closeAll(idle);
    return idle.size();
  }

  /** The number of open sessions. */
  public synchronized int size() {
    return byId.size();
  }

  /** The most sessions open at once. */
  public int limit() {
    return limit;
  }

  /** How long a session may stay idle. */
  public Duration idleTimeout() {
    return idleTimeout;
  }

  private List<LabSession> removeIdle(Instant now) {
    List<LabSession> idle = new ArrayList<>();
    byId.values().removeIf(e -> {
      boolean expired = Duration.between(e.lastUsed, now).compareTo(idleTimeout) > 0;
      if (expired) {
        idle.add(e.session);
      }
      return expired;
    });
    return idle;
  }

  private static void closeAll(List<LabSession> sessions) {
    sessions.forEach(LabSession::close);
  }

  private String newId() {
    byte[] bytes = new byte[16];
    ids.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /** Closes every session. */
  @Override
  public void close() {
    List<LabSession> all;
    synchronized (this) {
      all = byId.values().stream().map(e -> e.session).toList();
      byId.clear();
    }
    all.forEach(LabSession::close);
  }
}
