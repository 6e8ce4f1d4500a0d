// SPDX-License-Identifier: GPL-2.0
/*
 * pcap_io.c - Ethernet capture files through libpcap.  The reader opens the
 * file itself and hands it to pcap_fopen_offline_with_tstamp_precision(), so
 * that a file it cannot open and a file libpcap cannot parse are told apart.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "pcap_io.h"

#define NS_PER_SEC	1000000000ULL
#define SNAPLEN		65536	/* of the files written */

__attribute__((format(printf, 2, 3)))
static int fail(char *err, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(err, PCAP_IO_ERRSZ, fmt, ap);
	va_end(ap);
	return -1;
}

static int check_ethernet(struct pcap_io_reader *r)
{
	int dlt = pcap_datalink(r->p);
	const char *name = pcap_datalink_val_to_name(dlt);

	if (dlt == DLT_EN10MB)
		return 0;
	return fail(r->err, "%s: link type %s (%d), not Ethernet (EN10MB)",
		    r->path, name ? name : "unknown", dlt);
}

int pcap_io_open_read(struct pcap_io_reader *r, const char *path)
{
	char pcap_err[PCAP_ERRBUF_SIZE];
	FILE *f = fopen(path, "rb");

	r->path = path;
	r->p = NULL;
	if (!f)
		return fail(r->err, "%s: %s", path, strerror(errno));
	r->p = pcap_fopen_offline_with_tstamp_precision(f, PCAP_TSTAMP_PRECISION_NANO,
							pcap_err);
	if (!r->p) {
		fclose(f);
		return fail(r->err, "%s: not a pcap or pcapng file (libpcap: %s)",
			    path, pcap_err);
	}
	if (check_ethernet(r)) {
		pcap_io_close_read(r);
		return -1;
	}
	return 0;
}

int pcap_io_next(struct pcap_io_reader *r, struct pcap_io_frame *f)
{
	struct pcap_pkthdr *h;
	const u_char *data;
	int ret = pcap_next_ex(r->p, &h, &data);

	if (ret == PCAP_ERROR_BREAK)	/* no more frames */
		return 0;
	if (ret != 1)
		return fail(r->err, "%s: %s", r->path, pcap_geterr(r->p));
	f->data = data;
	f->caplen = h->caplen;
	f->len = h->len;
	/* nanosecond precision: tv_usec holds nanoseconds */
	f->ts_ns = (uint64_t)h->ts.tv_sec * NS_PER_SEC + (uint64_t)h->ts.tv_usec;
	return 1;
}

void pcap_io_close_read(struct pcap_io_reader *r)
{
	if (r->p)
		pcap_close(r->p);
	r->p = NULL;
}

int pcap_io_open_write(struct pcap_io_writer *w, const char *path)
{
	w->path = path;
	w->p = pcap_open_dead_with_tstamp_precision(DLT_EN10MB, SNAPLEN,
						    PCAP_TSTAMP_PRECISION_NANO);
	if (!w->p)
		return fail(w->err, "%s: %s", path, strerror(ENOMEM));
	w->d = pcap_dump_open(w->p, path);
	if (!w->d) {
		/* libpcap's message names the file */
		fail(w->err, "%s", pcap_geterr(w->p));
		pcap_close(w->p);
		return -1;
	}
	return 0;
}

void pcap_io_write(struct pcap_io_writer *w, const uint8_t *frame, size_t len)
{
	struct pcap_pkthdr h = { .caplen = (bpf_u_int32)len, .len = (bpf_u_int32)len };
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	h.ts.tv_sec = ts.tv_sec;
	h.ts.tv_usec = ts.tv_nsec;	/* nanosecond pcap */
	pcap_dump((u_char *)w->d, &h, frame);
}

int pcap_io_close_write(struct pcap_io_writer *w)
{
	FILE *f = pcap_dump_file(w->d);
	int ret = 0;

	if (pcap_dump_flush(w->d))
		ret = fail(w->err, "%s: %s", w->path, strerror(errno));
	else if (ferror(f))
		ret = fail(w->err, "%s: write error", w->path);
	pcap_dump_close(w->d);
	pcap_close(w->p);
	return ret;
}
