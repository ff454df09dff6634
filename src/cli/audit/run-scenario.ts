import type { Page } from 'puppeteer';
import type { Finding } from '../../core/rules/rule.js';
import type { Session } from '../../core/session/session.js';
import type { AttachedInspector } from '../api/attach-inspector.js';
import { describeMatch, type EventMatch } from '../api/event-match.js';
import { describeStep, type Expectation, type Scenario, type Step } from './scenario.js';
import { VideoDriver, type VideoState } from './video-driver.js';

/** The audit cannot go on (no player, a click target missing, a script that throws): exit 2. */
export class AuditAbort extends Error {}

export interface ScenarioRunOptions {
  /** Milliseconds for waits that have no timeout of their own. */
  timeout: number;
  /** Milliseconds for the player to appear (default `timeout`): what is left of the page-load budget. */
  playerTimeout?: number;
  /** Called before each step (1-based index). */
  onStep?(index: number, total: number, description: string): void;
  /** Something worth telling that is neither a finding nor fatal ("the video did not end"). */
  onNote?(text: string): void;
  signal?: AbortSignal;
}

const POLL_MS = 250;
const DEFAULT_EXPECT_WITHIN_S = 10;

/**
 * Runs a scenario's steps on a page whose beacons `inspector` captures. Unmet expectations become
 * `expect/event-missing` error findings; a step that cannot be carried out throws `AuditAbort`.
 */
export async function runScenario(
  page: Page,
  inspector: AttachedInspector,
  scenario: Scenario,
  options: ScenarioRunOptions,
): Promise<void> {
  const video = new VideoDriver(page, scenario.selector ?? 'video');
  const total = scenario.steps.length;
  for (const [i, step] of scenario.steps.entries()) {
    options.signal?.throwIfAborted();
    const label = `step ${i + 1} (${describeStep(step)})`;
    options.onStep?.(i + 1, total, describeStep(step));
    const since = inspector.beacons().length;
    await runStep(step, label, video, page, inspector, options, since);
    if (step.expect?.length) {
      await Promise.all(step.expect.map((e) => checkExpectation(e, label, inspector, since, options)));
    }
  }
}

async function runStep(
  step: Step,
  label: string,
  video: VideoDriver,
  page: Page,
  inspector: AttachedInspector,
  options: ScenarioRunOptions,
  since: number,
): Promise<void> {
  const selector = step.selector;
  // A page command that never settles (play() on a stalled stream, a script awaiting forever) must not
  // hang the audit: it fails the step after the timeout.
  const command = async <T>(run: Promise<T>, what: string): Promise<T> => {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new AuditAbort(`${label} failed: ${what} did not finish within ${options.timeout / 1000} s`),
          ),
        options.timeout,
      );
    });
    try {
      return await Promise.race([run, late]);
    } catch (error) {
      if (error instanceof AuditAbort) throw error;
      throw new AuditAbort(`${label} failed: ${errorText(error)}`);
    } finally {
      clearTimeout(timer);
    }
  };
  const failIf = (error: string | null) => {
    if (error) throw new AuditAbort(`${label} failed: ${error}`);
  };
  switch (step.action) {
    case 'waitForPlayer':
      return waitForPlayer(
        video,
        selector,
        step.timeout !== undefined ? step.timeout * 1000 : (options.playerTimeout ?? options.timeout),
        options.signal,
      );
    case 'play':
      return failIf(await command(video.play(selector), 'play()'));
    case 'pause':
      return failIf(await command(video.pause(selector), 'pause()'));
    case 'seek':
      return failIf(await command(video.seek(step.to, selector), 'the seek'));
    case 'click':
      await command(page.click(step.selector), 'the click');
      return;
    case 'evaluate':
      await command(
        page.evaluate(step.script).catch((error) => {
          throw new Error(`the script threw: ${errorText(error)}`);
        }),
        'the script',
      );
      return;
    case 'wait':
      return waitStep(step, label, video, inspector, options, since);
  }
}

