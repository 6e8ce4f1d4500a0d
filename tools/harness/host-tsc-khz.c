// SPDX-License-Identifier: GPL-2.0
/*
 * host-tsc-khz - print this machine's TSC frequency in kHz.
 *
 * Under QEMU TCG the guest's RDTSC returns the host's TSC, so the guest's
 * TSC runs at exactly this rate.  The harness hands it to node 0 as
 * tsc_early_khz=, because a TCG guest calibrating against the emulated PIT
 * fails now and then and is left without high-resolution timers.
 *
 * Measures the TSC against CLOCK_MONOTONIC_RAW over 100 ms, five times,
 * and prints the median.  Exit status 1 when the measurements disagree by
 * more than 0.1 % (a TSC that is not constant, or a very busy machine).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <x86intrin.h>

#define ROUNDS	5

static uint64_t mono_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC_RAW, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ULL + ts.tv_nsec;
}

static int cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

int main(void)
{
	double khz[ROUNDS];
	int i;

	for (i = 0; i < ROUNDS; i++) {
		uint64_t t0 = mono_ns(), c0 = __rdtsc(), t1, c1;

		do {
			t1 = mono_ns();
		} while (t1 - t0 < 100000000ULL);
		c1 = __rdtsc();
		khz[i] = (double)(c1 - c0) * 1e6 / (double)(t1 - t0);
	}
	qsort(khz, ROUNDS, sizeof(khz[0]), cmp);
	printf("%.0f\n", khz[ROUNDS / 2]);
	if ((khz[ROUNDS - 2] - khz[1]) / khz[ROUNDS / 2] > 0.001) {
		fprintf(stderr, "host-tsc-khz: measurements disagree: %.0f .. %.0f kHz\n",
			khz[1], khz[ROUNDS - 2]);
		return 1;
	}
	return 0;
}
