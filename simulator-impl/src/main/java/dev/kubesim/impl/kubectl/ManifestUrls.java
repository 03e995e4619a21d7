package dev.kubesim.impl.kubectl;

import dev.kubesim.api.BadRequestException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;

/**
 * {@code kubectl apply -f https://...}: the manifest fetched as kubectl's resource builder fetches
 * it — one GET, redirects followed, anything but {@code 200} an error in kubectl's words — from the
 * network of the machine kubesim runs on. The fetched text is input like a file's; the simulation
 * stays deterministic given it. Bodies are bounded, so no URL can exhaust memory.
 */
final class ManifestUrls {
  /** The most a manifest fetched from a URL may hold. */
  static final int MAX_BYTES = 16 << 20;
  private static final int TIMEOUT_MS = 10_000;

  private ManifestUrls() {}

  static boolean isUrl(String f) {
    return f.startsWith("http://") || f.startsWith("https://");
  }

  /**
   * The manifest's text.
   *
   * @throws BadRequestException with kubectl's message when it cannot be read
   */
  static String fetch(String url) {
    HttpURLConnection c = null;
    try {
      c = (HttpURLConnection) URI.create(url).toURL().openConnection();
      c.setConnectTimeout(TIMEOUT_MS);
      c.setReadTimeout(TIMEOUT_MS);
      c.setInstanceFollowRedirects(true);
      c.setRequestProperty("User-Agent", "kubectl/v1.32.0 (linux/amd64) kubernetes/kubesim");
      int status = c.getResponseCode();
      if (status != 200) {
        String reason = c.getResponseMessage() == null ? "" : " " + c.getResponseMessage();
        throw new BadRequestException("unable to read URL \"" + url + "\", server reported " + status + reason
            + ", status code=" + status);
      }
      try (InputStream in = c.getInputStream()) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        int n;
        while ((n = in.read(buf)) > 0) {
          if (out.size() + n > MAX_BYTES) {
            throw new BadRequestException("unable to read URL \"" + url + "\": more than " + (MAX_BYTES >> 20)
                + " MiB, kubesim's bound for a manifest");
          }
          out.write(buf, 0, n);
        }
        return out.toString(StandardCharsets.UTF_8);
      }
    } catch (IllegalArgumentException e) {
      throw new BadRequestException("the URL passed to filename \"" + url + "\" is not valid: " + e.getMessage());
    } catch (UnknownHostException e) {
      throw new BadRequestException("Get \"" + url + "\": dial tcp: lookup " + host(url) + ": no such host");
    } catch (ConnectException e) {
      throw new BadRequestException("Get \"" + url + "\": dial tcp " + host(url) + ": connect: connection refused");
    } catch (SocketTimeoutException e) {
      throw new BadRequestException("Get \"" + url + "\": dial tcp " + host(url) + ": i/o timeout");
    } catch (IOException e) {
      throw new BadRequestException("Get \"" + url + "\": " + e.getMessage());
    } finally {
      if (c != null) {
        c.disconnect();
      }
    }
  }

  private static String host(String url) {
    try {
      URI u = URI.create(url);
      return u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort());
    } catch (IllegalArgumentException e) {
      return url;
    }
  }
}
