package dev.kubesim.impl.ingress;

import dev.kubesim.impl.http.HttpDates;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.zip.CRC32;

/**
 * ingress-nginx's sticky balancers ({@code balancer/sticky*.lua}) for an upstream with {@code
 * affinity: cookie}. The cookie's value is {@code KEY|BACKEND_KEY}, the backend key {@code
 * md5(md5(NAME) .. NAME)} of the upstream's name {@code NS-SERVICE-PORT}.
 *
 * <ul>
 *   <li>{@code persistent}: the key is {@code md5(NAME .. "IP:PORT")} of the endpoint, as the real
 *       node map computes it; a key whose endpoint is gone picks a new endpoint and a new cookie.
 *   <li>{@code balanced} (the default): the key is a random string ({@code TIME.PID.RANDOM}) hashed
 *       onto a consistent-hash ring of the endpoints, so it always finds one; when endpoints come or
 *       go, some keys move to another endpoint without a new cookie. The ring is CRC32 with 160
 *       points per endpoint, standing in for lua-resty-balancer's chash.
 * </ul>
 *
 * Only a request without a usable cookie gets one, and only at the locations of the Ingresses that
 * asked for affinity.
 */
final class StickyBalancer {
  private static final int POINTS_PER_ENDPOINT = 160;

  private final SplittableRandom random;
  private final int workerPid;
  private final Map<IngressBackendRef, Ring> rings = new HashMap<>();

  StickyBalancer(SplittableRandom random) {
    this.random = random;
    // ngx.worker.pid() of the worker that serves; small, as in the controller's container
    this.workerPid = 20 + random.nextInt(80);
  }

  /**
   * The endpoint chosen for a request, with the cookie to set, if any.
   *
   * @param endpoint the chosen endpoint
   * @param setCookie the {@code Set-Cookie} value for the answer
   * @param why how it was chosen, for the trace
   */
  record Pick(ServiceEndpointIndex.Endpoint endpoint, Optional<String> setCookie, String why) {}

  /** What the request is, as the balancer reads it. */
  record Request(Optional<String> cookieHeader, String host, String serverName, String locationPath, boolean https,
      Instant now) {}

  Pick pick(IngressBackendRef upstream, UpstreamAffinity affinity, List<ServiceEndpointIndex.Endpoint> ready, Request request) {
    String name = upstream.namespace() + "-" + upstream.service() + "-" + upstream.port();
    String cookieName = affinity.cookie().cookieName();
    // the value is KEY|BACKEND_KEY; only the key picks the endpoint
    Optional<String> key = Optional.ofNullable(Cookies.parse(request.cookieHeader().orElse("")).get(cookieName))
        .map(v -> v.split("\\|", -1)[0]).filter(k -> !k.isEmpty());
    String mode = affinity.persistent() ? "persistent" : "balanced";
    if (key.isPresent()) {
      Optional<ServiceEndpointIndex.Endpoint> kept =
          affinity.persistent() ? byHash(name, ready, key.get()) : ring(upstream, ready, key.get());
      if (kept.isPresent()) {
        return new Pick(kept.get(), Optional.empty(), "sticky by cookie " + cookieName + " (" + mode + ")");
      }
    }
    ServiceEndpointIndex.Endpoint chosen;
    String newKey;
    if (affinity.persistent()) {
      chosen = ready.get(random.nextInt(ready.size()));
      newKey = md5(name + chosen.hostPort());
    } else {
      newKey = luaNumber(request.now().toEpochMilli() + 1000) + "." + workerPid + "." + (1 + random.nextInt(999999));
      chosen = ring(upstream, ready, newKey).orElseThrow();
    }
    String why = (key.isPresent() ? "cookie " + cookieName + " names no endpoint" : "no cookie " + cookieName)
        + ", new session (" + mode + ")";
    if (!affinity.setsCookieAt(request.host(), request.serverName(), request.locationPath())) {
      return new Pick(chosen, Optional.empty(), why + ", no cookie set at this location");
    }
    String value = newKey + "|" + md5(md5(name) + name);
    return new Pick(chosen, Optional.of(setCookie(affinity, value, request)), why + ", setting cookie " + cookieName);
  }

