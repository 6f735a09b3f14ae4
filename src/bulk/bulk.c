/* bulk/bulk.c: bc_bulk_run: every report of a period over worker threads
 * (one context each), the manifest as reports finish, --resume and
 * --shard. */
#define _GNU_SOURCE /* syncfs */
#include "baocao/bulk.h"
#include "baocao/render.h"

#include "bulk/bulk_int.h"

#include "common/alloc.h"
#include "common/arena.h"
#include "common/buf.h"
#include "common/error.h"
#include "common/pool.h"
#include "common/file.h"
#include "common/hash.h"
#include "common/sha256.h"
#include "common/utf8.h"
#include "data/data.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* Larger than any report baocao writes: a bigger file is not current. */
#define MAX_REPORT_BYTES ((size_t)256 << 20)

/* One report of the run and, once done, what the final manifest needs of
 * its outcome: a few hundred bytes, the error only for a failure, so that
 * a run's memory stays small however many reports it has. */
typedef struct bulk_job {
  const char *agency;
  const char *template_name;
  const char *output_path;
  const bc_manifest_entry *previous; /* --resume: its last manifest line */
  bool done;
  uint8_t status; /* bc_bulk_status */
  uint32_t pages;
  float ms;
  size_t bytes;
  char sha256[65];       /* hex, as in the manifest; "" if failed */
  char input_sha256[65]; /* hex; "" if not known */
  const bc_error *error; /* failed only: a copy in the run's arena */
} bulk_job;

typedef struct kept_line kept_line;

typedef struct bulk_run {
  const bc_bulk_options *opts;
  const bc_allocator *alloc;
  bulk_job *jobs;
  size_t count;
  pthread_mutex_t lock; /* guards everything below */
  bc_arena *arena;      /* the job list's; copies of errors go here */
  kept_line *kept;      /* other reports' old lines (--agencies), sorted */
  size_t kept_count;
  size_t next;          /* the next job to hand out */
  int manifest_fd;
  bc_buf line;
  bc_bulk_progress progress;
  bool stop;       /* the manifest cannot be written: take no more jobs */
  bc_error io_err; /* why */
  struct timespec started;
} bulk_run;

typedef struct worker {
  bulk_run *run;
  bc_context *ctx;
  pthread_t thread;
  bool started;
  bc_bulk_item item; /* the report it just finished */
  bc_error error;
} worker;

size_t bc_file_name(char *out, size_t size, const char *code) {
  return bc_utf8_file_name(out, size, code);
}

unsigned bc_shard_of(const char *code, unsigned count) {
  return count ? bc_fnv1a(BC_FNV1A_INIT, code, strlen(code)) % count + 1 : 1;
}

static double seconds_since(const struct timespec *t0) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)(t.tv_sec - t0->tv_sec) +
         (double)(t.tv_nsec - t0->tv_nsec) / 1e9;
}

/* mkdir -p */
static int make_dirs(const char *path, bc_error *err) {
  char buf[PATH_MAX];
  size_t len = strlen(path);
  if (len == 0 || len >= sizeof buf)
    return bc_error_set(err, BC_EIO, "output directory '%s' is not a usable "
                                     "path", path);
  memcpy(buf, path, len + 1);
  for (size_t i = 1; i <= len; i++) {
    if (buf[i] != '/' && buf[i] != '\0')
      continue;
    buf[i] = '\0';
    if (mkdir(buf, 0755) != 0 && errno != EEXIST)
      return bc_error_set(err, BC_EIO, "cannot create directory '%s': %s", buf,
                          strerror(errno));
    buf[i] = path[i];
  }
  struct stat st;
  if (stat(path, &st) != 0 || !S_ISDIR(st.st_mode))
    return bc_error_set(err, BC_EIO, "output directory '%s' is not a "
                                     "directory", path);
  return 0;
}

/* ---- the job list ---- */

/* Reports in agency, then template order: jobs and manifest lines. */
static int cmp_report(const char *agency_a,
                      const char *template_a,
                      const char *agency_b,
                      const char *template_b) {
  int c = strcmp(agency_a, agency_b);
  return c ? c : strcmp(template_a, template_b);
}

