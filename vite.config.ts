import { cloudflare } from '@cloudflare/vite-plugin';
import { defineConfig } from 'vite';

// One build makes both the front end (dist/client) and the worker bundle that serves it.
export default defineConfig({
  plugins: [cloudflare()],
  build: { chunkSizeWarningLimit: 1200 },
  server: { host: '127.0.0.1' },
});
