// SPDX-License-Identifier: GPL-2.0
/* nicsim_limits.c - knob ranges from the kernel (see nicsim_limits.h). */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "nicsim_limits.h"
#include "sysfs_io.h"
#include "units.h"

int nicsim_limit(const char *knob, struct nicsim_range *r)
{
	char buf[4096], name[64], *line, *save = NULL;
	unsigned long long lo, hi;
	int n = sysfs_read_at(nicsim_sysfs_root(), "limits", buf, sizeof(buf));

	if (n < 0)
		return n;
	for (line = strtok_r(buf, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save)) {
		if (sscanf(line, "%63s %llu %llu", name, &lo, &hi) != 3 || lo > hi)
			return -EINVAL;
		if (!strcmp(name, knob)) {
			r->min = lo;
			r->max = hi;
			return 0;
		}
	}
	return -ENOENT;
}

const char *nicsim_range_str(const char *knob, const struct nicsim_range *r,
			     char *buf, size_t bufsz)
{
	size_t len = strlen(knob);
	char a[32], b[32];

	if (len > 3 && !strcmp(knob + len - 3, "_ns"))
		snprintf(buf, bufsz, "%s..%s", format_ns_exact(r->min, a, sizeof(a)),
			 format_ns_exact(r->max, b, sizeof(b)));
	else
		snprintf(buf, bufsz, "%llu..%llu", (unsigned long long)r->min,
			 (unsigned long long)r->max);
	return buf;
}
