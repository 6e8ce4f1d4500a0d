// SPDX-License-Identifier: GPL-2.0
/*
 * ring-poke - corrupt node 1's shared RX ring on purpose (test tool).
 *
 * Runs on node 1 while mint-nicsim feeds the ring and keeps writing one
 * kind of nonsense into it for a while, the way a buggy driver would:
 *
 *   ring-poke addr ADDR [-t D]   buffer_addr of every hardware-owned
 *                                descriptor := ADDR (node 0's RAM, 0,
 *                                beyond node 1's RAM, unaligned, ...)
 *   ring-poke beyond [-t D]      ADDR := the end of node 1's RAM - 3
 *                                (a frame would run past it)
 *   ring-poke tail-beyond [-t D] RDT := ring size + 5
 *   ring-poke tail-head [-t D]   RDT := RDH (the driver never does this)
 *   ring-poke header [-t D]      ring size, descriptor offset, buffer size
 *                                and vector := nonsense, generation bumped;
 *                                the real values are put back at the end
 *   ring-poke show               print the header
 *
 * Node 0 must refuse and count each (stats/drops_bad_desc, bad_tail,
 * drops_ring_full, ring_refused), write nothing outside node 1's RAM and
 * keep working once node 1 resets its ring (ifdown/ifup).  Default
 * duration 1s.  Prints what it did.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "e1000e_rx_shm.h"
#include "mint_shm.h"
#include "shm_atomic.h"
#include "units.h"

static const struct duration_opt dur_opt = {
	.tool = "ring-poke", .name = "-t", .res_ns = 1000000,
	.min_ns = 1000000, .max_ns = 3600ULL * 1000000000ULL,
};

static void usage(FILE *f)
{
	fprintf(f, "usage: ring-poke addr ADDR|beyond|tail-beyond|tail-head|header [-t DURATION]\n"
		   "       ring-poke show\n");
}

static void show(const struct e1000e_rx_shm *h)
{
	printf("magic %#x version %u gen %u attached %u boot %u ring %u bufsz %u "
	       "offset %u vector %u ram %#llx+%#llx rdh %u rdt %u ims %#x busy %u\n",
	       h->magic, h->version, shm_load(&h->gen), shm_load(&h->attached),
	       h->boot_id, h->ring_count, h->buf_len, h->desc_offset, h->irq_vector,
	       (unsigned long long)h->ram_base, (unsigned long long)h->ram_size,
	       shm_load(&h->rdh), shm_load(&h->rdt), shm_load(&h->ims),
	       shm_load(&h->busy));
}

/* Point the descriptors node 0 owns (RDH..RDT-1) at addr; returns how many. */
static uint64_t poke_addrs(struct mint_area *a, struct e1000e_rx_shm *h,
			   uint32_t count, uint64_t addr)
{
	struct e1000e_rx_desc *d = (void *)((char *)a->addr + h->desc_offset);
	uint32_t i = shm_load(&h->rdh), tail = shm_load(&h->rdt);
	uint64_t n = 0;

	if (i >= count || tail >= count)
		return 0;
	for (; i != tail; i = (i + 1) % count, n++)
		shm_store(&d[i].addr_or_lower, addr);
	return n;
}

int main(int argc, char **argv)
{
	struct e1000e_rx_shm *h, saved;
	uint64_t dur_ns = 1000000000ULL, end, addr = 0, pokes = 0;
	const char *mode;
	struct mint_area a;
	uint32_t count;
	int err, i;

	if (argc < 2) {
		usage(stderr);
		return 2;
	}
	mode = argv[1];
	i = 2;
	if (!strcmp(mode, "addr")) {
		char *e;

		if (argc < 3) {
			usage(stderr);
			return 2;
		}
		errno = 0;
		addr = strtoull(argv[2], &e, 0);
		if (errno || *e) {
			fprintf(stderr, "ring-poke: addr: not a number: %s\n", argv[2]);
			return 2;
		}
		i = 3;
	}
	if (i < argc) {
		if (strcmp(argv[i], "-t") || i + 1 >= argc) {
			usage(stderr);
			return 2;
		}
		if (duration_arg(&dur_opt, argv[i + 1], &dur_ns))
			return 2;
	}

	err = mint_area_open(E1000E_RX_AREA, 0, &a);
	if (err) {
		fprintf(stderr, "ring-poke: no area %s: %s\n", E1000E_RX_AREA,
			strerror(-err));
		return 1;
	}
	h = a.addr;
	if (h->magic != E1000E_RX_MAGIC || h->version != E1000E_RX_VERSION) {
		fprintf(stderr, "ring-poke: area %s has magic %#x version %u\n",
			E1000E_RX_AREA, h->magic, h->version);
		return 1;
	}
	if (!strcmp(mode, "show")) {
		show(h);
		return 0;
	}
	count = h->ring_count;
	if (!count || count > 4096 ||
	    h->desc_offset + (uint64_t)count * sizeof(struct e1000e_rx_desc) > a.size) {
		fprintf(stderr, "ring-poke: ring not usable (size %u)\n", count);
		return 1;
	}
	if (!strcmp(mode, "beyond"))
		addr = h->ram_base + h->ram_size - 3;
	memcpy(&saved, h, sizeof(saved));

	end = now_ns() + dur_ns;
	do {
		if (!strcmp(mode, "addr") || !strcmp(mode, "beyond")) {
			pokes += poke_addrs(&a, h, count, addr);
		} else if (!strcmp(mode, "tail-beyond")) {
			shm_store(&h->rdt, count + 5);
			pokes++;
		} else if (!strcmp(mode, "tail-head")) {
			shm_store(&h->rdt, shm_load(&h->rdh));
			pokes++;
		} else if (!strcmp(mode, "header")) {
			if (!pokes) {
				h->ring_count = 0x7fffffff;
				h->desc_offset = 3;
				h->buf_len = 1U << 30;
				h->irq_vector = 2;
				__atomic_thread_fence(__ATOMIC_SEQ_CST);
				shm_store(&h->gen, h->gen + 1);
			}
			pokes++;
		} else {
			usage(stderr);
			return 2;
		}
		sleep_ms(1);
	} while (now_ns() < end);

	if (!strcmp(mode, "header")) {
		h->ring_count = saved.ring_count;
		h->desc_offset = saved.desc_offset;
		h->buf_len = saved.buf_len;
		h->irq_vector = saved.irq_vector;
		__atomic_thread_fence(__ATOMIC_SEQ_CST);
		shm_store(&h->gen, h->gen + 1);
	}
	printf("ring-poke %s: %llu writes in %.1f s\n", mode,
	       (unsigned long long)pokes, dur_ns / 1e9);
	mint_area_close(&a);
	return 0;
}
