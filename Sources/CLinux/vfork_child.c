#define _GNU_SOURCE
#include "vfork_child.h"

#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <sys/mman.h>

pid_t sockgrade_vfork_child(int (*body)(void *), void *argument, size_t stack_size, int *error) {
    char *stack = mmap(NULL, stack_size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK, -1, 0);
    if (stack == MAP_FAILED) {
        *error = errno;
        return -1;
    }
    sigset_t all, before;
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &before);
    pid_t child = clone(body, stack + stack_size, CLONE_VM | CLONE_VFORK | SIGCHLD, argument);
    *error = errno;
    pthread_sigmask(SIG_SETMASK, &before, NULL);
    munmap(stack, stack_size);
    return child;
}
