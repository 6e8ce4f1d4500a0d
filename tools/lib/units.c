// SPDX-License-Identifier: GPL-2.0
/* units.c - parse and format durations and counts. */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "units.h"

int parse_u64(const char *s, uint64_t *v)
{
	uint64_t r = 0;

	if (!s || !*s)
		return -EINVAL;
	for (; *s; s++) {
		if (!isdigit((unsigned char)*s))
			return -EINVAL;
		if (r > (UINT64_MAX - (uint64_t)(*s - '0')) / 10)
			return -ERANGE;
		r = r * 10 + (uint64_t)(*s - '0');
	}
	*v = r;
	return 0;
}

int parse_duration_ns(const char *s, uint64_t *ns)
{
	static const struct { const char *name; uint64_t mult; } units[] = {
		{ "ns", 1 }, { "us", 1000 }, { "ms", 1000000 },
		{ "s", 1000000000 }, { "", 1 },
	};
	uint64_t ip = 0, frac = 0, fdiv = 1, mult = 0;
	const char *p = s;
	size_t i;

	if (!s || !isdigit((unsigned char)*p))
		return -EINVAL;
	for (; isdigit((unsigned char)*p); p++) {
		if (ip > (UINT64_MAX - 9) / 10)
			return -ERANGE;
		ip = ip * 10 + (uint64_t)(*p - '0');
	}
	if (*p == '.') {
		p++;
		if (!isdigit((unsigned char)*p))
			return -EINVAL;
		for (; isdigit((unsigned char)*p); p++) {
			if (fdiv >= 1000000000ULL)
				continue;	/* ignore digits below 1e-9 */
			frac = frac * 10 + (uint64_t)(*p - '0');
			fdiv *= 10;
		}
	}
	for (i = 0; i < sizeof(units) / sizeof(units[0]); i++) {
		if (!strcmp(p, units[i].name)) {
			mult = units[i].mult;
			break;
		}
	}
	if (!mult)
		return -EINVAL;
	if (ip > UINT64_MAX / mult)
		return -ERANGE;
	ip *= mult;
	/* frac < fdiv <= 1e9 and mult <= 1e9: no overflow */
	frac = frac * mult / fdiv;
	if (ip > UINT64_MAX - frac)
		return -ERANGE;
	*ns = ip + frac;
	return 0;
}

const char *format_ns(uint64_t ns, char *buf, size_t bufsz)
{
	if (ns < 1000)
		snprintf(buf, bufsz, "%lluns", (unsigned long long)ns);
	else if (ns < 1000000)
		snprintf(buf, bufsz, "%.1fus", ns / 1e3);
	else if (ns < 1000000000)
		snprintf(buf, bufsz, "%.2fms", ns / 1e6);
	else
		snprintf(buf, bufsz, "%.3fs", ns / 1e9);
	/* "100.0us" -> "100us" reads better */
	{
		char *dot = strchr(buf, '.');

		if (dot) {
			char *u = dot + 1;

			while (*u == '0')
				u++;
			if (!isdigit((unsigned char)*u))
				memmove(dot, u, strlen(u) + 1);
		}
	}
	return buf;
}

uint64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ULL + (uint64_t)ts.tv_nsec;
}

void sleep_ms(unsigned int ms)
{
	struct timespec ts = { ms / 1000, (long)(ms % 1000) * 1000000L };

	nanosleep(&ts, NULL);
}
