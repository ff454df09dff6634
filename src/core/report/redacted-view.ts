import type { Beacon, DecodedParam } from '../beacon.js';
import type { CapturedRequest } from '../capture/captured-request.js';
import { type Found, Redactor, scrubKnown } from '../redaction/redactor.js';
import type { Finding } from '../rules/rule.js';
import type { Session } from '../session/session.js';
import type { ReportOptions, ReportSource } from './source.js';

/** What a report writer reads: the source with secrets redacted (or not), and how to treat free text. */
export interface ReportView extends ReportSource {
  /** False when the user asked for secrets (`--no-redact`, "Include secrets"): reports then say so. */
  readonly redacted: boolean;
  /** Free text from outside the capture (a report title holding the audited URL). */
  text(text: string): string;
}

/** A finding's message is scrubbed of the secrets of its first beacons (merged findings quote one). */
const BEACONS_PER_FINDING = 16;

const shared = new Redactor();

/**
 * The one place reports get their data: every writer reads this view, so a secret is replaced the same
 * way in each format. Beacons are wrapped lazily and redact their parameters and request when read
 * (nothing more is retained per beacon than the wrapper); finding messages lose the secrets of the
 * beacons they name.
 */
export function reportView(source: ReportSource, options: ReportOptions = {}): ReportView {
  if (options.redact === false) return { ...plain(source), redacted: false, text: (t) => t };
  return new RedactedView(source, shared);
}

function plain(source: ReportSource): ReportSource {
  return {
    ...truthOf(source),
    beacons: () => source.beacons(),
    sessions: () => source.sessions(),
    findings: () => source.findings(),
    summary: (findings) => source.summary(findings),
    rulesFor: (id) => source.rulesFor(id),
    protocols: source.protocols,
  };
}

class RedactedView implements ReportView {
  readonly redacted = true;
  readonly protocols: ReportSource['protocols'];
  private readonly views: (RedactedBeacon | undefined)[] = [];
  private readonly secretsByBeacon = new Map<number, Found>();

  readonly truth?: ReportSource['truth'];

  constructor(
    private readonly source: ReportSource,
    private readonly redactor: Redactor,
  ) {
    this.protocols = source.protocols;
    Object.assign(this, truthOf(source));
  }

  beacons(): Beacon[] {
    return this.source.beacons().map((b) => this.view(b));
  }

  sessions(): Session[] {
    return this.source.sessions().map((s) => ({ ...s, beacons: s.beacons.map((b) => this.view(b)) }));
  }

  findings(): Finding[] {
    return this.source.findings().map((f) => this.finding(f));
  }

  summary(findings?: readonly Finding[]) {
    return this.source.summary(findings);
  }

  rulesFor(id: string) {
    return this.source.rulesFor(id);
  }

  text(text: string): string {
    return this.redactor.text(text);
  }

  private view(beacon: Beacon): RedactedBeacon {
    let view = this.views[beacon.index];
    if (view?.original !== beacon) {
      view = new RedactedBeacon(beacon, this.redactor);
      this.views[beacon.index] = view;
    }
    return view;
  }

  private finding(f: Finding): Finding {
    const known = new Set<string>();
    const beacons = this.source.beacons();
    for (const index of f.beacons.slice(0, BEACONS_PER_FINDING)) {
      const beacon = beacons[index];
      if (beacon) for (const s of this.secretsOf(beacon)) known.add(s);
    }
    const message = this.redactor.text(f.message, undefined, known);
    return message === f.message ? f : { ...f, message };
  }

  private secretsOf(beacon: Beacon): Found {
    let found = this.secretsByBeacon.get(beacon.index);
    if (!found) {
      found = this.view(beacon).secrets();
      this.secretsByBeacon.set(beacon.index, found);
    }
    return found;
  }
}

/**
 * A beacon as reports see it: identity and event as captured, parameters and decode problem redacted
 * on each read (the last read is kept: a text row reads several key parameters), the request redacted
 * field by field when read.
 */
