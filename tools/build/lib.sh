# SPDX-License-Identifier: GPL-2.0
# Shared paths and helpers for the mint-nicsim build scripts (sourced, not run).

TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BUILD=${BUILD:-$TOP/build}
SRC=$BUILD/src			# patched tree (quilt applied), never built in
BASE_TARBALL=/usr/src/linux-source-6.12.tar.xz
JOBS=${JOBS:-$(nproc)}
# MINT_PATCHES/MINT_SERIES let the self-tests feed the pipeline a broken series.
export QUILT_PATCHES=${MINT_PATCHES:-$TOP/patches}
export QUILT_SERIES=${MINT_SERIES:-$TOP/series}
export QUILT_REFRESH_ARGS="-p ab --no-timestamps --no-index"
export QUILT_PUSH_ARGS="--fuzz=0"

# stage N TOTAL "what": one progress line per stage.
stage()
{
	printf '[%s/%s] %s\n' "$1" "$2" "$3"
}

info()
{
	printf '      %s\n' "$*"
}

die()
{
	printf 'error: %s\n' "$*" >&2
	exit 1
}

# Print the base kernel tree: KSRC if given, else the unpacked Debian tarball.
base_tree()
{
	if [ -n "${KSRC:-}" ]; then
		(cd "$KSRC" && pwd)
	else
		echo "$BUILD/base/linux-source-6.12"
	fi
}

kernel_version()
{
	awk '/^VERSION =/ {v=$3} /^PATCHLEVEL =/ {p=$3} /^SUBLEVEL =/ {s=$3}
	     END {print v "." p "." s}' "$1/Makefile"
}

# Patch file names from the series file, in order.
series_patches()
{
	[ -f "$QUILT_SERIES" ] || return 0
	sed -e 's/#.*//' -e 's/[[:space:]].*//' "$QUILT_SERIES" | grep -v '^$' || true
}

# follow_test PID TEST: while PID (a `mint-qemu ... test TEST` started in the
# background) runs, print the in-guest test's progress lines ("TEST: ...")
# from node 0's console log as they come, indented; then return PID's
# exit status.
follow_test()
{
	local log=$BUILD/logs/node0-$2.log seen=0 n

	while kill -0 "$1" 2>/dev/null; do
		sleep 5
		n=$(grep -ac "^$2: " "$log" 2>/dev/null || true)
		if [ "${n:-0}" -gt "$seen" ]; then
			grep -a "^$2: " "$log" | tr -d '\r' | sed -n "$((seen + 1)),${n}p" | sed 's/^/      /'
			seen=$n
		fi
	done
	wait "$1"
}
