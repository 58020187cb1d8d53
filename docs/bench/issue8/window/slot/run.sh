#!/bin/bash
# Issue 8 measurements for the 13:05-13:30 slot. Run from /work/wt-window after `git merge main` and the build.
set -u
export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 PATH=/usr/lib/jvm/temurin-25-jdk-amd64/bin:$PATH
cd /work/wt-window
OUT=/tmp/slot
J=bench/target/benchmarks.jar
stamp() { echo "== $(date -u +%H:%M:%S) load $(cut -d' ' -f1-3 /proc/loadavg) $*" | tee -a $OUT/timeline.txt; }
stamp "commit $(git rev-parse --short HEAD)"

stamp "NoCopyEncodeBenchmark"
java -jar $J NoCopyEncodeBenchmark -p pool=fixed,adaptive,offheap -p settings=fullFormOnly,defaults -p form=noCopy \
    -f 2 -wi 2 -w 1s -i 3 -r 1s -prof gc -rf json -rff $OUT/nocopy.json > $OUT/nocopy.log 2>&1
stamp "BatchEncodeBenchmark"
java -jar $J BatchEncodeBenchmark -f 3 -wi 2 -w 1s -i 5 -r 1s -prof gc -rf json -rff $OUT/batch.json > $OUT/batch.log 2>&1
stamp "LiveConversationSweep"
java -Xms2g -Xmx2g -cp $J io.sigmalang.bench.LiveConversationSweep --conversations 10,100,1000,10000 --messages 20 \
    --corpus /tmp/fortunes.txt --json $OUT/sweep.json > $OUT/sweep.txt 2>&1
stamp "LiveConversationSweep --day"
java -Xms2g -Xmx2g -cp $J io.sigmalang.bench.LiveConversationSweep --day --conversations 10,100,1000,10000 --messages 20 \
    --corpus /tmp/fortunes.txt > $OUT/sweep-day.txt 2>&1
stamp "EncodeBenchmark defaults, main 582c7ef vs branch, fixed pool"
for jar in /tmp/slot/main-582c7ef-benchmarks.jar $J; do
  java -jar $jar EncodeBenchmark -p pool=fixed -p settings=defaults -f 2 -wi 2 -w 1s -i 3 -r 1s -prof gc \
      >> $OUT/encode-main-vs-branch.log 2>&1
done
stamp "done"
