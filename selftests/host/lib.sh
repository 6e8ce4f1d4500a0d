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

ktap_finish()
{
	echo "1..$ktap_n"
	[ $ktap_failed -eq 0 ]
}
