package dev.kubesim.impl.program.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.ExecResult;
import dev.kubesim.api.KubectlResult;
import org.junit.jupiter.api.Test;

/**
 * The text filters in a BusyBox container and on the host's GNU userland, and pipelines after
 * kubectl run on the host. Expected strings are what GNU coreutils 9 and BusyBox 1.36 print (their
 * coreutils/*.c sources named in each class).
 */
class TextToolsTest extends ContainerCommands {
  @Test
  void printfReusesItsFormatWhileArgumentsRemain() {
    // POSIX printf: the format is applied again for the arguments left, missing ones are empty or 0
    assertThat(gnu("printf '%s=%d\\n' a 1 b 2").stdout()).isEqualTo("a=1\nb=2\n");
    assertThat(busybox("printf '%5s|%-3s|%03d|%.3d|%x\\n' ab c 7 5 255").stdout()).isEqualTo("   ab|c  |007|005|ff\n");
    assertThat(gnu("printf '%s-%s\\n' only").stdout()).isEqualTo("only-\n");
    assertThat(gnu("printf 'a\\tb %b\\n' 'x\\ny'").stdout()).isEqualTo("a\tb x\ny\n");
  }

  @Test
  void grepMatchesAnyOfSeveralPatterns() {
    assertThat(gnu("printf 'a\\nb\\nc\\n' | grep -e a -e c").stdout()).isEqualTo("a\nc\n");
    assertThat(busybox("printf 'WORDPRESS_X=1\\nMYSQL_Y=2\\nHOME=/\\n' | grep -e WORDPRESS -e MYSQL").stdout())
        .isEqualTo("WORDPRESS_X=1\nMYSQL_Y=2\n");
    assertThat(gnu("printf 'ab\\nb\\n' | grep -x -e a -e b").stdout()).isEqualTo("b\n");
  }

  @Test
  void aBasicRegexAnchorsOnlyAtItsEnds() {
    assertThat(gnu("echo 'name: process-item-$ITEM' | sed \"s/\\$ITEM/apple/\"").stdout()).isEqualTo("name: process-item-apple\n");
    assertThat(busybox("echo 'a $X b' | sed 's/$X/Y/'").stdout()).isEqualTo("a Y b\n");
    assertThat(gnu("printf 'a^b\\nab\\n' | grep 'a^b'").stdout()).isEqualTo("a^b\n");
    assertThat(gnu("printf 'ab\\nba\\n' | grep '^a'").stdout()).isEqualTo("ab\n");
    assertThat(gnu("printf 'ab\\nba\\n' | grep 'b$'").stdout()).isEqualTo("ab\n");
  }

  @Test
  void base64EncodesWrapsAndDecodes() {
    assertThat(gnu("echo hello | base64").stdout()).isEqualTo("aGVsbG8K\n");
    assertThat(busybox("echo aGVsbG8K | base64 -d").stdout()).isEqualTo("hello\n");
    assertThat(gnu("seq 30 | base64 -w 20").stdout()).startsWith("MQoyCjMKNAo1CjYKNwo4\nCjkKMTAKMTEKMTIKMTMK\n");
    assertThat(gnu("seq 30 | base64 -w 0").stdout()).endsWith("MzAK\n").hasLineCount(1);
    assertThat(gnu("echo '!!' | base64 -d").stderr()).isEqualTo("base64: invalid input\n");
    assertThat(gnu("echo '!!' | base64 -d").exitCode()).isEqualTo(1);
  }

  @Test
  void revBasenameAndDirnameWorkOnLinesAndPaths() {
    assertThat(gnu("printf 'abc\\nxy\\n' | rev").stdout()).isEqualTo("cba\nyx\n");
    assertThat(busybox("rev /nope").stderr()).isEqualTo("rev: cannot open /nope: No such file or directory\n");
    assertThat(gnu("basename /usr/share/nginx/index.html .html").stdout()).isEqualTo("index\n");
    assertThat(gnu("basename /var/log/").stdout()).isEqualTo("log\n");
    assertThat(busybox("dirname /var/log/app.log").stdout()).isEqualTo("/var/log\n");
    assertThat(gnu("dirname app.log").stdout()).isEqualTo(".\n");
    assertThat(gnu("dirname /app").stdout()).isEqualTo("/\n");
  }

