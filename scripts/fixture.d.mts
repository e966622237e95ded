// Types for scripts/fixture.mjs (plain JS so that `npm run fixture` runs it with node; test/unit imports it).
import type { PageDescription } from '../src/content/read/page-description';
/** The replica page's HTML for a description, served at `url`. */
export declare function buildPage(description: PageDescription, url: string): string;
