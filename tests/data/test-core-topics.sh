#!/bin/sh
# Validates every topic of the built-in pack against the shipped schema with
# xmllint, independently of Rapport's own loader, and checks that pack.json
# lists exactly the ten topics of the course.
set -u
xmllint=$1
datadir=$2
topics="$datadir/packs/core/topics"
status=0

for key in communication active-listening empathy problem-solving interpersonal \
           assertiveness stress-management conflict-management business-writing \
           cross-cultural
do
  file="$topics/$key.xml"
  if [ ! -f "$file" ]; then
    echo "MISSING: $file" >&2
    status=1
    continue
  fi
  if ! grep -q "\"file\": \"topics/$key.xml\"" "$datadir/packs/core/pack.json"; then
    echo "NOT LISTED in pack.json: topics/$key.xml" >&2
    status=1
  fi
  if ! "$xmllint" --noout --relaxng "$datadir/rapport-topic.rng" "$file" 2>"${TMPDIR:-/tmp}/xmllint.$$"; then
    cat "${TMPDIR:-/tmp}/xmllint.$$" >&2
    status=1
  else
    echo "ok: $key.xml"
  fi
  rm -f "${TMPDIR:-/tmp}/xmllint.$$"
done

exit $status
