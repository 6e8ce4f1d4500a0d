/* SPDX-License-Identifier: GPL-2.0 */
/*
 * scenario_io.h - run a scenario through /dev/mint_nicsim: feed its lines
 * (the kernel blocks the writer while its queue is full, so nothing is
 * lost), wait for the run, and read its record back: the executed events
 * with their planned and achieved times.  The format is the kernel's,
 * Documentation/networking/mint_nicsim.rst.
 */
#ifndef SCENARIO_IO_H
#define SCENARIO_IO_H

#include <stddef.h>
#include <stdint.h>

#define SCENARIO_DEV	"/dev/mint_nicsim"

struct scenario_feed {
	int fd;
	uint64_t events;	/* event lines written (not delay, not comment) */
	uint64_t frames;	/* ... of which frames */
	char err[512];		/* why the last call failed */
};

/* Start a scenario run (clears the stats first).  0 or -1. */
int scenario_open(struct scenario_feed *f);
/* One line, without its newline; blocks while the kernel's queue is full. */
int scenario_line(struct scenario_feed *f, const char *line);
/* Whole lines from a buffer (a file's contents), each counted. */
int scenario_text(struct scenario_feed *f, const char *buf, size_t len);
/* End of the scenario: the run executes what is queued, then is done. */
int scenario_close(struct scenario_feed *f);

struct scenario_report {
	char state[32];			/* final state of the run */
	uint64_t events, frames;	/* in the record */
	uint64_t results[8];		/* per result, see scenario_results */
	uint64_t executed, discarded, record_dropped;	/* stats/ */
	uint64_t err_n;			/* frames with a timing error */
	int64_t err_p50, err_p99, err_max, err_min;	/* at - planned, ns */
};

extern const char *const scenario_results[8];

/*
 * Wait until the run is no longer running or waiting (timeout_ms 0: no
 * limit; *stop set: write stop).  Then read the record: written to
 * record_path unless NULL, and summed up in *rep.  0, or -1 (f->err).
 */
int scenario_finish(struct scenario_feed *f, unsigned int timeout_ms,
		    volatile int *stop, const char *record_path,
		    struct scenario_report *rep);
/* "N events (N frames: N delivered, ...), timing error p50 ... max ..." */
void scenario_summary(const struct scenario_report *rep, char *buf, size_t sz);

#endif /* SCENARIO_IO_H */
