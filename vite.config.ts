import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import baseManifest from './manifest.json' with { type: 'json' };

type Target = 'chrome' | 'firefox';

// Firefox runs the background as an event page and needs its own settings (DESIGN.md, toolchain facts).
function manifestFor(target: Target): ManifestV3Export {
  if (target === 'chrome') return baseManifest as ManifestV3Export;
  const { service_worker: script, ...background } = baseManifest.background;
  return {
    ...baseManifest,
    background: { ...background, scripts: [script] },
    browser_specific_settings: {
      gecko: { id: 'keyscope@keyscope.dev', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
      gecko_android: { strict_min_version: '142.0' },
    },
  } as ManifestV3Export;
}

/**
 * crxjs lists `?script` files as web-accessible so that pages could load them; ours is only ever injected by
 * `scripting.executeScript`, which needs no such entry, and a web-accessible file lets any page probe for the
 * extension. crxjs also leaves the script's intermediate ESM chunk behind, referenced by nothing. Remove both.
 */
function injectedScriptsStayPrivate(outDir: string): Plugin {
  return {
    name: 'keyscope:injected-scripts-stay-private',
    apply: 'build',
    enforce: 'post',
    writeBundle() {
      const manifestPath = join(outDir, 'manifest.json');
      const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
      delete manifest.web_accessible_resources;
      writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
      for (const file of readdirSync(join(outDir, 'assets')).filter((name) => name.startsWith('guard.ts-'))) {
        rmSync(join(outDir, 'assets', file));
      }
    },
  };
}

export default defineConfig(({ mode }) => {
  const target: Target = mode === 'firefox' ? 'firefox' : 'chrome';
  return {
    build: {
      outDir: `dist/${target}`,
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: false,
      // Vite's modulepreload polyfill fetches chunks: extension pages load their own files and must not fetch.
      modulePreload: { polyfill: false },
    },
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    plugins: [
      crx({
        manifest: manifestFor(target),
        browser: target,
        contentScripts: { standaloneFiles: ['src/content/index.ts', 'src/content/guard.ts'] },
      }),
      injectedScriptsStayPrivate(`dist/${target}`),
    ],
  };
});
