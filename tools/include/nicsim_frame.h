/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nicsim_frame.h - the frames mint-nicsim injects (contract in
 * notes/interfaces.md, "Frame payload").
 *
 * udp, icmp-echo: the L4 payload (after the UDP / ICMP echo header) is
 *   { be32 magic 'MNSM', be32 seq } then byte[i] = (seq + i) & 0xff for
 *   payload offsets i >= 8.  size = payload bytes, 8..1472.
 * tcp-syn: TCP sequence number = seq (flags SYN only).
 * arp: request; target hardware address = 'M', 'N', be32 seq.
 * seq starts at 0 for each run.
 */
#ifndef NICSIM_FRAME_H
#define NICSIM_FRAME_H

#define NICSIM_MAGIC		0x4d4e534du	/* 'MNSM' */
#define NICSIM_HDR_LEN		8u
#define NICSIM_SIZE_MIN		8u
#define NICSIM_SIZE_MAX		1472u
#define NICSIM_FRAME_MAX	1514u
#define NICSIM_FRAME_MIN	14u
#define NICSIM_ARP_MARK0	'M'
#define NICSIM_ARP_MARK1	'N'

#define NICSIM_DEF_SRC_MAC	"02:4d:49:4e:54:00"
#define NICSIM_DEF_SRC_IP	"10.99.0.1"
#define NICSIM_DEF_DST_IP	"10.99.0.2"
#define NICSIM_DEF_PORT		9

#endif /* NICSIM_FRAME_H */
