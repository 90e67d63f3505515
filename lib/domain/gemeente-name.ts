/**
 * The name to show first: the one people use ("Den Haag"), where it differs
 * from CBS's official name ("'s-Gravenhage"). Legal texts such as the decision
 * letter keep the official name.
 */
export function displayName(g: { name: string; commonName: string | null }): string {
  return g.commonName ?? g.name;
}
