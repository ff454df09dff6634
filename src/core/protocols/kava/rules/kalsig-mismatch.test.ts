import md5 from 'blueimp-md5';
import { describe, expect, it } from 'vitest';
import { realPlayerSession, ruleFindings } from '../../../../../test/helpers/kava-session.js';
import { getRequest, postRequest } from '../../../../../test/helpers/requests.js';

const RULE = 'kava/kalsig-mismatch';

/** The document's example parameters (seed 004), without its kalsig. */
const PARAMS =
  'service=analytics&action=trackEvent&clientTag=kdp%3Av3%2E9%2E2&sessionId=C90BFCFC%2D2EBF%2D5893%2D892D%2D2121162F414A&eventIndex=1&eventType=1&entryId=0_n5nbuy6i&uiConfId=23521211&partnerId=585231&position=0';
const ENDPOINT = 'http://tbd.analytics.domain/api_v3/index.php';

describe(RULE, () => {
  it('fires, as info, when kalsig is not the MD5 of the other parameters as sent (the document’s example)', () => {
    const findings = ruleFindings(
      [getRequest(`${ENDPOINT}?kalsig=1ebb5aea0c5f253fd8c578febe6a752f&${PARAMS}`)],
      RULE,
    );
    expect(findings.map((f) => [f.severity, f.message, f.beacons])).toEqual([
      [
        'info',
        `kalsig is 1ebb5aea0c5f253fd8c578febe6a752f: expected ${md5(PARAMS)}, the MD5 of the other parameters as sent.`,
        [0],
      ],
    ]);
  });

  it('is silent on a matching kalsig, in the query or in a POST body, and when there is none', () => {
    const sig = md5(PARAMS);
    expect(ruleFindings([getRequest(`${ENDPOINT}?${PARAMS}&kalsig=${sig}`)], RULE)).toEqual([]);
    expect(ruleFindings([postRequest(ENDPOINT, `kalsig=${sig.toUpperCase()}&${PARAMS}`)], RULE)).toEqual([]);
    expect(ruleFindings(realPlayerSession(), RULE)).toEqual([]);
  });
});
