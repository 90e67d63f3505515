import { ageOn } from "./consent";

/**
 * The child's own voice in a case. The form asks what the child wants, and for
 * a child of 12 or older whether they want to be heard themselves: from that
 * age a child is heard on decisions about their care (Jeugdwet, IVRK art. 12).
 */
export const CHILD_HEARD_FROM_AGE = 12;

export const heardAnswers = ["YES", "NO", "UNSURE"] as const;
export type HeardAnswer = (typeof heardAnswers)[number];

export const supporterAnswers = ["YES", "NO"] as const;

/** Whether the form asks this child if they want to be heard: 12 or older on the day of filing. */
export function asksToBeHeard(birthDate: string, today: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(birthDate) && ageOn(birthDate, today) >= CHILD_HEARD_FROM_AGE;
}

/** The answer kept for the case: none for a younger child, whatever the form sent. */
export function heardAnswerFor(birthDate: string, answer: HeardAnswer | undefined, today: string): HeardAnswer | null {
  return answer && asksToBeHeard(birthDate, today) ? answer : null;
}
