import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Beacon } from '../../../core/beacon.js';
import { importHar } from '../../../core/capture/har-import.js';
import type { Config } from '../../../core/config/config.js';
import { truthLinesFor } from '../../../core/report/truth.js';
import type { Session } from '../../../core/session/session.js';
import type { PanelMessage } from '../../wire.js';
import { BaselineModel } from '../baseline-model.js';
import { download } from '../download.js';
import { buildExport } from '../exports.js';
import type { PanelModel } from '../panel-model.js';
import { useModel } from '../use-model.js';
import { BaselineDiff } from './BaselineDiff.js';
import { BeaconList } from './BeaconList.js';
import { ConfigEditor } from './ConfigEditor.js';
import { DetailPane } from './DetailPane.js';
import { SessionsView } from './SessionsView.js';
import { SummaryLine } from './SummaryLine.js';
import { type ExportKind, Toolbar } from './Toolbar.js';

type View = 'beacons' | 'sessions' | 'diff' | 'config';

const TAB_NAMES: Record<View, string> = {
  beacons: 'Beacons',
  sessions: 'Sessions',
  diff: 'Diff',
  config: 'Config',
};

interface Props {
  model: PanelModel;
  send(message: PanelMessage): void;
  configText: string;
  onConfig(text: string, config: Config | undefined): void;
}

