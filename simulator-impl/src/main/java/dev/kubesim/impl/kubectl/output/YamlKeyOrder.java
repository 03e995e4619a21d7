package dev.kubesim.impl.kubectl.output;

import java.util.Comparator;

/**
 * The order in which go-yaml v2 ({@code keyList.Less}) writes map keys, which is what kubectl's
 * {@code -o yaml} shows: code point order, except that runs of digits compare as numbers
 * ({@code port-9} before {@code port-10}) and a non-letter sorts before a letter.
 */
final class YamlKeyOrder implements Comparator<String> {
  static final YamlKeyOrder INSTANCE = new YamlKeyOrder();

  private YamlKeyOrder() {}

  @Override
  public int compare(String x, String y) {
    if (x.equals(y)) {
      return 0;
    }
    return less(x, y) ? -1 : 1;
  }

  private static boolean less(String x, String y) {
    int[] ar = x.codePoints().toArray();
    int[] br = y.codePoints().toArray();
    for (int i = 0; i < ar.length && i < br.length; i++) {
      if (ar[i] == br[i]) {
        continue;
      }
      boolean al = Character.isLetter(ar[i]);
      boolean bl = Character.isLetter(br[i]);
      if (al && bl) {
        return ar[i] < br[i];
      }
      if (al || bl) {
        return bl;
      }
      long an = 0;
      long bn = 0;
      if (ar[i] == '0' || br[i] == '0') {
        for (int j = i - 1; j >= 0 && Character.isDigit(ar[j]); j--) {
          if (ar[j] != '0') {
            an = 1;
            bn = 1;
            break;
          }
        }
      }
      int ai = i;
      for (; ai < ar.length && Character.isDigit(ar[ai]); ai++) {
        an = an * 10 + (ar[ai] - '0');
      }
      int bi = i;
      for (; bi < br.length && Character.isDigit(br[bi]); bi++) {
        bn = bn * 10 + (br[bi] - '0');
      }
      if (an != bn) {
        return an < bn;
      }
      if (ai != bi) {
        return ai < bi;
      }
      return ar[i] < br[i];
    }
    return ar.length < br.length;
  }
}
