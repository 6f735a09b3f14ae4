/* common/pool.h: a render's independent jobs on a few threads, with
 * results that do not depend on how many; the CPUs a process may use. */
#ifndef BC_COMMON_POOL_H
#define BC_COMMON_POOL_H

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>

/* The most threads a render uses (bc_context_options.threads). */
#define BC_POOL_MAX_THREADS 8

/* A requested count of threads as used: 0 is 1, at most
 * BC_POOL_MAX_THREADS. */
static inline unsigned bc_pool_threads(unsigned threads) {
  return threads < 1                     ? 1
         : threads > BC_POOL_MAX_THREADS ? BC_POOL_MAX_THREADS
                                         : threads;
}

/*
 * One job: index is the job's number, worker the thread running it
 * (0 is the caller, then 1..threads-1), so that a job can use per-worker
 * state (a compressor, a scratch arena) with no lock. Returns 0 or a
 * BC_E* code; a job reports its error into a slot of its own (by index),
 * never into state another job writes.
 */
typedef int (*bc_pool_job)(void *ud, size_t index, unsigned worker);

/*
 * Runs job(ud, i, w) for every i in 0..count-1, on the calling thread and
 * on up to threads-1 more, each taking the next index not yet taken, and
 * returns once all have run. Every job runs, whatever another returns.
 * Returns the result of the lowest index that failed, else 0. A thread
 * that cannot be started leaves its share to the others: threads 0 or 1,
 * or count 1, run everything here, in index order.
 */
int bc_pool_run(unsigned threads, size_t count, bc_pool_job job, void *ud);

/* The CPUs this process may use: its affinity mask (taskset, cpusets),
 * and no more than a cgroup v2 CPU quota allows (a container limited to 2
 * CPUs on a 64-core node gets 2, not 64). At least 1. */
size_t bc_pool_cpus(void);

/* One job on a second thread while the caller goes on (bc_task_start),
 * until bc_task_join. */
typedef struct bc_task {
  pthread_t thread;
  bool started; /* on a thread of its own, to be joined */
  int (*fn)(void *ud);
  void *ud;
  int rc;
} bc_task;

/* Starts fn(ud) on a thread of its own when thread is true, else (or
 * when no thread can be started) runs it here, now. */
void bc_task_start(bc_task *task, bool thread, int (*fn)(void *), void *ud);
/* Waits for the task; fn's result. Once per bc_task_start. */
int bc_task_join(bc_task *task);

#endif
