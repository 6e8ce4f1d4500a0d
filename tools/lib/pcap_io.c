// SPDX-License-Identifier: GPL-2.0
/* pcap_io.c - minimal classic pcap (LINKTYPE_ETHERNET) reader and writer. */
#include <errno.h>
#include <string.h>
#include <time.h>

#include "pcap_io.h"

#define PCAP_MAGIC_US	0xa1b2c3d4u
#define PCAP_MAGIC_NS	0xa1b23c4du
#define LINKTYPE_ETH	1u

struct pcap_ghdr {
	uint32_t magic;
	uint16_t vmaj, vmin;
	int32_t zone;
	uint32_t sigfigs, snaplen, linktype;
};

struct pcap_rhdr {
	uint32_t sec, usec, incl, orig;
};

static uint32_t sw32(uint32_t v, int swapped)
{
	return swapped ? __builtin_bswap32(v) : v;
}

int pcap_open_read(struct pcap_reader *r, const char *path)
{
	struct pcap_ghdr g;

	r->f = fopen(path, "rb");
	if (!r->f)
		return -errno;
	if (fread(&g, sizeof(g), 1, r->f) != 1)
		goto bad;
	if (g.magic == PCAP_MAGIC_US || g.magic == PCAP_MAGIC_NS)
		r->swapped = 0;
	else if (__builtin_bswap32(g.magic) == PCAP_MAGIC_US ||
		 __builtin_bswap32(g.magic) == PCAP_MAGIC_NS)
		r->swapped = 1;
	else
		goto bad;
	if (sw32(g.linktype, r->swapped) != LINKTYPE_ETH)
		goto bad;
	return 0;
bad:
	fclose(r->f);
	r->f = NULL;
	return -EPROTO;
}

long pcap_next(struct pcap_reader *r, uint8_t *buf, size_t bufsz)
{
	struct pcap_rhdr h;
	uint32_t incl;
	size_t keep;

	if (fread(&h, sizeof(h), 1, r->f) != 1)
		return 0;
	incl = sw32(h.incl, r->swapped);
	if (incl > PCAP_SNAP_MAX)
		return -EPROTO;
	keep = incl < bufsz ? incl : bufsz;
	if (fread(buf, 1, keep, r->f) != keep)
		return -EPROTO;
	if (keep < incl && fseek(r->f, (long)(incl - keep), SEEK_CUR))
		return -EPROTO;
	return keep ? (long)keep : -EPROTO;
}

void pcap_close_read(struct pcap_reader *r)
{
	if (r->f)
		fclose(r->f);
	r->f = NULL;
}

FILE *pcap_open_write(const char *path)
{
	struct pcap_ghdr g = {
		.magic = PCAP_MAGIC_US, .vmaj = 2, .vmin = 4,
		.snaplen = PCAP_SNAP_MAX, .linktype = LINKTYPE_ETH,
	};
	FILE *f = fopen(path, "wb");

	if (f && fwrite(&g, sizeof(g), 1, f) != 1) {
		fclose(f);
		return NULL;
	}
	return f;
}

int pcap_write(FILE *f, const uint8_t *frame, size_t len)
{
	struct timespec ts;
	struct pcap_rhdr h;

	clock_gettime(CLOCK_REALTIME, &ts);
	h.sec = (uint32_t)ts.tv_sec;
	h.usec = (uint32_t)(ts.tv_nsec / 1000);
	h.incl = h.orig = (uint32_t)len;
	if (fwrite(&h, sizeof(h), 1, f) != 1 || fwrite(frame, 1, len, f) != len)
		return -EIO;
	return 0;
}
