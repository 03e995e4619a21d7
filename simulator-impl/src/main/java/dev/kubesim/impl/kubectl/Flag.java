package dev.kubesim.impl.kubectl;

import java.util.Optional;

/**
 * A command-line flag as cobra/pflag declares it: a long name, an optional one-letter shorthand,
 * and whether it is a boolean (given without a value) or takes a value.
 *
 * @param name the long name, without dashes ({@code namespace})
 * @param shorthand the one-letter form, without the dash ({@code n}), if any
 * @param bool whether the flag is a boolean
 */
record Flag(String name, Optional<String> shorthand, boolean bool) {
  /** A flag taking a value. */
  static Flag value(String name) {
    return new Flag(name, Optional.empty(), false);
  }

  /** A flag taking a value, with a shorthand. */
  static Flag value(String name, String shorthand) {
    return new Flag(name, Optional.of(shorthand), false);
  }

  /** A boolean flag. */
  static Flag bool(String name) {
    return new Flag(name, Optional.empty(), true);
  }

  /** A boolean flag with a shorthand. */
  static Flag bool(String name, String shorthand) {
    return new Flag(name, Optional.of(shorthand), true);
  }
}
