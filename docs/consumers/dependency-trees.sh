#!/bin/sh
# Prints `mvn dependency:tree` of each consumer in this directory, as an application that imports sigmalang-bom
# sees it. The library artifacts are installed into a private repository under /tmp (the shared ~/.m2 is only
# read, as the tail of a chained local repository), so nothing of this checkout leaks into other builds.
# Run from the repository root: sh docs/consumers/dependency-trees.sh
set -e
repo=${SIGMALANG_CONSUMER_REPO:-/tmp/sigmalang-consumer-m2}
tail=${HOME}/.m2/repository
./mvnw -q -o install -DskipTests -Dmaven.repo.local="$repo" -Dmaven.repo.local.tail="$tail" \
    -pl :sigmalang-parent,domain,pool-fixed,pool-adaptive,pool-offheap,adapters,adapters/metrics,launcher/bom
for consumer in docs/consumers/*/pom.xml; do
    echo "== $(dirname "$consumer")"
    ./mvnw -q -o -f "$consumer" -Dmaven.repo.local="$repo" -Dmaven.repo.local.tail="$tail" \
        org.apache.maven.plugins:maven-dependency-plugin:3.8.1:tree -DoutputFile="$repo/tree.txt"
    cat "$repo/tree.txt"
done
