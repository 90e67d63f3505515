/**
 * The woonplaatsbeginsel of the Jeugdwet (since 2022) decides which gemeente
 * is responsible for a child:
 *  1. the gemeente of the child's own address in the BRP;
 *  2. if the child lives with a care provider, a foster family, in beschermd
 *     wonen or a JJI: the gemeente of the address just before that stay;
 *  3. otherwise (no known address, or it is flagged): the gemeente where the
 *     mother lived when the child was born.
 */
export const livingSituations = ["OWN_ADDRESS", "IN_CARE", "UNKNOWN"] as const;
export type LivingSituation = (typeof livingSituations)[number];

export type ResidenceRule = "OWN_ADDRESS" | "BEFORE_CARE" | "MOTHER_AT_BIRTH";

export type ResidenceAnswers = {
  livingSituation: LivingSituation;
  ownGemeenteCode?: string | null;
  previousGemeenteCode?: string | null;
  motherGemeenteCode?: string | null;
};

/** The gemeente answer each situation needs, by form field. */
export const requiredAnswer = {
  OWN_ADDRESS: "ownGemeenteCode",
  IN_CARE: "previousGemeenteCode",
  UNKNOWN: "motherGemeenteCode",
} as const satisfies Record<LivingSituation, keyof ResidenceAnswers>;

const ruleOf = {
  OWN_ADDRESS: "OWN_ADDRESS",
  IN_CARE: "BEFORE_CARE",
  UNKNOWN: "MOTHER_AT_BIRTH",
} as const satisfies Record<LivingSituation, ResidenceRule>;

/** The responsible gemeente's CBS code and the rule that chose it, or null when the needed answer is missing. */
export function responsibleGemeente(answers: ResidenceAnswers): { gemeenteCode: string; rule: ResidenceRule } | null {
  const code = answers[requiredAnswer[answers.livingSituation]];
  return code ? { gemeenteCode: code, rule: ruleOf[answers.livingSituation] } : null;
}
