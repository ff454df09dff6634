import type { ProtocolId } from '../protocols/protocol.js';
import type { Severity } from '../rules/rule.js';

/**
 * `player-inspector.config.json`: shared by the CLI, the audits and the extension. Every key is
 * optional; `resolveConfig` fills the defaults. Validation with messages naming the key lives in
 * config/validate-config.ts.
 */
export interface Config {
  /** Per rule id: a severity override, or "off" to disable the rule. */
  rules?: Record<string, Severity | 'off'>;
  expect?: {
    /** `expect/param-value`: a parameter must have a value on matching beacons. */
    params?: ParamExpectation[];
    /** `expect/event-missing`: events that must arrive in every session of the protocol. */
    events?: EventExpectation[];
  };
  kava?: {
    /** Seconds between View events (default 10). */
    viewIntervalSeconds?: number;
    /** Allowed deviation in seconds (default 2). */
    viewIntervalTolerance?: number;
    /** Pause after which the player may reset the session (default 30). */
    sessionResetSeconds?: number;
  };
  jw?: {
    /** Allowed deviation of a VOD `t` ping's `ti` from `vd/q`, seconds (default 2). */
    pingIntervalTolerance?: number;
    /** Live `t` ping interval in seconds (default 20). */
    livePingIntervalSeconds?: number;
  };
  /** Ground truth (audits and attachInspector): how far beacons may be from what the video really did. */
  truth?: {
    /** Seconds between a real event and the beacon reporting it (default 3). */
    eventToleranceSeconds?: number;
    /** Seconds a reported playhead may differ from the real one (default 1.5; JW adds vd/128). */
    playheadToleranceSeconds?: number;
    /** Seconds a reported watched time may differ from the real one per report (default 2). */
    watchedToleranceSeconds?: number;
    /** Seconds before a quartile's point that it may already be reported (default 1). */
    quartileToleranceSeconds?: number;
    /** Seconds of real playback that count as "the video played" for truth/no-beacons (default 1). */
    minPlayedSeconds?: number;
  };
  capture?: {
    /** Extra URL substrings whose requests the extension keeps as custom collectors. */
    customCollectors?: string[];
  };
  /** `player-inspector diff` and the panel's baseline: which differences matter. */
  diff?: DiffConfig;
}

/** A parameter of one protocol, or of every protocol when `protocol` is left out. */
export interface ParamRef {
  protocol?: ProtocolId;
  /** Canonical parameter key, as in expect.params. */
  param: string;
}

export interface EventRef {
  protocol: ProtocolId;
  /** Event code or spec-table name. */
  event: string;
}

export interface DiffConfig {
  /** Parameters left out of the comparison altogether. */
  ignoreParams?: ParamRef[];
  /** Parameters whose value may change (a new player version); a change of format still matters. */
  allowValueChange?: ParamRef[];
  /** Events whose presence depends on the network rather than the build (default: buffering events). */
  ignoreEvents?: EventRef[];
  /** Rules whose new findings do not matter. */
  ignoreRules?: string[];
  /** Seconds a periodic event's interval may drift from the baseline's (default 2). */
  timingTolerance?: number;
  /** Least severity of a new finding that matters (default warning). */
  findingSeverity?: Severity;
}

export interface ParamExpectation {
  /** Only beacons of this protocol (default: all). */
  protocol?: ProtocolId;
  /** Only beacons of this event, by code ("3", "s") or name ("Play"). */
  event?: string;
  /** Canonical parameter key, e.g. `partnerId`, `event:partnerId`, `aid`. */
  param: string;
  /** Exact value expected. */
  equals?: string;
  /** Regular expression the value must match. */
  matches?: string;
  /** true: must be present and non-empty; false: must be absent. Default true when nothing else is set. */
  present?: boolean;
}

export interface EventExpectation {
  protocol: ProtocolId;
  /** Event code or name. */
  event: string;
  /** At least this many per session (default 1). */
  min?: number;
}

export interface ResolvedConfig {
  rules: Record<string, Severity | 'off'>;
  expect: { params: ParamExpectation[]; events: EventExpectation[] };
  kava: { viewIntervalSeconds: number; viewIntervalTolerance: number; sessionResetSeconds: number };
  jw: { pingIntervalTolerance: number; livePingIntervalSeconds: number };
  truth: Required<NonNullable<Config['truth']>>;
  capture: { customCollectors: string[] };
  diff: Required<DiffConfig>;
}

/** Buffering comes and goes with the network and the machine's load, whatever the build. */
export const DEFAULT_DIFF_IGNORED_EVENTS: readonly EventRef[] = [
  { protocol: 'kava', event: 'Buffer Start' },
  { protocol: 'kava', event: 'Buffer End' },
  { protocol: 'kaltura-stats', event: 'Buffer Start' },
  { protocol: 'kaltura-stats', event: 'Buffer End' },
];

export function resolveConfig(config: Config = {}): ResolvedConfig {
  return {
    rules: { ...config.rules },
    expect: { params: [...(config.expect?.params ?? [])], events: [...(config.expect?.events ?? [])] },
    kava: {
      viewIntervalSeconds: config.kava?.viewIntervalSeconds ?? 10,
      viewIntervalTolerance: config.kava?.viewIntervalTolerance ?? 2,
      sessionResetSeconds: config.kava?.sessionResetSeconds ?? 30,
    },
    jw: {
      pingIntervalTolerance: config.jw?.pingIntervalTolerance ?? 2,
      livePingIntervalSeconds: config.jw?.livePingIntervalSeconds ?? 20,
    },
    truth: {
      eventToleranceSeconds: config.truth?.eventToleranceSeconds ?? 3,
      playheadToleranceSeconds: config.truth?.playheadToleranceSeconds ?? 1.5,
      watchedToleranceSeconds: config.truth?.watchedToleranceSeconds ?? 2,
      quartileToleranceSeconds: config.truth?.quartileToleranceSeconds ?? 1,
      minPlayedSeconds: config.truth?.minPlayedSeconds ?? 1,
    },
    capture: { customCollectors: [...(config.capture?.customCollectors ?? [])] },
    diff: {
      ignoreParams: [...(config.diff?.ignoreParams ?? [])],
      allowValueChange: [...(config.diff?.allowValueChange ?? [])],
      ignoreEvents: [...(config.diff?.ignoreEvents ?? DEFAULT_DIFF_IGNORED_EVENTS)],
      ignoreRules: [...(config.diff?.ignoreRules ?? [])],
      timingTolerance: config.diff?.timingTolerance ?? 2,
      findingSeverity: config.diff?.findingSeverity ?? 'warning',
    },
  };
}
