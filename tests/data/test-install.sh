#!/bin/sh
# Installs the build into a scratch DESTDIR and checks that everything a
# desktop needs to run Rapport lands where the desktop looks for it.
set -eu
builddir=$1
prefix=$2
destdir=$(mktemp -d)
trap 'rm -rf "$destdir"' EXIT

meson install -C "$builddir" --no-rebuild --quiet --destdir "$destdir" >/dev/null

root="$destdir$prefix"
status=0
for file in \
  bin/rapport \
  bin/rapport-pack \
  libexec/rapport-picture-decoder \
  share/rapport/rapport-topic.rng \
  share/rapport/packs/core/pack.json \
  share/rapport/packs/core/topics/communication.xml \
  share/rapport/packs/core/media/warm-transfer.svg \
  share/applications/io.github.rapportapp.Rapport.desktop \
  share/metainfo/io.github.rapportapp.Rapport.metainfo.xml \
  share/icons/hicolor/scalable/apps/io.github.rapportapp.Rapport.svg \
  share/icons/hicolor/symbolic/apps/io.github.rapportapp.Rapport-symbolic.svg \
  share/glib-2.0/schemas/io.github.rapportapp.Rapport.gschema.xml \
  share/mime/packages/io.github.rapportapp.Rapport.xml \
  share/man/man1/rapport-pack.1 \
  share/doc/rapport/FORMAT.md \
  share/locale/de/LC_MESSAGES/rapport.mo
do
  if [ -e "$root/$file" ]; then
    echo "ok: $file"
  else
    echo "MISSING: $file" >&2
    status=1
  fi
done

for program in rapport rapport-pack; do
  if [ ! -x "$root/bin/$program" ]; then
    echo "bin/$program is not executable" >&2
    status=1
  fi
done

# The installed tool finds the installed schema and accepts the installed pack.
if ! RAPPORT_SCHEMA="$root/share/rapport/rapport-topic.rng" \
     "$root/bin/rapport-pack" validate "$root/share/rapport/packs/core" >/dev/null; then
  echo "the installed core pack does not validate" >&2
  status=1
fi

# The installed tool builds a pack file that it then accepts.
scratch=$(mktemp -d)
if ! RAPPORT_SCHEMA="$root/share/rapport/rapport-topic.rng" \
     "$root/bin/rapport-pack" new "$scratch/pack" >/dev/null ||
   ! RAPPORT_SCHEMA="$root/share/rapport/rapport-topic.rng" \
     "$root/bin/rapport-pack" build "$scratch/pack" -o "$scratch/pack.rapportpack" >/dev/null ||
   ! RAPPORT_SCHEMA="$root/share/rapport/rapport-topic.rng" \
     "$root/bin/rapport-pack" validate "$scratch/pack.rapportpack" >/dev/null; then
  echo "the installed rapport-pack cannot create, build and validate a pack" >&2
  status=1
fi
rm -rf "$scratch"

# The installed desktop file and metainfo carry the German translation.
grep -q '^Comment\[de\]=' "$root/share/applications/io.github.rapportapp.Rapport.desktop" \
  || { echo "desktop file has no German comment" >&2; status=1; }
grep -q 'xml:lang="de"' "$root/share/metainfo/io.github.rapportapp.Rapport.metainfo.xml" \
  || { echo "metainfo has no German text" >&2; status=1; }

exit $status
