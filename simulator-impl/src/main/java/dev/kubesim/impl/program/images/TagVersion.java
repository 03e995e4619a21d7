package dev.kubesim.impl.program.images;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An image tag read as a version and its variant, the way the official images name their tags:
 * {@code 7.2.4-alpine3.19} is version {@code 7.2.4} of the {@code alpine} variant ({@code
 * alpine3.19} in full), {@code 1.25} is the 1.25 series, {@code v2} is version 2 written with a
 * {@code v}. A tag that does not start with a number ({@code latest}, {@code stable-alpine},
 * {@code bookworm}, {@code e2e}) is no version.
 *
 * @param text the version as the tag writes it, without a {@code v}: {@code 7.2.4}, {@code 22.04}
 * @param parts its numbers: {@code [7, 2, 4]}
 * @param prefixed whether the tag writes it with a {@code v}
 * @param suffix what follows the version after a dash, or {@code ""}: {@code alpine3.19}, {@code
 *     management-alpine}
 */
public record TagVersion(String text, List<Integer> parts, boolean prefixed, String suffix) {
  private static final Pattern VERSION = Pattern.compile("(v?)(\\d+(?:\\.\\d+){0,3})(?:-(.+))?");
  private static final Pattern LETTERS = Pattern.compile("[a-z]+");

  /** Copies the parts. */
  public TagVersion {
    parts = List.copyOf(parts);
  }

  /**
   * Reads a tag as a version.
   *
   * @param tag an image tag
   * @return the version and variant, or empty when the tag does not start with a version
   */
  public static Optional<TagVersion> parse(String tag) {
    Matcher m = VERSION.matcher(tag);
    if (!m.matches()) {
      return Optional.empty();
    }
    List<Integer> parts = new ArrayList<>(4);
    for (String p : m.group(2).split("\\.")) {
      parts.add(p.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(p));
    }
    return Optional.of(new TagVersion(m.group(2), parts, !m.group(1).isEmpty(), m.group(3) == null ? "" : m.group(3)));
  }

  /**
   * Reads a tag that may be absent.
   *
   * @param tag an image tag, if any
   * @return the version and variant, or empty when there is no tag or it is no version
   */
  public static Optional<TagVersion> parse(Optional<String> tag) {
    return tag.flatMap(TagVersion::parse);
  }

  /**
   * The variant's name: the letters the suffix starts with ({@code alpine} for {@code
   * alpine3.19}, {@code management} for {@code management-alpine}), or {@code ""}.
   *
   * @return the variant's name, or {@code ""} for the image's default variant
   */
  public String variant() {
    Matcher m = LETTERS.matcher(suffix);
    return m.lookingAt() ? m.group() : "";
  }

  /**
   * Whether {@code other}'s numbers start with this version's ({@code 1.14} starts {@code
   * 1.14.2}; {@code 1.14.2} starts itself).
   *
   * @param other another version
   * @return whether this version is a prefix of {@code other}
   */
  public boolean isPrefixOf(TagVersion other) {
    return parts.size() <= other.parts.size() && other.parts.subList(0, parts.size()).equals(parts);
  }

  /**
   * Compares the numbers, part by part; a version that is a prefix of another sorts first.
   *
   * @param other another version
   * @return negative, zero or positive as this version is older, the same or newer
   */
  public int compareNumbers(TagVersion other) {
    for (int i = 0; i < Math.min(parts.size(), other.parts.size()); i++) {
      int c = Integer.compare(parts.get(i), other.parts.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(parts.size(), other.parts.size());
  }
}
