// The settings moved to src/settings/settings.ts. This forwarder is kept only for src/content/key-page.ts, which is being
// rewritten on another branch; delete it once that file imports '../settings/settings'.
export type { Settings } from '../settings/settings';
