/* common/pool.c: independent jobs on a few threads, and how many CPUs
 * this process may use (common/pool.h). */
#define _GNU_SOURCE /* sched_getaffinity, CPU_COUNT */
#include "common/pool.h"

#include <sched.h>
#include <stdatomic.h>
#include <stdio.h>
#include <unistd.h>

typedef struct pool_run {
  bc_pool_job job;
  void *ud;
  size_t count;
  atomic_size_t next; /* the next index not yet taken */
  pthread_mutex_t lock; /* guards the two below */
  size_t failed;        /* the lowest failing index, count if none */
  int failed_rc;        /* its result */
} pool_run;

typedef struct pool_worker {
  pool_run *run;
  unsigned id;
  pthread_t thread;
} pool_worker;

static void take_jobs(pool_run *r, unsigned worker) {
  size_t i;
  while ((i = atomic_fetch_add(&r->next, 1)) < r->count) {
    int rc = r->job(r->ud, i, worker);
    if (!rc)
      continue;
    pthread_mutex_lock(&r->lock);
    if (i < r->failed) {
      r->failed = i;
      r->failed_rc = rc;
    }
    pthread_mutex_unlock(&r->lock);
  }
}

static void *worker_main(void *arg) {
  pool_worker *w = arg;
  take_jobs(w->run, w->id);
  return NULL;
}

int bc_pool_run(unsigned threads, size_t count, bc_pool_job job, void *ud) {
  pool_worker workers[BC_POOL_MAX_THREADS];
  bool started[BC_POOL_MAX_THREADS] = {false};
  pool_run r;
  unsigned extra;

  extra = bc_pool_threads(threads) - 1;
  if (extra >= count)
    extra = count > 0 ? (unsigned)(count - 1) : 0;
  r.job = job;
  r.ud = ud;
  r.count = count;
  atomic_init(&r.next, 0);
  pthread_mutex_init(&r.lock, NULL);
  r.failed = count;
  r.failed_rc = 0;
  for (unsigned k = 0; k < extra; k++) {
    workers[k].run = &r;
    workers[k].id = k + 1;
    started[k] =
        pthread_create(&workers[k].thread, NULL, worker_main, &workers[k]) == 0;
  }
  take_jobs(&r, 0);
  for (unsigned k = 0; k < extra; k++)
    if (started[k])
      pthread_join(workers[k].thread, NULL);
  pthread_mutex_destroy(&r.lock);
  return r.failed < count ? r.failed_rc : 0;
}

static void *task_main(void *arg) {
  bc_task *t = arg;
  t->rc = t->fn(t->ud);
  return NULL;
}

void bc_task_start(bc_task *task, bool thread, int (*fn)(void *), void *ud) {
  task->fn = fn;
  task->ud = ud;
  task->rc = 0;
  task->started =
      thread && pthread_create(&task->thread, NULL, task_main, task) == 0;
  if (!task->started)
    task->rc = fn(ud);
}

int bc_task_join(bc_task *task) {
  if (task->started) {
    pthread_join(task->thread, NULL);
    task->started = false;
  }
  return task->rc;
}

/* The CPUs this process may use: its affinity mask (taskset, cpusets),
 * and no more than a cgroup v2 CPU quota allows (a container limited to 2
 * CPUs on a 64-core node gets 2 workers, not 64). */
size_t bc_pool_cpus(void) {
  cpu_set_t set;
  long cores = sysconf(_SC_NPROCESSORS_ONLN);
  size_t n = cores > 0 ? (size_t)cores : 1;
  FILE *f;
  if (sched_getaffinity(0, sizeof set, &set) == 0 && CPU_COUNT(&set) > 0)
    n = (size_t)CPU_COUNT(&set);
  if ((f = fopen("/sys/fs/cgroup/cpu.max", "r")) != NULL) {
    long long quota, period;
    if (fscanf(f, "%lld %lld", &quota, &period) == 2 && quota > 0 &&
        period > 0) {
      size_t allowed = (size_t)((quota + period - 1) / period);
      if (allowed < n)
        n = allowed;
    }
    fclose(f);
  }
  return n ? n : 1;
}
