import type { Rule } from '../../../rules/rule.js';
import { invalidValue } from './invalid-value.js';
import { missingRequired } from './missing-required.js';
import { order } from './order.js';
import { seekFields } from './seek-fields.js';
import { unknownEventType } from './unknown-event-type.js';

/** Every `stats/…` rule of the catalogue. */
export const statsRules: readonly Rule[] = [
  unknownEventType,
  missingRequired,
  invalidValue,
  order,
  seekFields,
];
