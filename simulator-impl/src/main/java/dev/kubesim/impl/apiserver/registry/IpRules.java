package dev.kubesim.impl.apiserver.registry;

import dev.kubesim.impl.apiserver.validation.FieldError;
import dev.kubesim.impl.apiserver.validation.FieldPath;
import dev.kubesim.impl.apiserver.validation.IpSyntax;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Address checks shared by Endpoints, EndpointSlices and Ingress hosts: whether a string is an IP
 * ({@code netutils.ParseIPSloppy}) and core validation's {@code ValidateEndpointIP}, which refuses
 * unspecified, loopback and link-local addresses (the same rule covers a Service's external IPs).
 */
public final class IpRules {
  private IpRules() {}

  /** Whether the value parses as an IPv4 or IPv6 address, leading zeros allowed. */
  static boolean isIp(String value) {
    return IpSyntax.isValidIP(value).isEmpty();
  }

  /** {@code ValidateEndpointIP}: one error per special range the address falls in. */
  public static List<FieldError> validateEndpointIp(String value, FieldPath path) {
    List<FieldError> errs = new ArrayList<>();
    Optional<InetAddress> ip = parse(value);
    if (ip.isEmpty()) {
      errs.add(FieldError.invalid(path, value, "must be a valid IP address"));
      return errs;
    }
    InetAddress a = ip.get();
    if (a.isAnyLocalAddress()) {
      errs.add(FieldError.invalid(path, value, "may not be unspecified (" + value + ")"));
    }
    if (a.isLoopbackAddress()) {
      errs.add(FieldError.invalid(path, value, "may not be in the loopback range (127.0.0.0/8, ::1/128)"));
    }
    if (a.isLinkLocalAddress()) {
      errs.add(FieldError.invalid(path, value, "may not be in the link-local range (169.254.0.0/16, fe80::/10)"));
    }
    if (a.isMCLinkLocal()) {
      errs.add(FieldError.invalid(path, value, "may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)"));
    }
    return errs;
  }

  /**
   * The address, parsed without any name lookup: IPv4 by hand (Go accepts leading zeros, Java's
   * parser may read them as octal), IPv6 literals by {@link InetAddress} once {@link IpSyntax} has
   * accepted them. An IPv4-mapped IPv6 address comes back as IPv4, as Go's {@code To4} sees it.
   */
  static Optional<InetAddress> parse(String value) {
    if (!isIp(value)) {
      return Optional.empty();
    }
    try {
      if (value.indexOf(':') < 0) {
        String[] parts = value.split("\\.", -1);
        byte[] b = new byte[4];
        for (int i = 0; i < 4; i++) {
          b[i] = (byte) Integer.parseInt(parts[i]);
        }
        return Optional.of(InetAddress.getByAddress(b));
      }
      return Optional.of(InetAddress.getByName(value));
    } catch (UnknownHostException | NumberFormatException | ArrayIndexOutOfBoundsException e) {
      return Optional.empty();
    }
  }
}
