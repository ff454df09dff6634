import type { Beacon, DecodedParam } from './beacon.js';
import type { CapturedRequest } from './capture/captured-request.js';
import type { DecodedBeacon, ProtocolId, ProtocolModule } from './protocols/protocol.js';

/** A beacon's parameters as its decoder gave them. */
interface Parameters {
  params: DecodedParam[];
  values: Readonly<Record<string, string>>;
}

/**
 * How many beacons keep their decoded parameters. Small on purpose: parameters that die young cost the
 * garbage collector almost nothing, while parameters retained with every beacon (about 35 objects and a
 * dictionary for a KAVA View) were its largest cost (docs/performance.md). Rules read the beacon being
 * added; a panel reads the few rows it shows.
 */
const KEPT_DECODINGS = 64;

/**
 * The inspector's beacon. Its identity and event are fixed when it is added; its parameters are the
 * decoder's output while it is among the last KEPT_DECODINGS beacons read, and decoded again from its
 * request (the decoders are pure) when read after that.
 */
export class BeaconRecord implements Beacon {
  readonly protocol: ProtocolId;
  readonly event: Beacon['event'];
  readonly sessionId: string;
  declare malformed?: string;
  declare detail?: string;
  #parameters: Parameters | undefined;
  readonly #module: ProtocolModule;
  readonly #kept: KeptDecodings;

  constructor(
    readonly index: number,
    readonly request: CapturedRequest,
    module: ProtocolModule,
    decoded: DecodedBeacon,
    kept: KeptDecodings,
  ) {
    this.protocol = module.id;
    this.event = sharedEvent(module, decoded.eventCode);
    this.sessionId = decoded.sessionId;
    if (decoded.malformed !== undefined) this.malformed = decoded.malformed;
    if (decoded.detail !== undefined) this.detail = decoded.detail;
    this.#module = module;
    this.#kept = kept;
    this.keep(decoded);
  }

  /** The send time, read from the request rather than copied (a boxed number less per beacon). */
  get time(): number {
    return this.request.startTime;
  }

  get params(): DecodedParam[] {
    return this.parameters().params;
  }

  get values(): Readonly<Record<string, string>> {
    return this.parameters().values;
  }

  private keep(decoded: DecodedBeacon): void {
    this.#parameters = parametersOf(decoded);
    this.#kept.hold(this);
  }

  /** Called when this beacon leaves the kept ring. */
  forget(): void {
    this.#parameters = undefined;
  }

  private parameters(): Parameters {
    if (this.#parameters === undefined)
      this.keep(this.#module.decode(this.request, parseUrl(this.request.url)));
    return this.#parameters as Parameters;
  }

  /** The plain fields, as a JSON report or `console.log` would want them. */
  toJSON(): Beacon {
    const { index, protocol, time, event, sessionId, params, values, malformed, detail, request } = this;
    return { index, protocol, time, event, sessionId, params, values, malformed, detail, request };
  }
}

/** A ring of the beacons that keep their decoding; the oldest forgets its own when a new one comes. */
export class KeptDecodings {
  private readonly ring: (BeaconRecord | undefined)[] = new Array(KEPT_DECODINGS);
  private next = 0;

  hold(beacon: BeaconRecord): void {
    this.ring[this.next]?.forget();
    this.ring[this.next] = beacon;
    this.next = (this.next + 1) % KEPT_DECODINGS;
  }
}

/**
 * One frozen event object per protocol and known code, shared by its beacons: the collector then walks
 * one object less per beacon (docs/performance.md). Codes outside the spec get their own object, so
 * hostile input cannot grow this cache.
 */
const events = new WeakMap<ProtocolModule, Map<string, Beacon['event']>>();

function sharedEvent(module: ProtocolModule, code: string): Beacon['event'] {
  let byCode = events.get(module);
  if (!byCode) {
    byCode = new Map();
    events.set(module, byCode);
  }
  const cached = byCode.get(code);
  if (cached) return cached;
  const known = module.eventSpec(code) !== undefined;
  const event = Object.freeze({ code, name: module.eventName(code), known });
  if (known) byCode.set(code, event);
  return event;
}

function parametersOf(decoded: DecodedBeacon): Parameters {
  return { params: decoded.params, values: decoded.values ?? firstValues(decoded.params) };
}

function firstValues(params: readonly DecodedParam[]): Record<string, string> {
  const values: Record<string, string> = Object.create(null);
  for (const p of params) if (!(p.key in values)) values[p.key] = p.value;
  return values;
}

export function parseUrl(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}
