/* cli/terminal.c: drawing a page in the terminal: kitty's graphics
 * protocol, sixel, or Unicode block characters, and finding out which one
 * the terminal understands. */
#include "cli/cli.h"

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

unsigned terminal_columns(void) {
  const char *env = getenv("COLUMNS");
  struct winsize ws;
  if (env && *env) {
    char *end;
    unsigned long n = strtoul(env, &end, 10);
    if (!*end && n >= 10 && n <= 1000)
      return (unsigned)n;
  }
  if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 10)
    return ws.ws_col > 1000 ? 1000 : ws.ws_col;
  return 100;
}

unsigned terminal_width_px(void) {
  struct winsize ws;
  if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_xpixel >= 100)
    return ws.ws_xpixel > 4000 ? 4000 : ws.ws_xpixel;
  return 0;
}

/* ---- secrets ---- */

int cli_read_secret(char *buf, size_t size, const char *prompt) {
  int fd = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC);
  struct termios saved, quiet;
  size_t n = 0;
  buf[0] = '\0';
  if (fd < 0)
    return EXIT_OK; /* no terminal: nothing to ask; the token says so */
  bool echo_off = tcgetattr(fd, &saved) == 0;
  if (echo_off) {
    quiet = saved;
    quiet.c_lflag &= ~(tcflag_t)ECHO;
    echo_off = tcsetattr(fd, TCSAFLUSH, &quiet) == 0;
  }
  if (write(fd, prompt, strlen(prompt)) < 0) {
    /* the prompt is a courtesy; the answer is what counts */
  }
  while (n + 1 < size) {
    char c;
    if (read(fd, &c, 1) != 1 || c == '\n' || c == '\r')
      break;
    buf[n++] = c;
  }
  buf[n] = '\0';
  if (echo_off)
    tcsetattr(fd, TCSAFLUSH, &saved);
  if (write(fd, "\n", 1) < 0) {
    /* as above */
  }
  close(fd);
  return EXIT_OK;
}

/* ---- which graphics ---- */

/* Asks the terminal for its primary device attributes (ESC [ c); a 4 in
 * the answer means sixel. Waits at most 0.2 s for the answer; a terminal
 * that says nothing has no sixel. */
static bool answers_sixel(void) {
  int fd = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC);
  struct termios saved, raw;
  char answer[128];
  size_t n = 0;
  bool sixel = false;
  if (fd < 0)
    return false;
  if (tcgetattr(fd, &saved) != 0) {
    close(fd);
    return false;
  }
  raw = saved;
  raw.c_lflag &= ~(tcflag_t)(ICANON | ECHO);
  raw.c_cc[VMIN] = 0;
  raw.c_cc[VTIME] = 2; /* tenths of a second per read */
  if (tcsetattr(fd, TCSANOW, &raw) == 0 && write(fd, "\x1b[c", 3) == 3) {
    while (n + 1 < sizeof answer) {
      ssize_t got = read(fd, answer + n, 1);
      if (got <= 0)
        break;
      if (answer[n++] == 'c')
        break;
    }
  }
  tcsetattr(fd, TCSANOW, &saved);
  close(fd);
  answer[n] = '\0';
  /* ESC [ ? 62 ; 4 ; 22 c */
  if (n > 3 && answer[0] == '\x1b' && answer[1] == '[' && answer[2] == '?')
    for (char *p = answer + 3; *p && *p != 'c';) {
      long v = strtol(p, &p, 10);
      if (v == 4)
        sixel = true;
      if (*p == ';')
        p++;
      else
        break;
    }
  return sixel;
}

bool terminal_graphics_parse(const char *name, terminal_graphics *out) {
  static const char *const names[] = {"auto", "kitty", "sixel", "blocks"};
  for (int i = 0; i < 4; i++)
    if (!strcmp(name, names[i])) {
      *out = (terminal_graphics)i;
      return true;
    }
  return false;
}

terminal_graphics terminal_graphics_detect(void) {
  const char *term = getenv("TERM"), *program = getenv("TERM_PROGRAM");
  if (!isatty(STDOUT_FILENO) || !isatty(STDIN_FILENO))
    return GRAPHICS_BLOCKS; /* a pipe or a file: text that can be read */
  if (getenv("KITTY_WINDOW_ID") || (term && strstr(term, "kitty")) ||
      (program &&
       (!strcmp(program, "WezTerm") || !strcmp(program, "ghostty"))))
    return GRAPHICS_KITTY;
  if (term && strcmp(term, "dumb") && answers_sixel())
    return GRAPHICS_SIXEL;
  return GRAPHICS_BLOCKS;
}

/* ---- block characters ---- */

