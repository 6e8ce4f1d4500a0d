/* SPDX-License-Identifier: GPL-2.0 */
/*
 * shm_atomic.h - accessors for control words in memory shared with the
 * other node.  Every poll goes through __atomic loads, so the compiler
 * re-reads memory each time (the "volatile" part); acquire/release give
 * the ordering between a control word and the bulk data it guards.
 */
#ifndef SHM_ATOMIC_H
#define SHM_ATOMIC_H

#define shm_load(p)		__atomic_load_n((p), __ATOMIC_RELAXED)
#define shm_load_acquire(p)	__atomic_load_n((p), __ATOMIC_ACQUIRE)
#define shm_store(p, v)		__atomic_store_n((p), (v), __ATOMIC_RELAXED)
#define shm_store_release(p, v)	__atomic_store_n((p), (v), __ATOMIC_RELEASE)
#define shm_cmpxchg(p, oldp, v)						\
	__atomic_compare_exchange_n((p), (oldp), (v), 0,		\
				    __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)

#endif /* SHM_ATOMIC_H */
