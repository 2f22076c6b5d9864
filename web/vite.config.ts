import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { defineConfig } from 'vitest/config';

// The ASP.NET Core server the dev server forwards API calls to (KANBAN_SERVER overrides).
const server = process.env.KANBAN_SERVER ?? 'http://localhost:8080';

export default defineConfig({
  plugins: [
    react(),
    // A service worker (Workbox, generated at build) keeps the app's files, so a reload without
    // a network still opens the app instead of the browser's error page. It never answers the
    // API: GraphQL, /auth and the hub always go to the server.
    VitePWA({
      registerType: 'autoUpdate',
      injectRegister: false,
      manifest: {
        name: 'Kanban',
        short_name: 'Kanban',
        description: 'A real-time board for teams',
        start_url: '/',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#2563eb',
        icons: [{ src: '/favicon.svg', sizes: 'any', type: 'image/svg+xml' }],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,woff2}'],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/(graphql|auth|hubs|healthz|readyz|metrics)(\/|$)/],
        cleanupOutdatedCaches: true,
        // Take over the open page at once, so its first visit already leaves the app usable offline.
        clientsClaim: true,
        skipWaiting: true,
      },
    }),
  ],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Never inline assets as data: URLs, so the server's CSP needs no `data:` source.
    assetsInlineLimit: 0,
  },
  server: {
    proxy: {
      '/graphql': server,
      '/auth': server,
      '/hubs': { target: server, ws: true },
      '/healthz': server,
      '/readyz': server,
    },
  },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
  },
});
