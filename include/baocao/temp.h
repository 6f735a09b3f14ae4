/* baocao/temp.h: the hook that tells a caller which temporary files exist,
 * so that its signal handler can remove them. */
#ifndef BAOCAO_TEMP_H
#define BAOCAO_TEMP_H

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Every file baocao writes is written to a temporary name beside it
 * ("NAME.tmp-XXXXXX") and renamed when whole. A caller that handles
 * SIGINT or SIGTERM gives this hook to learn those names: on_temp is
 * called with created 1 right after a temporary file is made, and with
 * created 0 once it is gone (renamed into place or removed). It may be
 * called from several threads at once (bulk workers) and must not block;
 * the name is valid only during the call (copy it).
 */
typedef struct bc_temp_hook {
  void (*on_temp)(void *ud, const char *tmp_path, int created);
  void *ud;
} bc_temp_hook;

#ifdef __cplusplus
}
#endif

#endif
