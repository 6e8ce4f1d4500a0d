/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nicsim_ctl.h - drive one mint-nicsim run through sysfs and compare with
 * node 1's receiver counters.  Used by mint-nicsim and nicsim-bench.
 */
#ifndef NICSIM_CTL_H
#define NICSIM_CTL_H

#include <stddef.h>
#include <stdint.h>

#include "nicsim_rx.h"

#define NICSIM_MAX_KNOBS	16
#define NICSIM_STAT_NONE	UINT64_MAX	/* stat file absent */

struct nicsim_knob {
	const char *name;	/* file under the nicsim root */
	const char *value;
};

struct nicsim_run_opts {
	struct nicsim_knob knobs[NICSIM_MAX_KNOBS];
	unsigned int nknobs;
	unsigned int timeout_ms;	/* 0: derived from count and interval */
	unsigned int settle_ms;		/* rx settle time (default 1000) */
	int rx_check;			/* compare with node 1's nicsim-rx */
	int rx_required;		/* fail if the receiver is not running */
	volatile int *stop;		/* set asynchronously: write "stop" */
};

struct nicsim_stats {
	uint64_t frames_sent, irqs_sent, drops_ring_full;
	/* every frame nicsim refused: ring full, too big, bad descriptor */
	uint64_t drops_total;
	uint64_t interval_min_ns, interval_avg_ns, interval_max_ns;
	uint64_t interval_p50_ns, interval_p99_ns;
};

struct nicsim_run_result {
	char state[32];			/* final state */
	char error[1024];		/* why the run failed, "" if it did not */
	int stopped_by_user, timed_out;
	uint64_t count, interval_ns, burst;	/* knobs as read back */
	uint64_t elapsed_ns;
	struct nicsim_stats st;
	int rx_valid;			/* rx counters below are meaningful */
	struct nicsim_rx_area rx;
	int64_t lost;			/* sent - dropped - received */
};

/* Append a knob write; -E2BIG when full. */
int nicsim_opts_add(struct nicsim_run_opts *o, const char *name,
		    const char *value);
/* Read the stats directory; absent files are NICSIM_STAT_NONE. */
void nicsim_read_stats(struct nicsim_stats *st);
/*
 * Run once.  Returns 0 if the run passed, 1 if it ran but failed a
 * check, 2 on a setup error (no ABI, not attached, busy, bad knob);
 * res->error says why.
 */
int nicsim_run(const struct nicsim_run_opts *o, struct nicsim_run_result *res);
/* One-line result: "sent N, node 1 received N, lost ..." */
void nicsim_result_line(const struct nicsim_run_result *r, char *buf,
			size_t bufsz);
/* key=value lines for scripts. */
void nicsim_result_kv(const struct nicsim_run_result *r, char *buf,
		      size_t bufsz);

#endif /* NICSIM_CTL_H */
