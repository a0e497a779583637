#ifndef SOCKGRADE_CLINUX_H
#define SOCKGRADE_CLINUX_H

#include <spawn.h>
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

/// posix_spawn_file_actions_addclosefrom_np: the child keeps only 0, 1 and 2,
/// so no descriptor of the grader (a capture socket, a namespace) leaks into
/// student code even when a library opened it without O_CLOEXEC.
int sockgrade_spawn_close_from(posix_spawn_file_actions_t *actions, int lowest);

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

/// A UDP socket bound to 127.0.0.1 in the calling thread's network
/// namespace, for `sockgrade_send_to_self`; -1 with errno on failure.
int sockgrade_loopback_datagram_socket(void);

/// Sends `length` bytes from `socket_fd` to its own address (no ICMP reply,
/// nothing else in the namespace can receive it); 0, or -1 with errno.
int sockgrade_send_to_self(int socket_fd, const void *bytes, size_t length);

#endif
