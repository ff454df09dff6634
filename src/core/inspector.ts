import type { Beacon } from './beacon.js';
import { BeaconRecord, KeptDecodings, parseUrl } from './beacon-record.js';
import type { CapturedRequest } from './capture/captured-request.js';
import { type Config, type ResolvedConfig, resolveConfig } from './config/config.js';
import type { ProtocolModule } from './protocols/protocol.js';
import { defaultProtocols } from './protocols/registry.js';
import { sessionKeyOf } from './rules/finding-groups.js';
import { genericRules } from './rules/generic-rules.js';
import type { Finding, FindingDraft, Rule, RuleEnv, Severity } from './rules/rule.js';
import { SessionAttacher } from './session/attach.js';
import type { PlaybackTracker } from './session/playback.js';
import { type Placement, Playbacks } from './session/playbacks.js';
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
  /** The findings its beacons raised as they arrived, in order. */
  checks: Finding[];
  /** Findings that group drafts (`FindingDraft.group`), by rule and key. */
  groups: Map<string, Group>;
  /** The groups with more than one beacon: their message counts the session's beacons. */
  grown: Group[];
}

interface Group {
  finding: Finding;
  /** The message without the count, and what follows the count. */
  message: string;
  note: string;
  /** `finding.beacons` as a set: a finding on 100 000 beacons grows without a scan of them. */
  beacons: Set<number>;
}

/** A finding that gained a beacon after it was first reported (`Inspector.growthFrom`). */
export interface Growth {
  finding: Finding;
  beacon: number;
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
  /** By `Beacon.index`, the session the beacon was placed in (one session id may hold several playbacks). */
  private readonly recordOf: SessionRecord[] = [];
  private readonly playbacks = new Playbacks();
  private readonly attacher = new SessionAttacher<SessionRecord>();
  private readonly checkFindings: Finding[] = [];
  private readonly growth: Growth[] = [];
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
          finding.session = draft.session.key;
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

    const record = this.sessionFor(protocol, beacon);
    this.recordOf.push(record);
    record.session.beacons.push(beacon);
    record.tracker.update(record.session.playback, beacon);
    record.rules.forEach(({ rule, severity }, i) => {
      const drafts = rule.check?.(beacon, record.session, record.states[i], record.env);
      if (drafts) for (const d of drafts) this.report(record, d, rule, severity);
    });
    for (const group of record.grown) countBeacons(group, record.session);
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

  /** The session a beacon was placed in: by its session id, or by context when it carries none. */
  sessionOf(index: number): Session | undefined {
    return this.recordOf[index]?.session;
  }

  /** Findings that concern one beacon, including its session's end-of-capture ones. */
  findingsForBeacon(index: number): Finding[] {
    const stored = this.findingsByBeacon.get(index) ?? [];
    const truth = this.truthFindings().filter((f) => f.beacons.includes(index));
    const record = this.recordOf[index];
    if (!record) return [...stored, ...truth];
    return [...stored, ...this.finishFindingsOf(record).filter((f) => f.beacons.includes(index)), ...truth];
  }

  /** Every finding of one session (by `Session.key`). */
  findingsForSession(key: string): Finding[] {
    const record = this.sessionMap.get(key);
    if (!record) return [];
    return [
      ...record.checks,
      ...this.finishFindingsOf(record),
      ...this.truthFindings().filter((f) => sessionKeyOf(f) === key),
    ];
  }

  /** The findings raised as beacons arrived, from the `start`-th on (a view keeps up with the new ones). */
  checkFindingsFrom(start: number): Finding[] {
    return this.checkFindings.slice(start);
  }

  /**
   * The beacons that joined findings already raised (a problem seen again: `FindingDraft.group`), from
   * the `start`-th on; the finding itself is updated in place (beacons, message).
   */
  growthFrom(start: number): Growth[] {
    return this.growth.slice(start);
  }

  /** One session's end-of-capture findings (and its truth ones), evaluated now. */
  endFindingsForSession(key: string): Finding[] {
    const record = this.sessionMap.get(key);
    if (!record) return [];
    const truth = this.truthFindings().filter((f) => sessionKeyOf(f) === key);
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

  /**
   * The session of a beacon: by context (session/attach.ts) when it has no session id; else by its id,
   * in the playback of that id it belongs to (session/playbacks.ts).
   */
  private sessionFor(protocol: ProtocolModule, beacon: Beacon): SessionRecord {
    if (beacon.sessionId === '') {
      const attached = this.attacher.find(protocol.attachKeys, beacon);
      if (attached) return attached;
    }
    const placed = this.playbacks.place(protocol, beacon, (key) => this.sessionMap.get(key)?.session);
    const record = this.recordFor(protocol, beacon.sessionId, placed);
    this.attacher.note(record, protocol.attachKeys, beacon);
    return record;
  }

  private recordFor(protocol: ProtocolModule, id: string, { key, open }: Placement): SessionRecord {
    let record = this.sessionMap.get(key);
    if (!record) {
      const rules = this.activeRules.get(protocol.id) ?? [];
      const session: Session = { key, id, protocol: protocol.id, beacons: [], playback: emptyPlayback() };
      if (open) Object.assign(session, open);
      record = {
        session,
        env: { config: this.config, protocol },
        rules,
        states: rules.map(({ rule }) => rule.createState?.()),
        tracker: protocol.createPlaybackTracker(),
        checks: [],
        groups: new Map(),
        grown: [],
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
      beacons: [...draft.beacons],
      sessionId: session.id,
      protocol: session.protocol,
      session: session.key,
    };
  }

  /** Stores a check finding, or adds its beacons to the finding of its group when there is one. */
  private report(record: SessionRecord, draft: FindingDraft, rule: Rule, severity: Severity): void {
    const groupKey = draft.group && `${rule.id}\u0000${draft.group.key}`;
    const group = groupKey && record.groups.get(groupKey);
    if (group) {
      const { finding } = group;
      const before = finding.beacons.length;
      for (const index of draft.beacons) {
        if (group.beacons.has(index)) continue;
        group.beacons.add(index);
        finding.beacons.push(index);
        this.listUnder(index, finding);
        this.growth.push({ finding, beacon: index });
      }
      if (before < 2 && finding.beacons.length >= 2) record.grown.push(group);
      return;
    }
    const finding = this.toFinding(draft, rule, severity, record.session);
    if (groupKey && draft.group) {
      record.groups.set(groupKey, {
        finding,
        message: draft.group.message,
        note: draft.group.note ?? '',
        beacons: new Set(finding.beacons),
      });
    }
    this.checkFindings.push(finding);
    record.checks.push(finding);
    for (const index of finding.beacons) this.listUnder(index, finding);
  }

  private listUnder(index: number, finding: Finding): void {
    const list = this.findingsByBeacon.get(index);
    if (list) list.push(finding);
    else this.findingsByBeacon.set(index, [finding]);
  }
}

/** A grouped finding's message: the problem, then on how many of the session's beacons. */
function countBeacons(group: Group, session: Session): void {
  const { finding } = group;
  finding.message = `${group.message} on ${finding.beacons.length} of ${session.beacons.length} beacons.${group.note}`;
}