static int cmp_job(const void *a, const void *b) {
  const bulk_job *x = a, *y = b;
  return cmp_report(x->agency, x->template_name, y->agency, y->template_name);
}

static bool wanted(const bc_bulk_options *o, const char *agency) {
  if (o->shard_count && bc_shard_of(agency, o->shard_count) != o->shard_index)
    return false;
  if (!o->agencies)
    return true;
  for (size_t i = 0; i < o->agency_count; i++)
    if (strcmp(o->agencies[i], agency) == 0)
      return true;
  return false;
}

/* One report's file: its path and which report it is. */
typedef struct named_report {
  const char *path;
  const bc_report_ref *ref;
} named_report;

static int cmp_named(const void *a, const void *b) {
  return strcmp(((const named_report *)a)->path,
                ((const named_report *)b)->path);
}

/*
 * The file of every report of the period: AGENCY.pdf, or
 * AGENCY+TEMPLATE.pdf when the agency has several reports in the period
 * (refs are sorted by agency). bc_file_name never writes '+', so the two
 * forms cannot meet; two codes that still give one name (a code written
 * to look like another's hashed name) stop the run before it starts, for
 * every shard alike. TEMPLATE is cut (and hashed) to keep the name within
 * NAME_MAX less a temporary's suffix: the temporary then has the whole
 * name as its stem, which remove_stale_temporaries looks for.
 */
static int name_reports(named_report **out,
                        const bc_report_ref *refs,
                        size_t n,
                        const char *out_dir,
                        const char *extension,
                        bc_arena *arena,
                        bc_error *err) {
  named_report *names = bc_arena_calloc(arena, n ? n : 1, sizeof *names);
  named_report *sorted = bc_arena_calloc(arena, n ? n : 1, sizeof *sorted);
  if (!names || !sorted)
    return bc_error_oom(err);
  for (size_t i = 0; i < n; i++) {
    bool several = (i > 0 && !strcmp(refs[i - 1].agency, refs[i].agency)) ||
                   (i + 1 < n && !strcmp(refs[i + 1].agency, refs[i].agency));
    char a[160], t[160], path[PATH_MAX];
    size_t a_len = bc_file_name(a, sizeof a, refs[i].agency);
    /* a, '+', t, '.', extension: at most NAME_MAX - the suffix bytes */
    size_t t_size = NAME_MAX - BC_FILE_TEMP_SUFFIX_LEN - a_len - 1 -
                    strlen(extension); /* t's bytes and its NUL */
    bc_file_name(t, t_size < sizeof t ? t_size : sizeof t,
                 refs[i].template_name);
    if (snprintf(path, sizeof path, "%s/%s%s%s.%s", out_dir, a,
                 several ? "+" : "", several ? t : "",
                 extension) >= (int)sizeof path)
      return bc_error_set(err, BC_EIO, "output directory '%s' is too long",
                          out_dir);
    names[i].ref = &refs[i];
    if (!(names[i].path = bc_arena_strdup(arena, path)))
      return bc_error_oom(err);
  }
  memcpy(sorted, names, n * sizeof *sorted);
  qsort(sorted, n, sizeof *sorted, cmp_named);
  for (size_t i = 1; i < n; i++)
    if (!strcmp(sorted[i - 1].path, sorted[i].path))
      return bc_error_set(
          err, BC_EDATA,
          "the reports of agencies '%s' and '%s' would both be written to "
          "'%s': change one agency code",
          sorted[i - 1].ref->agency, sorted[i].ref->agency, sorted[i].path);
  *out = names;
  return 0;
}

/* The reports of the period this run renders, sorted, with their output
 * paths. */
