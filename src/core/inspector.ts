import type { Beacon } from './beacon.js';
import { BeaconRecord, KeptDecodings, parseUrl } from './beacon-record.js';
import type { CapturedRequest } from './capture/captured-request.js';
import { type Config, type ResolvedConfig, resolveConfig } from './config/config.js';
import type { ProtocolModule } from './protocols/protocol.js';
import { defaultProtocols } from './protocols/registry.js';
import { genericRules } from './rules/generic-rules.js';
import type { Finding, FindingDraft, Rule, RuleEnv, Severity } from './rules/rule.js';
import type { PlaybackTracker } from './session/playback.js';
import { emptyPlayback, type Session } from './session/session.js';
import { type TruthRule, truthContext } from './truth/context.js';
import type { TruthRecord } from './truth/record.js';
import { truthRules } from './truth/rules/index.js';

interface ActiveRule {
  rule: Rule;
  severity: Severity;
}

interface SessionRecord {
  session: Session;
  env: RuleEnv;
  rules: ActiveRule[];
  states: unknown[];
  tracker: PlaybackTracker;
}

export interface InspectorOptions {
  config?: Config;
  /** Protocols to recognise (default: every registered one). */
  protocols?: readonly ProtocolModule[];
}

export interface Summary {
  beacons: number;
  sessions: number;
  errors: number;
  warnings: number;
  infos: number;
}

/**
 * The whole pipeline for one capture: recognise → decode → group into sessions → validate.
 * Incremental: `add` one request at a time (the panel) or many (a HAR file); the findings are the same.
 */
export class Inspector {
  readonly config: ResolvedConfig;
  readonly protocols: readonly ProtocolModule[];
  private readonly activeRules = new Map<string, ActiveRule[]>();
  private readonly beaconList: Beacon[] = [];
  private readonly sessionMap = new Map<string, SessionRecord>();
  private readonly checkFindings: Finding[] = [];
  private readonly findingsByBeacon = new Map<number, Finding[]>();
  private readonly kept = new KeptDecodings();
  private readonly activeTruthRules: { rule: TruthRule; severity: Severity }[] = [];
  private truthRecord: TruthRecord | undefined;
  /** Truth findings for a (beacon count, truth version): judged again only when either changed. */
  private truthCache: { key: string; findings: Finding[] } | undefined;
  private truthVersion = 0;

  constructor(options: InspectorOptions = {}) {
    this.config = resolveConfig(options.config);
    this.protocols = options.protocols ?? defaultProtocols;
    for (const protocol of this.protocols) {
      const rules: ActiveRule[] = [];
      for (const rule of [...genericRules, ...protocol.rules]) {
        const setting = this.config.rules[rule.id];
        if (setting === 'off') continue;
        rules.push({ rule, severity: setting ?? rule.severity });
      }
      this.activeRules.set(protocol.id, rules);
    }
    for (const rule of truthRules) {
      const setting = this.config.rules[rule.id];
      if (setting !== 'off') this.activeTruthRules.push({ rule, severity: setting ?? rule.severity });
    }
  }

  /**
   * What the page's videos really did (the audit's media recorder, an imported audit report): the
   * `truth/…` rules reconcile the beacons with it. Call again after the record grew.
   */
  setTruth(record: TruthRecord | undefined): void {
    this.truthRecord = record;
    this.truthVersion++;
  }

  truth(): TruthRecord | undefined {
    return this.truthRecord;
  }

  /** The `truth/…` findings, judged now (none without a truth record). */
  truthFindings(): Finding[] {
    const record = this.truthRecord;
    if (!record) return [];
    const key = `${this.beaconList.length}:${this.truthVersion}`;
    if (this.truthCache?.key === key) return this.truthCache.findings;
    const context = truthContext(record, this.sessions(), this.beaconList, this.protocols, this.config);
    const findings: Finding[] = [];
    for (const { rule, severity } of this.activeTruthRules) {
      for (const draft of rule.judge(context)) {
        const finding: Finding = { rule: rule.id, severity, message: draft.message, beacons: draft.beacons };
        if (draft.session) {
          finding.sessionId = draft.session.id;
          finding.protocol = draft.session.protocol;
        }
        findings.push(finding);
      }
    }
    this.truthCache = { key, findings };
    return findings;
  }

  /** The protocol that recognises this request, if any. Cheap; never throws. */
  recognise(request: CapturedRequest): ProtocolModule | undefined {
    const url = parseUrl(request.url);
    return this.protocols.find((p) => p.recognise(request, url));
  }

