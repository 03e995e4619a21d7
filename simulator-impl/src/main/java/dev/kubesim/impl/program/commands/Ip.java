package dev.kubesim.impl.program.commands;

import dev.kubesim.api.ExecResult;
import dev.kubesim.impl.program.Command;
import dev.kubesim.impl.program.ExecContext;
import java.util.List;
import java.util.Locale;

/**
 * BusyBox's {@code ip addr} ({@code ip a}, {@code ip address [show]}; {@code -4}: IPv4 addresses only, no link lines): a pod's two
 * interfaces as its network namespace has them, the loopback and {@code eth0}, the veth whose other
 * end is on the node, with the pod's address in the node's /24 pod range. The MAC address is the
 * one the CNI bridge plugins derive from the address ({@code 0a:58} and its four bytes), and the
 * IPv6 link-local address is derived from the MAC (EUI-64). Other objects ({@code ip route},
 * {@code ip link}) are not simulated and say so.
 */
public final class Ip implements Command {
  @Override
  public ExecResult run(List<String> args, ExecContext ctx) {
    boolean v4 = false;
    int i = 0;
    for (; i < args.size() && args.get(i).startsWith("-"); i++) {
      v4 |= args.get(i).equals("-4");
    }
    String object = i < args.size() ? args.get(i) : "";
    if (object.isEmpty()) {
      return ExecResult.failure(1, "BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\n"
          + "Usage: ip [OPTIONS] address|route|link|tunnel|neigh|rule [ARGS]\n");
    }
    if (!"address".startsWith(object) || object.length() < 1) {
      return ExecResult.failure(1, "ip: kubesim simulates ip address only\n");
    }
    String podIp = ctx.container().config().podIp();
    StringBuilder out = new StringBuilder();
    out.append("1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue qlen 1000\n")
        .append(v4 ? "" : "    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n")
        .append("    inet 127.0.0.1/8 scope host lo\n")
        .append("       valid_lft forever preferred_lft forever\n");
    if (!v4) {
      out.append("    inet6 ::1/128 scope host \n       valid_lft forever preferred_lft forever\n");
    }
    if (!podIp.isEmpty()) {
      int[] b = bytes(podIp);
      String mac = String.format(Locale.ROOT, "0a:58:%02x:%02x:%02x:%02x", b[0], b[1], b[2], b[3]);
      out.append("2: eth0@if").append(b[3] + 2).append(": <BROADCAST,MULTICAST,UP,LOWER_UP,M-DOWN> mtu 1500 qdisc noqueue \n")
          .append(v4 ? "" : "    link/ether " + mac + " brd ff:ff:ff:ff:ff:ff\n")
          .append("    inet ").append(podIp).append("/24 brd ").append(b[0]).append('.').append(b[1]).append('.').append(b[2])
          .append(".255 scope global eth0\n")
          .append("       valid_lft forever preferred_lft forever\n");
      if (!v4) {
        // EUI-64: the MAC's universal/local bit flipped, ff:fe in the middle
        String linkLocal = String.format(Locale.ROOT, "fe80::%x:%x:%x:%x", (0x0a ^ 0x02) << 8 | 0x58, b[0] << 8 | 0xff,
            0xfe00 | b[1], b[2] << 8 | b[3]);
        out.append("    inet6 ").append(linkLocal).append("/64 scope link \n")
            .append("       valid_lft forever preferred_lft forever\n");
      }
    }
    return ExecResult.ok(out.toString());
  }

  private static int[] bytes(String ip) {
    String[] parts = ip.split("\\.");
    int[] b = new int[4];
    for (int i = 0; i < 4 && i < parts.length; i++) {
      b[i] = Integer.parseInt(parts[i]);
    }
    return b;
  }
}
