#ifndef OMNIGAP_CPTY_H
#define OMNIGAP_CPTY_H

#include <sys/types.h>

/// Starts `path` with `argv` and `envp` as the leader of a new session whose controlling
/// terminal is a new pseudo-terminal of `rows` x `columns`: resizes, Ctrl-C and hang-ups then
/// reach it as signals. On success returns 0 and gives the pty's master (close-on-exec,
/// non-blocking) and the child's pid; on failure returns an errno value. The parent never opens
/// the slave side.
int omnigap_spawn_on_pty(const char *path, char *const argv[], char *const envp[],
                         unsigned short rows, unsigned short columns,
                         int *master, pid_t *pid);

/// Sets the pty's size on its master: the kernel sends SIGWINCH to the child's foreground group.
int omnigap_set_window_size(int master, unsigned short rows, unsigned short columns);

/// A pollable descriptor that becomes readable when `pid` exits (pidfd_open); -1 with errno.
int omnigap_pidfd_open(pid_t pid);

/// Reaps `pid` without blocking: 1 and its exit status (128 + signal when killed), 0 when it
/// is still running, -1 on error.
int omnigap_reap(pid_t pid, int *status);

#endif
