#!/usr/bin/env bash
# Runs every cloudify4j benchmark (issues #8 and #20) and prints one name=value line per figure; the same figures
# go to benchmarks/results/latest.json. Takes about 30 minutes on 2 cores. See benchmarks/README.md.
#
#   benchmarks/run.sh [--size-mib 1024] [--pairs 11] [--only fresh,tls,...] [--child-java JAVA_HOME] [--out FILE] ...
#
# Needs Java 17, Maven, curl, openssl (for the HTTPS figures) and nginx (installed with apt-get when missing and
# running as root; without it, what needs it is skipped with a message).
set -euo pipefail
cd "$(dirname "$0")/.."

NGINX=$(command -v nginx || true)
[ -z "$NGINX" ] && [ -x /usr/sbin/nginx ] && NGINX=/usr/sbin/nginx
if [ -z "$NGINX" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "nginx is missing: installing Debian's nginx-light" >&2
  if apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light >&2; then
    NGINX=/usr/sbin/nginx
  fi
fi
if [ -z "$NGINX" ]; then
  # The runner skips what needs nginx (downloads, HTTPS, per-call overhead) and says so.
  echo "nginx is missing (apt-get install nginx-light): the figures that need it are skipped" >&2
  NGINX=none
fi
CURL=$(command -v curl || echo /usr/bin/curl)
OPENSSL=$(command -v openssl || echo none)

# Build the benchmarks and the library from this checkout (the reactor's jars, not ~/.m2's), and write the
# run-time class path.
mvn -B -q -pl benchmarks -am -DskipTests package \
  org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
  -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime >&2

CP="benchmarks/target/cloudify4j-benchmarks-0.1.0-SNAPSHOT.jar:$(cat benchmarks/target/classpath.txt)"
exec java -Xmx512m -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$CP" \
  io.github.cloudify4j.benchmarks.BenchmarkMain --nginx "$NGINX" --curl "$CURL" --openssl "$OPENSSL" "$@"
