import { useState } from 'preact/hooks';
import { copyText } from '../download.js';

export function CopyButton({ text, label, title }: { text: string; label: string; title?: string }) {
  const [done, setDone] = useState(false);
  return (
    <button
      type="button"
      class="small"
      title={title}
      onClick={async () => {
        await copyText(text);
        setDone(true);
        setTimeout(() => setDone(false), 1200);
      }}
    >
      {done ? 'Copied' : label}
    </button>
  );
}
