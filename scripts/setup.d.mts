// Types for scripts/setup.mjs (plain JS so that it runs before any dependency is installed; test/unit imports it).
type Packages = Record<string, { version?: string; optional?: boolean }>;
export declare const NPM_CI: string[];
export declare const BROWSERS: string[];
export declare const APT_UPDATE: string[];
export declare const APT_INSTALL: string[];
export declare function installedMatchesLock(installed: Packages | undefined, locked: Packages | undefined): boolean;
export declare function installReason(state: {
  nodeModulesTime?: number | undefined;
  lockTime: number;
  installed?: Packages | undefined;
  locked?: Packages | undefined;
}): string | null;
export type BrowserPlan =
  { action: 'none' } | { action: 'apt'; commands: string[][] } | { action: 'fail'; message: string };
export declare function browserPlan(state: { missing: string[]; root: boolean; aptGet: boolean }): BrowserPlan;
