#!/bin/sh
# Renders build/icon.svg into the PNGs electron-builder packs (they are committed; run this after editing the SVG):
#   build/icon.png           1024×1024: macOS (electron-builder derives the .icns) and Windows (the .ico)
#   build/icons/NxN.png      the Linux icon set (AppImage, deb: hicolor/NxN/apps/shelfmark.png)
# At 32 px and below the text lines are left out (icon-small.css) and the margin is cropped, so the page and
# its ribbon stay legible.
# Needs rsvg-convert: apt-get install -y librsvg2-bin
set -eu
cd "$(dirname "$0")"

rsvg-convert --width 1024 --height 1024 icon.svg --output icon.png

mkdir -p icons
for size in 16 24 32 48 64 128 256 512 1024; do
  if [ "$size" -le 32 ]; then
    sed 's/viewBox="0 0 1024 1024"/viewBox="84 84 856 856"/' icon.svg |
      rsvg-convert --width "$size" --height "$size" --stylesheet icon-small.css --output "icons/${size}x${size}.png"
  else
    rsvg-convert --width "$size" --height "$size" icon.svg --output "icons/${size}x${size}.png"
  fi
done
