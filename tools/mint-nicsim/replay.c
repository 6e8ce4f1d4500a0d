// SPDX-License-Identifier: GPL-2.0
/*
 * replay.c - feed a pcap or pcapng capture to /dev/mint_nicsim as a
 * scenario; see replay.h.  Frames must fit the NIC: 14..1514 bytes,
 * captured whole.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pcap_io.h"
#include "replay.h"

#define FRAME_MIN	14
#define FRAME_MAX	1514
#define DELAY_MAX_NS	((uint64_t)10000000000)

int replay_pcap(struct scenario_feed *f, const struct replay_opts *o,
		char *err, size_t errsz)
{
	static const char hex[] = "0123456789abcdef";
	/* "frame hex=" + 2 per byte + " dst=auto" */
	static char line[32 + 2 * FRAME_MAX];
	struct pcap_io_reader r;
	struct pcap_io_frame fr;
	uint64_t prev = 0, n = 0, delay;
	char *p;
	uint32_t i;
	int ret;

	if (pcap_io_open_read(&r, o->path)) {
		snprintf(err, errsz, "%s", r.err);
		return -1;
	}
	while ((ret = pcap_io_next(&r, &fr)) == 1) {
		n++;
		if (fr.caplen < fr.len || fr.caplen < FRAME_MIN || fr.caplen > FRAME_MAX) {
			snprintf(err, errsz, "%s: frame %" PRIu64 ": %u of %u bytes captured; "
				 "the NIC takes whole frames of %d..%d bytes",
				 o->path, n, fr.caplen, fr.len, FRAME_MIN, FRAME_MAX);
			pcap_io_close_read(&r);
			return -1;
		}
		if (n == 1)
			delay = 0;
		else if (o->fixed)
			delay = o->interval_ns;
		else
			delay = fr.ts_ns > prev ? (uint64_t)((double)(fr.ts_ns - prev) / o->speed) : 0;
		prev = fr.ts_ns;
		while (delay) {
			/* the kernel takes at most DELAY_MAX_NS a line */
			snprintf(line, sizeof(line), "delay %" PRIu64 "ns",
				 delay < DELAY_MAX_NS ? delay : DELAY_MAX_NS);
			delay -= delay < DELAY_MAX_NS ? delay : DELAY_MAX_NS;
			if (scenario_line(f, line))
				goto fail;
		}
		p = line + sprintf(line, "frame hex=");
		for (i = 0; i < fr.caplen; i++) {
			*p++ = hex[fr.data[i] >> 4];
			*p++ = hex[fr.data[i] & 15];
		}
		strcpy(p, o->rewrite_dst ? " dst=auto" : "");
		if (scenario_line(f, line))
			goto fail;
	}
	pcap_io_close_read(&r);
	if (ret < 0) {
		snprintf(err, errsz, "%s", r.err);
		return -1;
	}
	if (!n) {
		snprintf(err, errsz, "%s: no frames", o->path);
		return -1;
	}
	return 0;
fail:
	snprintf(err, errsz, "%s", f->err);
	pcap_io_close_read(&r);
	return -1;
}
