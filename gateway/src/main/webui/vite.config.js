import { defineConfig } from 'vite';

// The gateway serves the built console at /admin/ (Quinoa). `npm run dev` serves it on :5173 and proxies the API
// and the config to a running gateway (CARELINE_GATEWAY, default :8080): page and API stay on one origin, as in
// production.
const gateway = process.env.CARELINE_GATEWAY ?? 'http://127.0.0.1:8080';

export default defineConfig({
  base: '/admin/',
  build: {
    outDir: 'dist',
    target: 'es2022',
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': gateway,
      '/admin/config.json': gateway,
    },
  },
});
