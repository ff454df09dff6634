import type { CapturedRequest } from '../../core/capture/captured-request.js';
import type { Config } from '../../core/config/config.js';
import { Inspector } from '../../core/inspector.js';

/**
 * Which requests are worth keeping: those a protocol recognises, plus those whose URL contains one of
 * the user's custom collector patterns (`capture.customCollectors`), kept for the record even though
 * nothing decodes them.
 */
export class BeaconFilter {
  private inspector: Inspector;
  private custom: string[];

  constructor(config: Config = {}) {
    this.inspector = new Inspector({ config });
    this.custom = this.inspector.config.capture.customCollectors.filter((p) => p !== '');
  }

  keeps(request: CapturedRequest): boolean {
    if (request.initiatorType === 'document') return false;
    return (
      this.inspector.recognise(request) !== undefined || this.custom.some((p) => request.url.includes(p))
    );
  }
}
