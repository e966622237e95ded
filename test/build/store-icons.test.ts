// Icons in both builds at every size the stores and browsers ask for: Chrome 16/32/48 in the manifest and 128 for the
// Web Store, Firefox 48 and 96. Each file the manifest names must be a PNG of exactly the size it is listed under,
// read from the PNG header (a 128 slot holding a 96 image would be blurred by the store, not rejected).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;
const REQUIRED = ['16', '32', '48', '96', '128'];

/** Width and height from a PNG's IHDR chunk, or null when the file is not a PNG. */
function pngSize(file: Buffer): { width: number; height: number } | null {
  const signature = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
  if (file.length < 24 || !file.subarray(0, 8).equals(signature) || file.toString('ascii', 12, 16) !== 'IHDR')
    return null;
  return { width: file.readUInt32BE(16), height: file.readUInt32BE(20) };
}

describe.each(['chrome', 'firefox'])('%s build', (target) => {
  const dist = join(root, 'dist', target);
  const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8')) as {
    icons: Record<string, string>;
    action: { default_icon?: Record<string, string> };
  };

  test(`lists icons at ${REQUIRED.join(', ')} px`, () => {
    expect(Object.keys(manifest.icons).sort((a, b) => Number(a) - Number(b))).toEqual(REQUIRED);
  });

  const listed = [...Object.entries(manifest.icons), ...Object.entries(manifest.action.default_icon ?? {})];
  test.each(listed)('the %s px icon %s is a PNG of that size', (size, path) => {
    const file = join(dist, path);
    expect(existsSync(file), file).toBe(true);
    expect(pngSize(readFileSync(file))).toEqual({ width: Number(size), height: Number(size) });
  });
});
