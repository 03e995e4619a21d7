package dev.kubesim.impl.program;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.program.HttpRequest;
import dev.kubesim.api.program.HttpResponse;
import dev.kubesim.api.program.ListenPort;
import dev.kubesim.api.program.SigtermBehavior;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgramTest {
  private final Fixture fixture = new Fixture();

  private static HttpRequest get(String target, int port) {
    return HttpRequest.get(target).withClientAddress("10.244.2.7:51234")
        .withServerAddress("10.244.1.5:" + port);
  }

  @Test
  void kubiaAnswersWithHostname() {
    RunningContainer kubia = fixture.start("luksa/kubia");
    assertThat(kubia.listenPorts()).containsExactly(ListenPort.tcp(8080));
    HttpResponse r = kubia.serveHttp(get("/", 8080)).orElseThrow();
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.statusLine()).isEqualTo("HTTP/1.1 200 OK");
    assertThat(r.body()).isEqualTo("You've hit kubia-x7k2p\n");
    assertThat(r.header("Date")).contains("Wed, 01 Jan 2025 00:00:00 GMT");
    assertThat(r.header("Transfer-Encoding")).contains("chunked");
    assertThat(kubia.logText()).isEqualTo(
        "Kubia server starting...\nReceived request from ::ffff:10.244.2.7\n");
  }

  @Test
  void nothingAnswersOnAPortTheProgramDoesNotListenOn() {
    RunningContainer kubia = fixture.start("luksa/kubia", b -> b.ports(List.of(Fixture.port(80))));
    assertThat(kubia.serveHttp(get("/", 80))).isEmpty();
    assertThat(kubia.servesHttpOn(8080)).isTrue();
    kubia.terminate(137);
    assertThat(kubia.serveHttp(get("/", 8080))).isEmpty();
    assertThat(kubia.exitCode()).contains(137);
  }

  @Test
  void kubiaUnhealthyFailsAfterFiveRequests() {
    RunningContainer c = fixture.start("luksa/kubia-unhealthy");
    for (int i = 0; i < 5; i++) {
      assertThat(c.serveHttp(get("/", 8080)).orElseThrow().status()).isEqualTo(200);
    }
    HttpResponse sixth = c.serveHttp(get("/", 8080)).orElseThrow();
    assertThat(sixth.status()).isEqualTo(500);
    assertThat(sixth.statusLine()).isEqualTo("HTTP/1.1 500 Internal Server Error");
    assertThat(sixth.body()).isEqualTo("I'm not well. Please restart me!");
    assertThat(c.requestCount()).isEqualTo(6);
    // a restart is a new container: healthy again
    RunningContainer restarted = fixture.start("luksa/kubia-unhealthy:latest");
    assertThat(restarted.serveHttp(get("/", 8080)).orElseThrow().status()).isEqualTo(200);
  }

  @Test
  void unknownImageServesDeclaredPorts() {
    RunningContainer app = fixture.start("web-0", "example/app",
        b -> b.ports(List.of(Fixture.port(8080), Fixture.port(8443))), java.util.Map.of());
    assertThat(app.listenPorts()).containsExactly(ListenPort.tcp(8080), ListenPort.tcp(8443));
    HttpResponse r = app.serveHttp(get("/anything", 8443)).orElseThrow();
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body()).isEqualTo("web-0");
    assertThat(app.serveHttp(get("/", 9000))).isEmpty();
    RunningContainer client = fixture.start("example/client");
    assertThat(client.listenPorts()).isEmpty();
  }

  @Test
  void nginxServesItsWelcomePageAndErrorPages() {
    RunningContainer nginx = fixture.start("nginx:1.27");
    assertThat(nginx.listenPorts()).containsExactly(ListenPort.tcp(80));
    HttpResponse index = nginx.serveHttp(get("/", 80).withHeader("User-Agent", "curl/8.5.0"))
        .orElseThrow();
    assertThat(index.status()).isEqualTo(200);
    assertThat(index.body()).startsWith("<!DOCTYPE html>\n<html>\n<head>\n<title>Welcome to nginx!")
        .endsWith("<p><em>Thank you for using nginx.</em></p>\n</body>\n</html>\n").hasSize(615);
    assertThat(index.header("Server")).contains("nginx/1.27.3");
    assertThat(index.header("Content-Length")).contains("615");
    assertThat(index.header("ETag")).contains("\"6745ef54-267\"");
    HttpResponse missing = nginx.serveHttp(get("/nope", 80)).orElseThrow();
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.body()).isEqualTo("<html>\r\n<head><title>404 Not Found</title></head>\r\n"
        + "<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx/1.27.3</center>"
        + "\r\n</body>\r\n</html>\r\n");
    assertThat(nginx.serveHttp(get("/", 80).withMethod("POST")).orElseThrow().status())
        .isEqualTo(405);
    assertThat(nginx.logText()).contains("10.244.2.7 - - [01/Jan/2025:00:00:00 +0000] \"GET / "
        + "HTTP/1.1\" 200 615 \"-\" \"curl/8.5.0\" \"-\"\n");
  }

  @Test
  void nginxServesFilesChangedInTheContainer() {
    RunningContainer nginx = fixture.start("docker.io/library/nginx:1.25.4");
    fixture.advance(Duration.ofSeconds(30));
    nginx.execShell("echo hello > /usr/share/nginx/html/index.html; mkdir /usr/share/nginx/html/d");
    HttpResponse r = nginx.serveHttp(get("/", 80)).orElseThrow();
    assertThat(r.body()).isEqualTo("hello\n");
    assertThat(r.header("Server")).contains("nginx/1.25.4");
    assertThat(r.header("Last-Modified")).contains("Wed, 01 Jan 2025 00:00:30 GMT");
    HttpResponse dir = nginx.serveHttp(get("/d", 80).withHeader("Host", "web")).orElseThrow();
    assertThat(dir.status()).isEqualTo(301);
    assertThat(dir.header("Location")).contains("http://web/d/");
    assertThat(nginx.serveHttp(get("/d/", 80)).orElseThrow().status()).isEqualTo(403);
  }

  @Test
  void netexecAnswersItsEndpointsWithVirtualTime() {
    RunningContainer netexec = fixture.start("registry.k8s.io/e2e-test-images/agnhost:2.39",
        b -> b.args(List.of("netexec", "--http-port=8081", "--udp-port=-1")));
    assertThat(netexec.listenPorts()).containsExactly(ListenPort.tcp(8081));
    assertThat(body(netexec, "/hostname", 8081)).isEqualTo("kubia-x7k2p");
    assertThat(body(netexec, "/clientip", 8081)).isEqualTo("10.244.2.7:51234");
    assertThat(body(netexec, "/echo?msg=hello%20there", 8081)).isEqualTo("hello there");
    assertThat(netexec.serveHttp(get("/echo?msg=x&code=503", 8081)).orElseThrow().status())
        .isEqualTo(503);
    assertThat(netexec.serveHttp(get("/healthz", 8081)).orElseThrow().status()).isEqualTo(412);
    fixture.advance(Duration.ofMillis(2500));
    assertThat(body(netexec, "/", 8081))
        .isEqualTo("NOW: 2025-01-01 00:00:02.5 +0000 UTC m=+2.500000000");
    assertThat(body(netexec, "/shell?cmd=echo%20hi", 8081)).isEqualTo("{\"output\":\"hi\\n\"}");
    assertThat(body(netexec, "/shell?cmd=ls%20/nope", 8081)).isEqualTo(
        "{\"error\":\"exit status 1\",\"output\":\"ls: /nope: No such file or directory\\n\"}");
    assertThat(netexec.sigterm()).isEqualTo(SigtermBehavior.exitsPromptly(2));
    netexec.serveHttp(get("/exit?code=3", 8081));
    assertThat(netexec.requestedExit()).contains(3);
    assertThat(netexec.serveHttp(get("/", 8081))).isEmpty();
  }

  @Test
  void netexecDefaultsToPort8080AndServeHostnameTo9376() {
    RunningContainer netexec = fixture.start("k8s.gcr.io/e2e-test-images/agnhost:2.21",
        b -> b.command(List.of("/agnhost", "netexec")));
    assertThat(netexec.listenPorts()).containsExactly(ListenPort.tcp(8080), ListenPort.udp(8081));
    RunningContainer serve = fixture.start("registry.k8s.io/e2e-test-images/agnhost:2.39",
        b -> b.args(List.of("serve-hostname")));
    assertThat(serve.listenPorts()).containsExactly(ListenPort.tcp(9376));
    assertThat(body(serve, "/", 9376)).isEqualTo("kubia-x7k2p");
    assertThat(serve.sigterm().exitDelay(Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(30));
    assertThat(serve.sigterm().exitCode(Duration.ofSeconds(30))).isEqualTo(137);
    RunningContainer pause = fixture.start("registry.k8s.io/e2e-test-images/agnhost:2.39");
    assertThat(pause.listenPorts()).isEmpty();
    assertThat(pause.logText()).isEqualTo("Paused\n");
  }

  @Test
  void serveHostnameServesPlainTcpOrUdpOnlyWithHttpOff() {
    String agnhost = "registry.k8s.io/e2e-test-images/agnhost:2.52";
    RunningContainer tcp = fixture.start(agnhost,
        b -> b.command(List.of("/agnhost", "serve-hostname", "--tcp", "--http=false", "--port", "80")));
    assertThat(tcp.listenPorts()).containsExactly(ListenPort.tcp(80));
    assertThat(tcp.servesHttpOn(80)).isFalse();
    assertThat(tcp.acceptTcp(80, "", "10.244.2.7:51234", () -> PodDialer.NONE)).contains("kubia-x7k2p");
    assertThat(tcp.answerDatagram(80, "hostname\n", "10.244.2.7:51234")).isEmpty();
    assertThat(tcp.logText()).isEqualTo("2025/01/01 00:00:00 Serving on port 80.\n"
        + "2025/01/01 00:00:00 TCP request from 10.244.2.7:51234\n");

    RunningContainer udp = fixture.start(agnhost,
        b -> b.args(List.of("serve-hostname", "--udp", "--http=false", "--port=80")));
    assertThat(udp.listenPorts()).containsExactly(ListenPort.udp(80));
    assertThat(udp.answerDatagram(80, "hostname\n", "10.244.2.7:40000")).contains("kubia-x7k2p");
    assertThat(udp.answerDatagram(81, "hostname\n", "10.244.2.7:40000")).isEmpty();
    assertThat(udp.acceptTcp(80, "", "10.244.2.7:40000", () -> PodDialer.NONE)).isEmpty();
    assertThat(udp.logText()).endsWith(" UDP request from 10.244.2.7:40000\n");

    RunningContainer both = fixture.start(agnhost,
        b -> b.args(List.of("serve-hostname", "--tcp", "--udp=true", "--http=0", "--port", "81")));
    assertThat(both.listenPorts()).containsExactly(ListenPort.tcp(81), ListenPort.udp(81));

    // --tcp with HTTP left on is log.Fatalf: the process is a command line that exits, not a server
    RunningContainer fatal = fixture.start(agnhost, b -> b.args(List.of("serve-hostname", "--tcp")));
    assertThat(fatal.listenPorts()).isEmpty();
    assertThat(fatal.program().mainProcess(new dev.kubesim.api.program.Launch(
        Fixture.container(agnhost, b -> b.args(List.of("serve-hostname", "--tcp"))),
        List.of("/agnhost", "serve-hostname", "--tcp"))).serves()).isFalse();

    RunningContainer http = fixture.start(agnhost, b -> b.args(List.of("serve-hostname", "--http=false")));
    assertThat(http.listenPorts()).isEmpty();
  }

  @Test
  void sigtermBehaviourFollowsTheImage() {
    Duration grace = Duration.ofSeconds(30);
    SigtermBehavior kubia = fixture.start("luksa/kubia").sigterm();
    assertThat(kubia.exitDelay(grace)).isEqualTo(grace);
    assertThat(kubia.exitCode(grace)).isEqualTo(137);
    SigtermBehavior nginx = fixture.start("nginx").sigterm();
    assertThat(nginx.exitDelay(grace)).isZero();
    assertThat(nginx.exitCode(grace)).isZero();
    SigtermBehavior sleeper =
        fixture.start("busybox", b -> b.command(List.of("sleep", "3600"))).sigterm();
    assertThat(sleeper.exits()).isFalse();
  }

  @Test
  void anyTagOfAKnownImageIsThatImage() {
    ProgramRegistry registry = ProgramRegistry.withBuiltins();
    for (String image : List.of("luksa/kubia", "luksa/kubia:v2", "docker.io/luksa/kubia:latest",
        "index.docker.io/luksa/kubia", "luksa/kubia@sha256:" + "a".repeat(64))) {
      assertThat(registry.lookup(image)).as(image).containsSame(registry.lookup("luksa/kubia").get());
    }
    assertThat(registry.lookup("registry.k8s.io/e2e-test-images/agnhost:2.39")).isPresent();
    assertThat(registry.lookup("luksa/kubia-other")).isEmpty();
    assertThat(fixture.start("luksa/kubia:v2").statusImage()).isEqualTo("docker.io/luksa/kubia:v2");
    assertThat(fixture.start("luksa/kubia").statusImage()).isEqualTo("docker.io/luksa/kubia:latest");
  }

  @Test
  void registeredProgramsServeTheirImage() {
    fixture.runtime.programs().register("example/echo:1.0", dev.kubesim.api.program.Program.builder()
        .listens(ListenPort.tcp(8080))
        .http((req, ctx) -> HttpResponse.ok("echo " + req.path() + " #" + ctx.requestCount()))
        .build());
    RunningContainer echo = fixture.start("example/echo:2.0");
    assertThat(body(echo, "/a", 8080)).isEqualTo("echo /a #1");
    assertThat(body(echo, "/b", 8080)).isEqualTo("echo /b #2");
  }

  private static String body(RunningContainer c, String target, int port) {
    return c.serveHttp(get(target, port)).orElseThrow().body();
  }
}
