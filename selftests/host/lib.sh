# SPDX-License-Identifier: GPL-2.0
# KTAP helpers for the host-side tests of `make check` (sourced).
TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BUILD=${BUILD:-$TOP/build}
. "$TOP/tools/build/lib.sh"
ktap_n=0
ktap_failed=0
echo "TAP version 13"

# ok COND-STATUS DESCRIPTION: report a case from the status of the last check.
result()
{
	ktap_n=$((ktap_n + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $ktap_n $2"
	else
		echo "not ok $ktap_n $2"
		ktap_failed=$((ktap_failed + 1))
	fi
}

# expect_fail OUTPUT-PATTERN DESCRIPTION CMD...: the command must fail and its
# output must name the cause.
expect_fail()
{
	local pat=$1 desc=$2 out rc
	shift 2
	out=$("$@" 2>&1)
	rc=$?
	echo "$out" | sed 's/^/# /' | tail -n 8
	if [ $rc -ne 0 ] && echo "$out" | grep -qE -- "$pat"; then
		result 0 "$desc"
	else
		echo "# expected failure matching '$pat', got status $rc"
		result 1 "$desc"
	fi
}

# relay_results NEST LABEL: report each KTAP result on stdin that is nested
# behind NEST ("" for top level, "# " one level down) as a case of this test,
# its description prefixed with LABEL.  Feed it with a redirection, not a
# pipe: the counters live in this shell.
relay_results()
{
	local nest=$1 label=$2 l

	while IFS= read -r l; do
		case "$l" in
		"${nest}ok "[0-9]*)
			l=${l#"$nest"}
			result 0 "$label${l#ok * }"
			;;
		"${nest}not ok "[0-9]*)
			l=${l#"$nest"}
			result 1 "$label${l#not ok * }"
			;;
		esac
	done
}

ktap_finish()
{
	echo "1..$ktap_n"
	[ $ktap_failed -eq 0 ]
}