async function waitForPlayer(
  video: VideoDriver,
  selector: string | undefined,
  timeout: number,
  signal: AbortSignal | undefined,
): Promise<void> {
  const deadline = Date.now() + timeout;
  let last: VideoState | undefined;
  while (Date.now() < deadline) {
    last = await video.state(selector).catch(() => undefined);
    if (last?.found && last.readyState >= 1) return;
    await sleep(POLL_MS, signal);
  }
  const seconds = Math.ceil(timeout / 1000);
  if (!last?.found) throw new AuditAbort(`no player: the page has no <video> element after ${seconds} s`);
  throw new AuditAbort(
    `the player's <video> did not load its media within ${seconds} s${last.error ? ` (${last.error})` : ''}`,
  );
}

async function waitStep(
  step: Extract<Step, { action: 'wait' }>,
  label: string,
  video: VideoDriver,
  inspector: AttachedInspector,
  options: ScenarioRunOptions,
  since: number,
): Promise<void> {
  const { until } = step;
  if (until === undefined) return sleep((step.seconds ?? 0) * 1000, options.signal);
  // With `seconds` too, the wait is soft: whichever comes first, and never a finding.
  const soft = step.seconds !== undefined;
  if (until === 'ended') {
    const timeout = soft ? (step.seconds ?? 0) * 1000 : await endTimeout(video, step, options);
    const ended = await pollUntil(
      async () => (await video.state(step.selector)).ended,
      timeout,
      options.signal,
    );
    if (!ended && !soft)
      options.onNote?.(`${label}: the video had not ended after ${Math.round(timeout / 1000)} s`);
    return;
  }
  const { count = 1, ...match } = until;
  const timeout = (soft ? (step.seconds ?? 0) : (step.timeout ?? options.timeout / 1000)) * 1000;
  try {
    await inspector.waitForEvent(match, { since, count, timeout, ...signalOf(options) });
  } catch (error) {
    options.signal?.throwIfAborted();
    if (!soft)
      missing(inspector, label, match, `${count > 1 ? `${count}× ` : ''}${describeMatch(match)}`, error);
  }
}

/** Time left to play plus a margin, so "play to the end" does not cut a long video short. */
async function endTimeout(
  video: VideoDriver,
  step: Extract<Step, { action: 'wait' }>,
  options: ScenarioRunOptions,
): Promise<number> {
  if (step.timeout !== undefined) return step.timeout * 1000;
  const state = await video.state(step.selector);
  if (state.duration === null) return options.timeout;
  return (Math.max(0, state.duration - state.currentTime) + 30) * 1000;
}

async function checkExpectation(
  expectation: Expectation,
  label: string,
  inspector: AttachedInspector,
  since: number,
  options: ScenarioRunOptions,
): Promise<void> {
  const { count = 1, within = DEFAULT_EXPECT_WITHIN_S, ...match } = expectation;
  try {
    await inspector.waitForEvent(match, { since, count, timeout: within * 1000, ...signalOf(options) });
  } catch (error) {
    options.signal?.throwIfAborted();
    const what = `${count > 1 ? `${count}× ` : ''}${describeMatch(match)} within ${within} s`;
    missing(inspector, label, match, what, error);
  }
}

/**
 * Records an unmet expectation on the latest session of the expected protocol, so that reports that
 * list findings per session (JUnit, the timelines) show it; on no session when there is none.
 */
function missing(
  inspector: AttachedInspector,
  label: string,
  match: EventMatch,
  what: string,
  error: unknown,
): void {
  const seen = errorText(error).replace(/^Timed out.*?; /, '');
  const finding: Finding = {
    rule: 'expect/event-missing',
    severity: 'error',
    message: `After ${label}, expected ${what}, but it never came; ${seen}`,
    beacons: [],
  };
  const last = (session: Session) => session.beacons.at(-1)?.time ?? 0;
  const session = inspector
    .sessions()
    .filter((s) => !match.protocol || s.protocol === match.protocol)
    .sort((a, b) => last(b) - last(a))[0];
  if (session)
    Object.assign(finding, { sessionId: session.id, protocol: session.protocol, session: session.key });
  inspector.addFinding(finding);
}

async function pollUntil(
  check: () => Promise<boolean>,
  timeout: number,
  signal?: AbortSignal,
): Promise<boolean> {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return true;
    await sleep(POLL_MS, signal);
  }
  return false;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function signalOf(options: ScenarioRunOptions): { signal?: AbortSignal } {
  return options.signal ? { signal: options.signal } : {};
}

function errorText(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}
