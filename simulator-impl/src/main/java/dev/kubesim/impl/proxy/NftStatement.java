package dev.kubesim.impl.proxy;

import com.google.common.collect.ImmutableList;
import dev.kubesim.impl.net.IpProtocol;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One statement of an nftables rule as kube-proxy's nftables mode writes it: a match that lets the
 * rule go on or ends it, or an action. Kept as data so that a packet can be run through it, with
 * {@link #text()} the words kube-proxy hands to {@code nft}. Only the statements kube-proxy writes
 * exist.
 */
sealed interface NftStatement {
  /** The statement's text in the rule. */
  String text();

  /** Which address of the packet a match reads. */
  enum Field {
    SOURCE("saddr"),
    DESTINATION("daddr");

    private final String word;

    Field(String word) {
      this.word = word;
    }

    String word() {
      return word;
    }
  }

  /** The key of a verdict map lookup. */
  enum MapKey {
    /** {@code ip daddr . meta l4proto . th dport}: clusterIPs, externalIPs, load-balancer IPs. */
    ADDRESS_PROTOCOL_PORT("ip daddr . meta l4proto . th dport"),
    /** {@code meta l4proto . th dport}: nodePorts. */
    PROTOCOL_PORT("meta l4proto . th dport");

    private final String text;

    MapKey(String text) {
      this.text = text;
    }

    String text() {
      return text;
    }
  }

  /**
   * {@code ip saddr 10.0.0.0/8}, {@code ip daddr != 127.0.0.0/8}, {@code ip saddr != { a, b }}: the
   * address against one address or prefix, or any of an anonymous set's.
   */
  record AddressIs(Field field, boolean negated, List<AddressMatch> any, boolean braces) implements NftStatement {
    public AddressIs {
      any = ImmutableList.copyOf(any);
    }

    static AddressIs of(Field field, boolean negated, String address) {
      return new AddressIs(field, negated, List.of(AddressMatch.of(address, false)), false);
    }

    static AddressIs anyOf(Field field, boolean negated, List<String> addresses) {
      return new AddressIs(field, negated, addresses.stream().map(a -> AddressMatch.of(a, false)).toList(), true);
    }

    boolean matches(int address) {
      boolean in = false;
      for (AddressMatch m : any) {
        in |= m.matches(address);
      }
      return in != negated;
    }

    @Override
    public String text() {
      String values = any.stream().map(AddressMatch::text).collect(Collectors.joining(", "));
      return "ip " + field.word() + (negated ? " != " : " ") + (braces ? "{ " + values + " }" : values);
    }
  }

  /** {@code fib saddr type local}, {@code fib daddr type local}: the address is one of the node's. */
  record FibLocal(Field field) implements NftStatement {
    @Override
    public String text() {
      return "fib " + field.word() + " type local";
    }
  }

  /** {@code ip daddr @nodeport-ips}, {@code ip saddr @affinity-…}: the address is in a named set. */
  record InSet(Field field, String set) implements NftStatement {
    @Override
    public String text() {
      return "ip " + field.word() + " @" + set;
    }
  }

  /** {@code ct state new}: the packet opens a connection (always so for the packets asked about). */
  record CtStateNew() implements NftStatement {
    @Override
    public String text() {
      return "ct state new";
    }
  }

  /** {@code mark and 0x4000 == 0}: the packet is not marked for masquerading. */
  record Unmarked() implements NftStatement {
    @Override
    public String text() {
      return "mark and " + Rule.MASQ_MARK + " == 0";
    }
  }

  /** {@code … vmap @map}: the verdict of the map's element for the packet, or no match. */
  record VerdictMap(MapKey key, String map) implements NftStatement {
    @Override
    public String text() {
      return key.text() + " vmap @" + map;
    }
  }

  /** {@code jump CHAIN}: runs the chain, then the next rule unless the chain decided. */
  record Jump(String chain) implements NftStatement {
    @Override
    public String text() {
      return "jump " + chain;
    }
  }

  /** {@code goto CHAIN}: runs the chain instead of the rest of this one. */
  record Goto(String chain) implements NftStatement {
    @Override
    public String text() {
      return "goto " + chain;
    }
  }

  /** {@code return}: ends this chain. */
  record Return() implements NftStatement {
    @Override
    public String text() {
      return "return";
    }
  }

  /** {@code drop}. */
  record Drop() implements NftStatement {
    @Override
    public String text() {
      return "drop";
    }
  }

  /** {@code reject}: ICMP port-unreachable. */
  record Reject() implements NftStatement {
    @Override
    public String text() {
      return "reject";
    }
  }

  /** {@code mark set mark or 0x4000} ({@code or}) or {@code mark set mark xor 0x4000}. */
  record SetMark(boolean xor) implements NftStatement {
    @Override
    public String text() {
      return "mark set mark " + (xor ? "xor " : "or ") + Rule.MASQ_MARK;
    }
  }

  /** {@code masquerade fully-random}. */
  record Masquerade() implements NftStatement {
    @Override
    public String text() {
      return "masquerade fully-random";
    }
  }

  /** {@code numgen random mod N vmap { 0 : goto A , 1 : goto B }}: one chain drawn uniformly. */
  record RandomChoice(List<String> chains) implements NftStatement {
    public RandomChoice {
      chains = ImmutableList.copyOf(chains);
    }

    @Override
    public String text() {
      StringBuilder out = new StringBuilder("numgen random mod ").append(chains.size()).append(" vmap { ");
      for (int i = 0; i < chains.size(); i++) {
        out.append(i == 0 ? "" : " , ").append(i).append(" : goto ").append(chains.get(i));
      }
      return out.append(" }").toString();
    }
  }

  /** {@code update @affinity-… { ip saddr }}: the client address seen now. */
  record UpdateAffinity(String set) implements NftStatement {
    @Override
    public String text() {
      return "update @" + set + " { ip saddr }";
    }
  }

  /** {@code meta l4proto tcp dnat to 10.180.0.1:80}. */
  record Dnat(IpProtocol protocol, int address, int port, String target) implements NftStatement {
    @Override
    public String text() {
      return "meta l4proto " + protocol.lower() + " dnat to " + target;
    }
  }
}
