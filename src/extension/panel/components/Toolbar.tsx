import type { ProtocolId } from '../../../core/protocols/protocol.js';
import type { Severity } from '../../../core/rules/rule.js';
import type { Filters } from '../filters.js';
import { PROTOCOL_SHORT } from '../format.js';

export type ExportKind = 'har' | 'json' | 'junit' | 'html';

interface Props {
  recording: boolean;
  preserveLog: boolean;
  filters: Filters;
  includeSecrets: boolean;
  onRecording(on: boolean): void;
  onPreserveLog(on: boolean): void;
  onClear(): void;
  onFilters(filters: Filters): void;
  onImport(file: File): void;
  onExport(kind: ExportKind): void;
  onIncludeSecrets(on: boolean): void;
}

const PROTOCOLS = Object.keys(PROTOCOL_SHORT) as ProtocolId[];
const SEVERITIES: (Severity | 'all')[] = ['all', 'info', 'warning', 'error'];

/** DevTools-style toolbar: capture controls, filters, import and export. */
export function Toolbar(props: Props) {
  const { filters, onFilters } = props;
  const toggleProtocol = (id: ProtocolId) => {
    const protocols = new Set(filters.protocols);
    if (protocols.has(id)) protocols.delete(id);
    else protocols.add(id);
    onFilters({ ...filters, protocols });
  };
  return (
    <div class="toolbar" role="toolbar" aria-label="Capture">
      <button
        type="button"
        class={`icon record${props.recording ? ' on' : ''}`}
        aria-pressed={props.recording}
        title={props.recording ? 'Stop recording beacons' : 'Record beacons'}
        onClick={() => props.onRecording(!props.recording)}
      >
        ●
      </button>
      <button type="button" class="icon" title="Clear" aria-label="Clear" onClick={props.onClear}>
        ⊘
      </button>
      <label class="check">
        <input
          type="checkbox"
          checked={props.preserveLog}
          onChange={(e) => props.onPreserveLog(e.currentTarget.checked)}
        />
        Preserve log
      </label>
      <span class="sep" />
      <input
        type="search"
        class="filter-text"
        placeholder="Filter: event, parameter, value"
        aria-label="Text filter"
        value={filters.text}
        onInput={(e) => onFilters({ ...filters, text: e.currentTarget.value })}
      />
      {PROTOCOLS.map((id) => (
        <button
          key={id}
          type="button"
          class={`chip${filters.protocols.has(id) ? ' active' : ''}`}
          aria-pressed={filters.protocols.has(id)}
          onClick={() => toggleProtocol(id)}
        >
          {PROTOCOL_SHORT[id]}
        </button>
      ))}
      <select
        aria-label="Severity filter"
        value={filters.severity}
        onChange={(e) => onFilters({ ...filters, severity: e.currentTarget.value as Severity | 'all' })}
      >
        {SEVERITIES.map((s) => (
          <option key={s} value={s}>
            {s === 'all' ? 'All beacons' : `${s} and worse`}
          </option>
        ))}
      </select>
      <span class="sep" />
      <label class="button" title="Import a HAR file">
        Import HAR
        <input
          type="file"
          accept=".har,application/json"
          hidden
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            if (file) props.onImport(file);
            e.currentTarget.value = '';
          }}
        />
      </label>
      <select
        aria-label="Export"
        value=""
        onChange={(e) => {
          const kind = e.currentTarget.value as ExportKind | '';
          e.currentTarget.value = '';
          if (kind) props.onExport(kind);
        }}
      >
        <option value="">Export…</option>
        <option value="har">HAR</option>
        <option value="json">JSON report</option>
        <option value="junit">JUnit report</option>
        <option value="html">HTML report</option>
      </select>
      <label class="check" title="Exports replace ks and other secrets by REDACTED unless this is checked">
        <input
          type="checkbox"
          checked={props.includeSecrets}
          onChange={(e) => props.onIncludeSecrets(e.currentTarget.checked)}
        />
        Include secrets
      </label>
    </div>
  );
}
