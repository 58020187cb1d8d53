#!/usr/bin/env bash
# The measurement of docs/SPARK.md: the Spark job at local[1] and local[2] against encode-batch at 1 and 2
# threads, on the same 120,000 messages (6,000 conversations of 20), default (adaptive) pool. Run from the
# repository's root after `./mvnw -q package -DskipTests`. Writes what it measures, and the machine's load, on
# stdout; the outputs go to a temporary directory.
set -euo pipefail
work=$(mktemp -d)
input="$work/messages.jsonl"
java adapters/spark/src/measure/MakeMessages.java bench/src/main/resources/corpus/dev-chat.txt 6000 20 "$input"
echo "input: $(wc -l < "$input") messages, $(wc -c < "$input") bytes; $(nproc) processors"
for round in 1 2; do
  for threads in 1 2; do
    echo "--- round $round: encode-batch --threads $threads (load: $(cut -d' ' -f1-3 /proc/loadavg))"
    start=$(date +%s.%N)
    java -jar launcher/target/sigmalang.jar encode-batch "$input" -o "$work/batch-$threads.sigma" --threads "$threads" 2>&1 | head -2
    end=$(date +%s.%N)
    echo "wall: $(echo "$end - $start" | bc) s (JVM start included)"
  done
  for cores in 1 2; do
    echo "--- round $round: spark local[$cores] (load: $(cut -d' ' -f1-3 /proc/loadavg))"
    rm -rf "$work/spark-$cores"
    start=$(date +%s.%N)
    java -Dspark.master="local[$cores]" @adapters/spark/target/spark-local.args encode "$input" "$work/spark-$cores" 2>&1 | head -2
    end=$(date +%s.%N)
    echo "wall: $(echo "$end - $start" | bc) s (JVM start and session included)"
  done
done
rm -rf "$work"
