import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './scripts/precompress.js';

export default defineConfig({
  root: 'src/web',
  plugins: [react(), precompress()],
  build: { outDir: '../../dist/web', emptyOutDir: true, sourcemap: true },
  server: {
    port: 5173,
    // A regular expression, not the prefix '/api': that would also send the module /api.ts to the server.
    proxy: { '^/api/': { target: 'http://127.0.0.1:3000', ws: true } },
  },
});
