// Builds the video room script (issue 6) into dist/, which Maven copies to the jar's
// static/assets/video/: room.js (ES module, livekit-client bundled in, minified) and
// e2ee-worker.js (livekit-client's own end-to-end encryption worker, a classic worker script).
// Served from the platform's own origin: no CDN, no third-party origin at run time.
import { build } from 'esbuild';
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';

const out = 'dist/video';
await rm('dist', { recursive: true, force: true });
await mkdir(out, { recursive: true });

await build({
  entryPoints: ['src/video/room.js'],
  outfile: `${out}/room.js`,
  bundle: true,
  format: 'esm',
  minify: true,
  target: ['es2020'],
  // Licence texts go to a file of their own, served beside the bundle.
  legalComments: 'linked',
  sourcemap: false,
  logLevel: 'warning',
});
await copyFile('node_modules/livekit-client/dist/livekit-client.e2ee.worker.js', `${out}/e2ee-worker.js`);
const licence = await readFile('node_modules/livekit-client/LICENSE', 'utf8');
await writeFile(`${out}/LICENSE-livekit-client.txt`, licence);

// The worker refers to its source map; there is none beside it (no request that can only fail).
const worker = await readFile(`${out}/e2ee-worker.js`, 'utf8');
await writeFile(`${out}/e2ee-worker.js`, worker.replace(/\n?\/\/# sourceMappingURL=\S+\s*$/, '\n'));
