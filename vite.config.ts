import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import baseManifest from './manifest.json' with { type: 'json' };

type Target = 'chrome' | 'firefox';

// Firefox runs the background as an event page and needs its own settings (DESIGN.md, toolchain facts).
function manifestFor(target: Target): ManifestV3Export {
  if (target === 'chrome') return baseManifest;
  const { service_worker: script, ...background } = baseManifest.background;
  return {
    ...baseManifest,
    background: { ...background, scripts: [script] },
    browser_specific_settings: {
      gecko: {
        id: 'keyscope@keyscope.dev',
        strict_min_version: '140.0',
        data_collection_permissions: { required: ['none'] },
      },
      gecko_android: { strict_min_version: '142.0' },
    },
  } as ManifestV3Export;
}

/**
 * crxjs lists `?script` files as web-accessible so that pages could load them; ours are only ever injected by
 * `scripting` (executeScript, registerContentScripts), which needs no such entry, and a web-accessible file lets
 * any page probe for the extension. crxjs also leaves each script's intermediate ESM chunk behind, referenced by
 * nothing. Remove both: the package holds only what the manifest and its pages load.
 */
function injectedScriptsStayPrivate(outDir: string): Plugin {
  const references = (code: string) => [...code.matchAll(/(?:\.\/|assets\/)([\w.-]+\.js)\b/g)].map((m) => m[1]!);
  return {
    name: 'keyscope:injected-scripts-stay-private',
    apply: 'build',
    enforce: 'post',
    writeBundle() {
      const manifestPath = join(outDir, 'manifest.json');
      const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown>;
      delete manifest.web_accessible_resources;
      writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
      const roots = [
        'service-worker-loader.js',
        'src/popup/index.html',
        'src/options/index.html',
        'src/content/bootstrap.js',
        'src/content/guard.js',
        'src/content/describe.js',
      ];
      const reached = new Set<string>();
      const queue = roots.flatMap((root) => references(readFileSync(join(outDir, root), 'utf8')));
      while (queue.length) {
        const file = queue.pop()!;
        if (reached.has(file)) continue;
        reached.add(file);
        queue.push(...references(readFileSync(join(outDir, 'assets', file), 'utf8')));
      }
      for (const file of readdirSync(join(outDir, 'assets')).filter(
        (name) => name.endsWith('.js') && !reached.has(name),
      )) {
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
        contentScripts: {
          standaloneFiles: ['src/content/bootstrap.ts', 'src/content/guard.ts', 'src/content/describe.ts'],
        },
      }),
      injectedScriptsStayPrivate(`dist/${target}`),
    ],
  };
});