void draw_blocks(FILE *f,
                 const unsigned char *pixels,
                 unsigned width,
                 unsigned height,
                 bool colour) {
  static const char *const ramp[] = {" ", "\u2591", "\u2592", "\u2593",
                                     "\u2588"};
  for (unsigned y = 0; y < height; y += 2) {
    const unsigned char *top = pixels + (size_t)y * width;
    const unsigned char *bottom = y + 1 < height ? top + width : NULL;
    int fg = -1, bg = -1;
    for (unsigned x = 0; x < width; x++) {
      unsigned t = top[x], b = bottom ? bottom[x] : 255;
      if (colour) {
        if ((int)t != fg)
          fprintf(f, "\x1b[38;2;%u;%u;%um", t, t, t);
        if ((int)b != bg)
          fprintf(f, "\x1b[48;2;%u;%u;%um", b, b, b);
        fg = (int)t;
        bg = (int)b;
        fputs("\u2580", f);
      } else {
        unsigned dark = 255 - (t + b) / 2;
        fputs(ramp[dark < 16 ? 0 : 1 + (dark - 16) * 4 / 240], f);
      }
    }
    fputs(colour ? "\x1b[0m\n" : "\n", f);
  }
}

/* ---- sixel ---- */

#define SIXEL_GREYS 16

static unsigned grey_index(unsigned char g) {
  return ((unsigned)g * (SIXEL_GREYS - 1) + 127) / 255;
}

/* One run of the same sixel character: "!n" and the character when that
 * is shorter. */
static void put_sixel_run(FILE *f, int ch, unsigned n) {
  if (n >= 4)
    fprintf(f, "!%u%c", n, ch);
  else
    while (n--)
      fputc(ch, f);
}

void draw_sixel(FILE *f,
                const unsigned char *pixels,
                unsigned width,
                unsigned height) {
  /* DCS q, 1:1 pixels, the size, then 16 greys (percent of full). */
  fprintf(f, "\x1bPq\"1;1;%u;%u", width, height);
  for (unsigned i = 0; i < SIXEL_GREYS; i++) {
    unsigned pct = (i * 100 + (SIXEL_GREYS - 1) / 2) / (SIXEL_GREYS - 1);
    fprintf(f, "#%u;2;%u;%u;%u", i, pct, pct, pct);
  }
  for (unsigned y0 = 0; y0 < height; y0 += 6) {
    unsigned rows = height - y0 < 6 ? height - y0 : 6;
    bool used[SIXEL_GREYS] = {false}, first = true;
    for (unsigned r = 0; r < rows; r++)
      for (unsigned x = 0; x < width; x++)
        used[grey_index(pixels[(size_t)(y0 + r) * width + x])] = true;
    for (unsigned c = 0; c < SIXEL_GREYS; c++) {
      int run_ch = -1;
      unsigned run = 0;
      if (!used[c])
        continue;
      if (!first)
        fputc('$', f); /* back to the start of the band */
      first = false;
      fprintf(f, "#%u", c);
      for (unsigned x = 0; x < width; x++) {
        int bits = 0;
        for (unsigned r = 0; r < rows; r++)
          if (grey_index(pixels[(size_t)(y0 + r) * width + x]) == c)
            bits |= 1 << r;
        if (bits + 63 != run_ch) {
          if (run)
            put_sixel_run(f, run_ch, run);
          run_ch = bits + 63;
          run = 0;
        }
        run++;
      }
      put_sixel_run(f, run_ch, run);
    }
    fputc('-', f); /* the next band */
  }
  fputs("\x1b\\\n", f);
}

/* ---- kitty ---- */

void draw_kitty(FILE *f,
                const unsigned char *png,
                size_t len,
                unsigned columns) {
  static const char b64[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  /* The PNG in base64, 4096 characters (3072 bytes) a chunk; the first
   * chunk carries the keys: transmit and show (a=T) a PNG (f=100) scaled
   * to the terminal's width in cells (c=). */
  size_t at = 0;
  do {
    size_t end = at + 3072 < len ? at + 3072 : len;
    if (at == 0)
      fprintf(f, "\x1b_Ga=T,f=100,c=%u,q=2,m=%d;", columns, end < len);
    else
      fprintf(f, "\x1b_Gm=%d;", end < len);
    for (size_t i = at; i < end; i += 3) {
      unsigned v = (unsigned)png[i] << 16;
      size_t k = end - i;
      if (k > 1)
        v |= (unsigned)png[i + 1] << 8;
      if (k > 2)
        v |= png[i + 2];
      fputc(b64[v >> 18], f);
      fputc(b64[(v >> 12) & 63], f);
      fputc(k > 1 ? b64[(v >> 6) & 63] : '=', f);
      fputc(k > 2 ? b64[v & 63] : '=', f);
    }
    fputs("\x1b\\", f);
    at = end;
  } while (at < len);
  fputc('\n', f);
}