  /** lua-resty-cookie's {@code bake}: the attributes in its order. */
  private static String setCookie(UpstreamAffinity affinity, String value, Request request) {
    SessionAffinity c = affinity.cookie();
    StringBuilder b = new StringBuilder(c.cookieName()).append('=').append(value);
    SessionAffinity.luaNumber(c.expires()).ifPresent(s ->
        b.append("; Expires=").append(HttpDates.cookieTime(Instant.ofEpochSecond(request.now().getEpochSecond() + s))));
    SessionAffinity.luaNumber(c.maxAge()).ifPresent(s -> b.append("; Max-Age=").append(s));
    if (!c.domain().isEmpty()) {
      b.append("; Domain=").append(c.domain());
    }
    b.append("; Path=").append(affinity.cookiePath(request.locationPath()));
    if (c.secure() || request.https()) {
      b.append("; Secure");
    }
    b.append("; HttpOnly");
    // bake drops any SameSite other than exactly Strict, Lax or None
    if (List.of("Strict", "Lax", "None").contains(c.sameSite())) {
      b.append("; SameSite=").append(c.sameSite());
    }
    return b.toString();
  }

  /** The persistent node map: the endpoint whose salted hash is the key. */
  private static Optional<ServiceEndpointIndex.Endpoint> byHash(String salt, List<ServiceEndpointIndex.Endpoint> ready, String key) {
    for (ServiceEndpointIndex.Endpoint e : ready) {
      if (md5(salt + e.hostPort()).equals(key)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  /** The consistent-hash ring of the endpoints: the first point at or after the key's hash, wrapping round. */
  private Optional<ServiceEndpointIndex.Endpoint> ring(IngressBackendRef upstream, List<ServiceEndpointIndex.Endpoint> ready,
      String key) {
    if (ready.isEmpty()) {
      return Optional.empty();
    }
    Ring ring = rings.get(upstream);
    if (ring == null || !ring.endpoints.equals(ready)) {
      ring = new Ring(ready);
      rings.put(upstream, ring); // rebuilt when the endpoints change, as the balancer syncs its nodes
    }
    return Optional.of(ring.find(crc32(key)));
  }

  /** The ring of one upstream's endpoints, {@value #POINTS_PER_ENDPOINT} points each. */
  private static final class Ring {
    final List<ServiceEndpointIndex.Endpoint> endpoints;
    final long[] points;
    final ServiceEndpointIndex.Endpoint[] owners;

    Ring(List<ServiceEndpointIndex.Endpoint> endpoints) {
      this.endpoints = List.copyOf(endpoints);
      java.util.TreeMap<Long, ServiceEndpointIndex.Endpoint> byPoint = new java.util.TreeMap<>();
      for (ServiceEndpointIndex.Endpoint e : endpoints) {
        for (int i = 0; i < POINTS_PER_ENDPOINT; i++) {
          byPoint.putIfAbsent(crc32(e.hostPort() + "#" + i), e);
        }
      }
      points = new long[byPoint.size()];
      owners = new ServiceEndpointIndex.Endpoint[byPoint.size()];
      int n = 0;
      for (Map.Entry<Long, ServiceEndpointIndex.Endpoint> p : byPoint.entrySet()) {
        points[n] = p.getKey();
        owners[n++] = p.getValue();
      }
    }

    ServiceEndpointIndex.Endpoint find(long hash) {
      int i = Arrays.binarySearch(points, hash);
      int at = i >= 0 ? i : -i - 1;
      return owners[at == points.length ? 0 : at];
    }
  }

  private static long crc32(String s) {
    CRC32 c = new CRC32();
    c.update(s.getBytes(StandardCharsets.UTF_8));
    return c.getValue();
  }

  static String md5(String s) {
    try {
      byte[] d = MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8));
      StringBuilder hex = new StringBuilder(32);
      for (byte x : d) {
        hex.append(Character.forDigit((x >> 4) & 0xf, 16)).append(Character.forDigit(x & 0xf, 16));
      }
      return hex.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Lua's {@code tostring} of {@code ngx.now() + 1}: seconds, with the milliseconds when there are any. */
  private static String luaNumber(long millis) {
    long s = millis / 1000;
    long ms = millis % 1000;
    if (ms == 0) {
      return Long.toString(s);
    }
    String frac = String.format("%03d", ms).replaceAll("0+$", "");
    return s + "." + frac;
  }
}
