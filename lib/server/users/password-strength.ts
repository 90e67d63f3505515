import "server-only";
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as english from "@zxcvbn-ts/language-en";
import * as dutch from "@zxcvbn-ts/language-nl-be";

/**
 * NIST SP 800-63B asks to refuse passwords that are commonly used, expected or
 * compromised, and to set no composition rules (no "one digit, one capital").
 * zxcvbn estimates how many guesses a password takes, with lists of common
 * passwords, names and words (also Dutch), keyboard patterns, dates and the
 * person's own name and e-mail address. Below score 3 (fewer than 10^10
 * guesses) a password falls to an offline attack on a leaked hash too soon.
 * The dictionaries are large: this module stays on the server.
 */
const MIN_SCORE = 3;

let estimator: ZxcvbnFactory | null = null;

function zxcvbn(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    graphs: common.adjacencyGraphs,
    dictionary: { ...common.dictionary, ...english.dictionary, ...dutch.dictionary },
  });
  return estimator;
}

/** Whether a password is too easy to guess, given what the person told us about themselves. */
export function isGuessablePassword(password: string, aboutThePerson: string[]): boolean {
  const words = aboutThePerson.flatMap((text) => {
    const parts = text.toLowerCase().split(/[\s@._-]+/);
    // "de Vries" is often written as one word in a password.
    const joined = parts.slice(1).map((part, i) => `${parts[i]}${part}`);
    return [text, ...parts, ...joined];
  });
  return zxcvbn().check(password, [...words.filter((w) => w.length >= 3), "doorbraak"]).score < MIN_SCORE;
}
