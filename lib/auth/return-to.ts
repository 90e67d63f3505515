/**
 * Only same-site paths are followed after sign-in, never another host. Browsers
 * drop tabs and newlines from a URL and read a backslash as a slash, so
 * "/\t/evil.example" would become "//evil.example": such paths are refused too.
 */
export function safeReturnTo(value: unknown, fallback = "/start"): string {
  if (typeof value !== "string" || !value.startsWith("/") || /[\u0000-\u001f\u007f\\]/.test(value)) return fallback;
  if (value.startsWith("//")) return fallback;
  return value;
}
