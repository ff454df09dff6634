import { decodeRequestParams, defineProtocol } from '../define-protocol.js';
import type { DecodedBeacon, ParamSpec } from '../protocol.js';
import { createKavaPlaybackTracker } from './playback.js';
import { kavaPlaybacks } from './playbacks.js';
import { recogniseKava } from './recognise.js';
import { kavaRules } from './rules/index.js';
import { kavaSpec } from './spec.js';
import { kavaTruth } from './truth.js';

const paramSpecs = new Map<string, ParamSpec>(kavaSpec.params.map((p) => [p.key, p]));
const lookup = (key: string) => paramSpecs.get(key);

/** Kaltura Video Insights (KAVA) `analytics.trackEvent` beacons. */
export const kava = defineProtocol({
  id: 'kava',
  label: 'Kaltura KAVA',
  spec: kavaSpec,
  recognise: recogniseKava,
  decode(request, url) {
    const { values, params, malformed } = decodeRequestParams(request, url, lookup);
    const decoded: DecodedBeacon = {
      eventCode: values.eventType ?? '',
      sessionId: values.sessionId ?? '',
      params,
      values,
    };
    if (malformed !== undefined) decoded.malformed = malformed;
    return decoded;
  },
  keyParams: ['position', 'eventIndex', 'bufferTime', 'targetPosition', 'errorCode'],
  // KAVA beacons carry no send-time field (no timestamp, no cache buster): a retry is identical in
  // every parameter. sessionStartTime is not one either: it only changes after a pause, with a new event.
  sendTimeParams: [],
  // sessionStartTime is not constant: Kaltura's player renews it after every pause.
  attachKeys: ['entryId', 'partnerId'],
  sessionConstants: ['partnerId', 'entryId', 'uiConfId', 'clientVer', 'clientTag', 'playbackType'],
  rules: kavaRules,
  createPlaybackTracker: createKavaPlaybackTracker,
  playbacks: kavaPlaybacks,
  truth: kavaTruth,
});
