// The core's public API (`player-inspector/core`): pure TypeScript, usable in browsers and Node.
export { type Beacon, type DecodedParam, hasValue } from './beacon.js';
export type { CapturedRequest, Header, InitiatorType, RequestBody } from './capture/captured-request.js';
export { exportHar, type HarExportOptions } from './capture/har-export.js';
export {
  type HarImport,
  type HarImportOptions,
  harEntries,
  InputError,
  importHar,
  parseJson,
  requestsFromEntries,
} from './capture/har-import.js';
export { importUrlList, SYNTHETIC_STEP_MS, type UrlListOptions } from './capture/url-list-import.js';
export type {
  Config,
  DiffConfig,
  EventExpectation,
  EventRef,
  ParamExpectation,
  ParamRef,
  ResolvedConfig,
} from './config/config.js';
export { resolveConfig } from './config/config.js';
export { ConfigError, knownRuleIds, parseConfig, validateConfig } from './config/validate-config.js';
export { type DiffOptions, type DiffSide, diffCaptures } from './diff/diff.js';
export { type DiffReportInput, renderDiff } from './diff/report.js';
export { requestsFromReport } from './diff/report-input.js';
export type { Difference, DifferenceKind, DiffResult, SessionPairSummary } from './diff/types.js';
export { Inspector, type InspectorOptions, type Summary } from './inspector.js';
export type {
  EventSpec,
  ParamCompare,
  ParamSpec,
  PlaybackSplit,
  ProtocolId,
  ProtocolModule,
  ProtocolSpec,
} from './protocols/protocol.js';
export { defaultProtocols, protocolById } from './protocols/registry.js';
export {
  placeholder,
  REDACTED,
  Redactor,
  redactRequest,
  redactText,
  redactUrl,
} from './redaction/redactor.js';
export {
  GENERIC_SECRET_KEYS,
  isSecretKey,
  SECRET_HEADERS,
  secretParamKeys,
} from './redaction/secret-keys.js';
export {
  type HtmlReportOptions,
  type JsonReport,
  jsonReport,
  REPORT_FORMATS,
  type ReportFormat,
  type ReportOptions,
  type ReportSource,
  renderHtml,
  renderJson,
  renderJunit,
  renderReport,
  renderText,
  reportChunks,
  type TextReportOptions,
} from './report/index.js';
export { genericRules } from './rules/generic-rules.js';
export type { Finding, Rule, Severity } from './rules/rule.js';
export { playbackLabels } from './session/playbacks.js';
export type { Interval, PlaybackSummary, PlayheadPoint, Seek, Session } from './session/session.js';
export { type EventCategory, eventCategory } from './timeline/event-category.js';
export { renderTimelineSvg, TIMELINE_CSS, type TimelineSvgOptions } from './timeline/svg.js';
export {
  type Band,
  type EventMarker,
  type TimelineGeometry,
  type TimelineOptions,
  timelineGeometry,
} from './timeline/timeline.js';
export type { TruthContext, TruthRule } from './truth/context.js';
export type { CodeMatch, TruthMapping } from './truth/mapping.js';
export {
  type QuartileCrossing,
  type RealEvent,
  type RealEventKind,
  VideoPlayback,
} from './truth/playback.js';
export {
  isTruthRecord,
  type MediaEventType,
  type TruthEvent,
  type TruthRecord,
  type TruthVideo,
} from './truth/record.js';
export { truthRules } from './truth/rules/index.js';
