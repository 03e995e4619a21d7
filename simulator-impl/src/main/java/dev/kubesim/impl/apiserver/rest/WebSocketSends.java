package dev.kubesim.impl.apiserver.rest;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/** Sends a message and waits until it is written, so a session's messages go in order. */
final class WebSocketSends {
  private static final long SEND_SECONDS = 30;

  private WebSocketSends() {}

  /** Sends the message; a client that has gone takes nothing more, and the session's work ends on its own. */
  static void binary(Session session, ByteBuffer message) {
    CompletableFuture<Void> sent = new CompletableFuture<>();
    session.sendBinary(message, Callback.from(() -> sent.complete(null), sent::completeExceptionally));
    await(sent);
  }

  /**
   * Sends a text message.
   *
   * @return whether it was written; false when the client has gone
   */
  static boolean text(Session session, String message) {
    CompletableFuture<Void> sent = new CompletableFuture<>();
    session.sendText(message, Callback.from(() -> sent.complete(null), sent::completeExceptionally));
    return await(sent);
  }

  private static boolean await(CompletableFuture<Void> sent) {
    try {
      sent.get(SEND_SECONDS, TimeUnit.SECONDS);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (ExecutionException | TimeoutException e) {
      return false; // the client has gone
    }
  }
}
