import { rmSync } from 'node:fs';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import { dts } from 'rollup-plugin-dts';

/** Types come from `@parcours/schema/consentConfig`: they vanish from the code and are copied into `index.d.ts`. */
const external = [/^@parcours\//];

// A stale file from an earlier build must not survive into the package.
rmSync('dist', { recursive: true, force: true });

export default [
  {
    input: 'src/index.ts',
    external,
    plugins: [typescript({ declaration: false, outDir: 'dist' })],
    output: { dir: 'dist', format: 'es' },
  },
  {
    // One declaration file, with the types of `@parcours/schema` copied in: that package
    // is not published, so a project installing the banner must find them here.
    input: 'src/index.ts',
    plugins: [dts({ tsconfig: 'tsconfig.json', includeExternal: ['@parcours/schema'] })],
    output: { file: 'dist/index.d.ts', format: 'es' },
  },
  {
    input: 'src/iife.ts',
    external,
    plugins: [typescript({ declaration: false, outDir: 'dist' })],
    output: {
      file: 'dist/banner.iife.js',
      format: 'iife',
      strict: false,
      plugins: [
        terser({
          ecma: 2020,
          compress: { passes: 3, unsafe_arrows: true },
          mangle: { properties: { regex: /^_/ } },
        }),
      ],
    },
  },
];
