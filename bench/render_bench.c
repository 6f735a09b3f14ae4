/* bench/render_bench.c: the in-process figure of bench/render.py: opens one
 * context, renders the same report RUNS times with bc_render (after one
 * render that is not counted, which opens the database and loads the
 * fonts and, unless RENDER_BENCH_PREPARE=0, prepares them for subsetting),
 * and prints each render's wall time in ms, one a line. Threads as baocao
 * render uses them (the CPUs online, at most 4), or RENDER_BENCH_THREADS. */
#include <baocao/baocao.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static double now_ms(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

int main(int argc, char **argv) {
  bc_context_options copts = BC_CONTEXT_OPTIONS_INIT;
  bc_render_options ropts = BC_RENDER_OPTIONS_INIT;
  bc_context *ctx = NULL;
  bc_error err;
  int runs, rc = 0;
  if (argc != 8 || (runs = atoi(argv[7])) < 1) {
    fprintf(stderr, "usage: render_bench FONT_DIR TEMPLATE_DIR DB AGENCY "
                    "PERIOD OUT.pdf RUNS\n");
    return 2;
  }
  copts.font_dir = argv[1];
  copts.template_dir = argv[2];
  /* Faces prepared for subsetting on the first render, as bulk's workers
   * do; RENDER_BENCH_PREPARE=0 leaves the context's default. */
  copts.prepare_fonts = !getenv("RENDER_BENCH_PREPARE") ||
                        strcmp(getenv("RENDER_BENCH_PREPARE"), "0") != 0;
  if (getenv("RENDER_BENCH_THREADS")) {
    copts.threads = (unsigned)atoi(getenv("RENDER_BENCH_THREADS"));
  } else {
    long cpus = sysconf(_SC_NPROCESSORS_ONLN);
    copts.threads = cpus < 1 ? 1 : cpus > 4 ? 4 : (unsigned)cpus;
  }
  ropts.db_path = argv[3];
  ropts.agency = argv[4];
  ropts.period = argv[5];
  ropts.output_path = argv[6];
  ropts.created = 1700000000;
  ropts.no_fsync = 1; /* the render, not the disk */
  if ((rc = bc_context_new(&ctx, &copts, &err)) ||
      (rc = bc_render(NULL, ctx, &ropts, &err)))
    goto out;
  for (int i = 0; i < runs; i++) {
    double t = now_ms();
    if ((rc = bc_render(NULL, ctx, &ropts, &err)))
      goto out;
    printf("%.3f\n", now_ms() - t);
  }
out:
  if (rc)
    fprintf(stderr, "render_bench: %s\n", err.message);
  bc_context_free(ctx);
  return rc ? 1 : 0;
}
