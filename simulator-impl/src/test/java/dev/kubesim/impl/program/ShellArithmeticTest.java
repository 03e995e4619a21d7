package dev.kubesim.impl.program;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.ExecResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code $((...))}, bash's {@code ((...))} and {@code let}, as dash (nginx's Debian {@code sh}),
 * BusyBox ash ({@code busybox}'s {@code sh}), bash 5 (nginx's {@code bash}) and bash 4 (luksa/kubia's
 * Debian jessie {@code bash}) evaluate and word them.
 */
class ShellArithmeticTest {
  private final Fixture fixture = new Fixture();
  private final RunningContainer nginx = fixture.start("nginx:1.27");
  private final RunningContainer busybox =
      fixture.start("busybox", b -> b.command(List.of("sleep", "999999")));
  private final RunningContainer kubia = fixture.start("luksa/kubia");

  private ExecResult dash(String script) {
    return nginx.exec(List.of("sh", "-c", script));
  }

  private ExecResult ash(String script) {
    return busybox.exec(List.of("sh", "-c", script));
  }

  private ExecResult bash(String script) {
    return nginx.exec(List.of("bash", "-c", script));
  }

  /** The same output from all three shells. */
  private void allPrint(String script, String expected) {
    assertThat(dash(script)).as("dash").isEqualTo(ExecResult.ok(expected));
    assertThat(ash(script)).as("ash").isEqualTo(ExecResult.ok(expected));
    assertThat(bash(script)).as("bash").isEqualTo(ExecResult.ok(expected));
  }

  @Test
  void additiveMultiplicativeAndUnaryOperatorsComputeAsC() {
    allPrint("echo $((1+2)) $((7-10)) $((6*7)) $((7/2)) $((-7/2)) $((-7%3)) $((7%-3)) $((-(3)))"
        + " $((+4)) $((~0)) $((~5)) $((!5)) $((!0)) $((- -2))",
        "3 -3 42 3 -3 -1 1 -3 4 -1 -6 0 1 2\n");
  }

  @Test
  void shiftComparisonBitwiseAndLogicalOperatorsGiveCResults() {
    allPrint("echo $((1<<4)) $((256>>2)) $((-16>>2)) $((1<2)) $((2<=1)) $((3>2)) $((3>=4)) $((5==5))"
        + " $((5!=5)) $((12&10)) $((12^10)) $((12|10)) $((0&&1)) $((2&&3)) $((0||0)) $((0||7))",
        "16 64 -4 1 0 1 0 1 0 8 6 14 0 1 0 1\n");
  }

  @Test
  void conditionalOperatorChoosesABranchAndNestsToTheRight() {
    allPrint("echo $((1?2:3)) $((0?2:3)) $((0?1:0?2:3)) $((1?0?4:5:6))", "2 3 3 5\n");
  }

  @Test
  void precedenceFollowsC() {
    allPrint("echo $((1+2*3)) $(( (1+2)*3 )) $((1+2<<1)) $((1|2^3&4)) $((5>3==1)) $((1+1==2&&3))"
        + " $((2*3%4)) $((10-4-3)) $((64/4/2)) $((1<2==2>1)) $((0||1&&0)) $((1&3==3))",
        "7 9 6 3 1 1 2 3 8 1 0 1\n");
  }

  @Test
  void constantsAreDecimalOctalOrHexadecimal() {
    allPrint("echo $((010)) $((0x1f)) $((0X10)) $((0)) $((007+1))", "8 31 16 0 8\n");
  }

  @Test
  void integersAreSignedSixtyFourBitAndWrap() {
    allPrint("echo $((9223372036854775807+1)) $((1<<62)) $((-9223372036854775807-1)) $((4294967296*4294967296))",
        "-9223372036854775808 4611686018427387904 -9223372036854775808 0\n");
  }

  @Test
  void variablesAreReadWithOrWithoutDollarAndUnsetOrEmptyIsZero() {
    allPrint("i=5; e=; echo $((i*2)) $(($i*2)) $((${i}+1)) $((nothing+1)) $((e+1)) $((i))", "10 10 6 1 1 5\n");
    allPrint("n=010; h=0x10; echo $((n)) $((h+1))", "8 17\n");
  }

