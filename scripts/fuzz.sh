#!/bin/sh
# Fuzz the three untrusted-text paths, one target after the other
# (security.md §8.3): the sanitizer, the markdown renderer and the output
# guard. Each runs for FUZZTIME (default 5m); a crasher stops the script and
# is kept by Go under testdata/fuzz/<Target>/ in the package, where it then
# runs as a regression test in `go test ./...`.
#
#   scripts/fuzz.sh              # 5 minutes each
#   FUZZTIME=1m scripts/fuzz.sh  # shorter
#   FUZZTIME=30s scripts/fuzz.sh FuzzGuard   # only the targets named
set -eu
cd "$(dirname "$0")/.."
FUZZTIME=${FUZZTIME:-5m}
targets="FuzzClean:./api/sanitize FuzzMarkdown:./views/markdown FuzzGuard:./internal/outguard"
for t in $targets; do
	name=${t%%:*}
	pkg=${t#*:}
	if [ $# -gt 0 ]; then
		case " $* " in *" $name "*) ;; *) continue ;; esac
	fi
	echo "== $name ($pkg) for $FUZZTIME"
	go test -run '^$' -fuzz "^$name\$" -fuzztime "$FUZZTIME" "$pkg"
done
