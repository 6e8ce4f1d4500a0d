/* SPDX-License-Identifier: GPL-2.0 */
/*
 * e1000e_rx_shm.h - the header of the Mint shared area "e1000e-rx" as seen
 * from userspace: a copy of struct mint_nicsim_rx_shm (version 5) from the
 * series' include/linux/mint_nicsim.h, for test tools that read or (on
 * purpose) corrupt the ring.  The offsets are checked below.
 */
#ifndef E1000E_RX_SHM_H
#define E1000E_RX_SHM_H

#include <stddef.h>
#include <stdint.h>

#define E1000E_RX_AREA		"e1000e-rx"
#define E1000E_RX_MAGIC		0x5852534dU
#define E1000E_RX_VERSION	5

struct e1000e_rx_shm {
	uint32_t magic, version, gen, attached;
	uint8_t mac[6];
	uint16_t flags;
	uint32_t ring_count, buf_len, desc_offset, irq_apicid, irq_vector;
	uint32_t rx_ims_bit;
	uint64_t ram_base, ram_size;
	uint32_t ims, boot_id, eiac, ctrl_ext;
	uint64_t ims_tsc;
	uint32_t pad1[10];
	uint32_t rdt, pad2[15];
	uint32_t rdh, busy, icr, ims_notify, pad3[12];
	/* struct mint_nicsim_rx_regs: written by node 1 */
	uint32_t ctrl, rctl, rxcsum, mrqc, rfctl, itr, rdtr, radv, ivar, iam;
	uint32_t eitr[5], other_vector;
	uint32_t rar[16][2], mta[128], vfta[128];
	uint32_t pad4[16];
	/* struct mint_nicsim_rx_hwstats: written by node 0 */
	uint64_t gprc, gorc, bprc, mprc, mpc, roc, ruc, rnbc, crcerrs;
	uint64_t algnerrc, rxerrc, cexterr;
};

/* 82574 extended RX descriptor: buffer_addr (read) / write-back */
struct e1000e_rx_desc {
	uint64_t addr_or_lower;
	uint64_t upper;
};

_Static_assert(offsetof(struct e1000e_rx_shm, ram_size) == 56, "layout");
_Static_assert(offsetof(struct e1000e_rx_shm, ims) == 64, "layout");
_Static_assert(offsetof(struct e1000e_rx_shm, rdt) == 128, "layout");
_Static_assert(offsetof(struct e1000e_rx_shm, rdh) == 192, "layout");
_Static_assert(offsetof(struct e1000e_rx_shm, ctrl) == 256, "layout");
_Static_assert(offsetof(struct e1000e_rx_shm, gprc) == 1536, "layout");
_Static_assert(sizeof(struct e1000e_rx_shm) == 1632, "layout");

#endif /* E1000E_RX_SHM_H */
