import { render } from 'preact';
import type { Config } from '../../core/config/config.js';
import { loadConfig, saveConfig } from '../config-store.js';
import { App } from './components/App.js';
import { Connection } from './connection.js';
import { onThemeChange, panelContext } from './panel-context.js';
import { PanelModel, PENDING_WAIT_MS } from './panel-model.js';
import './panel.css';

async function start(): Promise<void> {
  const root = document.getElementById('app')!;
  const { tabId, theme } = panelContext(location);
  document.documentElement.dataset.theme = theme;
  if (!new URLSearchParams(location.search).has('theme')) {
    onThemeChange((next) => {
      document.documentElement.dataset.theme = next;
    });
  }
  if (tabId === undefined) {
    root.textContent = 'Open this panel from DevTools, or add ?tabId=<id> to its URL.';
    return;
  }
  const stored = await loadConfig();
  const model = new PanelModel(stored?.config);
  const connection = new Connection(tabId, model);
  connection.open();
  // Beacons whose response never comes are validated after a while without it.
  setInterval(() => model.pump(), PENDING_WAIT_MS / 2);

  let configText = stored?.text ?? '';
  const onConfig = (text: string, config: Config | undefined) => {
    configText = text;
    model.setConfig(config ?? {});
    void saveConfig(config ? { text, config } : undefined);
    draw();
  };
  const draw = () =>
    render(
      <App model={model} send={(m) => connection.send(m)} configText={configText} onConfig={onConfig} />,
      root,
    );
  draw();
}

void start();
