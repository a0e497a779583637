// The grader's one way of starting a process. posix_spawn cannot place a
// child in a cgroup (v1), set its rlimits, give it a new session keyring or
// lower its priority, so every sandboxed program used to start as a shell
// that did those and then ran keyctl: two execs and a fork more per program,
// about 1.5 ms of CPU. Here the child does them with system calls between
// clone and exec, as glibc's posix_spawn does its file actions.
#define _GNU_SOURCE
#include "clinux.h"
#include "vfork_child.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/keyctl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

struct spawn_job {
    const struct sockgrade_spawn_plan *plan;
    int failed_step;
    int error;
    long long control_group_nanoseconds;
};

static long long monotonic_nanoseconds(void) {
    struct timespec now;
    syscall(SYS_clock_gettime, CLOCK_MONOTONIC, &now);
    return (long long)now.tv_sec * 1000000000LL + now.tv_nsec;
}

/* Puts `from` at number `to` without close-on-exec. dup2 onto itself would
   keep the flag, so that case clears it instead. */
static int place_descriptor(int from, int to) {
    if (from == to) {
        int flags = fcntl(from, F_GETFD);
        return flags < 0 ? -1 : fcntl(from, F_SETFD, flags & ~FD_CLOEXEC);
    }
    return dup2(from, to) < 0 ? -1 : 0;
}

static int place_descriptors(const struct sockgrade_spawn_plan *plan) {
    if (plan->stdin_fd < 0) {
        int null = open("/dev/null", O_RDONLY);
        if (null < 0) return -1;
        if (null != 0 && (dup2(null, 0) < 0 || close(null) != 0)) return -1;
    } else if (place_descriptor(plan->stdin_fd, 0) != 0) {
        return -1;
    }
    if (place_descriptor(plan->stdout_fd, 1) != 0 || place_descriptor(plan->stderr_fd, 2) != 0) return -1;
    int lowest = 3;
    if (plan->inherited_fd >= 0) {
        if (place_descriptor(plan->inherited_fd, 3) != 0) return -1;
        lowest = 4;
    }
    // No descriptor of the grader (a capture socket, a namespace) reaches
    // the program, even one a library opened without O_CLOEXEC.
    if (syscall(SYS_close_range, lowest, ~0U, 0) == 0) return 0;
    struct rlimit files;
    if (getrlimit(RLIMIT_NOFILE, &files) != 0) return -1;
    for (rlim_t fd = lowest; fd < files.rlim_cur && fd < 1 << 20; fd++) close((int)fd);
    return 0;
}

/* Writes "0" (the writing task) into each membership file. In a v1 `tasks`
   file that moves one thread without taking the global threadgroup lock,
   whose write side waits for an RCU grace period: 5-10 ms per program on the
   student's path, against 0.03 ms (measured on this kind of machine). The
   child is a single thread until it execs, so its thread is its process. */
static int join_control_groups(const struct sockgrade_spawn_plan *plan) {
    static const char current[] = "0\n";
    for (int index = 0; index < plan->control_group_file_count; index++) {
        int fd = open(plan->control_group_files[index], O_WRONLY | O_CLOEXEC);
        if (fd < 0) return -1;
        ssize_t written = write(fd, current, sizeof current - 1);
        int error = errno;
        close(fd);
        if (written != (ssize_t)(sizeof current - 1)) {
            errno = written < 0 ? error : EIO;
            return -1;
        }
    }
    return 0;
}

static int set_limits(const struct sockgrade_spawn_plan *plan) {
    for (int index = 0; index < plan->limit_count; index++) {
        struct rlimit limit = {plan->limits[index].soft, plan->limits[index].hard};
        if (setrlimit(plan->limits[index].resource, &limit) != 0) return -1;
    }
    return 0;
}

/* Runs in the child, which shares the grader's memory until it execs: only
   system calls, and every outcome goes into the job. */
static int spawn_child(void *argument) {
    struct spawn_job *job = argument;
    const struct sockgrade_spawn_plan *plan = job->plan;
    int step = SOCKGRADE_SPAWN_SIGNALS;
    // Dispositions the grader set (SIGPIPE ignored) would outlive exec.
    // All signals are still blocked, as the parent blocked them for the clone.
    // The raw call, because glibc's sigaction refuses its own signals (32
    // and 33), which the grader's runtime ignores.
    struct { void (*handler)(int); unsigned long flags; void (*restorer)(void); unsigned long mask; } standard = {SIG_DFL, 0, NULL, 0};
    for (int signal = 1; signal < _NSIG; signal++) {
        if (signal != SIGKILL && signal != SIGSTOP) syscall(SYS_rt_sigaction, signal, &standard, NULL, sizeof standard.mask);
    }
    if (setpgid(0, 0) != 0) { step = SOCKGRADE_SPAWN_PROCESS_GROUP; goto failed; }
    if (place_descriptors(plan) != 0) { step = SOCKGRADE_SPAWN_DESCRIPTORS; goto failed; }
    // Timed for the bench, which shows it as its own phase.
    if (plan->control_group_file_count > 0) {
        long long joining = monotonic_nanoseconds();
        if (join_control_groups(plan) != 0) { step = SOCKGRADE_SPAWN_CONTROL_GROUP; goto failed; }
        job->control_group_nanoseconds = monotonic_nanoseconds() - joining;
    }
    if (set_limits(plan) != 0) { step = SOCKGRADE_SPAWN_LIMITS; goto failed; }
    if (plan->new_session_keyring && syscall(SYS_keyctl, KEYCTL_JOIN_SESSION_KEYRING, NULL) < 0) {
        step = SOCKGRADE_SPAWN_KEYRING;
        goto failed;
    }
    if (plan->lowers_priority && setpriority(PRIO_PROCESS, 0, plan->niceness) != 0) {
        step = SOCKGRADE_SPAWN_PRIORITY;
        goto failed;
    }
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    execve(plan->path, plan->argv, plan->envp);
    step = SOCKGRADE_SPAWN_EXEC;
failed:
    job->error = errno;
    job->failed_step = step;
    _exit(127);
}

int sockgrade_spawn(const struct sockgrade_spawn_plan *plan, pid_t *pid, int *failed_step, long long *control_group_nanoseconds) {
    struct spawn_job job = {plan, 0, 0, 0};
    *failed_step = 0;
    // The kernel copies argv and envp at exec; this stack only runs spawn_child,
    // which resets the signals the helper blocked before it execs. The job is
    // filled in once the child has exec'd or exited.
    int clone_error = 0;
    pid_t child = sockgrade_vfork_child(spawn_child, &job, 256 * 1024, &clone_error);
    if (child < 0) return clone_error;
    if (job.failed_step != 0) {
        int status;
        while (waitpid(child, &status, 0) < 0 && errno == EINTR) {}
        *failed_step = job.failed_step;
        return job.error != 0 ? job.error : EIO;
    }
    *pid = child;
    *control_group_nanoseconds = job.control_group_nanoseconds;
    return 0;
}