class RedactedBeacon implements Beacon {
  private last: { params: DecodedParam[]; found: Found; values?: Record<string, string> } | undefined;
  private requestView: RedactedRequest | undefined;

  constructor(
    readonly original: Beacon,
    private readonly redactor: Redactor,
  ) {}

  get index() {
    return this.original.index;
  }
  get protocol() {
    return this.original.protocol;
  }
  get time() {
    return this.original.time;
  }
  get event() {
    return this.original.event;
  }
  get sessionId() {
    return this.original.sessionId;
  }
  get detail() {
    return this.original.detail;
  }
  get malformed() {
    const m = this.original.malformed;
    return m === undefined ? undefined : this.redactor.text(m, undefined, this.secrets());
  }
  get params(): DecodedParam[] {
    return this.redacted().params;
  }
  get values(): Readonly<Record<string, string>> {
    const last = this.redacted();
    if (!last.values) {
      const values: Record<string, string> = Object.create(null);
      for (const p of last.params) if (!(p.key in values)) values[p.key] = p.value;
      last.values = values;
    }
    return last.values;
  }
  get request(): CapturedRequest {
    this.requestView ??= new RedactedRequest(this.original.request, this.redactor);
    return this.requestView;
  }

  /** The secret values this beacon carries, wherever they were found (its whole request included). */
  secrets(): Found {
    const found = new Set(this.redacted().found);
    this.redactor.request(this.original.request, found);
    return found;
  }

  private redacted() {
    if (!this.last) {
      const found: Found = new Set();
      const { body } = this.original.request;
      // A body's secret keyed in its own syntax (a multipart part, a JSON field) may reach a parameter
      // unkeyed: the decoders read a body as a form.
      if (body) this.redactor.body(body, found);
      let params = this.original.params.map((p) => this.redactor.param(p, found));
      if (found.size > 0) params = params.map((p) => scrubParam(p, found));
      this.last = { params, found };
      // Kept for this beacon only until the next one is read: see `current`.
      current?.release();
      current = this;
    }
    return this.last;
  }

  release(): void {
    this.last = undefined;
    this.requestView = undefined;
  }
}

/** A request whose captured text is redacted when read: writers mostly read only its status. */
class RedactedRequest implements CapturedRequest {
  private full: CapturedRequest | undefined;

  constructor(
    private readonly original: CapturedRequest,
    private readonly redactor: Redactor,
  ) {}

  private redacted(): CapturedRequest {
    this.full ??= this.redactor.request(this.original);
    return this.full;
  }

  get id() {
    return this.original.id;
  }
  get method() {
    return this.original.method;
  }
  get status() {
    return this.original.status;
  }
  get startTime() {
    return this.original.startTime;
  }
  get duration() {
    return this.original.duration;
  }
  get tabId() {
    return this.original.tabId;
  }
  get initiatorType() {
    return this.original.initiatorType;
  }
  get url() {
    return this.redacted().url;
  }
  get requestHeaders() {
    return this.redacted().requestHeaders;
  }
  get body() {
    return this.redacted().body;
  }
  get error() {
    return this.original.error === undefined ? undefined : this.redacted().error;
  }
  get responseText() {
    return this.redacted().responseText;
  }
}

function scrubParam(p: DecodedParam, found: Found): DecodedParam {
  const value = scrubKnown(p.value, found);
  return value === p.value ? p : { ...p, value, raw: scrubKnown(p.raw, found) };
}

/** The one beacon whose redaction is kept, so memory stays flat however many beacons a report reads. */
let current: RedactedBeacon | undefined;

/** The ground truth of an audit capture, passed on as it is: the truth report redacts its media URLs. */
function truthOf(source: ReportSource): Pick<ReportSource, 'truth'> {
  const { truth } = source;
  return truth ? { truth: () => truth.call(source) } : {};
}
