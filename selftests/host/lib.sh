# SPDX-License-Identifier: GPL-2.0
# KTAP helpers for the host-side tests of `make check` (sourced).
TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BUILD=${BUILD:-$TOP/build}
. "$TOP/tools/build/lib.sh"
ktap_n=0
ktap_failed=0
# ktap_class: when set (e.g. "unit"), the cases that follow are named
# "CLASS: description" and counted per class in ktap_pass/fail/skip[CLASS].
ktap_class=""
declare -A ktap_pass=() ktap_fail=() ktap_skip=()
echo "TAP version 13"

# ktap_count pass|fail|skip: count a case in the current class.
ktap_count()
{
	local -n c=ktap_$1

	[ -z "$ktap_class" ] || c[$ktap_class]=$((${c[$ktap_class]:-0} + 1))
}

# result STATUS DESCRIPTION: report a case from the status of the last check.
result()
{
	local d=${ktap_class:+$ktap_class: }$2

	ktap_n=$((ktap_n + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $ktap_n $d"
		ktap_count pass
	else
		echo "not ok $ktap_n $d"
		ktap_failed=$((ktap_failed + 1))
		ktap_count fail
	fi
}

# skip_case DESCRIPTION REASON: report a case that could not run.
skip_case()
{
	ktap_n=$((ktap_n + 1))
	echo "ok $ktap_n ${ktap_class:+$ktap_class: }$1 # SKIP $2"
	ktap_count skip
}

# ktap_class_counts CLASS: "N passed, N failed, N skipped"
ktap_class_counts()
{
	echo "${ktap_pass[$1]:-0} passed, ${ktap_fail[$1]:-0} failed, ${ktap_skip[$1]:-0} skipped"
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
