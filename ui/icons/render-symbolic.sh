#!/bin/sh
# Pre-render the symbolic icons that are shown at start-up as recolourable
# .symbolic.png files, so the first frame does not load librsvg (about 15 ms
# of Rapport's start-up; see bench/README.md).  Run after changing an SVG:
#   ui/icons/render-symbolic.sh
# Needs gtk4-encode-symbolic-svg (Debian package libgtk-4-bin).
set -eu
cd "$(dirname "$0")"
for size in 128 256; do
  mkdir -p ${size}x${size}/status
  for svg in scalable/status/*.svg; do
    gtk4-encode-symbolic-svg -o ${size}x${size}/status "$svg" ${size}x${size}
  done
done
for size in 16 32 128 256; do
  mkdir -p ${size}x${size}/actions
  gtk4-encode-symbolic-svg -o ${size}x${size}/actions scalable/actions/rapport-progress-symbolic.svg ${size}x${size}
done

# On X11 GTK sets the window icon from the app icon at start-up; PNG sizes
# spare it the SVG loader there too.
for size in 16 32 48 64 128; do
  mkdir -p ${size}x${size}/apps
  rsvg-convert -w $size -h $size -o ${size}x${size}/apps/io.github.rapportapp.Rapport.png \
    ../../data/icons/hicolor/scalable/apps/io.github.rapportapp.Rapport.svg
done
