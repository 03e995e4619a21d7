package dev.kubesim.impl.apiserver.rest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * A watch over WebSocket, as kube-apiserver serves one to a client that asks for the upgrade
 * (fabric8's watches, for one): the same {@link WatchStream}, each event a text message of its own
 * (the JSON line, as the HTTP stream carries it); when the watch ends, the server closes the
 * connection normally.
 *
 * <p>Public only because Jetty calls the listener's methods through method handles.
 */
public final class WatchSocket implements Session.Listener.AutoDemanding {
  private final WatchStream watch;
  private final RestExchange request;
  private final List<String> warnings;
  private final Executor worker;
  private final Runnable onGone;
  private volatile Session session;

  /** @param onGone tells the watch its client has gone, so it ends without waiting for an event */
  WatchSocket(WatchStream watch, RestExchange request, List<String> warnings, Executor worker, Runnable onGone) {
    this.watch = watch;
    this.request = request;
    this.warnings = warnings;
    this.worker = worker;
    this.onGone = onGone;
  }

  /** The client closed the connection: the watch ends. */
  @Override
  public void onWebSocketClose(int statusCode, String reason) {
    onGone.run();
  }

  /** The connection failed: the watch ends, as on a close. */
  @Override
  public void onWebSocketError(Throwable cause) {
    onGone.run();
  }

  /** Starts streaming the watch's events once the connection is upgraded. */
  @Override
  public void onWebSocketOpen(Session opened) {
    this.session = opened;
    worker.execute(() -> {
      try {
        watch.run(new Exchange(), warnings);
      } catch (IOException e) {
        // the client has gone
      }
      session.close(1000, "", Callback.NOOP);
    });
  }

  /** The upgrade request's fields, and a stream whose every flush is one text message. */
  private final class Exchange implements RestExchange {
    @Override
    public String method() {
      return "GET";
    }

    @Override
    public String rawPath() {
      return request.rawPath();
    }

    @Override
    public String rawQuery() {
      return request.rawQuery();
    }

    @Override
    public Optional<String> header(String name) {
      return request.header(name);
    }

    @Override
    public byte[] body() {
      return new byte[0];
    }

    @Override
    public void send(int code, byte[] body, String type, List<String> warnings) throws IOException {
      if (!WebSocketSends.text(session, new String(body, StandardCharsets.UTF_8))) {
        throw new IOException("the client has gone");
      }
    }

    @Override
    public OutputStream stream(int code, String type, List<String> warnings) {
      return new OutputStream() {
        private final ByteArrayOutputStream message = new ByteArrayOutputStream();

        @Override
        public void write(int b) {
          message.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
          message.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
          if (message.size() == 0) {
            return;
          }
          String text = message.toString(StandardCharsets.UTF_8);
          message.reset();
          if (!WebSocketSends.text(session, text)) {
            throw new IOException("the client has gone");
          }
        }

        @Override
        public void close() throws IOException {
          flush();
        }
      };
    }
  }
}
