#include <errno.h>
#include <langinfo.h>
#include <limits.h>
#include <locale.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <histedit.h>
#include "CLineEditor.h"

// MARK: Editor

EditLine *tandem_el_init(const char *program) {
    return el_init(program, stdin, stdout, stderr);
}

void tandem_el_end(EditLine *el) { el_end(el); }

int tandem_el_set_prompt(EditLine *el, tandem_el_prompt_fn fn) {
    return el_set(el, EL_PROMPT, fn);
}

int tandem_el_set_editor(EditLine *el, const char *mode) {
    return el_set(el, EL_EDITOR, mode);
}

int tandem_el_set_signal(EditLine *el, int on) {
    return el_set(el, EL_SIGNAL, on);
}

int tandem_el_set_addfn(EditLine *el, const char *name, const char *help, tandem_el_command_fn fn) {
    return el_set(el, EL_ADDFN, name, help, fn);
}

int tandem_el_bind(EditLine *el, const char *key, const char *command) {
    return el_set(el, EL_BIND, key, command, (const char *)NULL);
}

int tandem_el_set_clientdata(EditLine *el, void *data) {
    return el_set(el, EL_CLIENTDATA, data);
}

void *tandem_el_get_clientdata(EditLine *el) {
    void *data = NULL;
    if (el_get(el, EL_CLIENTDATA, &data) != 0) return NULL;
    return data;
}

int tandem_el_set_history(EditLine *el, History *h) {
    return el_set(el, EL_HIST, history, h);
}

int tandem_el_use_interruptible_reader(EditLine *el) {
    return el_set(el, EL_GETCFN, tandem_el_read_char);
}

int tandem_el_terminal_columns(EditLine *el) {
    int columns = 0;
    if (el_get(el, EL_GETTC, "co", &columns, (void *)NULL) != 0) return 0;
    return columns;
}

int tandem_el_refresh(EditLine *el) { return el_set(el, EL_REFRESH); }

const char *tandem_el_gets(EditLine *el, int *count) { return el_gets(el, count); }

int tandem_el_line(EditLine *el, const char **buffer, int *total) {
    const LineInfo *info = el_line(el);
    *buffer = info->buffer;
    *total = (int)(info->lastchar - info->buffer);
    return (int)(info->cursor - info->buffer);
}

int tandem_el_insertstr(EditLine *el, const char *text) { return el_insertstr(el, text); }

// Ctrl-D: end of input on an empty line, else delete the character under the
// cursor. libedit's own binding (em-delete-or-list) echoes "^D" on the way out
// and lists completions at the end of a line.
static unsigned char tandem_eof_or_delete(EditLine *el, int ch) {
    (void)ch;
    const LineInfo *info = el_line(el);
    if (info->buffer == info->lastchar) return CC_EOF;
    if (info->cursor == info->lastchar) return CC_NORM;
    el_cursor(el, 1);
    el_deletestr(el, 1);
    return CC_REFRESH;
}

int tandem_el_bind_quiet_eof(EditLine *el) {
    if (el_set(el, EL_ADDFN, "tandem-eof-or-delete", "End of input on an empty line, else delete", tandem_eof_or_delete) != 0) {
        return -1;
    }
    return tandem_el_bind(el, "^D", "tandem-eof-or-delete");
}

// MARK: History

History *tandem_history_init(int size) {
    History *h = history_init();
    if (h == NULL) return NULL;
    tandem_history_set_size(h, size);
    tandem_history_set_unique(h, 1);
    return h;
}

void tandem_history_end(History *h) { history_end(h); }

int tandem_history_set_size(History *h, int size) {
    HistEvent ev;
    return history(h, &ev, H_SETSIZE, size);
}

int tandem_history_set_unique(History *h, int on) {
    HistEvent ev;
    return history(h, &ev, H_SETUNIQUE, on);
}

int tandem_history_enter(History *h, const char *line) {
    HistEvent ev;
    return history(h, &ev, H_ENTER, line);
}

int tandem_history_clear(History *h) {
    HistEvent ev;
    return history(h, &ev, H_CLEAR);
}

int tandem_history_count(History *h) {
    HistEvent ev;
    if (history(h, &ev, H_GETSIZE) != 0) return 0;
    return ev.num;
}

const char *tandem_history_first(History *h) {
    HistEvent ev;
    if (history(h, &ev, H_FIRST) != 0) return NULL;
    return ev.str;
}

