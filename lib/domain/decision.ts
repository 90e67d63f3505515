/**
 * Four eyes: the person who proposed a decision may never be the one who
 * records it.
 */
export function violatesFourEyes(proposerId: string, deciderId: string): boolean {
  return proposerId === deciderId;
}
