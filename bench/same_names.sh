#!/usr/bin/env bash
# Prints a Threat Dragon model (td) or an OTM file (otm) with N elements that all have the same
# name, inside one trust boundary: the worst case for making unique ids, timed by scripts/bench
# (`import` of 100,000 of them) and run small by the bench smoke test.
#
#   bench/same_names.sh td|otm N
set -euo pipefail
format=${1:?td or otm}
n=${2:?number of elements}
case $format in
  td)
    awk -v n="$n" 'BEGIN {
      printf "{\"version\": \"2.2.0\", \"summary\": {\"title\": \"Same names\"}, \"detail\": {\"diagrams\": [{\"cells\": [\n"
      printf "{\"id\": \"box\", \"shape\": \"trust-boundary-box\", \"position\": {\"x\": 0, \"y\": 0}, \"size\": {\"width\": %d, \"height\": 200}, \"data\": {\"type\": \"tm.BoundaryBox\", \"name\": \"Internet\"}}", n * 200 + 100
      for (i = 0; i < n; i++)
        printf ",\n{\"id\": \"a%d\", \"shape\": \"actor\", \"position\": {\"x\": %d, \"y\": 50}, \"size\": {\"width\": 160, \"height\": 80}, \"data\": {\"type\": \"tm.Actor\", \"name\": \"Customer\"}}", i, i * 200 + 50
      printf "\n]}]}}\n"
    }' ;;
  otm)
    awk -v n="$n" 'BEGIN {
      printf "{\"otmVersion\": \"0.2.0\", \"project\": {\"name\": \"Same names\", \"id\": \"same-names\"},\n"
      printf "\"trustZones\": [{\"id\": \"z\", \"name\": \"Internet\", \"risk\": {\"trustRating\": 10}}],\n\"components\": [\n"
      for (i = 0; i < n; i++)
        printf "%s{\"id\": \"c%d\", \"name\": \"Customer\", \"type\": \"generic-client\", \"parent\": {\"trustZone\": \"z\"}}", i ? ",\n" : "", i
      printf "\n]}\n"
    }' ;;
  *) echo "bench/same_names.sh: unknown format '$format' (td or otm)" >&2; exit 2 ;;
esac