  @Test
  void assignmentOperatorsSetTheVariable() {
    allPrint("x=3; echo $((x+=2)) $x; echo $((y=7)) $y; echo $((x*=2)) $((x-=1)) $((x/=3)) $((x%=2))"
        + " $((x<<=3)) $((x>>=1)) $((x|=3)) $((x&=5)) $((x^=1)) $x; echo $((a=b=4)) $a $b",
        "5 5\n7 7\n10 9 3 1 8 4 7 5 4 4\n4 4 4\n");
  }

  @Test
  void branchesNotTakenAssignNothing() {
    allPrint("x=1; echo $((0 && (x=5))) $((1 || (x=6))) $((0 ? (x=7) : 2)) $x", "0 1 2 1\n");
  }

  @Test
  void expansionNestsInQuotesCommandSubstitutionAndItself() {
    allPrint("a=2; echo \"$((a+1))\" \"$(( $(echo 2) * 3 ))\" $(( $((a*a)) + 1 )) \"[$((a))]\"", "3 6 5 [2]\n");
    allPrint("echo $((1+1))$((2+2))x", "24x\n");
  }

  @Test
  void commandSubstitutionOfASubshellIsNotArithmetic() {
    allPrint("echo $((echo a); echo b)", "a b\n");
  }

  @Test
  void incrementAndDecrementWorkInBashAndAshButNotDash() {
    String script = "i=1; echo $((i++)) $i $((++i)) $((i--)) $((--i)) $i $((i+++1)) $i";
    assertThat(bash(script)).isEqualTo(ExecResult.ok("1 2 3 3 1 1 2 2\n"));
    assertThat(ash(script)).isEqualTo(ExecResult.ok("1 2 3 3 1 1 2 2\n"));
    // dash reads ++i as +(+i) and i++ as an addition without its second operand
    assertThat(dash("i=1; echo $((++i)) $((--i)) $i")).isEqualTo(ExecResult.ok("1 1 1\n"));
    assertThat(dash("i=1; echo $((i++))")).isEqualTo(ExecResult.failure(2,
        "sh: 1: arithmetic expression: expecting primary: \"i++\"\n"));
  }

  @Test
  void bashAndAshEvaluateAVariablesValueAsAnExpression() {
    assertThat(bash("a=b+1; b=2; echo $((a*3)) $((c))")).isEqualTo(ExecResult.ok("9 0\n"));
    assertThat(ash("a=b+1; b=2; echo $((a*3))")).isEqualTo(ExecResult.ok("9\n"));
    assertThat(bash("a=2**10; echo $((a)) $((2**3**2)) $((1,2))")).isEqualTo(ExecResult.ok("1024 512 2\n"));
  }

  @Test
  void divisionByZeroIsEachShellsError() {
    assertThat(dash("echo $((1/0)); echo after")).isEqualTo(ExecResult.failure(2,
        "sh: 1: arithmetic expression: division by zero: \"1/0\"\n"));
    assertThat(dash("x=5; echo $(( x % 0 ))")).isEqualTo(ExecResult.failure(2,
        "sh: 1: arithmetic expression: division by zero: \" x % 0 \"\n"));
    assertThat(ash("echo $((1/0)); echo after")).isEqualTo(ExecResult.failure(2, "sh: divide by zero\n"));
    assertThat(bash("echo $((1/0)); echo same line\necho $? next line")).isEqualTo(
        new ExecResult("1 next line\n", "bash: line 1: 1/0: division by 0 (error token is \"0\")\n", 0,
            java.time.Duration.ZERO));
    assertThat(bash("echo $(( 5 / 0 ))").stderr())
        .isEqualTo("bash: line 1: 5 / 0 : division by 0 (error token is \"0 \")\n");
    assertThat(bash("x=1/0; echo $((x+1))").stderr())
        .isEqualTo("bash: line 1: 1/0: division by 0 (error token is \"0\")\n");
    assertThat(kubia.exec(List.of("bash", "-c", "echo $((2%0+1))"))).isEqualTo(ExecResult.failure(1,
        "bash: 2%0+1: division by 0 (error token is \"0+1\")\n"));
  }

