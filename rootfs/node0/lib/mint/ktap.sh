# SPDX-License-Identifier: GPL-2.0
# KTAP for the in-guest test scripts (sourced): check DESCRIPTION 'SHELL-TEST'
# reports one case; ktap_done prints the plan and fails if any case failed.
n=0 bad=0
echo "TAP version 13"

check()
{
	n=$((n + 1))
	if eval "$2" >/dev/null 2>&1; then
		echo "ok $n $1"
	else
		echo "not ok $n $1"
		bad=$((bad + 1))
	fi
}

ktap_done()
{
	echo "1..$n"
	[ $bad -eq 0 ]
}
