#!/bin/sh
# Start-up of the CLI, whole process, each command beside a bare `java -version` in the same hyperfine run
# (Debian: apt-get install hyperfine): --help, encode of samples/conversation.txt, decode of its container,
# with `java -jar launcher/target/sigmalang.jar` and with bin/sigmalang (the ahead-of-time cache, built first
# with bin/sigmalang --build-aot-cache). Set BEFORE_JAR to an older sigmalang.jar to measure it in the same run.
#
#   bench/scripts/startup.sh OUT.json [RUNS]
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
out=${1:?usage: startup.sh OUT.json [RUNS]}
runs=${2:-12}
jar="$root/launcher/target/sigmalang.jar"
sample="$root/samples/conversation.txt"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
java -jar "$jar" encode "$sample" -o "$work/sample.sigma" 2>/dev/null
set -- -n "java -version" "java -version"
if [ -n "${BEFORE_JAR:-}" ]; then
    set -- "$@" -n "before --help" "java -jar $BEFORE_JAR --help" \
        -n "before encode" "java -jar $BEFORE_JAR encode $sample -o $work/b.sigma" \
        -n "before decode" "java -jar $BEFORE_JAR decode $work/sample.sigma -o $work/b.jsonl"
fi
set -- "$@" -n "jar --help" "java -jar $jar --help" \
    -n "jar encode" "java -jar $jar encode $sample -o $work/j.sigma" \
    -n "jar decode" "java -jar $jar decode $work/sample.sigma -o $work/j.jsonl" \
    -n "aot --help" "$root/bin/sigmalang --help" \
    -n "aot encode" "$root/bin/sigmalang encode $sample -o $work/a.sigma" \
    -n "aot decode" "$root/bin/sigmalang decode $work/sample.sigma -o $work/a.jsonl"
echo "load before: $(cat /proc/loadavg)" >&2
hyperfine -N -w 2 -r "$runs" --export-json "$out" "$@"
echo "load after: $(cat /proc/loadavg)" >&2
