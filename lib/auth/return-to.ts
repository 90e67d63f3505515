/** Only same-site paths are followed after sign-in, never another host. */
export function safeReturnTo(value: unknown, fallback = "/start"): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) {
    return fallback;
  }
  return value;
}