  @Test
  void exprComputesComparesAndMatches() {
    assertThat(gnu("i=4; i=$(expr $i + 1); echo $i").stdout()).isEqualTo("5\n");
    assertThat(busybox("expr 7 \\* 6 / 4 % 5").stdout()).isEqualTo("0\n");
    assertThat(busybox("expr 7 \\* 6 / 4 % 5").exitCode()).as("a zero value is status 1").isEqualTo(1);
    assertThat(gnu("expr 10 \\> 9; expr abc \\< abd").stdout()).isEqualTo("1\n1\n");
    assertThat(gnu("expr pod-name-7 : 'pod-\\(.*\\)-[0-9]'").stdout()).isEqualTo("name\n");
    assertThat(gnu("expr abc : 'a.'").stdout()).isEqualTo("2\n");
    assertThat(gnu("expr length hello; expr substr kubernetes 1 4; expr index kubectl e").stdout()).isEqualTo("5\nkube\n4\n");
    assertThat(gnu("expr '' \\| fallback").stdout()).isEqualTo("fallback\n");
    assertThat(gnu("expr a + 1").stderr()).isEqualTo("expr: non-integer argument\n");
    assertThat(busybox("expr a + 1").stderr()).isEqualTo("expr: non-numeric argument\n");
    assertThat(gnu("expr 1 / 0").stderr()).isEqualTo("expr: division by zero\n");
    assertThat(gnu("expr 1 +").stderr()).isEqualTo("expr: syntax error: missing argument after '+'\n");
    assertThat(gnu("expr 1 +").exitCode()).isEqualTo(2);
  }

  @Test
  void busyboxPsListsTheMainProcessAndItself() {
    assertThat(busybox("ps aux").stdout()).matches("PID   USER     TIME  COMMAND\n    1 root      0:00 \\S.*\n +\\d+ root      0:00 ps aux\n");
    assertThat(gnu("ps").exitCode()).as("Debian's base images have no procps").isEqualTo(127);
  }

  @Test
  void busyboxIpAddrShowsTheLoopbackAndEth0WithThePodsAddress() {
    String ip = cluster.get(dev.kubesim.api.model.Pod.class, "default", "busybox").orElseThrow()
        .status().orElseThrow().podIP().orElseThrow();
    String out = busybox("ip addr").stdout();
    assertThat(out).startsWith("1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue qlen 1000\n")
        .contains("\n    inet " + ip + "/24 brd ").contains(" scope global eth0\n")
        .containsPattern("link/ether 0a:58(:[0-9a-f]{2}){4} brd ff:ff:ff:ff:ff:ff").contains("inet6 fe80::858:");
    assertThat(busybox("ip -4 a").stdout()).doesNotContain("link/").doesNotContain("inet6");
  }

  @Test
  void idAndUnameDescribeRootOnLinux() {
    assertThat(gnu("id").stdout()).isEqualTo("uid=0(root) gid=0(root) groups=0(root)\n");
    assertThat(busybox("id").stdout()).isEqualTo("uid=0(root) gid=0(root) groups=0(root),10(wheel)\n");
    assertThat(busybox("id -un; whoami").stdout()).isEqualTo("root\nroot\n");
    assertThat(gnu("uname").stdout()).isEqualTo("Linux\n");
    assertThat(gnu("uname -sm").stdout()).isEqualTo("Linux x86_64\n");
    assertThat(gnu("uname -a").stdout()).startsWith("Linux ").endsWith(" x86_64 GNU/Linux\n");
  }

  @Test
  void teeCopiesItsInputToOutputAndFiles() {
    assertThat(gnu("echo one | tee /tmp/t; echo two | tee -a /tmp/t >/dev/null; cat /tmp/t").stdout())
        .isEqualTo("one\none\ntwo\n");
    assertThat(busybox("echo x | tee /nope/f").stderr()).isEqualTo("tee: /nope/f: No such file or directory\n");
  }

