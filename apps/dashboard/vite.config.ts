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
    // Code shared by two lazy pages (a formatter) would be a chunk of a few hundred bytes
    // and one more request: below this size rollup merges it into a chunk that uses it.
    rollupOptions: { output: { experimentalMinChunkSize: 2_000 } },
  },
  server: {
    // `npm run dev -w @parcours/dashboard` against a local `parcours start` on its default port.
    // The Host header stays vite's, so the server's Origin check on mutations (CSRF) sees
    // one origin, and the links it makes (invitations, shares) point at vite.
    proxy: {
      '/trpc': { target: process.env['PARCOURS_API'] ?? 'http://localhost:4000', changeOrigin: false },
    },
  },
});
