import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import manifest from './manifest.json' with { type: 'json' };

// The manifest names the background worker and devtools page; the panel page is opened by
// `devtools.panels.create`, which the manifest cannot name, so it is an extra input.
export default defineConfig({
  plugins: [preact(), crx({ manifest })],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rolldownOptions: { input: { panel: 'src/extension/panel/panel.html' } },
  },
});
