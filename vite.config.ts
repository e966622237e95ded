import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import { defineConfig } from 'vite';
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
        contentScripts: { standaloneFiles: ['src/content/index.ts'] },
      }),
    ],
  };
});
