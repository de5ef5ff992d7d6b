// Bundles src/main.js with @parcours/sdk into dist/app.js, as an app's own bundler would.
// `node examples/spa-npm/build.js` (after `npm run build`, so packages/sdk/dist exists).
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

/** Builds the example; resolves to esbuild's result (with its metafile). */
export function buildSpa({ minify = true } = {}) {
  const here = fileURLToPath(new URL('.', import.meta.url));
  return build({
    entryPoints: [here + 'src/main.js'],
    outfile: here + 'dist/app.js',
    bundle: true,
    format: 'esm',
    target: 'es2020',
    minify,
    metafile: true,
    logLevel: 'warning',
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { metafile } = await buildSpa();
  console.log(
    JSON.stringify({
      built: 'examples/spa-npm/dist/app.js',
      bytes: metafile.outputs[Object.keys(metafile.outputs)[0]].bytes,
    }),
  );
}
