import { checkFormat, isNumber } from '../params/formats.js';
import type { ParamSpec } from '../protocols/protocol.js';

export type ValueShape = 'empty' | 'number' | 'text';

/** The kind of a value, which two runs of one build keep even where the value itself changes. */
export function shapeOf(value: string): ValueShape {
  if (value === '') return 'empty';
  return isNumber(value) ? 'number' : 'text';
}

export function describeShape(shape: ValueShape): string {
  return shape === 'empty' ? 'empty' : shape === 'number' ? 'a number' : 'text';
}

/**
 * How the candidate's value changed format from the baseline's, or undefined when it kept it: another
 * kind (a number that became text, a value that became empty), or the spec table's format that the
 * baseline met and the candidate breaks (an entry id, a Unix time in ms).
 */
export function formatChange(
  baseline: string,
  candidate: string,
  spec: ParamSpec | undefined,
): string | undefined {
  const [from, to] = [shapeOf(baseline), shapeOf(candidate)];
  if (from !== to) return `${describeShape(from)} became ${describeShape(to)}`;
  if (!spec?.format || to === 'empty') return undefined;
  const broken = checkFormat(spec.format, candidate, spec.values);
  if (broken && !checkFormat(spec.format, baseline, spec.values)) return `now ${broken}`;
  return undefined;
}
