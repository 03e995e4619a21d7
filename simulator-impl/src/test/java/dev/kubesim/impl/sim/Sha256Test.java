package dev.kubesim.impl.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class Sha256Test {
  @Test
  void digestsTheStandardsTestVectors() {
    assertThat(Sha256.hex("")).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    assertThat(Sha256.hex("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat(Sha256.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"))
        .isEqualTo("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  }

  @Test
  void agreesWithTheJdkAndGuavaOnEveryLengthAroundTheBlockBoundaries() throws Exception {
    SplittableRandom random = new SplittableRandom(11);
    for (int length = 0; length < 300; length++) {
      byte[] message = new byte[length];
      for (int i = 0; i < length; i++) {
        message[i] = (byte) random.nextInt(256);
      }
      assertThat(Sha256.digest(message)).isEqualTo(MessageDigest.getInstance("SHA-256").digest(message));
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < length; i++) {
        text.appendCodePoint(random.nextInt(3) == 0 ? 0x4e00 + random.nextInt(100) : 'a' + random.nextInt(26));
      }
      String s = text.toString();
      assertThat(Sha256.hex(s)).isEqualTo(Hashing.sha256().hashString(s, StandardCharsets.UTF_8).toString());
      assertThat(Sha256.firstLong(s)).isEqualTo(Hashing.sha256().hashString(s, StandardCharsets.UTF_8).asLong());
    }
  }
}
