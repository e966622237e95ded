/** `https://exchange.example` from any URL of the site; only https and http pages can be guarded. */
export function siteOrigin(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.origin : undefined;
  } catch {
    return undefined;
  }
}

/** The match pattern of every page of a site: what its optional host permission and content script cover. */
export const sitePattern = (origin: string) => `${origin}/*`;
