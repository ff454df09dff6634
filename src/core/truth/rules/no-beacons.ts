import { secs, type TruthRule } from '../context.js';

export const noBeacons: TruthRule = {
  id: 'truth/no-beacons',
  severity: 'error',
  title: 'Playback without analytics',
  explanation:
    'The video really played (the audit saw its playhead move) but the page sent no analytics beacon of ' +
    'any known protocol: the plugin is disabled, blocked, failed to load or sends somewhere unknown ' +
    '(capture.customCollectors). Everything this viewer watched is lost to analytics.',
  judge(context) {
    if (context.beacons.length) return [];
    const min = context.tolerance.minPlayedSeconds;
    return context.videos
      .map((v) => ({ video: v, watched: v.watchedBetween(context.start, context.end) }))
      .filter(({ video, watched }) => watched >= min && video.played())
      .map(({ video, watched }) => ({
        message: `${video.label} played ${secs(watched)} but no analytics beacon of any known protocol was sent.`,
        beacons: [],
      }));
  },
};
