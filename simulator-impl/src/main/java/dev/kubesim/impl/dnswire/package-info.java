/**
 * DNS messages as they cross the network, shared by the server ({@code dns}: CoreDNS), the
 * clients' resolvers ({@code resolver}) and the tools that print them ({@code dig}, {@code
 * nslookup}): questions, resource records written as in a zone file, responses with their rcode
 * and sections, the UDP payloads that carry them, and name handling. A leaf: it knows nothing of
 * the engine but the network's payload type.
 */
package dev.kubesim.impl.dnswire;
