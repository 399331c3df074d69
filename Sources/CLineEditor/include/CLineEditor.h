#ifndef CLINEEDITOR_H
#define CLINEEDITOR_H

// Fixed-arity wrappers for libedit's C-variadic functions (el_set, el_get,
// history), which Swift cannot call, plus the REPL's signal handling and an
// interruptible character reader.

#include <histedit.h>
#include <wchar.h>

/// A libedit command bound to a key: returns one of the CC_* codes.
typedef unsigned char (*tandem_el_command_fn)(EditLine *el, int ch);
/// A prompt function: returns the prompt text (owned by the caller of el_set).
typedef char *(*tandem_el_prompt_fn)(EditLine *el);
/// A hook called from the SIGINT handler (must be async-signal-safe).
typedef void (*tandem_interrupt_hook)(void);

// MARK: Editor

/// `el_init` on standard input, output and error.
EditLine *tandem_el_init(const char *program);
/// `el_end`.
void tandem_el_end(EditLine *el);
/// `el_set(el, EL_PROMPT, fn)`.
int tandem_el_set_prompt(EditLine *el, tandem_el_prompt_fn fn);
/// `el_set(el, EL_EDITOR, mode)`: "emacs" or "vi".
int tandem_el_set_editor(EditLine *el, const char *mode);
/// `el_set(el, EL_SIGNAL, on)`: whether libedit installs its own handlers.
int tandem_el_set_signal(EditLine *el, int on);
/// `el_set(el, EL_ADDFN, name, help, fn)`.
int tandem_el_set_addfn(EditLine *el, const char *name, const char *help, tandem_el_command_fn fn);
/// `el_set(el, EL_BIND, key, command, NULL)`.
int tandem_el_bind(EditLine *el, const char *key, const char *command);
/// `el_set(el, EL_CLIENTDATA, data)`.
int tandem_el_set_clientdata(EditLine *el, void *data);
/// `el_get(el, EL_CLIENTDATA, &data)`.
void *tandem_el_get_clientdata(EditLine *el);
/// `el_set(el, EL_HIST, history, h)`.
int tandem_el_set_history(EditLine *el, History *h);
/// Installs ``tandem_el_read_char`` as the character reader (EL_GETCFN).
int tandem_el_use_interruptible_reader(EditLine *el);
/// `el_get(el, EL_GETTC, "co", &cols)`: the terminal width, or 0.
int tandem_el_terminal_columns(EditLine *el);
/// `el_set(el, EL_REFRESH)`.
int tandem_el_refresh(EditLine *el);
/// `el_gets`; `count` receives the byte count (-1 on error).
const char *tandem_el_gets(EditLine *el, int *count);
/// The text from the start of the line to the cursor, and after it.
/// Returns the number of bytes before the cursor; `*total` receives the line length.
int tandem_el_line(EditLine *el, const char **buffer, int *total);
/// `el_insertstr`.
int tandem_el_insertstr(EditLine *el, const char *text);
/// Binds Ctrl-D to end the input on an empty line (without echoing "^D") and
/// to delete the character under the cursor otherwise.
int tandem_el_bind_quiet_eof(EditLine *el);

// MARK: History

/// `history_init` with a size limit and unique (no consecutive duplicates) mode.
History *tandem_history_init(int size);
/// `history_end`.
void tandem_history_end(History *h);
/// `history(h, &ev, H_SETSIZE, size)`.
int tandem_history_set_size(History *h, int size);
/// `history(h, &ev, H_SETUNIQUE, on)`.
int tandem_history_set_unique(History *h, int on);
/// `history(h, &ev, H_ENTER, line)`.
int tandem_history_enter(History *h, const char *line);
/// `history(h, &ev, H_CLEAR)`.
int tandem_history_clear(History *h);
/// `history(h, &ev, H_GETSIZE)`: the number of entries.
int tandem_history_count(History *h);
/// `history(h, &ev, H_FIRST)` (the newest entry), or NULL.
const char *tandem_history_first(History *h);
/// `history(h, &ev, H_NEXT)` (the next older entry), or NULL.
const char *tandem_history_next(History *h);
/// `history(h, &ev, H_LOAD, path)`.
int tandem_history_load(History *h, const char *path);
/// `history(h, &ev, H_SAVE, path)`.
int tandem_history_save(History *h, const char *path);

// MARK: Signals

/// Installs a SIGINT handler (without SA_RESTART, so a blocked read returns
/// EINTR) that counts interrupts and calls `hook`, and a SIGWINCH handler.
void tandem_install_signal_handlers(tandem_interrupt_hook hook);
/// Restores the default SIGINT and SIGWINCH handling.
void tandem_restore_signal_handlers(void);
/// Interrupts received since the last call; resets the count.
int tandem_take_interrupts(void);
/// Interrupts received since the last ``tandem_take_interrupts``, without resetting.
int tandem_pending_interrupts(void);
/// Reads one character from standard input for libedit; returns -1 when an
/// interrupt arrives (so el_gets returns), 0 at end of input.
int tandem_el_read_char(EditLine *el, wchar_t *out);
/// The width of the terminal on `fd`, or 0 when it is not a terminal.
int tandem_terminal_width(int fd);
/// Makes the locale's character type UTF-8 when it is not (libedit decodes
/// input with it). Returns 1 when the character type is UTF-8 afterwards.
int tandem_ensure_utf8_ctype(void);

#endif
