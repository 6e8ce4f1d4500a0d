/* SPDX-License-Identifier: GPL-2.0 */
/* units.h - parse and format durations and counts. */
#ifndef UNITS_H
#define UNITS_H

#include <stddef.h>
#include <stdint.h>

/*
 * The one duration parser of every tool: a decimal number, optionally with
 * a fraction, and a unit ns, us, ms or s ("250ns", "10us", "1.5ms", "2s",
 * "0ns").  A bare number is refused, whatever the option; nothing is
 * rounded.  Returns 0 or -EINVAL.
 */
int parse_duration_ns(const char *s, uint64_t *ns);
/*
 * The same, and on error *why says what is wrong: "no unit", "unknown
 * unit", "not a duration", "too large" or "finer than 1ns".
 */
int parse_duration_why(const char *s, uint64_t *ns, const char **why);

/* What one duration option accepts. */
struct duration_opt {
	const char *tool;	/* "mint-nicsim" */
	const char *name;	/* "--timeout" */
	uint64_t res_ns;	/* resolution: values must be whole multiples */
	uint64_t min_ns, max_ns;
};

/*
 * Parse the argument of a duration option (parse_duration_why()) and check
 * it against the option's resolution and range.  On error prints one line
 * naming the tool, the option and the accepted form, and returns -1.
 * Every duration option of every tool goes through here.
 */
int duration_arg(const struct duration_opt *d, const char *arg, uint64_t *ns);

/* Decimal unsigned integer, whole string; -EINVAL / -ERANGE. */
int parse_u64(const char *s, uint64_t *v);
/* Format ns with a readable unit: "850ns", "100.3us", "1.25ms", "2s". */
const char *format_ns(uint64_t ns, char *buf, size_t bufsz);
/* Format ns exactly, in the largest unit that divides it: "10s", "1500us". */
const char *format_ns_exact(uint64_t ns, char *buf, size_t bufsz);
/* Monotonic clock in ns. */
uint64_t now_ns(void);
/* Sleep for about ms milliseconds (returns early on a signal). */
void sleep_ms(unsigned int ms);

#endif /* UNITS_H */