static int list_jobs(bulk_run *run, bc_arena *arena, bc_error *err) {
  const bc_bulk_options *o = run->opts;
  bc_db *db = NULL;
  bc_report_ref *refs = NULL;
  named_report *names = NULL;
  size_t nrefs = 0, n = 0;
  int rc;

  if ((rc = bc_db_open(&db, o->db_path, err)))
    goto done;
  if ((rc = bc_db_list_reports(&refs, &nrefs, db, o->period, arena, err))) {
    bc_error_locate(err, o->db_path, 0, 0);
    goto done;
  }
  for (size_t i = 0; o->agencies && i < o->agency_count; i++) {
    size_t k = 0;
    while (k < nrefs && strcmp(refs[k].agency, o->agencies[i]) != 0)
      k++;
    if (k == nrefs) {
      rc = bc_error_set(err, BC_ENOTFOUND,
                        "agency '%s' has no report for period '%s'",
                        o->agencies[i], o->period);
      bc_error_locate(err, o->db_path, 0, 0);
      goto done;
    }
  }
  if ((rc = name_reports(&names, refs, nrefs, o->out_dir,
                         bc_format_name((bc_format)o->format), arena, err)))
    goto done;
  run->jobs = bc_arena_calloc(arena, nrefs ? nrefs : 1, sizeof *run->jobs);
  if (!run->jobs) {
    rc = bc_error_oom(err);
    goto done;
  }
  for (size_t i = 0; i < nrefs; i++) {
    if (!wanted(o, refs[i].agency))
      continue;
    run->jobs[n].agency = refs[i].agency;
    run->jobs[n].template_name = refs[i].template_name;
    run->jobs[n].output_path = names[i].path;
    n++;
  }
  qsort(run->jobs, n, sizeof *run->jobs, cmp_job);
  run->count = n;
done:
  bc_db_close(db);
  return rc;
}

/* An old manifest line of a report this run does not cover. */
struct kept_line {
  const bc_manifest_entry *entry;
  size_t order; /* in the file: the later line wins */
};

static int cmp_entries(const bc_manifest_entry *a, const bc_manifest_entry *b) {
  return cmp_report(a->agency, a->template_name, b->agency, b->template_name);
}

static int cmp_kept(const void *a, const void *b) {
  const kept_line *x = a, *y = b;
  int c = cmp_entries(x->entry, y->entry);
  return c ? c : (x->order > y->order) - (x->order < y->order);
}

/*
 * Reads the old manifest: with --resume each job gets its last line there;
 * in a run of some agencies only (--agencies), the last line of every
 * other report is kept, so the rewritten manifest still lists them.
 */
static int read_previous(bulk_run *run,
                         const char *manifest_path,
                         int *ends_with_newline,
                         bc_arena *arena,
                         bc_error *err) {
  bc_manifest_entry *entries;
  kept_line *kept = NULL;
  size_t n, nkept = 0;
  int rc = bc_bulk__manifest_read(&entries, &n, ends_with_newline,
                                  manifest_path, arena, err);
  if (rc)
    return rc;
  if (run->opts->agencies &&
      !(kept = bc_arena_calloc(arena, n ? n : 1, sizeof *kept)))
    return bc_error_oom(err);
  for (size_t i = 0; i < n; i++) {
    bulk_job key = {.agency = entries[i].agency,
                    .template_name = entries[i].template_name};
    bulk_job *j = bsearch(&key, run->jobs, run->count, sizeof *run->jobs,
                          cmp_job);
    if (j && run->opts->resume)
      j->previous = &entries[i];
    else if (!j && kept)
      kept[nkept++] = (kept_line){&entries[i], i};
  }
  /* Sorted by report, then file order; the last line of each report. */
  if (nkept)
    qsort(kept, nkept, sizeof *kept, cmp_kept);
  run->kept_count = 0;
  for (size_t i = 0; i < nkept; i++)
    if (i + 1 == nkept || cmp_entries(kept[i].entry, kept[i + 1].entry))
      kept[run->kept_count++] = kept[i];
  run->kept = kept;
  return 0;
}

/* The length of NAME's stem when NAME is "STEM.tmp-XXXXXX"
 * (bc_file_temp_name's shape), else 0. */
static size_t temporary_stem(const char *name) {
  size_t n = strlen(name);
  if (n <= BC_FILE_TEMP_SUFFIX_LEN ||
      strncmp(name + n - BC_FILE_TEMP_SUFFIX_LEN, ".tmp-", 5))
    return 0;
  return n - BC_FILE_TEMP_SUFFIX_LEN;
}

/* Whether the stem (of stem_len bytes) is the name of path's file. */
static bool is_base_of(const char *stem, size_t stem_len, const char *path) {
  const char *base = strrchr(path, '/');
  base = base ? base + 1 : path;
  return strlen(base) == stem_len && !strncmp(base, stem, stem_len);
}

