/* SPDX-License-Identifier: GPL-2.0 */
/*
 * pcap_io.h - Ethernet capture files through libpcap: read pcap and pcapng
 * (DLT_EN10MB only), write nanosecond pcap.  After a failure, err holds
 * "FILE: problem".
 */
#ifndef PCAP_IO_H
#define PCAP_IO_H

#include <stddef.h>
#include <stdint.h>

#include <pcap/pcap.h>

#define PCAP_IO_ERRSZ	(PCAP_ERRBUF_SIZE + 256)

struct pcap_io_reader {
	pcap_t *p;
	const char *path;
	char err[PCAP_IO_ERRSZ];
};

struct pcap_io_frame {
	const uint8_t *data;	/* caplen bytes, valid until the next read */
	uint32_t caplen;	/* bytes captured */
	uint32_t len;		/* bytes on the wire; caplen < len: truncated */
	uint64_t ts_ns;		/* capture time, ns since the epoch */
};

struct pcap_io_writer {
	pcap_t *p;
	pcap_dumper_t *d;
	const char *path;
	char err[PCAP_IO_ERRSZ];
};

/* 0, or -1: cannot open, not pcap/pcapng, not Ethernet. */
int pcap_io_open_read(struct pcap_io_reader *r, const char *path);
/* 1: a frame in *f, 0: end of file, -1: malformed or unreadable. */
int pcap_io_next(struct pcap_io_reader *r, struct pcap_io_frame *f);
void pcap_io_close_read(struct pcap_io_reader *r);

int pcap_io_open_write(struct pcap_io_writer *w, const char *path);
/*
 * One frame, stamped with the current time (CLOCK_REALTIME, ns).  A write
 * error is kept, as by stdio, and reported by pcap_io_close_write().
 */
void pcap_io_write(struct pcap_io_writer *w, const uint8_t *frame, size_t len);
/* Flushes and closes; 0, or -1 if any write failed. */
int pcap_io_close_write(struct pcap_io_writer *w);

#endif /* PCAP_IO_H */
