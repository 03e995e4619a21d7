package dev.kubesim.impl.program;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.ExecResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShellTest {
  private final Fixture fixture = new Fixture();
  private final RunningContainer kubia = fixture.start("luksa/kubia");
  private final RunningContainer nginx = fixture.start("nginx:1.27");
  private final RunningContainer busybox =
      fixture.start("busybox", b -> b.command(List.of("sleep", "999999")));

  private static ExecResult sh(RunningContainer c, String script) {
    return c.exec(List.of("sh", "-c", script));
  }

  @Test
  void touchThenLsSucceeds() {
    ExecResult touch = kubia.exec(List.of("touch", "/var/ready"));
    assertThat(touch).isEqualTo(ExecResult.ok(""));
    assertThat(kubia.exec(List.of("ls", "/var/ready"))).isEqualTo(ExecResult.ok("/var/ready\n"));
  }

  @Test
  void lsOfMissingFileFailsWithCoreutilsWording() {
    // luksa/kubia is node:7 on Debian jessie: coreutils 8.23 did not quote the name yet
    ExecResult jessie = kubia.exec(List.of("ls", "/var/ready"));
    assertThat(jessie.exitCode()).isEqualTo(2);
    assertThat(jessie.stdout()).isEmpty();
    assertThat(jessie.stderr())
        .isEqualTo("ls: cannot access /var/ready: No such file or directory\n")
        .matches("\\Als: cannot access '?/var/ready'?: No such file or directory\\n\\z");
    ExecResult bookworm = nginx.exec(List.of("ls", "/var/ready"));
    assertThat(bookworm).isEqualTo(ExecResult.failure(2,
        "ls: cannot access '/var/ready': No such file or directory\n"));
  }

  @Test
  void lsOfMissingFileFailsWithBusyboxWording() {
    assertThat(busybox.exec(List.of("ls", "/var/ready")))
        .isEqualTo(ExecResult.failure(1, "ls: /var/ready: No such file or directory\n"));
  }

  @Test
  void lsListsADirectoryInByteOrderAndRmRemovesTheFile() {
    sh(kubia, "mkdir -p /data/b && touch /data/c /data/a /data/B");
    assertThat(kubia.exec(List.of("ls", "/data")).stdout()).isEqualTo("B\na\nb\nc\n");
    assertThat(kubia.exec(List.of("rm", "/data/a")).exitCode()).isZero();
    assertThat(kubia.exec(List.of("rm", "/data/b")))
        .isEqualTo(ExecResult.failure(1, "rm: cannot remove '/data/b': Is a directory\n"));
    assertThat(kubia.exec(List.of("rm", "-r", "/data/b")).exitCode()).isZero();
    assertThat(kubia.exec(List.of("rm", "-f", "/data/nothing")).exitCode()).isZero();
    assertThat(kubia.exec(List.of("ls", "/data")).stdout()).isEqualTo("B\nc\n");
  }

  @Test
  void andOrSequencesFollowExitCodes() {
    ExecResult r = sh(kubia, "false && echo a || echo b; true && echo c; false || false; echo $?");
    assertThat(r).isEqualTo(ExecResult.ok("b\nc\n1\n"));
    assertThat(sh(kubia, "true; false").exitCode()).isEqualTo(1);
    assertThat(sh(kubia, "! false").exitCode()).isZero();
  }

  @Test
  void variablesExpandFromTheContainerEnvironment() {
    RunningContainer c = fixture.start("kubia-x7k2p", "luksa/kubia", b -> b,
        Map.of("GREETING", "hello world"));
    ExecResult r = sh(c, "echo $GREETING; echo \"${GREETING}!\" '$GREETING' $HOSTNAME; "
        + "false; echo $? ${UNSET:-default} x${UNSET}y");
    assertThat(r.stdout()).isEqualTo(
        "hello world\nhello world! $GREETING kubia-x7k2p\n1 default xy\n");
  }

  @Test
  void quotesAndBackslashesGroupWords() {
    ExecResult r = sh(nginx, "printf_args() { :; }; echo 'a  b' \"c  d\" e\\ \\ f");
    assertThat(r.stdout()).isEqualTo("a  b c  d e  f\n");
    assertThat(sh(nginx, "echo 'a  b' \"c  d\" e\\ \\ f \"q\\\"uote\"").stdout())
        .isEqualTo("a  b c  d e  f q\"uote\n");
  }

  @Test
  void unknownCommandUnderShIsNotFound127() {
    assertThat(sh(kubia, "foo")).isEqualTo(ExecResult.failure(127, "sh: 1: foo: not found\n"));
    assertThat(sh(kubia, "true\nfoo bar")).isEqualTo(
        ExecResult.failure(127, "sh: 2: foo: not found\n"));
    assertThat(sh(busybox, "foo")).isEqualTo(ExecResult.failure(127, "sh: foo: not found\n"));
    assertThat(kubia.exec(List.of("bash", "-c", "foo")))
        .isEqualTo(ExecResult.failure(127, "bash: foo: command not found\n"));
    assertThat(nginx.exec(List.of("bash", "-c", "foo")))
        .isEqualTo(ExecResult.failure(127, "bash: line 1: foo: command not found\n"));
    assertThat(sh(kubia, "/etc/hosts")).isEqualTo(
        ExecResult.failure(126, "sh: 1: /etc/hosts: Permission denied\n"));
  }

  @Test
  void unknownCommandWithoutShellIsAnOciRuntimeExecFailure() {
    ExecResult r = kubia.exec(List.of("foo"));
    assertThat(r.exitCode()).isEqualTo(126);
    assertThat(r.stdout()).isEmpty();
    assertThat(r.stderr()).isEqualTo("OCI runtime exec failed: exec failed: unable to start "
        + "container process: exec: \"foo\": executable file not found in $PATH: unknown\n");
    assertThat(kubia.execStartError(List.of("/nope"))).contains("OCI runtime exec failed: exec "
        + "failed: unable to start container process: exec: \"/nope\": stat /nope: no such file "
        + "or directory: unknown");
    assertThat(kubia.execStartError(List.of("ls"))).isEmpty();
  }

  @Test
  void bashIsMissingFromBusybox() {
    assertThat(busybox.execStartError(List.of("bash"))).isPresent();
    assertThat(busybox.execStartError(List.of("curl"))).isPresent();
  }

  @Test
  void redirectionsWriteAndAppendFiles() {
    ExecResult r = sh(kubia, "echo one > /tmp/f; echo two >> /tmp/f; cat /tmp/f; "
        + "ls /nope 2>/dev/null || echo quiet; ls /nope > /tmp/out 2>&1; cat /tmp/out");
    assertThat(r.stdout()).isEqualTo("one\ntwo\nquiet\nls: cannot access /nope: No such file or "
        + "directory\n");
    assertThat(r.stderr()).isEmpty();
    assertThat(sh(kubia, "echo x > /no/dir/f")).isEqualTo(
        ExecResult.failure(2, "sh: 1: cannot create /no/dir/f: Directory nonexistent\n"));
    assertThat(sh(busybox, "echo x > /no/dir/f")).isEqualTo(
        ExecResult.failure(1, "sh: can't create /no/dir/f: nonexistent directory\n"));
  }

  @Test
  void exitEndsTheScriptWithItsStatus() {
    assertThat(sh(kubia, "echo before; exit 3; echo after"))
        .isEqualTo(ExecResult.of("before\n", "", 3));
    assertThat(sh(kubia, "(exit 4); echo $?")).isEqualTo(ExecResult.ok("4\n"));
  }

  @Test
  void envPrintsTheEnvironmentInDockersOrder() {
    String env = kubia.exec(List.of("env")).stdout();
    assertThat(env).isEqualTo("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\n"
        + "HOSTNAME=kubia-x7k2p\n"
        + "KUBERNETES_SERVICE_HOST=10.96.0.1\n"
        + "KUBERNETES_SERVICE_PORT=443\n"
        + "NPM_CONFIG_LOGLEVEL=info\n"
        + "NODE_VERSION=7.10.1\n"
        + "HOME=/root\n");
    assertThat(kubia.exec(List.of("printenv", "HOSTNAME")).stdout()).isEqualTo("kubia-x7k2p\n");
    assertThat(kubia.exec(List.of("printenv", "NOPE")).exitCode()).isEqualTo(1);
    assertThat(kubia.exec(List.of("env", "A=1", "printenv", "A")).stdout()).isEqualTo("1\n");
  }

  @Test
  void sleepReportsTheVirtualTimeItWouldTake() {
    assertThat(kubia.exec(List.of("sleep", "5")).elapsed()).isEqualTo(Duration.ofSeconds(5));
    assertThat(sh(kubia, "sleep 1; sleep 1.5m").elapsed()).isEqualTo(Duration.ofSeconds(91));
    ExecResult forever = sh(kubia, "echo start; sleep infinity; echo never");
    assertThat(forever.runsForever()).isTrue();
    assertThat(forever.stdout()).isEqualTo("start\n");
    assertThat(kubia.exec(List.of("sleep", "x"))).isEqualTo(ExecResult.failure(1,
        "sleep: invalid time interval 'x'\nTry 'sleep --help' for more information.\n"));
    assertThat(busybox.exec(List.of("sleep", "x")))
        .isEqualTo(ExecResult.failure(1, "sleep: invalid number 'x'\n"));
  }

  @Test
  void pipesFeedTheNextCommandsInput() {
    RunningContainer c = fixture.start("kubia-x7k2p", "luksa/kubia", b -> b,
        Map.of("KUBIA_SERVICE_HOST", "10.96.10.10", "KUBIA_SERVICE_PORT", "80"));
    assertThat(sh(c, "env | grep ^KUBIA_ | grep -c SERVICE").stdout()).isEqualTo("2\n");
    assertThat(sh(c, "echo $(hostname) `echo back`").stdout()).isEqualTo("kubia-x7k2p back\n");
  }

  @Test
  void testAndBracketCheckFilesAndStrings() {
    assertThat(sh(kubia, "[ -f /var/ready ] && echo yes || echo no").stdout()).isEqualTo("no\n");
    sh(kubia, "touch /var/ready");
    assertThat(sh(kubia, "[ -f /var/ready ] && [ -d /var ] && [ a != b ] && test 3 -gt 2 "
        + "&& echo yes").stdout()).isEqualTo("yes\n");
    assertThat(sh(kubia, "[ -f /var/ready").exitCode()).isEqualTo(2);
  }

  @Test
  void catWordsMissingFilesByFlavour() {
    assertThat(kubia.exec(List.of("cat", "/nope")))
        .isEqualTo(ExecResult.failure(1, "cat: /nope: No such file or directory\n"));
    assertThat(busybox.exec(List.of("cat", "/nope")))
        .isEqualTo(ExecResult.failure(1, "cat: can't open '/nope': No such file or directory\n"));
    assertThat(kubia.exec(List.of("mkdir", "/a/b"))).isEqualTo(ExecResult.failure(1,
        "mkdir: cannot create directory '/a/b': No such file or directory\n"));
    assertThat(kubia.exec(List.of("mkdir", "-p", "/a/b")).exitCode()).isZero();
    assertThat(busybox.exec(List.of("touch", "/x/y")))
        .isEqualTo(ExecResult.failure(1, "touch: /x/y: No such file or directory\n"));
    assertThat(kubia.exec(List.of("touch", "/x/y"))).isEqualTo(
        ExecResult.failure(1, "touch: cannot touch '/x/y': No such file or directory\n"));
  }

  @Test
  void dashEchoInterpretsBackslashesButBinEchoDoesNot() {
    assertThat(sh(kubia, "echo 'a\\tb'").stdout()).isEqualTo("a\tb\n");
    assertThat(kubia.exec(List.of("echo", "a\\tb")).stdout()).isEqualTo("a\\tb\n");
    assertThat(kubia.exec(List.of("echo", "-e", "a\\tb")).stdout()).isEqualTo("a\tb\n");
    assertThat(kubia.exec(List.of("echo", "-n", "x")).stdout()).isEqualTo("x");
    assertThat(sh(busybox, "echo 'a\\tb'").stdout()).isEqualTo("a\\tb\n");
  }

  @Test
  void kubeletFilesAreInPlace() {
    assertThat(kubia.exec(List.of("cat", "/etc/resolv.conf")).stdout())
        .isEqualTo(Fixture.RESOLV_CONF);
    assertThat(kubia.exec(List.of("cat", "/etc/hostname")).stdout()).isEqualTo("kubia-x7k2p\n");
    assertThat(kubia.exec(List.of("cat", "/etc/hosts")).stdout()).isEqualTo(
        "# Kubernetes-managed hosts file.\n"
            + "127.0.0.1\tlocalhost\n"
            + "::1\tlocalhost ip6-localhost ip6-loopback\n"
            + "fe00::0\tip6-localnet\n"
            + "fe00::0\tip6-mcastprefix\n"
            + "fe00::1\tip6-allnodes\n"
            + "fe00::2\tip6-allrouters\n"
            + "10.244.1.5\tkubia-x7k2p\n");
    assertThat(kubia.exec(List.of("hostname")).stdout()).isEqualTo("kubia-x7k2p\n");
    assertThat(kubia.exec(List.of("hostname", "-i")).stdout()).isEqualTo("10.244.1.5\n");
    assertThat(kubia.exec(List.of("pwd")).stdout()).isEqualTo("/\n");
    assertThat(kubia.exec(List.of("cat", "/app.js")).stdout()).contains("You've hit ");
  }

  @Test
  void syntaxErrorsAreWordedAsTheShellDoes() {
    assertThat(sh(kubia, "echo a &&")).isEqualTo(
        ExecResult.failure(2, "sh: 1: Syntax error: end of file unexpected\n"));
    assertThat(sh(kubia, "echo 'a")).isEqualTo(
        ExecResult.failure(2, "sh: 1: Syntax error: Unterminated quoted string\n"));
    assertThat(sh(kubia, "&& b")).isEqualTo(
        ExecResult.failure(2, "sh: 1: Syntax error: \"&&\" unexpected\n"));
    assertThat(sh(busybox, "echo a &&")).isEqualTo(
        ExecResult.failure(2, "sh: syntax error: unexpected end of file\n"));
  }

  @Test
  void aHereDocumentIsTheCommandsInputWithItsParametersExpanded() {
    assertThat(sh(kubia, "X=world; cat <<EOF\nhello $X \"q\" \\$X $(echo sub)\nEOF\necho after").stdout())
        .isEqualTo("hello world \"q\" $X sub\nafter\n");
  }

  @Test
  void aQuotedDelimiterKeepsTheBodyAsItIsAndDashStripsLeadingTabs() {
    assertThat(sh(kubia, "cat <<'EOF'\n$HOME `x`\nEOF").stdout()).isEqualTo("$HOME `x`\n");
    assertThat(sh(kubia, "cat <<-END\n\t\tindented\n\tEND").stdout()).isEqualTo("indented\n");
  }

  @Test
  void twoHereDocumentsOnOneLineTakeTheFollowingLinesInOrder() {
    assertThat(sh(kubia, "cat <<A; cat <<B\none\nA\ntwo\nB").stdout()).isEqualTo("one\ntwo\n");
  }

  @Test
  void aHereDocumentWithoutItsDelimiterRunsToTheEndOfTheScript() {
    assertThat(sh(kubia, "cat <<EOF\nlast line").stdout()).isEqualTo("last line\n");
  }

  @Test
  void readTakesOneLineAtATimeSoAWhileLoopWalksItsInput() {
    assertThat(sh(kubia, "printf 'a b c\\nd e\\n' | while read x rest; do echo \"[$x][$rest]\"; done").stdout())
        .isEqualTo("[a][b c]\n[d][e]\n");
    assertThat(sh(kubia, "while read line; do echo \"<$line>\"; done <<EOF\none\ntwo\nEOF").stdout())
        .isEqualTo("<one>\n<two>\n");
    assertThat(sh(kubia, "printf '%s\\n' 'a\\b' | { read -r raw; printf '%s\\n' \"$raw\"; }; printf '%s\\n' 'a\\b' | { read v; echo \"$v\"; }").stdout())
        .isEqualTo("a\\b\nab\n");
    assertThat(sh(kubia, "printf 'last' | { read x; echo \"$? $x\"; }; read y < /dev/null; echo $?").stdout())
        .isEqualTo("1 last\n1\n");
    assertThat(sh(kubia, "echo hi | { read; echo \"$REPLY\"; }").stdout()).isEqualTo("hi\n");
  }

  @Test
  void caseRunsTheFirstItemWhosePatternMatches() {
    assertThat(sh(kubia, "for h in web-0 web-1 db; do case $h in\n  *-0) echo first;;\n  web-*|api-*) echo \"other $h\" ;;\n  *) echo none\nesac; done").stdout())
        .isEqualTo("first\nother web-1\nnone\n");
    assertThat(sh(kubia, "case x in (y) echo y;; esac; echo $?").stdout()).isEqualTo("0\n");
  }

  @Test
  void functionsTakeArgumentsReturnAStatusAndKeepLocalsToThemselves() {
    assertThat(sh(kubia, "greet() { echo \"hi $1 ($#)\"; return 3; }; greet you two; echo $?").stdout())
        .isEqualTo("hi you (2)\n3\n");
    assertThat(sh(busybox, "X=out; f() { local X=in; echo $X; }; f; echo $X").stdout()).isEqualTo("in\nout\n");
    assertThat(sh(kubia, "f() { f; }; f; echo after").exitCode()).isEqualTo(RunningContainer.SEGFAULT_STATUS);
  }

  @Test
  void selectIsReportedAsUnsupported() {
    ExecResult r = sh(kubia, "select x in a b; do echo $x; done");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.stderr()).contains("select: not supported by the kubesim shell");
  }

  @Test
  void globsExpandAgainstTheContainersFiles() {
    sh(kubia, "mkdir /w && touch /w/b.txt /w/a.txt /w/c.log");
    assertThat(sh(kubia, "ls /w/*.txt").stdout()).isEqualTo("/w/a.txt\n/w/b.txt\n");
    assertThat(sh(kubia, "cd /w && echo *.log '*.txt' /w/*.none").stdout())
        .isEqualTo("c.log *.txt /w/*.none\n");
    assertThat(sh(kubia, "cd /w; pwd; cd /nope").stderr()).isEqualTo("sh: 1: cd: can't cd to /nope\n");
  }

  @Test
  void pathNamesNormaliseDotsAndSlashes() {
    sh(kubia, "touch //var/../tmp/./x");
    assertThat(kubia.exec(List.of("ls", "/tmp//x")).stdout()).isEqualTo("/tmp//x\n");
    assertThat(kubia.filesystem().isFile("/tmp/x")).isTrue();
    assertThat(sh(kubia, "cd /tmp && cat ../tmp/x && ls .. | grep -c tmp").stdout()).isEqualTo("1\n");
  }

  @Test
  void networkClientsRunOnceRegistered() {
    assertThat(kubia.exec(List.of("curl", "-s", "http://kubia")))
        .isEqualTo(ExecResult.failure(126, "kubesim: curl: this command is not simulated\n"));
    fixture.runtime.commands().register("curl",
        (args, ctx) -> ExecResult.ok("fake curl from " + ctx.container().podIp() + " " + args + "\n"));
    assertThat(sh(kubia, "curl -s http://kubia").stdout())
        .isEqualTo("fake curl from 10.244.1.5 [-s, http://kubia]\n");
    // busybox ships no curl, whatever is registered
    assertThat(sh(busybox, "curl -s http://kubia"))
        .isEqualTo(ExecResult.failure(127, "sh: curl: not found\n"));
  }

  @Test
  void scriptsWithAShebangRunThroughTheirShell() {
    sh(kubia, "echo '#!/bin/sh' > /s.sh; echo 'echo \"args: $1 $#\"' >> /s.sh");
    assertThat(kubia.exec(List.of("/s.sh", "x"))).isEqualTo(ExecResult.failure(126,
        "OCI runtime exec failed: exec failed: unable to start container process: exec: "
            + "\"/s.sh\": permission denied: unknown\n"));
    kubia.exec(List.of("chmod", "+x", "/s.sh"));
    assertThat(kubia.exec(List.of("/s.sh", "x")).stdout()).isEqualTo("args: x 1\n");
    assertThat(kubia.exec(List.of("sh", "/s.sh", "y", "z")).stdout()).isEqualTo("args: y 2\n");
  }

  @Test
  void exportedVariablesReachCommandsAndAssignmentsPrefixOne() {
    assertThat(sh(kubia, "X=1; export Y=2; Z=3 printenv Z; printenv X; printenv Y").stdout())
        .isEqualTo("3\n2\n");
  }
}
