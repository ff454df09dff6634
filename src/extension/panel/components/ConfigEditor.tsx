import { useState } from 'preact/hooks';
import type { Config } from '../../../core/config/config.js';
import { parseConfig } from '../../../core/config/validate-config.js';

interface Props {
  text: string;
  onSave(text: string, config: Config): void;
  onReset(): void;
}

/**
 * The expectations config, the same `player-inspector.config.json` as the CLI: validated by the core
 * before it is saved, so the message names the wrong key exactly as the CLI would.
 */
export function ConfigEditor({ text, onSave, onReset }: Props) {
  const [draft, setDraft] = useState(text);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | undefined>();
  const save = () => {
    try {
      const config = parseConfig(draft.trim() === '' ? '{}' : draft, { name: 'config' });
      onSave(draft, config);
      setMessage({ ok: true, text: 'Saved. Findings were recomputed with this config.' });
    } catch (error) {
      setMessage({ ok: false, text: error instanceof Error ? error.message : String(error) });
    }
  };
  return (
    <section class="config" aria-label="Expectations config">
      <p class="muted">
        <code>player-inspector.config.json</code>: rule severities, expected parameter values and events,
        custom collector URL patterns. Stored in this browser profile.
      </p>
      <textarea
        aria-label="Config JSON"
        spellcheck={false}
        value={draft}
        onInput={(e) => setDraft(e.currentTarget.value)}
      />
      <div class="config-actions">
        <button type="button" onClick={save}>
          Validate and save
        </button>
        <button
          type="button"
          onClick={() => {
            setDraft('');
            setMessage(undefined);
            onReset();
          }}
        >
          Reset to defaults
        </button>
        {message && (
          <span role="status" class={message.ok ? 'ok' : 'sev-error'}>
            {message.text}
          </span>
        )}
      </div>
    </section>
  );
}