/* A killed run leaves "X.pdf.tmp-XXXXXX" files (.docx, .odt) beside its
 * outputs, and "manifest.jsonl.tmp-XXXXXX" when it was killed while the
 * manifest was written again at its end: those of this run's reports and
 * its manifest go (other shards' are not ours to touch; the manifest's
 * lock is held). */
static void remove_stale_temporaries(const bulk_run *run,
                                     const char *manifest_path) {
  DIR *dir = opendir(run->opts->out_dir);
  struct dirent *de;
  if (!dir)
    return;
  while ((de = readdir(dir)) != NULL) {
    size_t stem = temporary_stem(de->d_name);
    bool ours = stem && is_base_of(de->d_name, stem, manifest_path);
    char path[PATH_MAX];
    for (size_t i = 0; stem && !ours && i < run->count; i++)
      ours = is_base_of(de->d_name, stem, run->jobs[i].output_path);
    if (ours && snprintf(path, sizeof path, "%s/%s", run->opts->out_dir,
                         de->d_name) < (int)sizeof path)
      unlink(path);
  }
  closedir(dir);
}

/* ---- one report ---- */

/* Whether the file the previous line describes is there, whole and
 * unchanged: 1 yes, 0 no, or BC_ENOMEM when it cannot be read into
 * memory. */
static int previous_file_intact(const bulk_run *run,
                                const bulk_job *job,
                                bc_error *err) {
  const bc_manifest_entry *p = job->previous;
  struct stat st;
  char *data = NULL;
  size_t len = 0;
  unsigned char digest[32];
  char hex[65];
  int rc;
  if (!p || (strcmp(p->status, "rendered") && strcmp(p->status, "current")) ||
      !p->sha256 || !p->input_sha256 || strcmp(p->output, job->output_path) ||
      stat(job->output_path, &st) != 0 || (long long)st.st_size != p->bytes ||
      (size_t)st.st_size > MAX_REPORT_BYTES)
    return 0;
  if ((rc = bc_file_read(&data, &len, job->output_path, MAX_REPORT_BYTES,
                         BC_EIO, run->alloc, err)))
    return rc == BC_ENOMEM ? rc : 0; /* unreadable: render it again */
  bc_sha256(digest, data, len);
  bc_free(run->alloc, data);
  bc_sha256_hex(hex, digest);
  return strcmp(hex, p->sha256) == 0;
}

static void copy_hex(char out[65], const char *hex) {
  size_t n = hex ? strlen(hex) : 0;
  n = n < 64 ? n : 64;
  memcpy(out, hex ? hex : "", n);
  out[n] = '\0';
}

/* Renders the job (or finds it current) into the worker's item. */
static void render_job(bulk_run *run, worker *w, bulk_job *job) {
  const bc_bulk_options *o = run->opts;
  bc_render_options ro = BC_RENDER_OPTIONS_INIT;
  bc_render_result res;
  bc_bulk_item *it = &w->item;
  struct timespec t0;
  int rc;

  clock_gettime(CLOCK_MONOTONIC, &t0);
  ro.db_path = o->db_path;
  ro.agency = job->agency;
  ro.period = o->period;
  ro.template_name = job->template_name;
  ro.output_path = job->output_path;
  ro.created = o->created;
  ro.pdf_standard = o->pdf_standard;
  ro.format = o->format;
  ro.no_fsync = 1; /* one syncfs at the end of the run */
  ro.input_digest = 1; /* for the manifest, and the next --resume */
  bc_error_clear(&w->error);
  rc = o->resume ? previous_file_intact(run, job, &w->error) : 0;
  if (rc == 1)
    ro.unless_input = job->previous->input_sha256;
  if (rc >= 0) {
    bc_error_clear(&w->error);
    rc = bc_render(&res, w->ctx, &ro, &w->error);
  }

  memset(it, 0, sizeof *it);
  it->agency = job->agency;
  it->template_name = job->template_name;
  it->output_path = job->output_path;
  if (rc) {
    it->status = BC_BULK_FAILED;
    it->error = &w->error;
  } else if (res.unchanged) {
    it->status = BC_BULK_CURRENT;
    it->pages = (size_t)job->previous->pages;
    it->bytes = (size_t)job->previous->bytes;
    copy_hex(it->sha256, job->previous->sha256);
    copy_hex(it->input_sha256, res.input_sha256);
  } else {
    it->status = BC_BULK_RENDERED;
    it->pages = res.pages;
    it->bytes = res.bytes;
    copy_hex(it->sha256, res.sha256);
    copy_hex(it->input_sha256, res.input_sha256);
  }
  it->ms = seconds_since(&t0) * 1000;
}

