/*
 * validate: run one kyoten operation on one JSON file and print the report.
 *
 *   validate OPERATION FILE        e.g.  validate plan.validate plan.json
 *   validate --list                prints the operations (JSON)
 *
 * Exit status: 0 the report is valid; 1 the document has error findings; 2 the call could
 * not run (see the status and the report); 3 usage or I/O error.
 *
 * Copy this file freely: it shows the whole ownership story of the kyoten C ABI.
 *   - inputs are borrowed (pointer + length), the library keeps nothing;
 *   - every char* the library hands back through out_json is yours: release it with
 *     kyoten_free(&ptr), which also sets ptr to NULL;
 *   - kyoten_version() and kyoten_status_name() return static strings: never free them.
 *
 * Build (after `cargo build -p kyoten-ffi --release`, from the repository root):
 *   cc -std=c99 -Iffi/include ffi/examples/validate.c -Ltarget/release -lkyoten -o validate
 * or with the installed package:  cc validate.c $(pkg-config --cflags --libs kyoten)
 */
#include "kyoten.h"

#include <stdio.h>
#include <stdlib.h>

/* Reads a whole file into a malloc'd buffer (the caller frees it). */
static unsigned char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    unsigned char *buf = NULL;
    size_t cap = 0, n = 0;
    if (f == NULL) {
        return NULL;
    }
    for (;;) {
        size_t got;
        if (n == cap) {
            size_t new_cap = cap == 0 ? 4096 : cap * 2;
            unsigned char *bigger = realloc(buf, new_cap);
            if (bigger == NULL) {
                free(buf);
                fclose(f);
                return NULL;
            }
            buf = bigger;
            cap = new_cap;
        }
        got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0) {
            break;
        }
    }
    if (ferror(f)) {
        free(buf);
        fclose(f);
        return NULL;
    }
    fclose(f);
    *len = n;
    return buf;
}

int main(int argc, char **argv)
{
    char *report = NULL; /* owned by us once a call returns; released with kyoten_free */
    size_t report_len = 0;
    bool valid = false;
    unsigned char *input;
    size_t input_len = 0;
    KyotenStatus status;

    /* The header and the library must agree on the ABI. */
    if (kyoten_abi_version() != KYOTEN_ABI_VERSION) {
        fprintf(stderr, "kyoten ABI %u, header ABI %d\n", (unsigned)kyoten_abi_version(),
                (int)KYOTEN_ABI_VERSION);
        return 3;
    }

    if (argc == 2 && argv[1][0] == '-' && argv[1][1] == '-' && argv[1][2] == 'l') {
        status = kyoten_operations(&report, &report_len);
        if (status == KYOTEN_STATUS_OK) {
            printf("%s\n", report);
        }
        kyoten_free(&report);
        return status == KYOTEN_STATUS_OK ? 0 : 2;
    }
    if (argc != 3) {
        fprintf(stderr, "usage: %s OPERATION FILE | --list   (kyoten %s)\n", argv[0],
                kyoten_version());
        return 3;
    }

    input = read_all(argv[2], &input_len);
    if (input == NULL) {
        fprintf(stderr, "cannot read %s\n", argv[2]);
        return 3;
    }

    status = kyoten_run(argv[1], input, input_len, &report, &report_len, &valid);
    free(input); /* the library kept nothing: the input can go right away */

    /* Whatever the status, `report` is a JSON report (it says why a call failed). */
    if (report != NULL) {
        fwrite(report, 1, report_len, stdout);
        fputc('\n', stdout);
    }
    kyoten_free(&report); /* report == NULL now; a second kyoten_free(&report) is harmless */

    if (status != KYOTEN_STATUS_OK) {
        fprintf(stderr, "kyoten: %s\n", kyoten_status_name((int32_t)status));
        return 2;
    }
    return valid ? 0 : 1;
}
