#ifndef SOCKGRADE_CSECCOMP_SHIM_H
#define SOCKGRADE_CSECCOMP_SHIM_H

// libseccomp (Debian libseccomp-dev) compiles the sandbox's syscall filter to
// the BPF program bubblewrap loads with --seccomp. The wrappers stand in for
// what Swift cannot call: the SCMP_ACT_* macros and the variadic rule_add.
#include <errno.h>
#include <stddef.h>
#include <seccomp.h>

/// SCMP_ACT_ALLOW: what every syscall not named in a rule does.
static inline uint32_t sockgrade_seccomp_allow(void) { return SCMP_ACT_ALLOW; }

/// Makes the syscall called `name` fail with `error` instead of running, on
/// every architecture in the filter. Returns 0 or a negative errno.
static inline int sockgrade_seccomp_fail(scmp_filter_ctx filter, const char *name, int error) {
    int number = seccomp_syscall_resolve_name(name);
    if (number == __NR_SCMP_ERROR) return -EINVAL;
    return seccomp_rule_add_array(filter, SCMP_ACT_ERRNO(error), number, 0, NULL);
}

/// Adds the 32-bit ABIs a 64-bit process can still call (x86 int 0x80 and x32
/// on x86-64, arm on aarch64), so a denied syscall cannot be reached through
/// them, while programs built for them keep working. Returns 0 or a negative errno.
static inline int sockgrade_seccomp_add_compat_arches(scmp_filter_ctx filter) {
    uint32_t compat[2] = {0, 0};
    switch (seccomp_arch_native()) {
    case SCMP_ARCH_X86_64: compat[0] = SCMP_ARCH_X86; compat[1] = SCMP_ARCH_X32; break;
    case SCMP_ARCH_AARCH64: compat[0] = SCMP_ARCH_ARM; break;
    default: break;
    }
    for (int i = 0; i < 2 && compat[i] != 0; i++) {
        int result = seccomp_arch_add(filter, compat[i]);
        if (result != 0 && result != -EEXIST) return result;
    }
    return 0;
}

#endif
