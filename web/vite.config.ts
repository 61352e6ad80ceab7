import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/**
 * The SPA lives in `web/` and is built into `dist/web/`, which the server serves at `/`
 * (with a fallback to `index.html` for client routes). Web code imports the server's
 * zod schemas (types only) and the pure `src/shared/{money,calendar-date}.ts` by relative
 * paths with their `.ts` extension, which Vite resolves as is; `server.fs.allow` lets the
 * dev server read them outside `web/`.
 */
export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    // No source maps in the production build: they would publish the sources (`npm run dev`
    // serves its own). The server refuses to hand one out anyway (src/http/app.ts).
    sourcemap: false,
    rolldownOptions: {
      output: {
        // Libraries change less often than our code: separate chunks stay in the browser's
        // cache across releases (and no chunk crosses Vite's 500 kB warning).
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router|cookie|set-cookie-parser|use-sync-external-store)[\\/]/,
            },
            {
              name: 'mantine',
              test: /node_modules[\\/](@mantine(?![\\/]charts)|@floating-ui|react-remove-scroll[^\\/]*|react-style-singleton|use-callback-ref|use-sidecar|get-nonce|tslib|clsx)[\\/]/,
            },
            {
              // The charts (the dispute reports) and recharts: loaded with that tab only. After
              // `mantine`, which keeps the core components the charts use (a group takes its
              // modules' dependencies with it).
              name: 'charts',
              test: /node_modules[\\/](@mantine[\\/]charts|recharts|d3-[^\\/]+|victory-vendor|internmap|decimal\.js-light|es-toolkit|eventemitter3|immer|reselect|redux|@reduxjs|react-redux|tiny-invariant)[\\/]/,
            },
            { name: 'vendor', test: /node_modules[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    fs: { allow: [repoRoot] },
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
  preview: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
});
