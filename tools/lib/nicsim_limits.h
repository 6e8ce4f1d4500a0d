/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nicsim_limits.h - the ranges of mint-nicsim's numeric knobs, read from
 * the kernel's "limits" file (one line "<knob> <min> <max>" per knob) so
 * that no tool repeats them.
 */
#ifndef NICSIM_LIMITS_H
#define NICSIM_LIMITS_H

#include <stddef.h>
#include <stdint.h>

struct nicsim_range {
	uint64_t min, max;
};

/*
 * The range of knob: 0, -ENOENT when there is no limits file or it does
 * not list the knob, -EINVAL when a line is malformed, another -errno when
 * the file cannot be read.
 */
int nicsim_limit(const char *knob, struct nicsim_range *r);
/* "0s..10s" for a knob in ns (name ends in _ns), "1..256" otherwise. */
const char *nicsim_range_str(const char *knob, const struct nicsim_range *r,
			     char *buf, size_t bufsz);

#endif /* NICSIM_LIMITS_H */