const char *tandem_history_next(History *h) {
    HistEvent ev;
    if (history(h, &ev, H_NEXT) != 0) return NULL;
    return ev.str;
}

int tandem_history_load(History *h, const char *path) {
    HistEvent ev;
    return history(h, &ev, H_LOAD, path);
}

int tandem_history_save(History *h, const char *path) {
    HistEvent ev;
    return history(h, &ev, H_SAVE, path);
}

// MARK: Signals

static volatile sig_atomic_t interrupts = 0;
static volatile sig_atomic_t resized = 0;
static tandem_interrupt_hook interrupt_hook = NULL;

static void on_sigint(int signo) {
    (void)signo;
    interrupts += 1;
    if (interrupt_hook != NULL) interrupt_hook();
}

static void on_sigwinch(int signo) {
    (void)signo;
    resized = 1;
}

void tandem_install_signal_handlers(tandem_interrupt_hook hook) {
    interrupt_hook = hook;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;  // no SA_RESTART: a blocked read returns EINTR
    action.sa_handler = on_sigint;
    sigaction(SIGINT, &action, NULL);
    action.sa_handler = on_sigwinch;
    sigaction(SIGWINCH, &action, NULL);
    // A parent may have left these blocked (a test runner, a terminal
    // multiplexer started from one); Ctrl-C must reach the session.
    sigset_t wanted;
    sigemptyset(&wanted);
    sigaddset(&wanted, SIGINT);
    sigaddset(&wanted, SIGWINCH);
    sigaddset(&wanted, SIGTERM);
    sigaddset(&wanted, SIGHUP);
    sigaddset(&wanted, SIGTSTP);
    sigaddset(&wanted, SIGCONT);
    pthread_sigmask(SIG_UNBLOCK, &wanted, NULL);
}

void tandem_restore_signal_handlers(void) {
    signal(SIGINT, SIG_DFL);
    signal(SIGWINCH, SIG_DFL);
    interrupt_hook = NULL;
}

int tandem_take_interrupts(void) {
    int count = interrupts;
    interrupts = 0;
    return count;
}

int tandem_pending_interrupts(void) { return interrupts; }

int tandem_el_read_char(EditLine *el, wchar_t *out) {
    char bytes[MB_LEN_MAX];
    size_t count = 0;
    mbstate_t state;
    for (;;) {
        if (interrupts > 0) {
            *out = L'\0';
            errno = EINTR;
            return -1;
        }
        // Wait in short slices: the signal may be delivered to another
        // thread (the REPL reads answers from the interpreter's thread), so
        // the flag is checked rather than relying on read() failing with EINTR.
        struct pollfd ready = {.fd = STDIN_FILENO, .events = POLLIN, .revents = 0};
        int polled = poll(&ready, 1, 100);
        if (polled == 0 || (polled < 0 && errno == EINTR)) {
            if (resized) {
                resized = 0;
                el_resize(el);
                el_set(el, EL_REFRESH);
            }
            continue;
        }
        ssize_t n = read(STDIN_FILENO, bytes + count, 1);
        if (n < 0) {
            if (errno == EINTR) {
                if (resized) {
                    resized = 0;
                    el_resize(el);
                    el_set(el, EL_REFRESH);
                }
                continue;  // an interrupt is checked at the top of the loop
            }
            *out = L'\0';
            return -1;
        }
        if (n == 0) {
            *out = L'\0';
            return 0;
        }
        count += 1;
        memset(&state, 0, sizeof state);
        size_t result = mbrtowc(out, bytes, count, &state);
        if (result == (size_t)-2) {
            if (count < MB_LEN_MAX) continue;  // incomplete sequence
            count = 0;
            continue;
        }
        if (result == (size_t)-1) {
            count = 0;  // invalid byte: drop it
            continue;
        }
        return 1;
    }
}

int tandem_terminal_width(int fd) {
    struct winsize size;
    if (ioctl(fd, TIOCGWINSZ, &size) != 0) return 0;
    return size.ws_col;
}

int tandem_ensure_utf8_ctype(void) {
    setlocale(LC_CTYPE, "");
    const char *codeset = nl_langinfo(CODESET);
    if (codeset != NULL && (strcmp(codeset, "UTF-8") == 0 || strcmp(codeset, "utf8") == 0)) return 1;
    if (setlocale(LC_CTYPE, "C.UTF-8") != NULL) return 1;
    return 0;
}
