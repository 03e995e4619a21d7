package dev.kubesim.impl.dnswire;

/**
 * The resource record and query types kubesim's DNS answers, by their mnemonic. Types are plain
 * strings so that a question for any other type ({@code CAA}, {@code HINFO}) can still be asked and
 * answered as CoreDNS would (NODATA or NXDOMAIN).
 */
public final class RrType {
  public static final String A = "A";
  public static final String AAAA = "AAAA";
  public static final String CNAME = "CNAME";
  public static final String PTR = "PTR";
  public static final String SRV = "SRV";
  public static final String TXT = "TXT";
  public static final String SOA = "SOA";
  public static final String NS = "NS";
  public static final String MX = "MX";
  public static final String AXFR = "AXFR";
  public static final String IXFR = "IXFR";

  private RrType() {}
}
