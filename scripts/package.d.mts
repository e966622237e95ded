// Types for scripts/package.mjs (plain JS so that `npm run package` runs it with node; test/build imports it).
export declare const ROOT: string;
export declare const ARTIFACTS: string;
/** The environment a store build runs in: NODE_ENV=production whatever the caller's is. */
export declare const BUILD_ENV: NodeJS.ProcessEnv;
export declare function releaseVersion(root?: string): string;
export declare function archiveNames(version: string): { chrome: string; firefox: string; source: string };
export interface Packaged {
  version: string;
  paths: { chrome: string; firefox: string; source: string };
  /** `web-ext lint`'s summary line for the Firefox zip's contents. */
  lintSummary: string;
}
export declare function packageAll(options?: { build?: boolean; outDir?: string; lint?: boolean }): Packaged;
