#!/usr/bin/env bash
# Runs every cloudify4j benchmark (issue #8) and prints one name=value line per figure; the same figures go to
# benchmarks/results/latest.json. Takes about 11 minutes on 2 cores. See benchmarks/README.md.
#
#   benchmarks/run.sh [--pairs 5] [--size-mib 1024] [--only download,upload,overhead,restore] [--out FILE] ...
#
# Needs Java 17, Maven, curl and nginx (installed with apt-get when missing and running as root).
set -euo pipefail
cd "$(dirname "$0")/.."

NGINX=$(command -v nginx || true)
[ -z "$NGINX" ] && [ -x /usr/sbin/nginx ] && NGINX=/usr/sbin/nginx
if [ -z "$NGINX" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "nginx is missing: installing Debian's nginx-light" >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light >&2
    NGINX=/usr/sbin/nginx
  else
    echo "nginx is missing: install it (e.g. apt-get install nginx-light) and run again" >&2
    exit 1
  fi
fi
CURL=$(command -v curl || echo /usr/bin/curl)

# Build the benchmarks and the library from this checkout (the reactor's jars, not ~/.m2's), and write the
# run-time class path.
mvn -B -q -pl benchmarks -am -DskipTests package \
  org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
  -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime >&2

CP="benchmarks/target/cloudify4j-benchmarks-0.1.0-SNAPSHOT.jar:$(cat benchmarks/target/classpath.txt)"
exec java -Xmx512m -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$CP" \
  io.github.cloudify4j.benchmarks.BenchmarkMain --nginx "$NGINX" --curl "$CURL" "$@"