  @Test
  void syntaxErrorsAreWordedByEachShell() {
    assertThat(dash("echo $((1+))").stderr()).isEqualTo("sh: 1: arithmetic expression: expecting primary: \"1+\"\n");
    assertThat(dash("echo $((1 2))").stderr()).isEqualTo("sh: 1: arithmetic expression: expecting EOF: \"1 2\"\n");
    assertThat(dash("echo $(((1+2))").stderr()).isNotEmpty();
    assertThat(ash("echo $((1+))")).isEqualTo(ExecResult.failure(2, "sh: arithmetic syntax error\n"));
    assertThat(bash("echo $((1+))")).isEqualTo(ExecResult.failure(1,
        "bash: line 1: 1+: syntax error: operand expected (error token is \"+\")\n"));
    assertThat(bash("echo $((1 2))").stderr())
        .isEqualTo("bash: line 1: 1 2: syntax error in expression (error token is \"2\")\n");
    assertThat(bash("echo $((1=2))").stderr())
        .isEqualTo("bash: line 1: 1=2: attempted assignment to non-variable (error token is \"=2\")\n");
    assertThat(bash("echo $((08))").stderr())
        .isEqualTo("bash: line 1: 08: value too great for base (error token is \"08\")\n");
  }

  @Test
  void aNonNumericValueIsAnErrorAsTheShellWordsIt() {
    assertThat(dash("x=abc; echo $((x+1))")).isEqualTo(ExecResult.failure(2, "sh: 1: Illegal number: abc\n"));
    assertThat(bash("x='1 2'; echo $((x))").stderr())
        .isEqualTo("bash: line 1: 1 2: syntax error in expression (error token is \"2\")\n");
    assertThat(ash("x='1 2'; echo $((x))")).isEqualTo(ExecResult.failure(2, "sh: arithmetic syntax error\n"));
    assertThat(ash("a=b; b=a; echo $((a))")).isEqualTo(ExecResult.failure(2, "sh: expression recursion loop detected\n"));
    // a name that holds a name is read through it in bash; in dash the name itself is not a number
    assertThat(bash("x=abc; echo $((x+1))")).isEqualTo(ExecResult.ok("1\n"));
  }

  @Test
  void anErrorInASubshellEndsOnlyTheSubshell() {
    ExecResult r = dash("(echo $((1/0))); echo after $?");
    assertThat(r.stdout()).isEqualTo("after 2\n");
    assertThat(r.stderr()).isEqualTo("sh: 1: arithmetic expression: division by zero: \"1/0\"\n");
    assertThat(r.exitCode()).isZero();
    assertThat(bash("v=$(echo $((1/0))); echo \"[$v] $?\"").stdout()).isEqualTo("[] 1\n");
  }

  @Test
  void bashArithmeticCommandAndLetSucceedOnANonZeroValue() {
    assertThat(bash("((3 > 2)) && echo yes; ((0)) || echo zero $?; let x=2+3 y=x*2; echo $x $y; let 0; echo $?;"
        + " i=0; ((i++)); echo $? $i; (( i += 4 )); echo $i"))
        .isEqualTo(ExecResult.ok("yes\nzero 1\n5 10\n1\n1 1\n5\n"));
    assertThat(bash("((1/0)); echo $?")).isEqualTo(new ExecResult("1\n",
        "bash: line 1: ((: 1/0: division by 0 (error token is \"0\")\n", 0, java.time.Duration.ZERO));
    assertThat(bash("let 'x=1/0'; echo $?").stderr())
        .isEqualTo("bash: line 1: let: x=1/0: division by 0 (error token is \"0\")\n");
    assertThat(bash("let; echo $?")).isEqualTo(new ExecResult("1\n",
        "bash: line 1: let: expression expected\n", 0, java.time.Duration.ZERO));
    assertThat(ash("let x=6*7; echo $x")).isEqualTo(ExecResult.ok("42\n"));
  }

  @Test
  void dashAndAshReadDoubleParenthesesAsSubshells() {
    assertThat(dash("((echo hi))")).isEqualTo(ExecResult.ok("hi\n"));
    assertThat(ash("((echo hi); echo there)")).isEqualTo(ExecResult.ok("hi\nthere\n"));
    assertThat(dash("let x=1").exitCode()).isEqualTo(127);
  }

  @Test
  void whileAndUntilLoopsCountWithArithmetic() {
    allPrint("i=0; while [ $i -lt 3 ]; do echo $i; i=$((i+1)); done; until [ $i -eq 0 ]; do i=$((i-1)); echo u$i; done",
        "0\n1\n2\nu2\nu1\nu0\n");
    allPrint("n=0; for w in a b c d; do n=$((n + ${#w})); done; echo $n; a=1 b=$((a+1)); echo $b", "4\n2\n");
  }