  /** Decodes and validates one request. Returns its beacon, or undefined when it is not a beacon. */
  add(request: CapturedRequest): Beacon | undefined {
    const url = parseUrl(request.url);
    const protocol = this.protocols.find((p) => p.recognise(request, url));
    if (!protocol) return undefined;
    const decoded = protocol.decode(request, url);
    const beacon = new BeaconRecord(this.beaconList.length, request, protocol, decoded, this.kept);
    this.beaconList.push(beacon);

    const record = this.sessionFor(protocol, beacon.sessionId);
    record.session.beacons.push(beacon);
    record.tracker.update(record.session.playback, beacon);
    record.rules.forEach(({ rule, severity }, i) => {
      const drafts = rule.check?.(beacon, record.session, record.states[i], record.env);
      if (drafts) for (const d of drafts) this.record(this.toFinding(d, rule, severity, record.session));
    });
    return beacon;
  }

  addAll(requests: Iterable<CapturedRequest>): void {
    for (const r of requests) this.add(r);
  }

  beacons(): readonly Beacon[] {
    return this.beaconList;
  }

  sessions(): Session[] {
    return [...this.sessionMap.values()].map((r) => r.session);
  }

  session(key: string): Session | undefined {
    return this.sessionMap.get(key)?.session;
  }

  /** Every finding: those raised as beacons arrived, then the end-of-capture ones, evaluated now. */
  findings(): Finding[] {
    return [...this.checkFindings, ...this.finishFindings(), ...this.truthFindings()];
  }

  /** Findings that concern one beacon, including its session's end-of-capture ones. */
  findingsForBeacon(index: number): Finding[] {
    const beacon = this.beaconList[index];
    const stored = this.findingsByBeacon.get(index) ?? [];
    const truth = this.truthFindings().filter((f) => f.beacons.includes(index));
    const record = beacon && this.sessionMap.get(`${beacon.protocol}:${beacon.sessionId}`);
    if (!record) return [...stored, ...truth];
    return [...stored, ...this.finishFindingsOf(record).filter((f) => f.beacons.includes(index)), ...truth];
  }

  /** Every finding of one session (by `Session.key`). */
  findingsForSession(key: string): Finding[] {
    const record = this.sessionMap.get(key);
    if (!record) return [];
    const ofSession = (f: Finding) => `${f.protocol}:${f.sessionId}` === key;
    return [
      ...this.checkFindings.filter(ofSession),
      ...this.finishFindingsOf(record),
      ...this.truthFindings().filter(ofSession),
    ];
  }

  /** The findings raised as beacons arrived, from the `start`-th on (a view keeps up with the new ones). */
  checkFindingsFrom(start: number): Finding[] {
    return this.checkFindings.slice(start);
  }

  /** One session's end-of-capture findings (and its truth ones), evaluated now. */
  endFindingsForSession(key: string): Finding[] {
    const record = this.sessionMap.get(key);
    if (!record) return [];
    const truth = this.truthFindings().filter((f) => `${f.protocol}:${f.sessionId}` === key);
    return [...this.finishFindingsOf(record), ...truth];
  }

  /** The rules run on a session's protocol, with their effective severity (JUnit lists them). */
  rulesFor(protocolId: string): readonly ActiveRule[] {
    return this.activeRules.get(protocolId) ?? [];
  }

  summary(findings: readonly Finding[] = this.findings()): Summary {
    const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
    return {
      beacons: this.beaconList.length,
      sessions: this.sessionMap.size,
      errors: count('error'),
      warnings: count('warning'),
      infos: count('info'),
    };
  }

  private finishFindings(): Finding[] {
    const out: Finding[] = [];
    for (const record of this.sessionMap.values()) for (const f of this.finishFindingsOf(record)) out.push(f);
    return out;
  }

  private finishFindingsOf(record: SessionRecord): Finding[] {
    const out: Finding[] = [];
    record.rules.forEach(({ rule, severity }, i) => {
      const drafts = rule.finish?.(record.session, record.states[i], record.env);
      if (drafts) for (const d of drafts) out.push(this.toFinding(d, rule, severity, record.session));
    });
    return out;
  }

  private sessionFor(protocol: ProtocolModule, id: string): SessionRecord {
    const key = `${protocol.id}:${id}`;
    let record = this.sessionMap.get(key);
    if (!record) {
      const rules = this.activeRules.get(protocol.id) ?? [];
      record = {
        session: { key, id, protocol: protocol.id, beacons: [], playback: emptyPlayback() },
        env: { config: this.config, protocol },
        rules,
        states: rules.map(({ rule }) => rule.createState?.()),
        tracker: protocol.createPlaybackTracker(),
      };
      this.sessionMap.set(key, record);
    }
    return record;
  }

  private toFinding(draft: FindingDraft, rule: Rule, severity: Severity, session: Session): Finding {
    return {
      rule: rule.id,
      severity,
      message: draft.message,
      beacons: draft.beacons,
      sessionId: session.id,
      protocol: session.protocol,
    };
  }

  private record(finding: Finding): void {
    this.checkFindings.push(finding);
    for (const index of finding.beacons) {
      const list = this.findingsByBeacon.get(index);
      if (list) list.push(finding);
      else this.findingsByBeacon.set(index, [finding]);
    }
  }
}
