package dev.kubesim.impl.program.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.Cluster;
import dev.kubesim.api.ExecResult;
import dev.kubesim.api.KubeSim;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** perl of the perl image and of Debian, as far as kubesim runs it; kubernetes.io's pi Job. */
class PerlTest {
  private static final long SEED = 3;
  private static Cluster cluster;

  @BeforeAll
  static void start() {
    cluster = KubeSim.cluster().seed(SEED).build();
    cluster.kubectl("run perl --image=perl:5.34.0 --command -- sleep infinity");
    cluster.awaitReady(Duration.ofMinutes(1));
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  private static ExecResult perl(String... args) {
    List<String> argv = new java.util.ArrayList<>(List.of("perl"));
    argv.addAll(List.of(args));
    return cluster.exec("default/perl", "", argv);
  }

  @Test
  void theDocsPiJobLogsTwoThousandDigitsOfPi() {
    cluster.apply("""
        apiVersion: batch/v1
        kind: Job
        metadata: {name: pi}
        spec:
          backoffLimit: 4
          template:
            spec:
              restartPolicy: Never
              containers:
              - name: pi
                image: perl:5.34.0
                command: ["perl",  "-Mbignum=bpi", "-wle", "print bpi(2000)"]
        """);
    cluster.advance(Duration.ofMinutes(1));
    String digits = cluster.kubectl("logs jobs/pi").stdout();
    assertThat(digits).as("seed %d", SEED).isEqualTo(gaussLegendrePi(2000).toPlainString() + "\n");
    assertThat(digits).startsWith("3.14159265358979323846264338327950288419716939937510");
    // the Feynman point: six nines from the 762nd decimal
    assertThat(digits.substring(2 + 761, 2 + 767)).isEqualTo("999999");
    assertThat(cluster.kubectl("get job pi").stdout()).contains("Complete");
  }

  @Test
  void bpiRoundsToItsSignificantDigitsAndNeedsItsImport() {
    assertThat(perl("-Mbignum=bpi", "-le", "print bpi(5)").stdout()).isEqualTo("3.1416\n");
    assertThat(perl("-Mbignum=bpi", "-e", "print bpi(1)").stdout()).isEqualTo("3");
    assertThat(perl("-MMath::BigFloat", "-le", "print Math::BigFloat->bpi(3)").stdout()).isEqualTo("3.14\n");
    ExecResult undefined = perl("-wle", "print bpi(2000)");
    assertThat(undefined.stderr()).isEqualTo("Undefined subroutine &main::bpi called at -e line 1.\n");
    assertThat(undefined.exitCode()).isEqualTo(255);
    assertThat(perl("-le", "print Math::BigFloat->bpi(3)").stderr())
        .startsWith("Can't locate object method \"bpi\" via package \"Math::BigFloat\"");
  }

  @Test
  void printSayWarnDieAndExitOfLiterals() {
    assertThat(perl("-e", "print \"Hello, \" . 'world', \"\\n\"; print 1.50, 2").stdout()).isEqualTo("Hello, world\n1.52");
    assertThat(perl("-E", "say 'a'; say STDERR 'b'").stdout()).isEqualTo("a\n");
    assertThat(perl("-E", "say 'a'; say STDERR 'b'").stderr()).isEqualTo("b\n");
    ExecResult died = perl("-e", "use strict;\nuse warnings;\nprint 'x';\ndie 'oops'");
    assertThat(died.stdout()).isEqualTo("x");
    assertThat(died.stderr()).isEqualTo("oops at -e line 4.\n");
    assertThat(died.exitCode()).isEqualTo(255);
    assertThat(perl("-e", "print 'a'; exit 3; print 'b'").exitCode()).isEqualTo(3);
    assertThat(perl("-e", "print 'a'; exit 3; print 'b'").stdout()).isEqualTo("a");
    ExecResult piped = cluster.exec("default/perl", "", List.of("sh", "-c",
        "printf '# greet\\nprint \"one\\\\n\";\\n__END__\\nnot code\\n' | perl"));
    assertThat(piped.stdout()).as("a program on standard input, its data after __END__").isEqualTo("one\n");
  }

  @Test
  void codeKubesimDoesNotRunFailsBeforeAnyOutputAndSaysSo() {
    ExecResult r = perl("-e", "print 'a'; my $x = 1; print $x");
    assertThat(r.stdout()).isEmpty();
    assertThat(r.stderr()).startsWith("perl: kubesim does not run this Perl code (my $x = 1)");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(perl("-e", "print \"$ENV{HOME}\"").stderr()).contains("(variables)");
    assertThat(perl("/nope.pl").stderr()).isEqualTo("Can't open perl script \"/nope.pl\": No such file or directory\n");
    assertThat(perl("-Q").stderr()).isEqualTo("Unrecognized switch: -Q  (-h will show valid options).\n");
  }

  @Test
  void versionBannerIsTheTagsPerl() {
    assertThat(perl("-v").stdout()).startsWith("\nThis is perl 5, version 34, subversion 0 (v5.34.0) built for x86_64-linux-gnu\n\n"
        + "Copyright 1987-2021, Larry Wall\n");
  }

  /** π by the Gauss-Legendre iteration, independent of the Machin series kubesim's perl uses. */
  private static BigDecimal gaussLegendrePi(int digits) {
    MathContext mc = new MathContext(digits + 20, RoundingMode.HALF_EVEN);
    BigDecimal a = BigDecimal.ONE;
    BigDecimal b = BigDecimal.ONE.divide(BigDecimal.valueOf(2).sqrt(mc), mc);
    BigDecimal t = new BigDecimal("0.25");
    BigDecimal p = BigDecimal.ONE;
    for (int i = 0; i < 14; i++) {
      BigDecimal next = a.add(b).divide(BigDecimal.valueOf(2), mc);
      b = a.multiply(b, mc).sqrt(mc);
      t = t.subtract(p.multiply(a.subtract(next).pow(2, mc), mc), mc);
      a = next;
      p = p.multiply(BigDecimal.valueOf(2));
    }
    return a.add(b).pow(2, mc).divide(t.multiply(BigDecimal.valueOf(4)), mc).round(new MathContext(digits, RoundingMode.HALF_EVEN));
  }
}
