import { rmSync } from 'node:fs';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';

/** Types come from `@parcours/schema/consentConfig` and vanish at build time. */
const external = [/^@parcours\//];

// A stale file from an earlier build must not survive into the package.
rmSync('dist', { recursive: true, force: true });

export default [
  {
    input: 'src/index.ts',
    external,
    plugins: [typescript({ declaration: true, declarationDir: 'dist', outDir: 'dist' })],
    output: { dir: 'dist', format: 'es' },
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
