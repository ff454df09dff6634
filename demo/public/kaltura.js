// The real Kaltura web player (from node_modules) with its KAVA plugin, playing the local test video
// without calling Kaltura's provider APIs. `?bug=<name>` switches on a broken integration (variants.mjs);
// `?route=default` leaves KAVA on its default analytics host (the default-route test maps it here).
(() => {
  const params = new URLSearchParams(location.search);
  const bug = params.get('bug') || '';
  const partnerId = bug === 'other-partner' ? 3050742 : 3050741;
  const uiConfId = 41234561;
  const entryId = '1_pidemo01';
  document.getElementById('variant').textContent = bug ? `Broken variant: ${bug}` : '';

  const kava = {};
  // Protocol-relative: KAVA puts the page's protocol in front of serviceUrl itself.
  if (params.get('route') !== 'default') kava.serviceUrl = `//${location.host}/api_v3/index.php`;
  if (bug === 'view-30s') kava.viewEventCountdown = 30;
  // Sent as applicationVer by KAVA 0.14 on, as applicationVersion before.
  kava.applicationVersion = 'pi-demo-1.0';
  if (bug === 'no-partner-id') {
    const settings = { partnerID: String(partnerId) };
    kava.tamperAnalyticsHandler = (model) => {
      model.partnerId = settings.partnerId || '';
      return true;
    };
  }
  if (bug === 'no-play-requested') kava.tamperAnalyticsHandler = (model) => model.eventType !== 2;
  if (bug === 'lost-beacons') dropEverySecondView();
  if (bug === 'kava-disabled') kava.disable = true;
  const truthTamper = groundTruthBug(bug);
  if (truthTamper) kava.tamperAnalyticsHandler = truthTamper;

  const playback = { autoplay: false, preload: 'auto', muted: true };
  if (bug === 'position-on-play') playback.startTime = 10;

  const player = KalturaPlayer.setup({
    targetId: 'player',
    provider: { partnerId, uiConfId },
    playback,
    plugins: { kava },
  });
  /** The media config of one entry: every entry plays the same local test video. */
  const mediaFor = (id) => {
    const media = {
      sources: {
        id,
        type: 'Vod',
        duration: 60,
        dvr: false,
        metadata: { name: `Player Inspector test video ${id}` },
        progressive: [
          {
            id: `${id}_flavor1`,
            mimetype: 'video/mp4',
            url: new URL('/media/test-video.mp4', location.href).href,
            bandwidth: 120000,
            width: 320,
            height: 180,
          },
        ],
      },
      plugins: {},
    };
    if (bug !== 'no-session') media.session = { partnerId, uiConfId };
    return media;
  };
  player.setMedia(mediaFor(entryId));
  /**
   * Change media: the page sets another entry in the same player, as a "next video" button does.
   * Resolves once the new entry's metadata is loaded (setMedia resets the video element at once).
   */
  window.demoChangeMedia = (id) =>
    new Promise((done) => {
      player.setMedia(mediaFor(id));
      const loaded = () => {
        const video = document.querySelector('#player video');
        if (video && video.readyState >= 1) done(undefined);
        else setTimeout(loaded, 50);
      };
      loaded();
    });
  window.player = player;

  const markReady = () => {
    window.playerInspectorDemo = { ready: true, player: 'kaltura', bug };
  };
  const waitForVideo = () => {
    const video = document.querySelector('#player video');
    if (!video) return setTimeout(waitForVideo, 50);
    if (video.readyState >= 1) markReady();
    else video.addEventListener('loadedmetadata', markReady, { once: true });
  };
  waitForVideo();

  /**
   * Ground-truth variants: a tamperAnalyticsHandler (the integration's hook on every KAVA event) that makes
   * the beacons disagree with what the video did, each in one way.
   */
  function groundTruthBug(name) {
    let views = 0;
    switch (name) {
      // The handler filters "noisy" events and drops every Pause.
      case 'no-pause-beacon':
        return (model) => model.eventType !== 33;
      // The first View (sent with Play) goes out as a Pause: a Pause the viewer never made.
      case 'phantom-pause':
        return (model) => {
          if (model.eventType === 99 && ++views === 1) model.eventType = 33;
          return true;
        };
      // The position comes from a clock 5 s ahead of the video.
      case 'stale-position':
        return (model) => {
          if (model.eventType === 99) model.position += 5;
          return true;
        };
      // Two timers add to playTimeSum: every watched second is counted twice.
      case 'play-time-doubled':
        return (model) => {
          if (model.eventType === 99) model.playTimeSum *= 2;
          return true;
        };
      // The first View (sent with Play) goes out as Play reached 25%.
      case 'quartile-early':
        return (model) => {
          if (model.eventType === 99 && ++views === 1) model.eventType = 11;
          return true;
        };
      default:
        return undefined;
    }
  }

  /** The bug: a wrapper around XHR that loses every second View beacon after KAVA counted it. */
  function dropEverySecondView() {
    const open = XMLHttpRequest.prototype.open;
    const send = XMLHttpRequest.prototype.send;
    let views = 0;
    XMLHttpRequest.prototype.open = function (method, url, ...rest) {
      this.demoUrl = String(url);
      return open.call(this, method, url, ...rest);
    };
    XMLHttpRequest.prototype.send = function (body) {
      if (/[?&]eventType=99(&|$)/.test(this.demoUrl || '') && ++views % 2 === 0) return;
      return send.call(this, body);
    };
  }
})();
