import type { Rule } from '../../../rules/rule.js';
import { constantChanged } from './constant-changed.js';
import { emptyValue } from './empty-value.js';
import { invalidValue } from './invalid-value.js';
import { lostPing } from './lost-ping.js';
import { missingDocField } from './missing-doc-field.js';
import { missingRequired } from './missing-required.js';
import { order } from './order.js';
import { pingInterval } from './ping-interval.js';
import { quantileMismatch } from './quantile-mismatch.js';
import { unknownEvent } from './unknown-event.js';
import { wrongEndpoint } from './wrong-endpoint.js';

/** Every `jw/…` rule of the catalogue. */
export const jwRules: readonly Rule[] = [
  unknownEvent,
  wrongEndpoint,
  missingRequired,
  missingDocField,
  invalidValue,
  quantileMismatch,
  order,
  pingInterval,
  lostPing,
  constantChanged,
  emptyValue,
];