/* The job's outcome as a manifest item again. */
static void job_item(bc_bulk_item *it, const bulk_job *job) {
  memset(it, 0, sizeof *it);
  it->agency = job->agency;
  it->template_name = job->template_name;
  it->output_path = job->output_path;
  it->status = (bc_bulk_status)job->status;
  it->pages = job->pages;
  it->bytes = job->bytes;
  it->ms = job->ms;
  it->error = job->error;
  memcpy(it->sha256, job->sha256, sizeof it->sha256);
  memcpy(it->input_sha256, job->input_sha256, sizeof it->input_sha256);
}

/* Fails the run the way a manifest failure does: no more reports. */
static void stop_run(bulk_run *run, int code, const char *why) {
  if (run->stop)
    return;
  run->stop = true;
  if (code == BC_ENOMEM)
    bc_error_oom(&run->io_err);
  else
    bc_error_set(&run->io_err, code, "cannot write manifest: %s", why);
}

/* Keeps the worker's outcome in its job, counts it, appends its manifest
 * line and reports it; under the lock. */
static void finish_job(bulk_run *run, worker *w, bulk_job *job) {
  const bc_bulk_item *it = &w->item;
  bc_bulk_progress *p = &run->progress;
  job->done = true;
  job->status = (uint8_t)it->status;
  job->pages = (uint32_t)it->pages;
  job->bytes = it->bytes;
  job->ms = (float)it->ms;
  memcpy(job->sha256, it->sha256, sizeof job->sha256);
  memcpy(job->input_sha256, it->input_sha256, sizeof job->input_sha256);
  if (it->status == BC_BULK_FAILED) {
    bc_error *copy = bc_arena_alloc(run->arena, sizeof *copy);
    if (copy)
      *copy = w->error;
    else
      stop_run(run, BC_ENOMEM, NULL);
    job->error = copy;
  }
  p->done++;
  p->failed += it->status == BC_BULK_FAILED;
  p->current += it->status == BC_BULK_CURRENT;
  p->seconds = seconds_since(&run->started);
  if (!run->stop) {
    bc_buf_reset(&run->line);
    bc_bulk__manifest_line(&run->line, it, run->opts->period);
    /* One write per line, O_APPEND: a kill can only cut the last line. */
    if (run->line.failed)
      stop_run(run, BC_ENOMEM, NULL);
    else if (write(run->manifest_fd, run->line.data, run->line.len) !=
             (ssize_t)run->line.len)
      stop_run(run, BC_EIO, strerror(errno));
  }
  if (run->opts->on_item)
    run->opts->on_item(run->opts->on_item_ud, it, p);
}

static void *work(void *arg) {
  worker *w = arg;
  bulk_run *run = w->run;
  for (;;) {
    bulk_job *job = NULL;
    pthread_mutex_lock(&run->lock);
    if (!run->stop && run->next < run->count)
      job = &run->jobs[run->next++];
    pthread_mutex_unlock(&run->lock);
    if (!job)
      return NULL;
    render_job(run, w, job);
    pthread_mutex_lock(&run->lock);
    finish_job(run, w, job);
    pthread_mutex_unlock(&run->lock);
  }
}

/* ---- the run ---- */

/*
 * Locks the run's manifest: "<manifest>.lock" beside it, held with flock
 * for the whole run and holding the pid of the run that has it. A second
 * run with the same manifest (the same output directory, or the same
 * shard of it) stops here, before it truncates the manifest or removes a
 * temporary file. The lock file is removed at the end (unlock_manifest);
 * a run that takes the lock checks that the file it locked is still the
 * one at the path, since the previous holder may have just removed it.
 */
