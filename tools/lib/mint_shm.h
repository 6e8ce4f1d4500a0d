/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mint_shm.h - open a named area of the Mint shared range from userspace.
 *
 * Areas are listed in <root>/areas ("name offset size" per line); writing
 * "name size" there creates (or finds) one.  <root>/shm maps the whole
 * shared range.  <root> is $MINT_SYSFS or /sys/kernel/mint.  When
 * MINT_SYSFS is set and <root>/areas is a regular file, creation is
 * emulated (append a line, grow <root>/shm) so that the tools can be
 * tested on a host without a Mint kernel.
 */
#ifndef MINT_SHM_H
#define MINT_SHM_H

#include <stddef.h>
#include <stdint.h>

#define MINT_AREA_NAME_LEN 24	/* including the NUL, as the kernel */

struct mint_area {
	char name[MINT_AREA_NAME_LEN];
	uint64_t offset;	/* in the shared range */
	uint64_t size;
	void *addr;		/* start of the area */
	void *map;		/* page-aligned mapping that contains it */
	size_t map_len;
};

/* 0 if name is a valid area name (1..23 printable chars, no spaces). */
int mint_area_name_ok(const char *name);
/* Look name up in <root>/areas: 0, -ENOENT, or -errno. */
int mint_area_lookup(const char *name, uint64_t *offset, uint64_t *size);
/*
 * Open area name, mapped read-write and shared.  create_size 0: the area
 * must exist (-ENOENT otherwise).  create_size > 0: create it if needed;
 * an existing area smaller than create_size gives -EEXIST.
 */
int mint_area_open(const char *name, uint64_t create_size, struct mint_area *a);
void mint_area_close(struct mint_area *a);
/* Iterate over <root>/areas; stops early if cb returns non-zero. */
int mint_area_foreach(int (*cb)(const char *name, uint64_t offset,
				uint64_t size, void *arg), void *arg);

#endif /* MINT_SHM_H */
