import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

// The server copies `dist/` into its public folder and serves it at `/`, next to `/trpc`.
export default defineConfig({
  base: '/',
  plugins: [preact()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // One small app: a single chunk keeps the first load to two requests (JS + CSS).
    assetsInlineLimit: 0,
    target: 'es2022',
  },
  server: {
    // `npm run dev -w @parcours/dashboard` against a local `parcours start` on its default port.
    proxy: { '/trpc': process.env['PARCOURS_API'] ?? 'http://localhost:4000' },
  },
});
