package dev.kubesim.impl.dns;

import java.util.List;

/**
 * What the backend found for a question: entries, or a name error (the name does not exist:
 * CoreDNS's {@code errNoItems}, {@code errNsNotExposed}, {@code errInvalidRequest}). No entries
 * without a name error means the name exists (NODATA unless another step finds records).
 */
record BackendLookup(List<ServiceRecord> entries, boolean nameError) {
  static final BackendLookup NAME_ERROR = new BackendLookup(List.of(), true);
  static final BackendLookup NONE = new BackendLookup(List.of(), false);

  static BackendLookup of(List<ServiceRecord> entries) {
    return new BackendLookup(List.copyOf(entries), false);
  }
}
