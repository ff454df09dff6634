// @vitest-environment happy-dom
import { cleanup, fireEvent, render, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { importHar } from '../../../src/core/capture/har-import.js';
import { Inspector } from '../../../src/core/inspector.js';
import { DetailPane } from '../../../src/extension/panel/components/DetailPane.js';
import { hostileHar, leaks } from '../../helpers/hostile-har.js';
import { KavaSession } from '../../helpers/kava-session.js';

afterEach(cleanup);

function inspect(build: (s: KavaSession) => void) {
  const session = new KavaSession();
  build(session);
  const inspector = new Inspector();
  inspector.addAll(session.requests);
  return inspector;
}

function renderBeacon(inspector: Inspector, index: number, includeSecrets?: boolean) {
  const beacon = inspector.beacons()[index]!;
  const rule = (id: string) => inspector.rulesFor(beacon.protocol).find((r) => r.rule.id === id)?.rule;
  return render(
    <DetailPane
      beacon={beacon}
      protocolLabel="Kaltura KAVA"
      sessionLabel="S1"
      sessionId={inspector.sessionOf(index)?.id}
      findings={inspector.findingsForBeacon(index)}
      rule={rule}
      {...(includeSecrets === undefined ? {} : { includeSecrets })}
      onClose={vi.fn()}
    />,
  );
}

describe('DetailPane', () => {
  it('shows decoded parameters with display names and descriptions, and marks unknown ones', () => {
    const inspector = inspect((s) => s.send(1, 0, 0, { myCustomThing: 'x' }));
    const { container } = renderBeacon(inspector, 0);
    const rows = [...container.querySelectorAll('.params tbody tr')];
    const partner = rows.find((r) => r.querySelector('td')?.textContent === 'partnerId')!;
    expect(partner.textContent).toContain('2215841');
    expect(partner.textContent).toContain('Partner ID');
    const unknown = rows.find((r) => r.querySelector('td')?.textContent === 'myCustomThing')!;
    expect(unknown.className).toBe('unknown-param');
    expect(unknown.textContent).toContain('unknown parameter');
    expect(container.querySelector('pre.raw')?.textContent).toContain('service=analytics');
  });

  it("lists the beacon's findings with the rule's explanation", () => {
    const inspector = inspect((s) => {
      s.send(1, 0, 0);
      s.send(2, 1, 0, {}, { eventIndex: 5 });
    });
    const { container } = renderBeacon(inspector, 1);
    const finding = [...container.querySelectorAll('.finding')].find((f) =>
      f.textContent?.includes('kava/event-index-sequence'),
    );
    expect(finding).toBeDefined();
    expect(finding!.className).toContain('sev-border-error');
    const rule = inspector.rulesFor('kava').find((r) => r.rule.id === 'kava/event-index-sequence')!.rule;
    expect(finding!.querySelector('.explanation')?.textContent).toBe(rule.explanation);
  });

  it('shows a problem found on several beacons once, with their count and numbers', () => {
    const inspector = inspect((s) => {
      s.send(1, 0, 0, { uiConfId: '' });
      s.send(2, 1, 0, { uiConfId: 'undefined' });
      s.send(3, 1.5, 0, { uiConfId: 'undefined' });
      s.send(99, 1.5, 0, { uiConfId: 'undefined' });
    });
    const { container } = renderBeacon(inspector, 3);
    const suspicious = [...container.querySelectorAll('.finding')].filter((f) =>
      f.textContent?.includes('beacon/suspicious-value'),
    );
    expect(suspicious).toHaveLength(1);
    expect(suspicious[0]!.querySelector('.message')?.textContent).toBe(
      'Expected real values, got uiConfId=undefined on 3 of 4 beacons.',
    );
    expect(suspicious[0]!.querySelector('.finding-beacons')?.textContent).toBe('Beacons #2–#4');
  });

  it('says which session a beacon without session id was placed in', () => {
    const inspector = inspect((s) => {
      s.send(1, 0, 0);
      s.send(2, 1, 0, { sessionId: '' });
    });
    const { container } = renderBeacon(inspector, 1);
    expect(container.textContent).toContain(
      `(none sent: placed in ${inspector.sessions()[0]!.id} by entry and partner)`,
    );
  });

  it('renders captured values as text, never as markup', () => {
    const hostile = '<img src=x onerror="window.pwned=1">';
    const inspector = inspect((s) => s.send(1, 0, 0, { customVar1: hostile }));
    const { container } = renderBeacon(inspector, 0);
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toContain(hostile);
  });

  it('shows a POST body with a copy button', () => {
    const inspector = new Inspector();
    const body =
      'service=analytics&action=trackEvent&eventType=1&partnerId=1&entryId=0_abcdefgh&sessionId=a&eventIndex=1';
    inspector.add({
      id: 'p1',
      method: 'POST',
      url: 'https://analytics.kaltura.com/api_v3/index.php',
      body: { kind: 'text', text: body },
      startTime: 1_700_000_000_000,
      status: 200,
    });
    const { container, getByText } = renderBeacon(inspector, 0);
    expect([...container.querySelectorAll('pre.raw')].map((p) => p.textContent)).toContain(body);
    expect(getByText('Copy body')).toBeTruthy();
  });

  it('copies the URL and body with secrets redacted unless Include secrets is checked', async () => {
    const { har, secrets } = hostileHar();
    const inspector = new Inspector();
    inspector.addAll(importHar(JSON.stringify(har)).requests);
    const copied: string[] = [];
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: async (text: string) => void copied.push(text) },
    });
    for (const [index, include] of [
      [0, false],
      [5, false],
      [0, true],
    ] as const) {
      copied.length = 0;
      const { getAllByText, unmount } = renderBeacon(inspector, index, include);
      for (const button of getAllByText(/^Copy (URL|body)$/)) fireEvent.click(button);
      await waitFor(() => expect(copied.length).toBeGreaterThan(0));
      if (include) expect(leaks(copied.join('\n'), secrets)).toContain('query');
      else expect(leaks(copied.join('\n'), secrets)).toEqual([]);
      unmount();
    }
  });
});
