#ifndef SOCKGRADE_CLINUX_H
#define SOCKGRADE_CLINUX_H

#include <sys/resource.h>
#include <sys/types.h>

/// unshare(2) of a new network namespace for the calling thread only.
int sockgrade_unshare_network(void);

/// setns(2) of a network namespace for the calling thread only.
int sockgrade_join_network(int namespace_fd);

/// Sets IFF_UP on "lo" in the calling thread's network namespace.
int sockgrade_loopback_up(void);

/// pidfd_open(2): a descriptor that polls readable when the process exits.
int sockgrade_pidfd_open(pid_t pid);

/// The kernel thread id of the caller, for /proc/PID/task/TID paths.
pid_t sockgrade_gettid(void);

/// pipe2(2) with O_CLOEXEC, which the Glibc overlay does not export.
int sockgrade_pipe_cloexec(int ends[2]);

/// One resource limit `sockgrade_spawn` sets in the child.
struct sockgrade_limit {
    int resource;
    rlim_t soft;
    rlim_t hard;
};

/// What `sockgrade_spawn` starts, and how the child is set up before exec.
struct sockgrade_spawn_plan {
    const char *path;
    char *const *argv;
    char *const *envp;
    /// -1 for /dev/null.
    int stdin_fd;
    int stdout_fd;
    int stderr_fd;
    /// Becomes descriptor 3 in the child; -1 for none.
    int inherited_fd;
    /// Membership files (v1 `tasks`, v2 `cgroup.procs`) the child writes "0" into first.
    const char *const *control_group_files;
    int control_group_file_count;
    const struct sockgrade_limit *limits;
    int limit_count;
    /// Nonzero: the child joins a new, empty session keyring.
    int new_session_keyring;
    /// Nonzero: the child's nice value becomes `niceness`.
    int lowers_priority;
    int niceness;
};

/// The step of `sockgrade_spawn`'s child that failed.
enum {
    SOCKGRADE_SPAWN_SIGNALS = 1,
    SOCKGRADE_SPAWN_PROCESS_GROUP,
    SOCKGRADE_SPAWN_DESCRIPTORS,
    SOCKGRADE_SPAWN_CONTROL_GROUP,
    SOCKGRADE_SPAWN_LIMITS,
    SOCKGRADE_SPAWN_KEYRING,
    SOCKGRADE_SPAWN_PRIORITY,
    SOCKGRADE_SPAWN_EXEC,
};

/// Starts `plan->path` in a process group of its own, with default signal
/// dispositions, nothing blocked, only descriptors 0-2 (and 3 when
/// inherited), in the listed cgroups, under the limits, with a new session
/// keyring and priority if asked (clone with CLONE_VM | CLONE_VFORK, then
/// only system calls until exec). Returns 0 and the child in `pid`, or an
/// errno with the child's failed step in `failed_step` (0: the clone itself).
int sockgrade_spawn(const struct sockgrade_spawn_plan *plan, pid_t *pid, int *failed_step, long long *control_group_nanoseconds);

/// memfd_create(2) with MFD_CLOEXEC: an anonymous file, for handing bytes
/// (a seccomp program) to a child on an inherited descriptor.
int sockgrade_memfd_cloexec(const char *name);

/// Empties the kernel keyrings of `uid` (`@u`, and `@us`, then links `@u`
/// into `@us` again), as that uid: root has no override on keyring
/// permissions. Runs in a child (clone with CLONE_VM | CLONE_VFORK: no page
/// tables copied) that makes only system calls and exits, so the grader's
/// own credentials never change. Returns 0, or
/// the errno of the failed step with that step (1 setgroups, 2 setresgid,
/// 3 setresuid, 4 clear @u, 5 clear @us, 6 link) in `failed_step`.
int sockgrade_clear_user_keyrings(uid_t uid, gid_t gid, int *failed_step);

/// Gives the calling thread a new, empty session keyring named `name`
/// (KEYCTL_JOIN_SESSION_KEYRING); its serial, or -1 with errno. The tests
/// stand in for an instructor's login session with it: children share the
/// thread's session keyring unless `sockgrade_spawn` gives them their own.
int sockgrade_join_new_session_keyring(const char *name);

/// A UDP socket bound to 127.0.0.1 in the calling thread's network
/// namespace, for `sockgrade_send_to_self`; -1 with errno on failure.
int sockgrade_loopback_datagram_socket(void);

/// Sends `length` bytes from `socket_fd` to its own address (no ICMP reply,
/// nothing else in the namespace can receive it); 0, or -1 with errno.
int sockgrade_send_to_self(int socket_fd, const void *bytes, size_t length);

#endif
