/**
 * What several servers' programs share about HTTP: Go's {@code net/http} responses and log lines,
 * HTTP dates, nginx's own pages. A leaf: it knows nothing of the engine.
 */
package dev.kubesim.impl.http;