  @Test
  void aMainProcessTickerCountsOneTickASecondOfVirtualTime() {
    RunningContainer c = fixture.start("busybox", b -> b.command(List.of("sh", "-c",
        "i=0; while true; do echo tick $i; i=$((i+1)); sleep 1; done")));
    MainProcessRun run = c.mainProcess();
    assertThat(c.logText()).isEqualTo("tick 0\n");
    for (int k = 0; k < 3; k++) {
      assertThat(run.nextWait()).isEqualTo(java.time.Duration.ofSeconds(1));
      run.resume();
    }
    assertThat(c.logText()).isEqualTo("tick 0\ntick 1\ntick 2\ntick 3\n");
  }

  @Test
  void aMainProcessErrorEndsDashButBashGoesOnWithTheNextLine() {
    RunningContainer d = fixture.start("debian", b -> b.command(List.of("sh", "-c",
        "echo start; sleep 1; echo $((1/0)); echo never")));
    MainProcessRun dashRun = d.mainProcess();
    dashRun.resume();
    assertThat(d.logText()).isEqualTo("start\nsh: 1: arithmetic expression: division by zero: \"1/0\"\n");
    assertThat(dashRun.finished()).isTrue();
    assertThat(dashRun.exitCode()).isEqualTo(2);
    RunningContainer b = fixture.start("debian", x -> x.command(List.of("bash", "-c",
        "i=0; while true; do sleep 1; i=$((i+1)); [ $i -eq 2 ] && echo $((1/0)); done; echo same line\necho next $?")));
    MainProcessRun bashRun = b.mainProcess();
    bashRun.resume();
    bashRun.resume();
    assertThat(b.logText()).isEqualTo("bash: line 1: 1/0: division by 0 (error token is \"0\")\nnext 1\n");
    assertThat(bashRun.finished()).isTrue();
    assertThat(bashRun.exitCode()).isZero();
  }

  @Test
  void anInteractiveShellReportsTheErrorAndReadsTheNextLine() {
    ShellSession s = ShellSession.open(busybox, List.of("sh"), true).orElseThrow();
    ShellSession.Line bad = s.run("echo $((1/0))");
    assertThat(bad.stderr()).isEqualTo("sh: divide by zero\n");
    assertThat(bad.status()).isEqualTo(2);
    assertThat(s.isOpen()).isTrue();
    assertThat(s.run("i=4; echo $((i*i))").stdout()).isEqualTo("16\n");
    ShellSession piped = ShellSession.open(nginx, List.of("sh"), false).orElseThrow();
    piped.run("echo $((1%0))");
    assertThat(piped.isOpen()).as("dash reading a pipe exits").isFalse();
    assertThat(piped.exitStatus()).contains(2);
  }

  @Test
  void bashReadsTheOldBracketFormAsArithmetic() {
    assertThat(bash("a=3; echo $[a*2] $[ $[1+1] ** 3 ]")).isEqualTo(ExecResult.ok("6 8\n"));
    assertThat(dash("echo $[1+1]")).isEqualTo(ExecResult.ok("$[1+1]\n"));
  }

  @Test
  void bashArithmeticForLoopsRunInitConditionAndStep() {
    assertThat(bash("for ((i=0; i<3; i++)); do echo $i; done; echo end $i")).isEqualTo(ExecResult.ok("0\n1\n2\nend 3\n"));
    assertThat(bash("for ((i=0; ; i+=2)); do [ $i -gt 4 ] && break; [ $i -eq 2 ] && continue; echo $i; done"))
        .isEqualTo(ExecResult.ok("0\n4\n"));
    assertThat(bash("for ((i=0; i<1/0; i++)); do echo no; done; echo $?")).isEqualTo(new ExecResult("1\n",
        "bash: line 1: ((: i<1/0: division by 0 (error token is \"0\")\n", 0, java.time.Duration.ZERO));
  }

  @Test
  void aBashMainProcessArithmeticForLoopWaitsInVirtualTime() {
    RunningContainer c = fixture.start("debian", b -> b.command(List.of("bash", "-c",
        "for ((n=1; n<=3; n++)); do echo round $n; sleep 5; done; echo done")));
    MainProcessRun run = c.mainProcess();
    assertThat(run.nextWait()).isEqualTo(java.time.Duration.ofSeconds(5));
    run.resume();
    run.resume();
    assertThat(c.logText()).isEqualTo("round 1\nround 2\nround 3\n");
    run.resume();
    assertThat(c.logText()).isEqualTo("round 1\nround 2\nround 3\ndone\n");
    assertThat(run.finished()).isTrue();
  }
}
