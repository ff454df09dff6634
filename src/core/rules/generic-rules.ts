import { duplicate } from './generic/duplicate.js';
import { eventMissing } from './generic/event-missing.js';
import { httpError } from './generic/http-error.js';
import { malformed } from './generic/malformed.js';
import { mixedIds } from './generic/mixed-ids.js';
import { paramValue } from './generic/param-value.js';
import { suspiciousValue } from './generic/suspicious-value.js';
import type { Rule } from './rule.js';

/** Rules run on every protocol's sessions; they read the protocol's tables through `env.protocol`. */
export const genericRules: readonly Rule[] = [
  httpError,
  malformed,
  duplicate,
  suspiciousValue,
  mixedIds,
  paramValue,
  eventMissing,
];
