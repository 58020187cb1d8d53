#!/bin/sh
# Whole-process encode of a big input, as a user runs it: `java -jar launcher/target/sigmalang.jar encode IN -o OUT`
# and bin/sigmalang (the ahead-of-time cache) beside a bare `java -version`, in one hyperfine run. Set BEFORE_JAR to
# an older sigmalang.jar to measure it in the same run. Inputs (not committed):
#   bench/scripts/fortune-corpus.sh /tmp/fortunes-45597.txt                                  (45,597 messages)
#   java -cp bench/target/benchmarks.jar io.sigmalang.bench.ChatCorpusGenerator 1000000 10 /tmp/chat-1m.txt
#
#   bench/scripts/whole-process.sh IN.txt OUT.json [RUNS]
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
in=${1:?usage: whole-process.sh IN.txt OUT.json [RUNS]}
out=${2:?usage: whole-process.sh IN.txt OUT.json [RUNS]}
runs=${3:-3}
jar="$root/launcher/target/sigmalang.jar"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
set -- -n "java -version" "java -version"
if [ -n "${BEFORE_JAR:-}" ]; then
    set -- "$@" -n "before encode" "java -jar $BEFORE_JAR encode $in -o $work/b.sigma"
fi
set -- "$@" -n "jar encode" "java -jar $jar encode $in -o $work/j.sigma" \
    -n "aot encode" "$root/bin/sigmalang encode $in -o $work/a.sigma"
echo "load before: $(cat /proc/loadavg)" >&2
hyperfine -N -w 1 -r "$runs" --export-json "$out" "$@"
echo "load after: $(cat /proc/loadavg)" >&2
cmp "$work/j.sigma" "$work/a.sigma"
if [ -n "${BEFORE_JAR:-}" ]; then
    cmp "$work/b.sigma" "$work/j.sigma"
fi
echo "the containers are identical" >&2
