package dev.kubesim.impl.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.program.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class NginxPagesTest {
  private static final Instant NOW = Instant.parse("2024-06-01T12:00:00Z");

  @Test
  void defaultBackendAnswersNginxsOwn404PageWithoutVersion() {
    HttpResponse r = NginxPages.notFound(NOW);

    assertThat(r.statusLine()).isEqualTo("HTTP/1.1 404 Not Found");
    assertThat(r.body()).isEqualTo("<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n"
        + "<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n");
    assertThat(r.header("Content-Length")).contains("146");
    assertThat(r.header("Content-Type")).contains("text/html");
    assertThat(r.header("Date")).contains("Sat, 01 Jun 2024 12:00:00 GMT");
    assertThat(r.header("Server")).isEmpty();
  }

  @Test
  void redirectIs308WithLocation() {
    HttpResponse r = NginxPages.redirect(308, "https://foo.bar.com/", NOW);

    assertThat(r.statusLine()).isEqualTo("HTTP/1.1 308 Permanent Redirect");
    assertThat(r.header("Location")).contains("https://foo.bar.com/");
    assertThat(r.header("Content-Length")).contains("164");
  }

  @Test
  void noEndpointsIs503WithNginxsPhrase() {
    assertThat(NginxPages.error(503, NOW).statusLine()).isEqualTo("HTTP/1.1 503 Service Temporarily Unavailable");
  }
}
