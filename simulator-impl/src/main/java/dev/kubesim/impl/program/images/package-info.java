/**
 * The images the simulator knows: what their processes serve and how they answer, each following
 * the real image's source (luksa/kubia's {@code app.js}, nginx's default site and error pages,
 * agnhost's {@code netexec} and {@code serve-hostname}), and the client images that only run
 * commands.
 */
package dev.kubesim.impl.program.images;
