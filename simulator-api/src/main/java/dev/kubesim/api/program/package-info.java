/**
 * What images do when containers run them: {@link dev.kubesim.api.program.Program} (ports, HTTP
 * handler, SIGTERM reaction, image configuration), the HTTP values servers exchange ({@link
 * dev.kubesim.api.program.HttpRequest}, {@link dev.kubesim.api.program.HttpResponse}), what a
 * server sees ({@link dev.kubesim.api.program.ServerContext}), image references, and the {@link
 * dev.kubesim.api.program.Programs} registry users add their own images to.
 */
package dev.kubesim.api.program;
