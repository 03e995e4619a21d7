package dev.kubesim.impl.dns;

import dev.kubesim.impl.dnswire.DnsRecord;
import java.util.List;

/**
 * Records a lookup produced for one question: the answer records, the additional records (SRV
 * and NS targets' addresses), or a name error.
 */
record Found(List<DnsRecord> records, List<DnsRecord> extra, boolean nameError) {
  static final Found NAME_ERROR = new Found(List.of(), List.of(), true);
  static final Found NONE = new Found(List.of(), List.of(), false);

  static Found of(List<DnsRecord> records) {
    return new Found(List.copyOf(records), List.of(), false);
  }

  static Found of(List<DnsRecord> records, List<DnsRecord> extra) {
    return new Found(List.copyOf(records), List.copyOf(extra), false);
  }
}
