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
