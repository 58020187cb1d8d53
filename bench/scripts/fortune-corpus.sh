#!/bin/sh
# Writes the whole-process input of issue 10: the messages of Debian's fortune files (package `fortunes`,
# /usr/share/games/fortunes, UTF-8), one message per line (its lines joined by one space), the first 15,199 of
# them in file-name order, three times over: 45,597 lines. Not committed: the files come under several
# licences; this script rebuilds the input from the package instead.
#
#   apt-get install fortunes && bench/scripts/fortune-corpus.sh /tmp/fortunes-45597.txt
set -eu
out=${1:?usage: fortune-corpus.sh OUT.txt}
dir=/usr/share/games/fortunes
per_pass=15199
if [ ! -d "$dir" ]; then
    echo "fortune-corpus.sh: no $dir (apt-get install fortunes)" >&2
    exit 2
fi
messages=$(mktemp)
trap 'rm -f "$messages"' EXIT
for f in $(ls "$dir" | grep -v '\.' | LC_ALL=C sort); do
    LC_ALL=C awk '
        /^%$/ { if (m != "") print m; m = ""; next }
        { gsub(/[ \t\r]+/, " "); sub(/^ /, ""); sub(/ $/, ""); if ($0 != "") m = (m == "" ? $0 : m " " $0) }
        END { if (m != "") print m }' "$dir/$f"
done > "$messages"
found=$(wc -l < "$messages")
if [ "$found" -lt "$per_pass" ]; then
    echo "fortune-corpus.sh: only $found messages in $dir (expected at least $per_pass)" >&2
    exit 1
fi
: > "$out"
for pass in 1 2 3; do
    head -n "$per_pass" "$messages" >> "$out"
done
echo "fortune-corpus.sh: wrote $(wc -l < "$out") messages, $(wc -c < "$out") bytes to $out" >&2
