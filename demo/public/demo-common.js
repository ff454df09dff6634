// Helpers shared by the demo emitters.

/** A random GUID-shaped id (crypto.randomUUID needs a secure context; the demo may be served on a LAN). */
export function randomGuid() {
  const h = randomHex(32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** `count` random lowercase hex characters. */
export function randomHex(count) {
  const bytes = crypto.getRandomValues(new Uint8Array(Math.ceil(count / 2)));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0'))
    .join('')
    .slice(0, count);
}

/** Tells audits and tests the page is set up: the video's metadata is loaded. */
export function onReady(video, player, bug) {
  const ready = () => {
    window.playerInspectorDemo = { ready: true, player, bug };
  };
  if (video.readyState >= 1) ready();
  else video.addEventListener('loadedmetadata', ready, { once: true });
}
