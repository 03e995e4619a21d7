package dev.kubesim.impl.kubectl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TokenizerTest {
  @Test
  void aPipelineSplitsAtEachUnquotedPipe() {
    assertThat(Tokenizer.pipeline("get pods | grep 'a|b' | wc -l")).containsExactly("get pods ", " grep 'a|b' ", " wc -l");
    assertThat(Tokenizer.pipeline("exec p -- sh -c \"echo a | wc -c\"")).containsExactly("exec p -- sh -c \"echo a | wc -c\"");
    assertThat(Tokenizer.pipeline("get pods a\\|b")).containsExactly("get pods a\\|b");
  }

  @Test
  void anOrListIsNoPipe() {
    assertThat(Tokenizer.pipeline("get pod x || true")).containsExactly("get pod x || true");
    // sh reads "a | b || c" as "(a | b) || c": the rest of the line goes to the host's shell whole
    assertThat(Tokenizer.pipeline("get pods | grep x || echo none")).containsExactly("get pods ", " grep x || echo none");
  }

  @Test
  void blanksSeparateWords() {
    assertThat(Tokenizer.tokenize("  get   pods\t-o wide ")).containsExactly("get", "pods", "-o", "wide");
  }

  @Test
  void singleQuotesKeepEverythingLiterally() {
    assertThat(Tokenizer.tokenize("get pods -l 'app in (a, b)' 'x\\y'")).containsExactly("get", "pods", "-l", "app in (a, b)", "x\\y");
  }

  @Test
  void doubleQuotesLetBackslashEscapeQuotes() {
    assertThat(Tokenizer.tokenize("annotate pod x \"msg=say \\\"hi\\\"\"")).containsExactly("annotate", "pod", "x", "msg=say \"hi\"");
  }

  @Test
  void backslashOutsideQuotesEscapesTheNextCharacter() {
    assertThat(Tokenizer.tokenize("label pod a\\ b c")).containsExactly("label", "pod", "a b", "c");
  }

  @Test
  void quotedPartsJoinTheSurroundingWord() {
    assertThat(Tokenizer.tokenize("--selector='a=b',c=\"d\"")).containsExactly("--selector=a=b,c=d");
  }

  @Test
  void emptyQuotesMakeAnEmptyWord() {
    assertThat(Tokenizer.tokenize("get '' x")).containsExactly("get", "", "x");
  }

  @Test
  void unterminatedQuoteIsAnError() {
    assertThatThrownBy(() -> Tokenizer.tokenize("get 'pods")).isInstanceOf(KubectlException.class)
        .hasMessageContaining("unterminated single quote");
  }
}
