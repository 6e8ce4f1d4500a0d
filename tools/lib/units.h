/* SPDX-License-Identifier: GPL-2.0 */
/* units.h - parse and format durations and counts. */
#ifndef UNITS_H
#define UNITS_H

#include <stddef.h>
#include <stdint.h>

/* "10us", "1.5ms", "100" (ns), "2s", "0" -> nanoseconds.  -EINVAL on
 * garbage or an unknown unit, -ERANGE on overflow. */
int parse_duration_ns(const char *s, uint64_t *ns);
/* Decimal unsigned integer, whole string; -EINVAL / -ERANGE. */
int parse_u64(const char *s, uint64_t *v);
/* Format ns with a readable unit: "850ns", "100.3us", "1.25ms", "2s". */
const char *format_ns(uint64_t ns, char *buf, size_t bufsz);
/* Monotonic clock in ns. */
uint64_t now_ns(void);
/* Sleep for about ms milliseconds (returns early on a signal). */
void sleep_ms(unsigned int ms);

#endif /* UNITS_H */