static int lock_manifest(int *fd_out,
                         const char *lock_path,
                         const char *out_dir,
                         bc_error *err) {
  for (int attempt = 0; attempt < 100; attempt++) {
    struct stat held, named;
    char pid[32];
    int fd = open(lock_path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644);
    if (fd < 0)
      return bc_error_set(err, BC_EIO, "cannot lock '%s': %s", lock_path,
                          strerror(errno));
    if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
      int e = errno;
      ssize_t n = e == EWOULDBLOCK ? pread(fd, pid, sizeof pid - 1, 0) : -1;
      close(fd);
      if (e != EWOULDBLOCK)
        return bc_error_set(err, BC_EIO, "cannot lock '%s': %s", lock_path,
                            strerror(e));
      pid[n > 0 ? n : 0] = '\0';
      pid[strcspn(pid, "\n")] = '\0';
      return bc_error_set(err, BC_EIO,
                          "another bulk run%s%s%s is writing into '%s' "
                          "(it holds '%s'); wait for it to finish",
                          *pid ? " (process " : "", pid, *pid ? ")" : "",
                          out_dir, lock_path);
    }
    if (fstat(fd, &held) == 0 && stat(lock_path, &named) == 0 &&
        held.st_dev == named.st_dev && held.st_ino == named.st_ino) {
      int len = snprintf(pid, sizeof pid, "%ld\n", (long)getpid());
      if (ftruncate(fd, 0) != 0 || pwrite(fd, pid, (size_t)len, 0) != len) {
        int e = errno;
        close(fd);
        return bc_error_set(err, BC_EIO, "cannot lock '%s': %s", lock_path,
                            strerror(e));
      }
      *fd_out = fd;
      return 0;
    }
    close(fd); /* removed by the run that had it: lock the new one */
  }
  return bc_error_set(err, BC_EIO, "cannot lock '%s'", lock_path);
}

static void unlock_manifest(int fd, const char *lock_path) {
  if (fd < 0)
    return;
  unlink(lock_path); /* while still held: see lock_manifest */
  close(fd);
}

/* Every PDF of the run to disk at once: far cheaper than a flush per
 * file, and a crash before it is what --resume's digests are for. */
static int sync_out_dir(const char *dir, bc_error *err) {
  int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC), e = 0;
  if (fd < 0 || syncfs(fd) != 0)
    e = errno;
  if (fd >= 0)
    close(fd);
  return e ? bc_error_set(err, BC_EIO, "cannot flush '%s' to disk: %s", dir,
                          strerror(e))
           : 0;
}

static int check_options(const bc_bulk_options *o, bc_error *err) {
  if (o->format < BC_FORMAT_PDF || o->format > BC_FORMAT_ODT)
    return bc_error_set(err, BC_ERROR, "unknown output format %d", o->format);
  if (o->shard_count ? o->shard_index < 1 || o->shard_index > o->shard_count
                     : o->shard_index != 0)
    return bc_error_set(err, BC_ERROR,
                        "shard %u/%u: the shard is 1 to the count",
                        o->shard_index, o->shard_count);
  return 0;
}

static unsigned worker_count(const bc_bulk_options *o, size_t jobs) {
  size_t n = o->workers ? o->workers : bc_pool_cpus();
  if (n > jobs)
    n = jobs;
  if (n > 256)
    n = 256;
  return n ? (unsigned)n : 1;
}

/* Whether the kept line comes before the job in agency order. */
static bool kept_first(const kept_line *k, const bulk_job *job) {
  return cmp_report(k->entry->agency, k->entry->template_name, job->agency,
                    job->template_name) < 0;
}

/* The whole manifest again, one line per report in agency order: what a
 * reader sees after the run, whatever order the workers finished in (with
 * --agencies, the other reports' last lines merged in). Written a block at
 * a time, so a run of any size needs little memory. */
