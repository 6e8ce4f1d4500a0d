// SPDX-License-Identifier: GPL-2.0
/* units.c - parse and format durations and counts. */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "units.h"

/* Decimal digits at *s into *v, *s moved past them; -ERANGE on overflow. */
static int scan_u64(const char **s, uint64_t *v)
{
	const char *p = *s;
	uint64_t r = 0;

	for (; isdigit((unsigned char)*p); p++) {
		if (r > (UINT64_MAX - (uint64_t)(*p - '0')) / 10)
			return -ERANGE;
		r = r * 10 + (uint64_t)(*p - '0');
	}
	*s = p;
	*v = r;
	return 0;
}

int parse_u64(const char *s, uint64_t *v)
{
	uint64_t r;
	int err;

	if (!s || !isdigit((unsigned char)*s))
		return -EINVAL;
	err = scan_u64(&s, &r);
	if (err)
		return err;
	if (*s)
		return -EINVAL;
	*v = r;
	return 0;
}

/* Largest first: format_ns_exact() takes the first that divides. */
static const struct {
	const char *name;
	uint64_t mult;
} dur_units[] = {
	{ "s", 1000000000 }, { "ms", 1000000 }, { "us", 1000 }, { "ns", 1 },
};

#define DUR_FORM "a number and a unit: ns, us, ms or s (e.g. 10us, 1.5ms)"

static int dur_fail(const char **why, const char *reason)
{
	if (why)
		*why = reason;
	return -EINVAL;
}

int parse_duration_why(const char *s, uint64_t *ns, const char **why)
{
	uint64_t ip, frac = 0, fdiv = 1, mult = 0;
	const char *p = s;
	size_t i;

	if (!s || !isdigit((unsigned char)*p))
		return dur_fail(why, "not a duration");
	if (scan_u64(&p, &ip))
		return dur_fail(why, "too large");
	if (*p == '.') {
		p++;
		if (!isdigit((unsigned char)*p))
			return dur_fail(why, "not a duration");
		for (; isdigit((unsigned char)*p); p++) {
			if (fdiv < 1000000000ULL) {
				frac = frac * 10 + (uint64_t)(*p - '0');
				fdiv *= 10;
			} else if (*p != '0') {
				return dur_fail(why, "finer than 1ns");
			}
		}
	}
	if (!*p)
		return dur_fail(why, "no unit");
	for (i = 0; i < sizeof(dur_units) / sizeof(dur_units[0]); i++) {
		if (!strcmp(p, dur_units[i].name)) {
			mult = dur_units[i].mult;
			break;
		}
	}
	if (!mult)
		return dur_fail(why, "unknown unit");
	if (ip > UINT64_MAX / mult)
		return dur_fail(why, "too large");
	ip *= mult;
	/* frac < fdiv <= 1e9 and mult <= 1e9: no overflow */
	if (frac * mult % fdiv)
		return dur_fail(why, "finer than 1ns");
	frac = frac * mult / fdiv;
	if (ip > UINT64_MAX - frac)
		return dur_fail(why, "too large");
	*ns = ip + frac;
	return 0;
}

int parse_duration_ns(const char *s, uint64_t *ns)
{
	return parse_duration_why(s, ns, NULL);
}

int duration_arg(const struct duration_opt *d, const char *arg, uint64_t *ns)
{
	char a[32], b[32];
	const char *why;
	uint64_t v;

	if (parse_duration_why(arg, &v, &why)) {
		fprintf(stderr, "%s: %s %s: %s; a duration is " DUR_FORM "\n",
			d->tool, d->name, arg, why);
		return -1;
	}
	if (d->res_ns > 1 && v % d->res_ns) {
		fprintf(stderr, "%s: %s %s: not a multiple of %s, the resolution of %s\n",
			d->tool, d->name, arg,
			format_ns_exact(d->res_ns, a, sizeof(a)), d->name);
		return -1;
	}
	if (v < d->min_ns || v > d->max_ns) {
		fprintf(stderr, "%s: %s %s: out of range (%s..%s)\n", d->tool,
			d->name, arg, format_ns_exact(d->min_ns, a, sizeof(a)),
			format_ns_exact(d->max_ns, b, sizeof(b)));
		return -1;
	}
	*ns = v;
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

const char *format_ns_exact(uint64_t ns, char *buf, size_t bufsz)
{
	size_t i;

	for (i = 0; i < sizeof(dur_units) / sizeof(dur_units[0]); i++)
		if (ns % dur_units[i].mult == 0)
			break;
	snprintf(buf, bufsz, "%llu%s",
		 (unsigned long long)(ns / dur_units[i].mult), dur_units[i].name);
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
