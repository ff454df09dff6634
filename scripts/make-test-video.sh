#!/bin/sh
# Makes the demo site's test video: 60 s, 320x180, H.264 + AAC, moov atom first (faststart) so that
# the browser can seek before the whole file is loaded. Small enough to commit (well under 1 MB).
set -eu
out="${1:-$(dirname "$0")/../demo/media/test-video.mp4}"
mkdir -p "$(dirname "$out")"
ffmpeg -hide_banner -loglevel error -y \
  -f lavfi -i "testsrc2=size=320x180:rate=15:duration=60" \
  -f lavfi -i "sine=frequency=440:sample_rate=22050:duration=60" \
  -c:v libx264 -profile:v baseline -pix_fmt yuv420p -preset veryslow -crf 40 -g 30 \
  -c:a aac -b:a 24k -ac 1 \
  -movflags +faststart -shortest "$out"
echo "wrote $out ($(wc -c <"$out") bytes)"
