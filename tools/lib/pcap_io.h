/* SPDX-License-Identifier: GPL-2.0 */
/* pcap_io.h - minimal classic pcap (LINKTYPE_ETHERNET) reader and writer. */
#ifndef PCAP_IO_H
#define PCAP_IO_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define PCAP_SNAP_MAX	65536u

struct pcap_reader {
	FILE *f;
	int swapped;
};

/* 0 or -errno (-EPROTO: not a pcap file or not Ethernet). */
int pcap_open_read(struct pcap_reader *r, const char *path);
/* Next record into buf: length (> 0), 0 at end, -EPROTO if malformed.
 * Records longer than bufsz are truncated to bufsz. */
long pcap_next(struct pcap_reader *r, uint8_t *buf, size_t bufsz);
void pcap_close_read(struct pcap_reader *r);

FILE *pcap_open_write(const char *path);
int pcap_write(FILE *f, const uint8_t *frame, size_t len);

#endif /* PCAP_IO_H */
