/* SPDX-License-Identifier: GPL-2.0 */
/*
 * rx_marker.h - the marker rx-frames puts in every frame of the receive
 * fidelity comparison and rx-record looks for: RX_MARKER, then the frame's
 * name, NUL-terminated (at most RX_NAME_MAX - 1 characters).
 */
#ifndef RX_MARKER_H
#define RX_MARKER_H

#define RX_MARKER	"MCMP"
#define RX_NAME_MAX	32

#endif /* RX_MARKER_H */
