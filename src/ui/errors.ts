/** The text of a failure as the background or the browser gave it, for the user to read. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
