/* SPDX-License-Identifier: GPL-2.0 */
/*
 * replay.h - a capture file as a scenario: one frame line per captured
 * frame, with the delay the capture had before it (divided by speed) or
 * a fixed interval.
 */
#ifndef REPLAY_H
#define REPLAY_H

#include <stdint.h>

#include "scenario_io.h"

struct replay_opts {
	const char *path;	/* pcap or pcapng, Ethernet */
	double speed;		/* capture time / replay time, > 0 */
	uint64_t interval_ns;	/* fixed interval instead, if fixed */
	int fixed;
	int rewrite_dst;	/* node 1's MAC as every frame's destination */
};

/* Feed every frame of the capture; 0, or -1 with the reason in err. */
int replay_pcap(struct scenario_feed *f, const struct replay_opts *o,
		char *err, size_t errsz);

#endif /* REPLAY_H */
