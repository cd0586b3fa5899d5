import { cloudflare } from '@cloudflare/vite-plugin';
import { defineConfig } from 'vite';

// One build makes both the front end (dist/client) and the worker bundle that serves it.
export default defineConfig({
  plugins: [cloudflare()],
  server: { host: '127.0.0.1' },
  environments: {
    client: {
      build: {
        chunkSizeWarningLimit: 1200,
        // Every browser the app supports preloads modules natively: no polyfill chunk to fetch.
        modulePreload: { polyfill: false },
        rolldownOptions: {
          // Two pages share one MapLibre chunk: the app, and the bare MapLibre page the
          // viewer benchmark compares it with (same library bytes, same server).
          input: { main: 'index.html', bare: 'bench/bare-map.html' },
          output: {
            // MapLibre in a chunk of its own: cached across releases of our code, and
            // measurable apart from it (the size budget counts our code separately).
            codeSplitting: { groups: [{ name: 'maplibre', test: /node_modules[\\/]maplibre-gl/ }] },
          },
        },
      },
    },
  },
});
