import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// The ASP.NET Core server the dev server forwards API calls to (KANBAN_SERVER overrides).
const server = process.env.KANBAN_SERVER ?? 'http://localhost:8080';

export default defineConfig({
  plugins: [react()],
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