export function App({ model, send, configText, onConfig }: Props) {
  const view = useModel(model);
  const [tab, setTab] = useState<View>('beacons');
  const [selected, setSelected] = useState<number | undefined>();
  const [detailOpen, setDetailOpen] = useState(false);
  const [includeSecrets, setIncludeSecrets] = useState(false);
  const [notice, setNotice] = useState<string | undefined>();
  const [baselines] = useState(() => new BaselineModel());
  const [baselineLabel, setBaselineLabel] = useState<string | undefined>();

  const { beacons, shown, findingsByBeacon, counts, sessionLabels } = view;
  const labelOf = (s: Session) => sessionLabels.get(s.key) ?? '';
  // By the session the beacon was placed in: one without session id may have joined one by context.
  const beaconSessionLabel = (b: Beacon) =>
    sessionLabels.get(model.inspector.sessionOf(b.index)?.key ?? '') ?? '';
  const selectedBeacon = selected === undefined ? undefined : beacons[selected];
  const state = model.tabState;

  // Selections refer to beacon indices: a rebuild (clear, import, new config) invalidates them.
  useEffect(() => {
    if (selected !== undefined && selected >= beacons.length) setSelected(undefined);
  }, [beacons.length, selected]);

  // One function for the life of the panel: rows whose props do not change skip rendering.
  const select = useCallback((index: number) => {
    setSelected(index);
    setDetailOpen(true);
  }, []);
  const truthFor = useCallback((session: Session) => truthLinesFor(model.inspector, session), [model]);
  const ruleOf = (beacon: Beacon) => (id: string) =>
    model.inspector.rulesFor(beacon.protocol).find((r) => r.rule.id === id)?.rule;

  const onImport = async (file: File) => {
    try {
      const { requests, truth } = importHar(await file.text(), {
        name: file.name,
        idPrefix: `${file.name}#`,
      });
      model.importRequests(requests, truth);
      setNotice(`Imported ${requests.length} requests from ${file.name}`);
    } catch (error) {
      setNotice(error instanceof Error ? error.message : String(error));
    }
  };
  const onBaselineImport = async (file: File) => {
    try {
      const { requests } = importHar(await file.text(), {
        name: file.name,
        idPrefix: `baseline:${file.name}#`,
      });
      baselines.importRequests(model.inspector, requests, file.name);
      setBaselineLabel(file.name);
    } catch (error) {
      setNotice(error instanceof Error ? error.message : String(error));
    }
  };
  const onExport = (kind: ExportKind) => {
    try {
      const file = buildExport(kind, model.inspector, model.requests(), includeSecrets);
      download(file.name, file.text, file.type);
    } catch (error) {
      setNotice(error instanceof Error ? error.message : String(error));
    }
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Escape anywhere in the panel closes the detail pane, as in DevTools
    <div
      class="app"
      onKeyDown={(e) => {
        if (e.key === 'Escape') setDetailOpen(false);
      }}
    >
      <Toolbar
        recording={state?.recording ?? true}
        preserveLog={state?.preserveLog ?? true}
        filters={model.filters}
        includeSecrets={includeSecrets}
        onRecording={(recording) => send({ type: 'settings', recording })}
        onPreserveLog={(preserveLog) => send({ type: 'settings', preserveLog })}
        onClear={() => {
          setSelected(undefined);
          model.clear();
          send({ type: 'clear' });
        }}
        onFilters={(filters) => model.setFilters(filters)}
        onImport={onImport}
        onExport={onExport}
        onIncludeSecrets={setIncludeSecrets}
      />
      {model.notice && (
        <div class="store-notice" role="alert">
          {model.notice}{' '}
          <button
            type="button"
            class="small"
            aria-label="Dismiss"
            onClick={() => {
              model.dismissNotice();
              send({ type: 'dismiss-notice' });
            }}
          >
            ✕
          </button>
        </div>
      )}
      <div class="tabs" role="tablist">
        {(Object.keys(TAB_NAMES) as View[]).map((t) => (
          <button key={t} type="button" role="tab" aria-selected={tab === t} onClick={() => setTab(t)}>
            {TAB_NAMES[t]}
          </button>
        ))}
        {notice && (
          <span class="notice" role="status">
            {notice}{' '}
            <button type="button" class="small" onClick={() => setNotice(undefined)}>
              ✕
            </button>
          </span>
        )}
      </div>
      <main class="content">
        {tab === 'beacons' && (
          <div class={`split${detailOpen && selectedBeacon ? ' with-detail' : ''}`}>
            <BeaconList
              beacons={beacons}
              shown={shown}
              findingsByBeacon={findingsByBeacon}
              sessionLabel={beaconSessionLabel}
              selected={selected}
              onSelect={select}
              onOpen={() => setDetailOpen(true)}
            />
            {detailOpen && selectedBeacon && (
              <DetailPane
                beacon={selectedBeacon}
                protocolLabel={
                  model.inspector.protocols.find((p) => p.id === selectedBeacon.protocol)?.label ?? ''
                }
                sessionLabel={beaconSessionLabel(selectedBeacon)}
                sessionId={model.inspector.sessionOf(selectedBeacon.index)?.id}
                findings={findingsByBeacon.get(selectedBeacon.index) ?? []}
                rule={ruleOf(selectedBeacon)}
                includeSecrets={includeSecrets}
                onClose={() => setDetailOpen(false)}
              />
            )}
          </div>
        )}
        {tab === 'sessions' && (
          <SessionsView
            sessions={model.inspector.sessions()}
            truthFor={truthFor}
            findings={view.findings}
            labelOf={labelOf}
            selected={selected}
            onSelect={(index) => {
              select(index);
              setTab('beacons');
            }}
            onPin={(session) => {
              const label = `${labelOf(session)} · ${session.id || '(no session id)'}`;
              baselines.pinSession(model.inspector, session, label);
              setBaselineLabel(label);
              setTab('diff');
            }}
          />
        )}
        {tab === 'diff' && (
          <BaselineDiff
            baseline={baselineLabel}
            result={baselines.diff(model.inspector)}
            onImport={onBaselineImport}
            onClear={() => {
              baselines.clear();
              setBaselineLabel(undefined);
            }}
          />
        )}
        {tab === 'config' && (
          <ConfigEditor
            text={configText}
            onSave={(text, config) => onConfig(text, config)}
            onReset={() => onConfig('', undefined)}
          />
        )}
      </main>
      <SummaryLine
        beacons={beacons.length}
        sessions={sessionLabels.size}
        counts={counts}
        shown={shown.length}
        tabState={state}
        waiting={model.waiting()}
      />
    </div>
  );
}
