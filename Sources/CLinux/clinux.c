// _GNU_SOURCE exposes setns/unshare/CLONE_NEWNET, which the Glibc overlay hides.
#define _GNU_SOURCE
#include "clinux.h"
#include "vfork_child.h"

#include <net/if.h>
#include <netinet/in.h>
#include <sched.h>
#include <fcntl.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <errno.h>
#include <linux/keyctl.h>
#include <sys/wait.h>
#include <sys/prctl.h>
#include <stdlib.h>

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

int sockgrade_loopback_datagram_socket(void) {
    int sock = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (sock < 0) return -1;
    struct sockaddr_in address;
    memset(&address, 0, sizeof address);
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(sock, (struct sockaddr *)&address, sizeof address) != 0) {
        int error = errno;
        close(sock);
        errno = error;
        return -1;
    }
    return sock;
}

int sockgrade_send_to_self(int socket_fd, const void *bytes, size_t length) {
    struct sockaddr_in self;
    socklen_t size = sizeof self;
    if (getsockname(socket_fd, (struct sockaddr *)&self, &size) != 0) return -1;
    return sendto(socket_fd, bytes, length, 0, (struct sockaddr *)&self, size) == (ssize_t)length ? 0 : -1;
}

int sockgrade_pidfd_open(pid_t pid) {
    return (int)syscall(SYS_pidfd_open, pid, 0);
}

pid_t sockgrade_gettid(void) {
    return (pid_t)syscall(SYS_gettid);
}

int sockgrade_pipe_cloexec(int ends[2]) {
    return pipe2(ends, O_CLOEXEC);
}

int sockgrade_memfd_cloexec(const char *name) {
    return memfd_create(name, MFD_CLOEXEC);
}

int sockgrade_join_new_session_keyring(const char *name) {
    return (int)syscall(SYS_keyctl, KEYCTL_JOIN_SESSION_KEYRING, name);
}

struct keyring_job {
    uid_t uid;
    gid_t gid;
    int failed_step;
    int error;
};

/* The child of sockgrade_clear_user_keyrings: shares the grader's memory
   (CLONE_VM) but has credentials of its own, so only raw system calls, and
   the outcome is written into the job. */
static int clear_keyrings_child(void *argument) {
    struct keyring_job *job = argument;
    int step = 0;
    if (syscall(SYS_setgroups, 0, NULL) != 0) step = 1;
    else if (syscall(SYS_setresgid, job->gid, job->gid, job->gid) != 0) step = 2;
    else if (syscall(SYS_setresuid, job->uid, job->uid, job->uid) != 0) step = 3;
    else if (syscall(SYS_keyctl, KEYCTL_CLEAR, KEY_SPEC_USER_KEYRING) != 0) step = 4;
    else if (syscall(SYS_keyctl, KEYCTL_CLEAR, KEY_SPEC_USER_SESSION_KEYRING) != 0) step = 5;
    else if (syscall(SYS_keyctl, KEYCTL_LINK, KEY_SPEC_USER_KEYRING, KEY_SPEC_USER_SESSION_KEYRING) != 0) step = 6;
    job->failed_step = step;
    job->error = step != 0 ? errno : 0;
    return step;
}

int sockgrade_clear_user_keyrings(uid_t uid, gid_t gid, int *failed_step) {
    struct keyring_job job = {uid, gid, 0, 0};
    // The child's uid change marks the shared memory not dumpable; put back what it was.
    int dumpable = prctl(PR_GET_DUMPABLE);
    int clone_error = 0;
    pid_t child = sockgrade_vfork_child(clear_keyrings_child, &job, 64 * 1024, &clone_error);
    int status = 0;
    if (child > 0) {
        while (waitpid(child, &status, 0) < 0 && errno == EINTR) {}
    }
    if (dumpable >= 0) prctl(PR_SET_DUMPABLE, dumpable);
    if (child < 0) return clone_error;
    if (job.failed_step != 0) {
        *failed_step = job.failed_step;
        return job.error != 0 ? job.error : EIO;
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        *failed_step = 0;
        return ECHILD;
    }
    return 0;
}
