/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nicsim_ctl.h - drive one mint-nicsim run through sysfs and compare with
 * node 1's receiver counters.  Used by mint-nicsim and nicsim-bench.
 * "dropped" and "lost" are those of nicsim_stats.h.
 */
#ifndef NICSIM_CTL_H
#define NICSIM_CTL_H

#include <stddef.h>
#include <stdint.h>

#include "nicsim_rx.h"
#include "nicsim_stats.h"

#define NICSIM_MAX_KNOBS	16
#define NICSIM_STAT_NONE	UINT64_MAX	/* stat file absent */
#define NICSIM_SETTLE_MS	1000		/* default rx settle time */

struct nicsim_knob {
	const char *name;	/* file under the nicsim root */
	const char *value;	/* what is written there */
	const char *opt;	/* the option that set it, for messages */
	const char *arg;	/* that option's argument as given */
};

struct nicsim_run_opts {
	struct nicsim_knob knobs[NICSIM_MAX_KNOBS];
	unsigned int nknobs;
	unsigned int timeout_ms;	/* 0: derived from count and interval */
	unsigned int settle_ms;		/* rx settle time, 0..RX_SETTLE_MAX_MS */
	int rx_check;			/* compare with node 1's nicsim-rx */
	int rx_required;		/* fail if the receiver is not running */
	volatile int *stop;		/* set asynchronously: write "stop" */
};

struct nicsim_stats {
	uint64_t frames_sent, irqs_sent;
	uint64_t drops[NICSIM_NDROPS];	/* NICSIM_DROP_STATS, absent = 0 */
	uint64_t dropped;		/* nicsim_dropped(drops) */
	uint64_t interval_min_ns, interval_avg_ns, interval_max_ns;
	uint64_t interval_p50_ns, interval_p99_ns;
};

struct nicsim_run_result {
	char state[32];			/* final state */
	char type[16];			/* type knob as read back */
	char error[1024];		/* why the run failed, "" if it did not */
	int stopped_by_user, timed_out;
	uint64_t count, interval_ns, burst;	/* knobs as read back */
	uint64_t elapsed_ns;
	struct nicsim_stats st;
	int rx_valid;			/* rx counters below are meaningful */
	int rx_sync_err;		/* the receiver did not answer a sync */
	uint64_t node1_dropped;		/* node 1's socket + stack drops */
	struct nicsim_rx_area rx;
	uint64_t foreign;		/* rx frames without nicsim magic */
	int64_t lost;			/* nicsim_lost() */
};

/* Defaults: rx check on, settle NICSIM_SETTLE_MS, timeout derived. */
void nicsim_opts_init(struct nicsim_run_opts *o, volatile int *stop);
/*
 * Append a knob write: value goes to the knob name, set by option opt with
 * argument arg (named in errors).  -E2BIG when full.
 */
int nicsim_opts_add(struct nicsim_run_opts *o, const char *opt,
		    const char *arg, const char *name, const char *value);
/* The run's state file into buf ("?" when unreadable); its length or -errno. */
int nicsim_read_state(char *buf, size_t sz);
/* Is the state one a run ends in (done, stopped, error) or idle? */
int nicsim_state_final(const char *s);
/* Read the stats directory; absent files are NICSIM_STAT_NONE. */
void nicsim_read_stats(struct nicsim_stats *st);
/* Write "reset" to control: every knob back to its default.  0 or -errno. */
int nicsim_reset(void);
/*
 * Check the knobs, that node 1 is attached and no run is in progress, then
 * write the knobs.  0, or 2 with res->error saying why.
 */
int nicsim_apply_knobs(const struct nicsim_run_opts *o,
		       struct nicsim_run_result *res);
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
