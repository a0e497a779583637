// Internal to CLinux: the one way its C code runs a function in a child that
// shares the grader's memory (spawn.c's exec, clinux.c's keyring clearing).
#pragma once
#include <stddef.h>
#include <sys/types.h>

/// Runs `body(argument)` in a child made by clone(CLONE_VM | CLONE_VFORK)
/// on a stack of its own, with every signal blocked so that no handler of
/// the grader runs in it; returns once the child has exec'd or exited, with
/// its pid, or -1 with the clone's errno in `*error`. No page tables are
/// copied, so the body may make raw system calls only, and it reports back
/// through `argument`.
pid_t sockgrade_vfork_child(int (*body)(void *), void *argument, size_t stack_size, int *error);
