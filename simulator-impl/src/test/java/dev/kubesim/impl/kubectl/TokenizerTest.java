package dev.kubesim.impl.kubectl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TokenizerTest {
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
