// _GNU_SOURCE exposes setns/unshare/CLONE_NEWNET, which the Glibc overlay hides.
#define _GNU_SOURCE
#include "clinux.h"

#include <net/if.h>
#include <sched.h>
#include <fcntl.h>
#include <spawn.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <errno.h>
#include <linux/keyctl.h>
#include <sys/wait.h>

int sockgrade_unshare_network(void) {
    return unshare(CLONE_NEWNET);
}

int sockgrade_join_network(int namespace_fd) {
    return setns(namespace_fd, CLONE_NEWNET);
}

int sockgrade_loopback_up(void) {
    int sock = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (sock < 0) return -1;
    struct ifreq request;
    memset(&request, 0, sizeof request);
    strncpy(request.ifr_name, "lo", IFNAMSIZ - 1);
    int result = ioctl(sock, SIOCGIFFLAGS, &request);
    if (result == 0) {
        request.ifr_flags |= IFF_UP | IFF_RUNNING;
        result = ioctl(sock, SIOCSIFFLAGS, &request);
    }
    close(sock);
    return result;
}

int sockgrade_pidfd_open(pid_t pid) {
    return (int)syscall(SYS_pidfd_open, pid, 0);
}

pid_t sockgrade_gettid(void) {
    return (pid_t)syscall(SYS_gettid);
}

int sockgrade_spawn_close_from(posix_spawn_file_actions_t *actions, int lowest) {
    return posix_spawn_file_actions_addclosefrom_np(actions, lowest);
}

int sockgrade_pipe_cloexec(int ends[2]) {
    return pipe2(ends, O_CLOEXEC);
}

int sockgrade_memfd_cloexec(const char *name) {
    return memfd_create(name, MFD_CLOEXEC);
}

int sockgrade_clear_user_keyrings(uid_t uid, gid_t gid, int *failed_step) {
    int report[2];
    if (pipe2(report, O_CLOEXEC) != 0) return errno;
    pid_t child = _Fork();
    if (child < 0) {
        int error = errno;
        close(report[0]);
        close(report[1]);
        return error;
    }
    if (child == 0) {
        // Raw system calls only: glibc's setresuid would signal threads the child does not have.
        int failure[2] = {0, 0};
        if (syscall(SYS_setgroups, 0, NULL) != 0) failure[0] = 1;
        else if (syscall(SYS_setresgid, gid, gid, gid) != 0) failure[0] = 2;
        else if (syscall(SYS_setresuid, uid, uid, uid) != 0) failure[0] = 3;
        else if (syscall(SYS_keyctl, KEYCTL_CLEAR, KEY_SPEC_USER_KEYRING) != 0) failure[0] = 4;
        else if (syscall(SYS_keyctl, KEYCTL_CLEAR, KEY_SPEC_USER_SESSION_KEYRING) != 0) failure[0] = 5;
        else if (syscall(SYS_keyctl, KEYCTL_LINK, KEY_SPEC_USER_KEYRING, KEY_SPEC_USER_SESSION_KEYRING) != 0) failure[0] = 6;
        if (failure[0] != 0) {
            failure[1] = errno;
            (void)!write(report[1], failure, sizeof failure);
        }
        _exit(failure[0] == 0 ? 0 : 1);
    }
    close(report[1]);
    int status = 0;
    while (waitpid(child, &status, 0) < 0 && errno == EINTR) {}
    int failure[2] = {0, 0};
    ssize_t count;
    do { count = read(report[0], failure, sizeof failure); } while (count < 0 && errno == EINTR);
    close(report[0]);
    if (count == (ssize_t)sizeof failure && failure[0] != 0) {
        *failed_step = failure[0];
        return failure[1] != 0 ? failure[1] : EIO;
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        *failed_step = 0;
        return ECHILD;
    }
    return 0;
}
