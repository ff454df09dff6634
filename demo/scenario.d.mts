// Types for scenario.mjs, for TypeScript callers.
import type { Page } from 'puppeteer';

export interface ScenarioOptions {
  /** Play to this position (s) before the pause. Default 12. */
  playTo?: number;
  /** Pause length in ms. Default 3000. */
  pauseMs?: number;
  /** Seconds to play after resuming, before the seek. Default 3. */
  resumeFor?: number;
  /** Seek target (s). Default 40. */
  seekTo?: number;
  /** Seconds to replay after the end. Default 4. */
  replayFor?: number;
  timeoutMs?: number;
}

export function waitForDemo(page: Page, timeoutMs?: number): Promise<void>;
export function runScenario(page: Page, options?: ScenarioOptions): Promise<void>;
export function play(page: Page): Promise<number>;
export function pause(page: Page): Promise<void>;
export function seek(page: Page, position: number): Promise<void>;
export function waitForPosition(page: Page, position: number, timeoutMs: number): Promise<void>;
export function sleep(ms: number): Promise<void>;
export function runChangeMedia(
  page: Page,
  options: { entries: string[]; playTo?: number; timeoutMs?: number },
): Promise<void>;
export function runPausedSeeks(
  page: Page,
  options: {
    pauses: { seekAfterMs: number; seekTo: number; pauseMs: number }[];
    playTo?: number;
    resumeFor?: number;
    timeoutMs?: number;
  },
): Promise<void>;
