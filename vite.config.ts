import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The page ships with a strict Content-Security-Policy <meta> (see renderer/index.html). The dev server's
 * React Fast Refresh preamble and CSS hot reload need inline script and style, so in `vite serve` only
 * the policy is relaxed for them; `vite build` keeps it exactly as written.
 */
function relaxCspForDevServer(): Plugin {
  return {
    name: 'shelfmark:relax-csp-in-dev',
    apply: 'serve',
    transformIndexHtml(html) {
      return html
        .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
        .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
        .replace("connect-src 'self'", "connect-src 'self' ws: http://localhost:* http://127.0.0.1:*");
    },
  };
}

export default defineConfig({
  root: 'renderer',
  // Loaded from file:// in Electron: every asset URL must be relative.
  base: './',
  plugins: [react(), relaxCspForDevServer()],
  worker: { format: 'es' },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    // A strict CSP: no inline data: scripts or styles, every asset a file of its own.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    // One bundle for a desktop app read from disk or loopback: ~550 kB is fine, and the default warning is noise.
    chunkSizeWarningLimit: 800,
  },
});
