// sockgrade-drop-privileges UID GID -- PROGRAM [ARGUMENT...]
//
// Runs inside the sandbox, as root, after bubblewrap has built the mounts
// (root mode), and becomes the student's uid with nothing left over before
// it execs the program: no supplementary groups, no capabilities in any
// set (bounding, ambient, inheritable), and no_new_privs. It does what
// `setpriv --reuid=UID --regid=GID --clear-groups --inh-caps=-all
// --bounding-set=-all --no-new-privs --` did, which it replaces because
// setpriv spent about 2 ms of CPU per program loading libcap-ng and doing
// NSS and locale look-ups (380 system calls), twice per student. It is
// linked statically and makes no look-ups: a few system calls, then exec.
// The result is checked before the exec: any id or capability left is a
// failure, never a program run with more than it should have.
//
// The Makefile builds it with gcc -static beside each sockgrade binary. It
// is not a SwiftPM target because swiftc links any executable with the
// Swift runtime (swiftrt.o), which made it a 6.7 MB static program that
// starts the runtime in the sandbox as root, for 100 lines of C.
#define _GNU_SOURCE
#include <errno.h>
#include <grp.h>
#include <linux/capability.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

static void fail(const char *step) {
    fprintf(stderr, "sockgrade-drop-privileges: %s failed: %s\n", step, strerror(errno));
    exit(1);
}

static unsigned long number(const char *text, const char *what) {
    char *end = NULL;
    errno = 0;
    unsigned long value = strtoul(text, &end, 10);
    if (errno != 0 || end == text || *end != '\0' || value == 0 || value > 0x7fffffffUL) {
        fprintf(stderr, "sockgrade-drop-privileges: %s '%s' is not a positive number\n", what, text);
        exit(1);
    }
    return value;
}

static int capabilities(struct __user_cap_data_struct data[2]) {
    struct __user_cap_header_struct header = {_LINUX_CAPABILITY_VERSION_3, 0};
    return (int)syscall(SYS_capget, &header, data);
}

int main(int argc, char **argv) {
    if (argc < 5 || strcmp(argv[3], "--") != 0) {
        fprintf(stderr, "usage: sockgrade-drop-privileges UID GID -- PROGRAM [ARGUMENT...]\n");
        return 1;
    }
    uid_t uid = (uid_t)number(argv[1], "uid");
    gid_t gid = (gid_t)number(argv[2], "gid");

    if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) fail("setting no_new_privs");
    // The bounding set needs CAP_SETPCAP, so it goes while still root; the
    // kernel's last capability is wherever PR_CAPBSET_DROP says EINVAL.
    for (int cap = 0;; cap++) {
        if (prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) == 0) continue;
        if (errno == EINVAL && cap > CAP_LAST_CAP / 2) break;
        fail("dropping the bounding set");
    }
    if (prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0) != 0) fail("clearing the ambient set");
    struct __user_cap_data_struct data[2];
    if (capabilities(data) != 0) fail("reading the capabilities");
    data[0].inheritable = data[1].inheritable = 0;
    struct __user_cap_header_struct header = {_LINUX_CAPABILITY_VERSION_3, 0};
    if (syscall(SYS_capset, &header, data) != 0) fail("clearing the inheritable set");
    if (setgroups(0, NULL) != 0) fail("clearing the supplementary groups");
    if (setresgid(gid, gid, gid) != 0) fail("setting the gid");
    // From root to a uid that is not root, with SECBIT_KEEP_CAPS unset: the
    // kernel empties the permitted and effective sets.
    if (setresuid(uid, uid, uid) != 0) fail("setting the uid");

    uid_t ruid, euid, suid;
    gid_t rgid, egid, sgid;
    if (getresuid(&ruid, &euid, &suid) != 0 || getresgid(&rgid, &egid, &sgid) != 0) fail("reading the ids");
    if (ruid != uid || euid != uid || suid != uid || rgid != gid || egid != gid || sgid != gid
        || getgroups(0, NULL) != 0) {
        errno = EPERM;
        fail("checking the ids");
    }
    if (capabilities(data) != 0) fail("reading the capabilities");
    for (int i = 0; i < 2; i++) {
        if (data[i].effective || data[i].permitted || data[i].inheritable) {
            errno = EPERM;
            fail("checking that no capability is left");
        }
    }
    if (prctl(PR_CAPBSET_READ, CAP_SYS_ADMIN, 0, 0, 0) != 0) {
        errno = EPERM;
        fail("checking the bounding set");
    }
    execvp(argv[4], &argv[4]);
    int problem = errno;
    fprintf(stderr, "sockgrade-drop-privileges: cannot run %s: %s\n", argv[4], strerror(problem));
    return problem == ENOENT ? 127 : 126;
}
