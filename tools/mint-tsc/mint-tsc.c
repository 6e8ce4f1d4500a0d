// SPDX-License-Identifier: GPL-2.0
/*
 * mint-tsc - print the TSC of the CPU this runs on, in decimal.
 * mint-tsc-check reads it on node 0, on node 1 (through mint-exec), and on
 * node 0 again: one TSC for both nodes puts node 1's read in between.
 */
#include <stdio.h>
#include <x86intrin.h>

int main(void)
{
	unsigned int aux;

	/* rdtscp waits for every earlier instruction: no read ahead of time */
	printf("%llu\n", (unsigned long long)__rdtscp(&aux));
	return 0;
}
