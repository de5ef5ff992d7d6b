import { rmSync } from 'node:fs';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import { dts } from 'rollup-plugin-dts';

/** Types come from `@parcours/schema/types` and vanish at build time; nothing else is external. */
const external = [/^@parcours\/schema/, /^node:/];

// A stale chunk from an earlier build must not survive into the package.
rmSync('dist', { recursive: true, force: true });

/** Property names no one outside the script-tag bundle sees (none is on the wire, in a `data-` attribute or the API). */
const INTERNAL = /^(_|(kind|after|reason|storage|onHide|onNavigate)$)/;

/** The entry points of the npm package (the script tag has its own build below). */
const entries = { index: 'src/index.ts', 'react-native': 'src/react-native.ts', node: 'src/node.ts' };

/** The code every entry point shares lands in one `shared/core` chunk. */
const manualChunks = (id) =>
  /[/\\]src[/\\](core|platforms[/\\]sendWithFetch)/.test(id) ? 'core' : undefined;

/** The script tag's build: `src/core/isScriptTag.ts` becomes `isScriptTag.iife.ts` (see there). */
const scriptTag = {
  name: 'script-tag',
  async resolveId(source, importer, options) {
    if (!source.endsWith('/isScriptTag.js')) return null;
    const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
    return resolved && { ...resolved, id: resolved.id.replace(/\.ts$/, '.iife.ts') };
  },
};

export default [
  {
    input: entries,
    external,
    plugins: [typescript({ declaration: false, outDir: 'dist' })],
    output: [
      {
        dir: 'dist',
        format: 'es',
        manualChunks,
        entryFileNames: '[name].js',
        chunkFileNames: 'shared/[name].js',
      },
      {
        dir: 'dist',
        format: 'cjs',
        manualChunks,
        entryFileNames: '[name].cjs',
        chunkFileNames: 'shared/[name].cjs',
      },
    ],
  },
  {
    // One declaration file per entry point (and one shared chunk), with the types of
    // `@parcours/schema` copied in: that package is not published, so a project that
    // installs the SDK must find every type it names inside the SDK's own files.
    input: entries,
    plugins: [dts({ tsconfig: 'tsconfig.json', includeExternal: ['@parcours/schema'] })],
    output: {
      dir: 'dist',
      format: 'es',
      entryFileNames: '[name].d.ts',
      chunkFileNames: 'shared/[name].d.ts',
    },
  },
  {
    input: 'src/iife.ts',
    external,
    plugins: [scriptTag, typescript({ declaration: false, outDir: 'dist' })],
    output: {
      file: 'dist/parcours.iife.js',
      format: 'iife',
      // The code relies on no strict-mode semantics; the directive would only cost bytes.
      strict: false,
      plugins: [
        terser({
          ecma: 2020,
          // `booleans_as_integers`: `true`/`false` literals become 1/0; nothing public returns
          // one (`consent.review` returns a comparison's result), and fetch reads `keepalive: 1`.
          compress: { passes: 3, unsafe_arrows: true, booleans_as_integers: true },
          // Private fields start with `_` (STYLE.md, "Size"): everything else is API or wire format,
          // except, in this one closure, the names core and platform share (`Platform`, `Outcome`)
          // and the options the tag never sets. `builtins`: terser spares DOM names (`kind`…) otherwise.
          mangle: { properties: { regex: INTERNAL, builtins: true } },
        }),
      ],
    },
  },
];