static int rewrite_manifest(bulk_run *run, const char *path, bc_error *err) {
  bc_file_out f;
  bc_buf block;
  size_t i = 0, k = 0;
  bc_sink sink = *bc_sink_default();
  int rc;
  if (run->opts->temp_hook) {
    sink.on_temp = run->opts->temp_hook->on_temp;
    sink.temp_ud = run->opts->temp_hook->ud;
  }
  if ((rc = bc_file_out_open(&f, path, &sink, err)))
    return rc;
  bc_buf_init(&block, run->alloc);
  while (!rc && (i < run->count || k < run->kept_count)) {
    if (k < run->kept_count &&
        (i == run->count || kept_first(&run->kept[k], &run->jobs[i]))) {
      const bc_manifest_entry *e = run->kept[k++].entry;
      bc_buf_put(&block, e->line, e->line_len);
      bc_buf_putc(&block, '\n');
    } else if (run->jobs[i].done) {
      bc_bulk_item it;
      job_item(&it, &run->jobs[i++]);
      bc_bulk__manifest_line(&block, &it, run->opts->period);
    } else {
      i++;
    }
    if (block.len >= 65536) {
      if (!(rc = bc_buf_check(&block, err)))
        rc = bc_file_out_write(&f, block.data, block.len, err);
      bc_buf_reset(&block);
    }
  }
  if (!rc && !(rc = bc_buf_check(&block, err)) && block.len)
    rc = bc_file_out_write(&f, block.data, block.len, err);
  bc_buf_free(&block);
  if (rc) {
    bc_file_out_abort(&f);
    return rc;
  }
  return bc_file_out_commit(&f, err);
}

