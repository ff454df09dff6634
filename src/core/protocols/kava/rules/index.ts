import type { Rule } from '../../../rules/rule.js';
import { bufferTimeRange } from './buffer-time-range.js';
import { droppedFramesNan } from './dropped-frames-nan.js';
import { eventIndexSequence } from './event-index-sequence.js';
import { invalidValue } from './invalid-value.js';
import { kalsigMismatch } from './kalsig-mismatch.js';
import { missingDocField } from './missing-doc-field.js';
import { missingRequired } from './missing-required.js';
import { order } from './order.js';
import { positionNotZero } from './position-not-zero.js';
import { quartileRepeated } from './quartile-repeated.js';
import { sessionReset } from './session-reset.js';
import { sessionStartTime } from './session-start-time.js';
import { unknownEventType } from './unknown-event-type.js';
import { viewInterval } from './view-interval.js';

/** Every `kava/…` rule of the rule catalogue. */
export const kavaRules: readonly Rule[] = [
  unknownEventType,
  missingRequired,
  missingDocField,
  invalidValue,
  eventIndexSequence,
  sessionReset,
  order,
  quartileRepeated,
  positionNotZero,
  viewInterval,
  bufferTimeRange,
  sessionStartTime,
  kalsigMismatch,
  droppedFramesNan,
];
