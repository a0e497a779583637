/* Dereferences NULL before listening. */
#include <stdio.h>

int main(void) {
    volatile int *nothing = 0;
    puts("about to listen");
    fflush(stdout);
    *nothing = 1;
    return 0;
}