int bc_bulk_run(bc_bulk_summary *summary,
                const bc_bulk_options *opts,
                bc_error *err) {
  bulk_run run;
  bc_arena arena;
  worker *workers = NULL;
  unsigned nworkers = 0;
  char manifest_path[PATH_MAX], lock_path[PATH_MAX + 8];
  int ends_with_newline = 1, lock_fd = -1, rc;

  BC_ASSERT_ARG(err, summary, "summary is NULL");
  BC_ASSERT_ARG(err, opts, "opts is NULL");
  BC_ASSERT_ARG(err, opts->version == BC_BULK_OPTIONS_VERSION,
                "opts->version is not BC_BULK_OPTIONS_VERSION");
  BC_ASSERT_ARG(err, opts->db_path, "opts->db_path is NULL");
  BC_ASSERT_ARG(err, opts->period, "opts->period is NULL");
  BC_ASSERT_ARG(err, opts->out_dir, "opts->out_dir is NULL");
  BC_ASSERT_ARG(err, opts->font_dir || opts->font_family,
                "opts->font_dir and opts->font_family are NULL");
  BC_ASSERT_ARG(err, opts->template_dir, "opts->template_dir is NULL");
  BC_ASSERT_ARG(err, opts->agencies || opts->agency_count == 0,
                "opts->agencies is NULL");
  memset(summary, 0, sizeof *summary);
  if ((rc = check_options(opts, err)))
    return rc;
  memset(&run, 0, sizeof run);
  run.opts = opts;
  run.alloc = opts->alloc ? opts->alloc : bc_allocator_default();
  run.manifest_fd = -1;
  run.arena = &arena;
  bc_buf_init(&run.line, run.alloc);
  bc_arena_init(&arena, run.alloc);
  pthread_mutex_init(&run.lock, NULL);
  clock_gettime(CLOCK_MONOTONIC, &run.started);

  if (opts->manifest_path)
    rc = snprintf(manifest_path, sizeof manifest_path, "%s",
                  opts->manifest_path) >= (int)sizeof manifest_path;
  else if (opts->shard_count)
    rc = snprintf(manifest_path, sizeof manifest_path,
                  "%s/manifest-%u-of-%u.jsonl", opts->out_dir,
                  opts->shard_index,
                  opts->shard_count) >= (int)sizeof manifest_path;
  else
    rc = snprintf(manifest_path, sizeof manifest_path, "%s/manifest.jsonl",
                  opts->out_dir) >= (int)sizeof manifest_path;
  if (rc || snprintf(lock_path, sizeof lock_path, "%s.lock", manifest_path) >=
                (int)sizeof lock_path) {
    rc = bc_error_set(err, BC_EIO, "manifest path is too long");
    goto done;
  }
  if ((rc = bc_file_check_output(manifest_path, err)))
    goto done;
  if ((rc = list_jobs(&run, &arena, err)))
    goto done;

  /* Every worker's context before the first file or directory is made: a
   * missing font stops the run before it starts. */
  nworkers = worker_count(opts, run.count);
  workers = bc_calloc(run.alloc, nworkers, sizeof *workers);
  if (!workers) {
    rc = bc_error_oom(err);
    goto done;
  }
  for (unsigned i = 0; i < nworkers; i++) {
    bc_context_options co = BC_CONTEXT_OPTIONS_INIT;
    co.font_dir = opts->font_dir;
    co.font_family = opts->font_family;
    co.template_dir = opts->template_dir;
    co.alloc = opts->alloc;
    co.temp_hook = opts->temp_hook;
    /* Faces prepared for subsetting on a worker's first render when it has
     * enough reports to pay for it, else as any context prepares them. */
    co.prepare_fonts =
        run.count / nworkers >= BC_CONTEXT_PREPARE_FONTS_AFTER;
    workers[i].run = &run;
    if ((rc = bc_context_new(&workers[i].ctx, &co, err)))
      goto done;
  }

  if ((rc = make_dirs(opts->out_dir, err)) ||
      (rc = lock_manifest(&lock_fd, lock_path, opts->out_dir, err)))
    goto done;
  /* The previous lines once the manifest is ours: no other run is
   * changing it. */
  if ((opts->resume || opts->agencies) &&
      (rc = read_previous(&run, manifest_path, &ends_with_newline, &arena,
                          err)))
    goto done;
  run.manifest_fd =
      open(manifest_path,
           O_WRONLY | O_CREAT | O_CLOEXEC |
               (opts->resume || opts->agencies ? O_APPEND : O_TRUNC),
           0644);
  if (run.manifest_fd < 0) {
    rc = bc_error_set(err, BC_EIO, "cannot write manifest '%s': %s",
                      manifest_path, strerror(errno));
    goto done;
  }
  if (!ends_with_newline &&
      write(run.manifest_fd, "\n", 1) != 1) {
    rc = bc_error_set(err, BC_EIO, "cannot write manifest '%s': %s",
                      manifest_path, strerror(errno));
    goto done;
  }
  remove_stale_temporaries(&run, manifest_path);

  run.progress.total = run.count;
  /* The calling thread is worker 0; the others get threads (if a thread
   * cannot be made, the ones there are do the work). */
  for (unsigned i = 1; i < nworkers; i++)
    workers[i].started =
        pthread_create(&workers[i].thread, NULL, work, &workers[i]) == 0;
  work(&workers[0]);
  for (unsigned i = 1; i < nworkers; i++)
    if (workers[i].started)
      pthread_join(workers[i].thread, NULL);

  close(run.manifest_fd);
  run.manifest_fd = -1;
  if (run.stop) {
    *err = run.io_err;
    rc = err->code;
    goto done;
  }
  /* The PDFs reach the disk before the manifest that describes them. */
  if ((rc = sync_out_dir(opts->out_dir, err)) ||
      (rc = rewrite_manifest(&run, manifest_path, err)))
    goto done;

  summary->total = run.count;
  summary->workers = nworkers;
  for (size_t i = 0; i < run.count; i++) {
    const bulk_job *job = &run.jobs[i];
    if (!job->done)
      continue;
    switch ((bc_bulk_status)job->status) {
    case BC_BULK_RENDERED:
      summary->rendered++;
      summary->pages += job->pages;
      summary->bytes += job->bytes;
      break;
    case BC_BULK_CURRENT:
      summary->current++;
      break;
    case BC_BULK_FAILED:
      summary->failed++;
      break;
    }
  }
  summary->seconds = seconds_since(&run.started);
  snprintf(summary->manifest_path, sizeof summary->manifest_path, "%s",
           manifest_path);
done:
  if (run.manifest_fd >= 0)
    close(run.manifest_fd);
  unlock_manifest(lock_fd, lock_path);
  for (unsigned i = 0; workers && i < nworkers; i++)
    bc_context_free(workers[i].ctx);
  bc_free(run.alloc, workers);
  pthread_mutex_destroy(&run.lock);
  bc_buf_free(&run.line);
  bc_arena_release(&arena);
  return rc;
}

void bc_bulk_options_init(bc_bulk_options *opts) {
  if (!opts)
    return;
  memset(opts, 0, sizeof *opts);
  opts->version = BC_BULK_OPTIONS_VERSION;
}
