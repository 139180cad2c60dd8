#!/bin/sh
# Fails when a translatable string in the sources has no German translation:
# extracts the strings afresh (as `ninja rapport-pot` does), merges them into
# de.po in a scratch copy, and counts what is untranslated or fuzzy.
set -eu
srcdir=$1
lang=${2:-de}
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

cd "$srcdir"
grep -v '^#' po/POTFILES.in | grep -v '^$' > "$scratch/files"
xgettext --from-code=UTF-8 --add-comments --package-name=rapport \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dngettext:2,3 --keyword=ngettext:1,2 \
  --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=g_strdup_printf:1:c-format \
  --files-from="$scratch/files" --output="$scratch/rapport.pot"

msgmerge --quiet --no-fuzzy-matching "po/$lang.po" "$scratch/rapport.pot" -o "$scratch/$lang.po"
stats=$(msgfmt --check --statistics -o /dev/null "$scratch/$lang.po" 2>&1)
echo "$lang: $stats"
case "$stats" in
  *untranslated*|*fuzzy*)
    msgattrib --untranslated --no-obsolete "$scratch/$lang.po" | grep '^msgid' | sed 1d >&2 || true
    echo "FAIL: po/$lang.po is incomplete" >&2
    exit 1
    ;;
esac