  @Test
  void sedInPlaceRewritesTheFileAndKeepsABackupWithASuffix() {
    assertThat(gnu("echo 'replicas: 1' > /tmp/d.yaml; sed -i 's/1/3/' /tmp/d.yaml; cat /tmp/d.yaml").stdout())
        .isEqualTo("replicas: 3\n");
    assertThat(busybox("echo a > /tmp/f; sed -i.bak -e s/a/b/ /tmp/f && cat /tmp/f /tmp/f.bak").stdout()).isEqualTo("b\na\n");
    assertThat(gnu("sed -i s/a/b/").stderr()).isEqualTo("sed: no input files\n");
  }

  @Test
  void dateShowsTheSimulationsInstantInUtc() {
    assertThat(gnu("date").stdout()).matches("[A-Z][a-z]{2} [A-Z][a-z]{2} [ 1-3][0-9] \\d\\d:\\d\\d:\\d\\d UTC \\d{4}\n");
    assertThat(busybox("date +%Y-%m-%dT%H:%M:%S%z").stdout()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+0000\n");
    assertThat(gnu("date -u +%s").stdout()).matches("\\d+\n");
    assertThat(gnu("date +'%F %T'").stdout()).isEqualTo(gnu("date -Iseconds").stdout().replace("T", " ").replace("+00:00", ""));
  }

  @Test
  void sortOrdersBytesNumbersReversedAndUnique() {
    assertThat(gnu("printf 'b\\na\\nc\\na\\n' | sort").stdout()).isEqualTo("a\na\nb\nc\n");
    assertThat(gnu("printf 'b\\na\\nc\\na\\n' | sort -ru").stdout()).isEqualTo("c\nb\na\n");
    assertThat(gnu("printf '10\\n9\\n100\\n' | sort -n").stdout()).isEqualTo("9\n10\n100\n");
    assertThat(busybox("printf 'x 3\\ny 1\\nz 2\\n' | sort -k 2 -n").stdout()).isEqualTo("y 1\nz 2\nx 3\n");
    assertThat(busybox("printf 'a:3\\nb:1\\n' | sort -t : -k 2").stdout()).isEqualTo("b:1\na:3\n");
  }

  @Test
  void headAndTailTakeCountsInEitherSpelling() {
    assertThat(gnu("seq 20 | head -3").stdout()).isEqualTo("1\n2\n3\n");
    assertThat(gnu("seq 5 | head -n 2").stdout()).isEqualTo("1\n2\n");
    assertThat(gnu("seq 5 | head -n -3").stdout()).isEqualTo("1\n2\n");
    assertThat(busybox("seq 5 | tail -n 2").stdout()).isEqualTo("4\n5\n");
    assertThat(busybox("seq 5 | tail -n +4").stdout()).isEqualTo("4\n5\n");
    assertThat(gnu("seq 30 | tail -1").stdout()).isEqualTo("30\n");
    assertThat(gnu("echo kubernetes | head -c 4").stdout()).isEqualTo("kube");
    assertThat(busybox("echo kubernetes | tail -c 4").stdout()).isEqualTo("tes\n");
  }

  @Test
  void headRejectsABadCountInEachUserlandsWords() {
    ExecResult gnu = gnu("seq 3 | head -n x");
    assertThat(gnu.stderr()).isEqualTo("head: invalid number of lines: 'x'\n");
    assertThat(gnu.exitCode()).isEqualTo(1);
    assertThat(busybox("seq 3 | head -n x").stderr()).isEqualTo("head: invalid number 'x'\n");
  }

  @Test
  void wcPadsAsGnuAndBusyboxDo() {
    assertThat(gnu("seq 3 | wc -l").stdout()).isEqualTo("3\n");
    assertThat(gnu("echo hi there | wc").stdout()).isEqualTo("      1       2       9\n");
    assertThat(busybox("seq 3 | wc -l").stdout()).isEqualTo("3\n");
    assertThat(busybox("echo hi there | wc").stdout()).isEqualTo("        1         2         9\n");
    assertThat(gnu("wc -l /nope").stderr()).isEqualTo("wc: /nope: No such file or directory\n");
  }

  @Test
  void cutPicksFieldsAndCharacters() {
    assertThat(gnu("printf 'a:b:c\\nplain\\n' | cut -d : -f 2-").stdout()).isEqualTo("b:c\nplain\n");
    assertThat(gnu("printf 'a:b:c\\nplain\\n' | cut -s -d: -f1,3").stdout()).isEqualTo("a:c\n");
    assertThat(busybox("echo kubernetes | cut -c 1-4").stdout()).isEqualTo("kube\n");
    assertThat(gnu("echo x | cut").stderr())
        .isEqualTo("cut: you must specify a list of bytes, characters, or fields\nTry 'cut --help' for more information.\n");
  }

  @Test
  void trTranslatesDeletesAndSqueezes() {
    assertThat(gnu("echo Hello | tr a-z A-Z").stdout()).isEqualTo("HELLO\n");
    assertThat(gnu("echo Hello | tr '[:lower:]' '[:upper:]'").stdout()).isEqualTo("HELLO\n");
    assertThat(busybox("echo 'a  b   c' | tr -s ' '").stdout()).isEqualTo("a b c\n");
    assertThat(busybox("echo a-b-c | tr -d -").stdout()).isEqualTo("abc\n");
    assertThat(gnu("echo x | tr a").stderr())
        .isEqualTo("tr: missing operand after 'a'\nTwo strings must be given when translating.\nTry 'tr --help' for more information.\n");
  }

  @Test
  void uniqCountsRunsOfEqualLines() {
    assertThat(gnu("printf 'a\\na\\nb\\na\\n' | uniq").stdout()).isEqualTo("a\nb\na\n");
    assertThat(busybox("printf 'b\\na\\nb\\n' | sort | uniq -c").stdout()).isEqualTo("      1 a\n      2 b\n");
  }

  @Test
  void grepPrintsOnlyTheMatchesWithO() {
    assertThat(gnu("echo 'hit kubia-b and hit kubia-c' | grep -o 'hit [a-z0-9-]*'").stdout())
        .isEqualTo("hit kubia-b\nhit kubia-c\n");
    assertThat(busybox("printf 'a1\\nb\\na2\\n' | grep -c a").stdout()).isEqualTo("2\n");
  }

  @Test
  void sedSubstitutesPrintsAndDeletesByAddress() {
    assertThat(gnu("echo hello world | sed 's/o/0/'").stdout()).isEqualTo("hell0 world\n");
    assertThat(gnu("echo hello world | sed 's/o/0/g'").stdout()).isEqualTo("hell0 w0rld\n");
    assertThat(busybox("echo kubia-abc12 | sed -E 's/^([a-z]+)-(.*)$/\\2 of \\1/'").stdout()).isEqualTo("abc12 of kubia\n");
    assertThat(gnu("echo 'a  b' | sed 's/[[:space:]]\\{1,\\}/_/g'").stdout()).isEqualTo("a_b\n");
    assertThat(gnu("seq 5 | sed -n '2,3p'").stdout()).isEqualTo("2\n3\n");
    assertThat(gnu("seq 5 | sed '/3/d; 1d'").stdout()).isEqualTo("2\n4\n5\n");
    assertThat(gnu("seq 5 | sed 2q").stdout()).isEqualTo("1\n2\n");
    assertThat(gnu("seq 3 | sed -n '$p'").stdout()).isEqualTo("3\n");
    assertThat(gnu("echo path/to/x | sed 's|/|:|g'").stdout()).isEqualTo("path:to:x\n");
    assertThat(gnu("echo abc | sed 's/b/[&]/'").stdout()).isEqualTo("a[b]c\n");
  }

  @Test
  void sedRejectsAnUnknownCommandAsGnuSedDoes() {
    ExecResult r = gnu("echo x | sed 'k'");
    // GNU sed compile.c: "-e expression #%lu, char %lu: %s"
    assertThat(r.stderr()).isEqualTo("sed: -e expression #1, char 1: unknown command: `k'\n");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(gnu("echo x | sed 's/x/y'").stderr()).isEqualTo("sed: -e expression #1, char 5: unterminated `s' command\n");
  }

  @Test
  void cutWordsAMissingListInBusyBoxsOwnWay() {
    // BusyBox coreutils/cut.c: bb_simple_error_msg_and_die, without GNU's --help hint
    assertThat(busybox("echo x | cut").stderr()).isEqualTo("cut: expected a list of bytes, characters, or fields\n");
  }

  @Test
  void grepReadsPosixCharacterClasses() {
    assertThat(gnu("printf 'a1\\nbb\\n' | grep '[[:digit:]]'").stdout()).isEqualTo("a1\n");
    assertThat(busybox("printf 'x y\\nxy\\n' | grep -c 'x[[:blank:]]y'").stdout()).isEqualTo("1\n");
  }

  @Test
  void grepPrintsContextLinesAndSetsGroupsApart() {
    // GNU grep and BusyBox grep alike: context lines take '-' where matches take ':', "--" between groups
    assertThat(gnu("seq 10 | grep -A1 '[37]'").stdout()).isEqualTo("3\n4\n--\n7\n8\n");
    assertThat(busybox("seq 10 | grep -n -B 1 5").stdout()).isEqualTo("4-4\n5:5\n");
    assertThat(gnu("seq 10 | grep -C1 '[45]'").stdout()).isEqualTo("3\n4\n5\n6\n");
    assertThat(gnu("seq 10 | grep -m 2 .").stdout()).isEqualTo("1\n2\n");
    assertThat(gnu("seq 3 | grep -A x 1").stderr()).isEqualTo("grep: x: invalid context length argument\n");
  }

  @Test
  void xargsRunsTheCommandWithTheInputsWords() {
    assertThat(gnu("printf 'a b\\nc\\n' | xargs").stdout()).isEqualTo("a b c\n");
    assertThat(busybox("seq 4 | xargs -n 2 echo x").stdout()).isEqualTo("x 1 2\nx 3 4\n");
    assertThat(gnu("printf 'one\\ntwo\\n' | xargs -I{} echo '<{}>'").stdout()).isEqualTo("<one>\n<two>\n");
    assertThat(gnu("echo \"'a b' c\" | xargs -n 1").stdout()).isEqualTo("a b\nc\n");
    assertThat(gnu("printf '' | xargs -r echo nothing").stdout()).isEmpty();
  }

  @Test
  void xargsReportsAMissingCommandAndFailedRuns() {
    ExecResult missing = gnu("echo a | xargs no-such-tool");
    assertThat(missing.stderr()).isEqualTo("xargs: no-such-tool: No such file or directory\n");
    assertThat(missing.exitCode()).isEqualTo(127);
    assertThat(gnu("printf 'x\\ny\\n' | xargs -n 1 grep -q x /dev/null").exitCode()).isEqualTo(123);
  }

  @Test
  void aPipeAfterKubectlRunsOnTheHost() {
    KubectlResult names = cluster.kubectl("get pods -o name | grep kubia | wc -l");
    assertThat(names.stdout()).isEqualTo("3\n");
    assertThat(names.exitCode()).isZero();
    assertThat(cluster.kubectl("get pods --no-headers | awk '{print $1}' | sort -r | head -2").stdout())
        .isEqualTo("kubia-c\nkubia-b\n");
  }

  @Test
  void theExecdCommandEndsAtThePipe() {
    KubectlResult hit = cluster.kubectl("exec client -- curl -s http://kubia | grep -o 'hit kubia-[a-z]' | wc -l");
    assertThat(hit.stdout()).isEqualTo("1\n");
    // a quoted pipe belongs to the container's shell
    assertThat(cluster.kubectl("exec busybox -- sh -c 'echo a | tr a b'").stdout()).isEqualTo("b\n");
  }

  @Test
  void aPipelineEndsWithItsLastCommandsStatus() {
    KubectlResult none = cluster.kubectl("get pods -o name | grep nothing-like-this");
    assertThat(none.stdout()).isEmpty();
    assertThat(none.exitCode()).isEqualTo(1);
  }
}
