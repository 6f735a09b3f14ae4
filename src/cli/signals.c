/* cli/signals.c: removes the temporary files of a command stopped by
 * SIGINT, SIGTERM or SIGHUP, then lets the signal kill the process. */
#include "cli/cli.h"

#include <errno.h>
#include <signal.h>
#include <stdatomic.h>
#include <string.h>
#include <unistd.h>

/*
 * The temporary files that exist now, as the library reports them through
 * the bc_temp_hook (baocao/temp.h). This fixed table is the one piece of
 * process-wide mutable state in the CLI besides preview's stop flag: a
 * signal handler can reach nothing else. A slot's state is 0 free, 1
 * being filled, 2 holding a path; the handler reads only slots in state 2,
 * and calls nothing but unlink(2), which is async-signal-safe. A file a
 * bulk worker makes in the microseconds the handler runs may stay (bulk
 * --resume removes it).
 * Bulk workers register from several threads at once: a slot is claimed
 * with a compare-and-swap, so no lock is needed.
 */
#define TEMP_SLOTS 256
static struct {
  atomic_int state;
  char path[4096];
} temp_slots[TEMP_SLOTS];

static void on_temp(void *ud, const char *path, int created) {
  (void)ud;
  if (strlen(path) >= sizeof temp_slots[0].path)
    return;
  for (int i = 0; i < TEMP_SLOTS; i++) {
    if (created) {
      int expected = 0;
      if (atomic_compare_exchange_strong(&temp_slots[i].state, &expected, 1)) {
        memcpy(temp_slots[i].path, path, strlen(path) + 1);
        atomic_store(&temp_slots[i].state, 2);
        return;
      }
    } else if (atomic_load(&temp_slots[i].state) == 2 &&
               !strcmp(temp_slots[i].path, path)) {
      atomic_store(&temp_slots[i].state, 0);
      return;
    }
  }
  /* More than TEMP_SLOTS at once (more workers than that): this one is
   * not removed by a signal; bulk --resume removes it later. */
}

static const bc_temp_hook temp_hook = {on_temp, NULL};

const bc_temp_hook *cli_temp_hook(void) {
  return &temp_hook;
}

static void on_signal(int sig) {
  int saved = errno;
  for (int i = 0; i < TEMP_SLOTS; i++)
    if (atomic_load(&temp_slots[i].state) == 2)
      unlink(temp_slots[i].path);
  errno = saved;
  /* SA_RESETHAND made the action the default again; the signal is blocked
   * while this runs, so it kills the process as soon as we return, and
   * the exit status says which signal it was. */
  raise(sig);
}

void cli_signals_install(void) {
  static const int signals[] = {SIGINT, SIGTERM, SIGHUP};
  for (size_t i = 0; i < sizeof signals / sizeof signals[0]; i++) {
    struct sigaction sa, old;
    /* A signal ignored by whoever started us (nohup, a background job of
     * a script) stays ignored. */
    if (sigaction(signals[i], NULL, &old) == 0 && old.sa_handler == SIG_IGN)
      continue;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sa.sa_flags = SA_RESETHAND;
    sigfillset(&sa.sa_mask); /* no second handler while this one runs */
    sigaction(signals[i], &sa, NULL);
  }
}
