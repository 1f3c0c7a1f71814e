/*
 * C tests of the kyoten C ABI. Built and run by ffi/test-c.sh (gcc and clang, static and
 * shared, under valgrind and with -fsanitize=address,undefined).
 *
 * Usage: test_kyoten EXAMPLES_DIR [FIXTURES_DIR]
 *   EXAMPLES_DIR is schemas/examples/: every operation runs on every example whose file
 *   name is <input_stem>.<label>.json, and must answer OK with a valid report.
 *   FIXTURES_DIR is core/tests/fuzz-crashers/: every `ops_json-*` fixture (a selector
 *   byte, then the input) runs through every operation and must get a well-formed answer;
 *   its sibling core/tests/hostile-inputs.tsv is the hostile-input table (SECURITY.md).
 *
 * Define KYOTEN_TESTING when the library was built with the `testing` feature, which adds
 * kyoten_testing_panic() (not in the header) to check KYOTEN_STATUS_INTERNAL.
 *
 * Closing line: "N passed, M failed" (test cases); exit status 0 iff M == 0.
 */
#define _POSIX_C_SOURCE 200809L

#include "kyoten.h"

#include <dirent.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifdef KYOTEN_TESTING
enum KyotenStatus kyoten_testing_panic(char **out_json, size_t *out_len);
#endif

/* ---------------------------------------------------------------- tiny harness */

static int g_case_failures;
static int g_passed;
static int g_failed;

#define CHECK(cond)                                                                      \
    do {                                                                                 \
        if (!(cond)) {                                                                   \
            fprintf(stderr, "  %s:%d: check failed: %s\n", __FILE__, __LINE__, #cond);   \
            g_case_failures++;                                                           \
        }                                                                                \
    } while (0)

#define CHECK_STATUS(got, want)                                                          \
    do {                                                                                 \
        int got_ = (int)(got), want_ = (int)(want);                                      \
        if (got_ != want_) {                                                             \
            fprintf(stderr, "  %s:%d: status %s (%d), expected %s (%d)\n", __FILE__,     \
                    __LINE__, kyoten_status_name(got_), got_, kyoten_status_name(want_), \
                    want_);                                                              \
            g_case_failures++;                                                           \
        }                                                                                \
    } while (0)

static void run_case(const char *name, void (*fn)(void))
{
    g_case_failures = 0;
    fn();
    if (g_case_failures == 0) {
        g_passed++;
        printf("ok   %s\n", name);
    } else {
        g_failed++;
        printf("FAIL %s (%d checks)\n", name, g_case_failures);
    }
}

#define RUN(fn) run_case(#fn, fn)

/* ---------------------------------------------------------------- helpers */

static const char *g_examples_dir = NULL;
static const char *g_fixtures_dir = NULL;

/* The operations, read from kyoten_operations(). */
#define MAX_OPS 256
#define MAX_NAME 128
static char g_op_names[MAX_OPS][MAX_NAME];
static char g_op_stems[MAX_OPS][MAX_NAME];
static size_t g_op_count = 0;

/* Example documents. */
#define MAX_EXAMPLES 512
typedef struct {
    char stem[MAX_NAME];
    char path[1024];
    char *bytes;
    size_t len;
} Example;
static Example g_examples[MAX_EXAMPLES];
static size_t g_example_count = 0;

static int contains(const char *hay, const char *needle)
{
    return hay != NULL && strstr(hay, needle) != NULL;
}

/* Copies the JSON string value after `key` (e.g. "\"name\":\"") starting at `from` into
 * `out`; returns a pointer past the value, or NULL. Enough for the library's own compact
 * output, whose keys and operation names contain no escapes. */
static const char *string_after(const char *from, const char *key, char *out, size_t cap)
{
    const char *at = strstr(from, key);
    size_t n = 0;
    if (at == NULL) {
        return NULL;
    }
    at += strlen(key);
    while (at[n] != '\0' && at[n] != '"') {
        n++;
    }
    if (at[n] != '"' || n + 1 > cap) {
        return NULL;
    }
    memcpy(out, at, n);
    out[n] = '\0';
    return at + n + 1;
}

static int load_operations(void)
{
    char *json = NULL;
    size_t len = 0;
    const char *p;
    if (kyoten_operations(&json, &len) != KYOTEN_STATUS_OK || json == NULL) {
        return -1;
    }
    p = json;
    g_op_count = 0;
    while (g_op_count < MAX_OPS) {
        const char *next = string_after(p, "{\"name\":\"", g_op_names[g_op_count], MAX_NAME);
        if (next == NULL) {
            break;
        }
        next = string_after(next, "\"input_stem\":\"", g_op_stems[g_op_count], MAX_NAME);
        if (next == NULL) {
            break;
        }
        p = next;
        g_op_count++;
    }
    kyoten_free(&json);
    return 0;
}

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf;
    long size;
    if (f == NULL) {
        return NULL;
    }
    if (fseek(f, 0, SEEK_END) != 0 || (size = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0) {
        fclose(f);
        return NULL;
    }
    buf = malloc((size_t)size + 1);
    if (buf == NULL) {
        fclose(f);
        return NULL;
    }
    if (fread(buf, 1, (size_t)size, f) != (size_t)size) {
        free(buf);
        fclose(f);
        return NULL;
    }
    buf[size] = '\0';
    *len = (size_t)size;
    fclose(f);
    return buf;
}

static int compare_examples(const void *a, const void *b)
{
    return strcmp(((const Example *)a)->path, ((const Example *)b)->path);
}

/* Loads <stem>.<label>.json files; a missing directory means no examples yet. */
static void load_examples(void)
{
    DIR *dir;
    struct dirent *entry;
    if (g_examples_dir == NULL || (dir = opendir(g_examples_dir)) == NULL) {
        return;
    }
    while ((entry = readdir(dir)) != NULL && g_example_count < MAX_EXAMPLES) {
        const char *name = entry->d_name;
        size_t n = strlen(name);
        const char *dot;
        Example *ex = &g_examples[g_example_count];
        if (n < 6 || strcmp(name + n - 5, ".json") != 0) {
            continue;
        }
        dot = strchr(name, '.');
        if (dot == NULL || dot == name + n - 5 || (size_t)(dot - name) >= MAX_NAME) {
            continue; /* no label: not an example */
        }
        memcpy(ex->stem, name, (size_t)(dot - name));
        ex->stem[dot - name] = '\0';
        if (snprintf(ex->path, sizeof ex->path, "%s/%s", g_examples_dir, name) >=
            (int)sizeof ex->path) {
            continue;
        }
        ex->bytes = read_file(ex->path, &ex->len);
        if (ex->bytes != NULL) {
            g_example_count++;
        }
    }
    closedir(dir);
    qsort(g_examples, g_example_count, sizeof g_examples[0], compare_examples);
}

static void free_examples(void)
{
    size_t i;
    for (i = 0; i < g_example_count; i++) {
        free(g_examples[i].bytes);
        g_examples[i].bytes = NULL;
    }
}

static int has_operation(const char *name)
{
    size_t i;
    for (i = 0; i < g_op_count; i++) {
        if (strcmp(g_op_names[i], name) == 0) {
            return 1;
        }
    }
    return 0;
}

/* Runs `op` on a C string; checks the invariants every answer must keep; returns the
 * status and hands the JSON to the caller (free it with kyoten_free). */
static KyotenStatus run_text(const char *op, const char *text, char **json, bool *valid)
{
    size_t len = 12345;
    KyotenStatus st;
    *json = NULL;
    *valid = true;
    st = kyoten_run(op, (const uint8_t *)text, strlen(text), json, &len, valid);
    CHECK(*json != NULL);
    if (*json != NULL) {
        CHECK(len == strlen(*json));
        CHECK((*json)[0] == '{');
        /* out_valid agrees with the report, and is false whenever the call failed. */
        CHECK(*valid == (st == KYOTEN_STATUS_OK && contains(*json, "\"valid\":true")));
    }
    return st;
}

/* Expects `status` and a report holding `code`. */
static void expect(const char *op, const char *text, KyotenStatus status, const char *code)
{
    char *json = NULL;
    bool valid = true;
    KyotenStatus st = run_text(op, text, &json, &valid);
    CHECK_STATUS(st, status);
    if (code != NULL && !contains(json, code)) {
        fprintf(stderr, "  report lacks %s: %s\n", code, json ? json : "(null)");
        g_case_failures++;
    }
    if (status != KYOTEN_STATUS_OK) {
        CHECK(!valid);
        CHECK(contains(json, "\"valid\":false"));
    }
    kyoten_free(&json);
    CHECK(json == NULL);
}

/* ---------------------------------------------------------------- test cases */

static void test_versions(void)
{
    const char *v = kyoten_version();
    char *json = NULL;
    char needle[64];
    size_t i;
    CHECK(kyoten_abi_version() == KYOTEN_ABI_VERSION);
    CHECK(v != NULL && strlen(v) >= 5);
    for (i = 0; v != NULL && v[i] != '\0'; i++) {
        CHECK((v[i] >= '0' && v[i] <= '9') || v[i] == '.' || v[i] == '-' ||
              (v[i] >= 'a' && v[i] <= 'z'));
    }
    CHECK(kyoten_operations(&json, NULL) == KYOTEN_STATUS_OK);
    snprintf(needle, sizeof needle, "\"version\":\"%s\"", v ? v : "");
    CHECK(contains(json, needle));
    snprintf(needle, sizeof needle, "\"abi_version\":%d", (int)KYOTEN_ABI_VERSION);
    CHECK(contains(json, needle));
    kyoten_free(&json);
}

static void test_operation_list(void)
{
    size_t i, j;
    CHECK(g_op_count >= 1);
    CHECK(has_operation("tasks.list"));
    for (i = 0; i < g_op_count; i++) {
        CHECK(strchr(g_op_names[i], '.') != NULL);
        CHECK(g_op_stems[i][0] != '\0');
        for (j = i + 1; j < g_op_count; j++) {
            CHECK(strcmp(g_op_names[i], g_op_names[j]) != 0);
        }
    }
    printf("     %zu operations, %zu example documents\n", g_op_count, g_example_count);
}

/* Every operation on every example document of its input type: the operation runs
 * (status OK) and, as CONTRIBUTING.md requires of every example, the report has no error
 * finding (out_valid true, matching the report's "valid").
 * Every operation on "{}": it ran or said why the shape is wrong, with its own name. */
static void test_every_operation(void)
{
    size_t i, j, runs = 0, invalid = 0;
    for (i = 0; i < g_op_count; i++) {
        char *json = NULL;
        bool valid;
        char needle[MAX_NAME + 32];
        KyotenStatus st = run_text(g_op_names[i], "{}", &json, &valid);
        CHECK(st == KYOTEN_STATUS_OK || st == KYOTEN_STATUS_INVALID_SHAPE);
        snprintf(needle, sizeof needle, "\"operation\":\"%s\"", g_op_names[i]);
        CHECK(contains(json, needle));
        kyoten_free(&json);
        for (j = 0; j < g_example_count; j++) {
            size_t len = 0;
            if (strcmp(g_examples[j].stem, g_op_stems[i]) != 0) {
                continue;
            }
            valid = !valid;
            st = kyoten_run(g_op_names[i], (const uint8_t *)g_examples[j].bytes,
                            g_examples[j].len, &json, &len, &valid);
            runs++;
            if (st != KYOTEN_STATUS_OK) {
                fprintf(stderr, "  %s on %s: %s: %s\n", g_op_names[i], g_examples[j].path,
                        kyoten_status_name((int)st), json ? json : "(null)");
                g_case_failures++;
            }
            CHECK(json != NULL && len == strlen(json));
            CHECK(contains(json, needle));
            CHECK(valid == contains(json, "\"valid\":true"));
            CHECK(valid == contains(json, "\"errors\":0,"));
            if (!valid) {
                invalid++;
                fprintf(stderr, "  %s on %s: the report has error findings: %s\n",
                        g_op_names[i], g_examples[j].path, json ? json : "(null)");
                g_case_failures++;
            }
            kyoten_free(&json);
        }
    }
    printf("     %zu example runs (%zu with error findings)\n", runs, invalid);
}

/* Every input a fuzzer ever found troublesome, through every operation, from C. */
static void test_fuzz_fixtures(void)
{
    DIR *dir;
    struct dirent *entry;
    size_t files = 0, runs = 0;
    if (g_fixtures_dir == NULL || (dir = opendir(g_fixtures_dir)) == NULL) {
        printf("     (no fixture directory)\n");
        return;
    }
    while ((entry = readdir(dir)) != NULL) {
        char path[1024];
        char *bytes;
        size_t len = 0, i;
        if (strncmp(entry->d_name, "ops_json-", 9) != 0 ||
            snprintf(path, sizeof path, "%s/%s", g_fixtures_dir, entry->d_name) >=
                (int)sizeof path) {
            continue;
        }
        bytes = read_file(path, &len);
        CHECK(bytes != NULL);
        if (bytes == NULL || len == 0) {
            free(bytes);
            continue;
        }
        files++;
        for (i = 0; i < g_op_count; i++) {
            char *json = NULL;
            bool valid = true;
            char needle[MAX_NAME + 32];
            /* The first byte selects an operation in the fuzz target; skip it. */
            KyotenStatus st = kyoten_run(g_op_names[i], (const uint8_t *)bytes + 1, len - 1,
                                         &json, NULL, &valid);
            runs++;
            CHECK(st == KYOTEN_STATUS_OK || st == KYOTEN_STATUS_NOT_UTF8 ||
                  st == KYOTEN_STATUS_NOT_JSON || st == KYOTEN_STATUS_INVALID_SHAPE);
            snprintf(needle, sizeof needle, "\"operation\":\"%s\"", g_op_names[i]);
            CHECK(contains(json, needle));
            CHECK(valid == (st == KYOTEN_STATUS_OK && contains(json, "\"valid\":true")));
            kyoten_free(&json);
        }
        free(bytes);
    }
    closedir(dir);
    printf("     %zu fixtures, %zu runs\n", files, runs);
}

static void test_schemas(void)
{
    size_t i;
    for (i = 0; i < g_op_count; i++) {
        char *json = NULL;
        size_t len = 0;
        CHECK_STATUS(kyoten_input_schema(g_op_names[i], &json, &len), KYOTEN_STATUS_OK);
        CHECK(json != NULL && len == strlen(json) && json[0] == '{');
        CHECK(contains(json, "https://json-schema.org/draft/2020-12/schema"));
        kyoten_free(&json);
        CHECK_STATUS(kyoten_output_schema(g_op_names[i], &json, NULL), KYOTEN_STATUS_OK);
        CHECK(contains(json, "\"findings\""));
        CHECK(contains(json, "https://json-schema.org/draft/2020-12/schema"));
        kyoten_free(&json);
    }
}

static void test_status_ok(void)
{
    expect("tasks.list", "{}", KYOTEN_STATUS_OK, "\"valid\":true");
    expect("tasks.list", "{\"$schema\":\"../tasks-query.schema.json\"}", KYOTEN_STATUS_OK,
           "\"result\":{\"tasks\":[");
    /* Optional out-parameters may be NULL. */
    {
        char *json = NULL;
        CHECK_STATUS(kyoten_run("tasks.list", (const uint8_t *)"{}", 2, &json, NULL, NULL),
                     KYOTEN_STATUS_OK);
        CHECK(json != NULL);
        kyoten_free(&json);
    }
}

static void test_status_null_argument(void)
{
    char *json = NULL;
    size_t len = 99;
    bool valid = true;
    /* out_json NULL: nothing can be returned; optional outs are cleared. */
    CHECK_STATUS(kyoten_run("tasks.list", (const uint8_t *)"{}", 2, NULL, &len, &valid),
                 KYOTEN_STATUS_NULL_ARGUMENT);
    CHECK(len == 0 && !valid);
    /* operation NULL: a report says which argument. */
    CHECK_STATUS(kyoten_run(NULL, (const uint8_t *)"{}", 2, &json, &len, &valid),
                 KYOTEN_STATUS_NULL_ARGUMENT);
    CHECK(contains(json, "abi.null_argument") && contains(json, "operation"));
    CHECK(!valid && len == strlen(json));
    kyoten_free(&json);
    /* input NULL with a length. */
    CHECK_STATUS(kyoten_run("tasks.list", NULL, 5, &json, &len, &valid),
                 KYOTEN_STATUS_NULL_ARGUMENT);
    CHECK(contains(json, "abi.null_argument") && contains(json, "input"));
    CHECK(contains(json, "\"operation\":\"tasks.list\""));
    kyoten_free(&json);
    /* The other entry points. */
    CHECK_STATUS(kyoten_run_with_limit(NULL, (const uint8_t *)"{}", 2, 10, &json, NULL, NULL),
                 KYOTEN_STATUS_NULL_ARGUMENT);
    kyoten_free(&json);
    CHECK_STATUS(kyoten_operations(NULL, &len), KYOTEN_STATUS_NULL_ARGUMENT);
    CHECK(len == 0);
    CHECK_STATUS(kyoten_input_schema("tasks.list", NULL, NULL), KYOTEN_STATUS_NULL_ARGUMENT);
    CHECK_STATUS(kyoten_output_schema(NULL, &json, NULL), KYOTEN_STATUS_NULL_ARGUMENT);
    CHECK(contains(json, "abi.null_argument"));
    kyoten_free(&json);
    CHECK_STATUS(kyoten_input_schema(NULL, &json, NULL), KYOTEN_STATUS_NULL_ARGUMENT);
    kyoten_free(&json);
    CHECK_STATUS(kyoten_plan_validate((const uint8_t *)"{}", 2, NULL, NULL, NULL),
                 KYOTEN_STATUS_NULL_ARGUMENT);
    CHECK_STATUS(kyoten_summary_validate((const uint8_t *)"{}", 2, NULL, NULL, NULL),
                 KYOTEN_STATUS_NULL_ARGUMENT);
}

static void test_status_not_utf8(void)
{
    static const uint8_t bad[] = {'{', '"', 0xff, 0xfe, '"', ':', '1', '}'};
    static const uint8_t lone_surrogate[] = {'{', '"', 0xed, 0xa0, 0x80, '"', ':', '1', '}'};
    char *json = NULL;
    bool valid = true;
    CHECK_STATUS(kyoten_run("tasks.list", bad, sizeof bad, &json, NULL, &valid),
                 KYOTEN_STATUS_NOT_UTF8);
    CHECK(contains(json, "input.not_utf8") && !valid);
    kyoten_free(&json);
    CHECK_STATUS(kyoten_run("tasks.list", lone_surrogate, sizeof lone_surrogate, &json, NULL,
                            &valid),
                 KYOTEN_STATUS_NOT_UTF8);
    kyoten_free(&json);
}

/* Counts the occurrences of `needle` in `hay`. */
static size_t count_of(const char *hay, const char *needle)
{
    size_t n = 0;
    const char *p = hay;
    while (p != NULL && (p = strstr(p, needle)) != NULL) {
        n++;
        p += strlen(needle);
    }
    return n;
}

static void test_status_not_json(void)
{
    size_t depth = 100000;
    char *deep = malloc(depth + 16);
    expect("tasks.list", "{", KYOTEN_STATUS_NOT_JSON, "input.not_json");
    expect("tasks.list", "{} trailing", KYOTEN_STATUS_NOT_JSON, "input.not_json");
    expect("tasks.list", "{\"$schema\":\"unterminated}", KYOTEN_STATUS_NOT_JSON,
           "input.not_json");
    expect("tasks.list", "{\"$schema\":1e400}", KYOTEN_STATUS_NOT_JSON,
           "input.number_out_of_range");
    /* Deep nesting never overflows the stack: refused as not JSON (too deep) or as the
     * wrong shape, whichever the reader meets first. */
    CHECK(deep != NULL);
    if (deep != NULL) {
        char *json = NULL;
        bool valid = true;
        KyotenStatus st;
        memcpy(deep, "{\"$schema\":", 11);
        memset(deep + 11, '[', depth);
        deep[11 + depth] = '\0';
        st = run_text("tasks.list", deep, &json, &valid);
        CHECK(st == KYOTEN_STATUS_NOT_JSON || st == KYOTEN_STATUS_INVALID_SHAPE);
        kyoten_free(&json);
        memset(deep, '[', depth);
        deep[depth] = '\0';
        st = run_text("tasks.list", deep, &json, &valid);
        CHECK(st == KYOTEN_STATUS_NOT_JSON || st == KYOTEN_STATUS_INVALID_SHAPE);
        kyoten_free(&json);
        free(deep);
    }
}

static void test_zero_length(void)
{
    char *json = NULL;
    bool valid = true;
    const uint8_t some[1] = {'{'};
    /* A non-NULL pointer with length 0 is the empty document: not JSON. */
    CHECK_STATUS(kyoten_run("tasks.list", some, 0, &json, NULL, &valid),
                 KYOTEN_STATUS_NOT_JSON);
    CHECK(contains(json, "input.not_json") && !valid);
    kyoten_free(&json);
    /* (NULL, 0) is the empty document too, not a NULL argument. */
    CHECK_STATUS(kyoten_run("tasks.list", NULL, 0, &json, NULL, &valid),
                 KYOTEN_STATUS_NOT_JSON);
    kyoten_free(&json);
}

static void test_status_too_large(void)
{
    char *json = NULL;
    bool valid = true;
    size_t big = (size_t)KYOTEN_DEFAULT_MAX_INPUT_BYTES + 1;
    uint8_t *buf = malloc(big);
    const uint8_t tiny[2] = {'{', '}'};
    /* A per-call limit. */
    CHECK_STATUS(kyoten_run_with_limit("tasks.list", (const uint8_t *)"{}   ", 5, 4, &json,
                                       NULL, &valid),
                 KYOTEN_STATUS_TOO_LARGE);
    CHECK(contains(json, "input.too_large") && !valid);
    CHECK(contains(json, "5 bytes, limit 4 bytes"));
    kyoten_free(&json);
    /* The same input within its limit runs. */
    CHECK_STATUS(kyoten_run_with_limit("tasks.list", (const uint8_t *)"{}   ", 5, 5, &json,
                                       NULL, &valid),
                 KYOTEN_STATUS_OK);
    CHECK(valid);
    kyoten_free(&json);
    /* The default limit, with a real oversized buffer. */
    CHECK(buf != NULL);
    if (buf != NULL) {
        memset(buf, ' ', big);
        buf[0] = '{';
        buf[big - 1] = '}';
        CHECK_STATUS(kyoten_run("tasks.list", buf, big, &json, NULL, &valid),
                     KYOTEN_STATUS_TOO_LARGE);
        CHECK(contains(json, "input.too_large"));
        kyoten_free(&json);
        /* One byte less is within the default limit. */
        buf[big - 2] = '}';
        CHECK_STATUS(kyoten_run("tasks.list", buf, big - 1, &json, NULL, &valid),
                     KYOTEN_STATUS_OK);
        kyoten_free(&json);
        free(buf);
    }
    /* An oversized length is refused before a byte is read: the buffer behind it is only
     * 2 bytes long, so any read past it would show under valgrind and ASan. */
    CHECK_STATUS(kyoten_run("tasks.list", tiny, (size_t)-1, &json, NULL, &valid),
                 KYOTEN_STATUS_TOO_LARGE);
    kyoten_free(&json);
    CHECK_STATUS(kyoten_run_with_limit("tasks.list", tiny, (size_t)-1, (size_t)-1, &json, NULL,
                                       &valid),
                 KYOTEN_STATUS_TOO_LARGE);
    kyoten_free(&json);
    /* Unknown operation wins over the size: nothing is read either. */
    CHECK_STATUS(kyoten_run("no.such", tiny, (size_t)-1, &json, NULL, &valid),
                 KYOTEN_STATUS_UNKNOWN_OPERATION);
    kyoten_free(&json);
}

static void test_status_unknown_operation(void)
{
    char *json = NULL;
    bool valid = true;
    expect("no.such_operation", "{}", KYOTEN_STATUS_UNKNOWN_OPERATION, "operation.unknown");
    expect("", "{}", KYOTEN_STATUS_UNKNOWN_OPERATION, "operation.unknown");
    expect("TASKS.LIST", "{}", KYOTEN_STATUS_UNKNOWN_OPERATION, NULL);
    expect("\xff\xfe", "{}", KYOTEN_STATUS_UNKNOWN_OPERATION, NULL);
    /* The report does not echo the name the caller sent. */
    CHECK_STATUS(kyoten_run("secret.name", (const uint8_t *)"{}", 2, &json, NULL, &valid),
                 KYOTEN_STATUS_UNKNOWN_OPERATION);
    CHECK(!contains(json, "secret"));
    kyoten_free(&json);
    /* A near miss is answered with the real name (the core's did-you-mean). */
    CHECK_STATUS(kyoten_run("tasks.lst", (const uint8_t *)"{}", 2, &json, NULL, &valid),
                 KYOTEN_STATUS_UNKNOWN_OPERATION);
    CHECK(contains(json, "\"suggestion\":\"tasks.list\""));
    kyoten_free(&json);
    CHECK_STATUS(kyoten_input_schema("no.such", &json, NULL), KYOTEN_STATUS_UNKNOWN_OPERATION);
    CHECK(contains(json, "operation.unknown"));
    kyoten_free(&json);
    CHECK_STATUS(kyoten_output_schema("no.such", &json, NULL), KYOTEN_STATUS_UNKNOWN_OPERATION);
    kyoten_free(&json);
}

static void test_status_invalid_shape(void)
{
    expect("tasks.list", "{\"patient\":\"山田花子\"}", KYOTEN_STATUS_INVALID_SHAPE,
           "input.unknown_field");
    expect("tasks.list", "{\"patient\":1}", KYOTEN_STATUS_INVALID_SHAPE, "\"path\":\"/patient\"");
    expect("tasks.list", "\"text\"", KYOTEN_STATUS_INVALID_SHAPE, "input.wrong_type");
    expect("tasks.list", "null", KYOTEN_STATUS_INVALID_SHAPE, "input.wrong_type");
    expect("tasks.list", "{\"$schema\":7}", KYOTEN_STATUS_INVALID_SHAPE, "input.wrong_type");
    /* Messages never echo the input's text: the unknown key appears once, in the JSON
     * Pointer that locates it, and in neither message. */
    {
        char *json = NULL;
        bool valid;
        run_text("tasks.list", "{\"山田花子\":1}", &json, &valid);
        CHECK(contains(json, "\"path\":\"/山田花子\""));
        CHECK(count_of(json, "山田") == 1);
        kyoten_free(&json);
    }
}

static void test_status_internal(void)
{
#ifdef KYOTEN_TESTING
    char *json = NULL;
    size_t len = 0;
    /* A panic inside the library becomes a status; the library stays usable. Rust's
     * default panic hook prints the deliberate panic's message on stderr. */
    fprintf(stderr, "  (a deliberate panic message follows)\n");
    CHECK_STATUS(kyoten_testing_panic(&json, &len), KYOTEN_STATUS_INTERNAL);
    CHECK(contains(json, "operation.internal") && len == strlen(json));
    kyoten_free(&json);
    CHECK_STATUS(kyoten_testing_panic(NULL, NULL), KYOTEN_STATUS_NULL_ARGUMENT);
    expect("tasks.list", "{}", KYOTEN_STATUS_OK, NULL);
#else
    printf("     (KYOTEN_TESTING not defined: INTERNAL only checked by name)\n");
#endif
    CHECK(strcmp(kyoten_status_name(KYOTEN_STATUS_INTERNAL), "INTERNAL") == 0);
}

static void test_status_names(void)
{
    CHECK(strcmp(kyoten_status_name(KYOTEN_STATUS_OK), "OK") == 0);
    CHECK(strcmp(kyoten_status_name(KYOTEN_STATUS_NULL_ARGUMENT), "NULL_ARGUMENT") == 0);
    CHECK(strcmp(kyoten_status_name(KYOTEN_STATUS_NOT_UTF8), "NOT_UTF8") == 0);
    CHECK(strcmp(kyoten_status_name(KYOTEN_STATUS_NOT_JSON), "NOT_JSON") == 0);
    CHECK(strcmp(kyoten_status_name(KYOTEN_STATUS_TOO_LARGE), "TOO_LARGE") == 0);
    CHECK(strcmp(kyoten_status_name(KYOTEN_STATUS_UNKNOWN_OPERATION), "UNKNOWN_OPERATION") ==
          0);
    CHECK(strcmp(kyoten_status_name(KYOTEN_STATUS_INVALID_SHAPE), "INVALID_SHAPE") == 0);
    CHECK(strcmp(kyoten_status_name(KYOTEN_STATUS_INTERNAL), "INTERNAL") == 0);
    CHECK(strcmp(kyoten_status_name(KYOTEN_STATUS_INVALID_OPTIONS), "INVALID_OPTIONS") == 0);
    CHECK(strcmp(kyoten_status_name(9), "UNKNOWN") == 0);
    CHECK(strcmp(kyoten_status_name(-1), "UNKNOWN") == 0);
    /* The values are part of the ABI and never change. */
    CHECK(KYOTEN_STATUS_OK == 0 && KYOTEN_STATUS_NULL_ARGUMENT == 1 &&
          KYOTEN_STATUS_NOT_UTF8 == 2 && KYOTEN_STATUS_NOT_JSON == 3 &&
          KYOTEN_STATUS_TOO_LARGE == 4 && KYOTEN_STATUS_UNKNOWN_OPERATION == 5 &&
          KYOTEN_STATUS_INVALID_SHAPE == 6 && KYOTEN_STATUS_INTERNAL == 7 &&
          KYOTEN_STATUS_INVALID_OPTIONS == 8);
}

static void test_free_is_null_safe_and_double_free_harmless(void)
{
    char *json = NULL;
    kyoten_free(NULL);
    kyoten_free(&json); /* *json == NULL */
    CHECK(kyoten_operations(&json, NULL) == KYOTEN_STATUS_OK);
    CHECK(json != NULL);
    kyoten_free(&json);
    CHECK(json == NULL);
    kyoten_free(&json); /* the second free through the same variable is a no-op */
    CHECK(json == NULL);
}

/* The convenience entry points forward to the table by name. */
static void check_typed(const char *name,
                        KyotenStatus (*typed)(const uint8_t *, size_t, char **, size_t *,
                                              bool *))
{
    char *a = NULL, *b = NULL;
    bool va = true, vb = true;
    KyotenStatus sa = typed((const uint8_t *)"{}", 2, &a, NULL, &va);
    KyotenStatus sb = kyoten_run(name, (const uint8_t *)"{}", 2, &b, NULL, &vb);
    CHECK_STATUS(sa, sb);
    CHECK(a != NULL && b != NULL && strcmp(a, b) == 0 && va == vb);
    if (!has_operation(name)) {
        CHECK_STATUS(sa, KYOTEN_STATUS_UNKNOWN_OPERATION);
    }
    kyoten_free(&a);
    kyoten_free(&b);
}

static void test_typed_entry_points(void)
{
    check_typed("plan.validate", kyoten_plan_validate);
    check_typed("summary.validate", kyoten_summary_validate);
}

/* ---------------------------------------------------------------- threads */

#define THREADS 8
#define ROUNDS 3
#define MAX_JOBS (MAX_OPS * 8 + MAX_EXAMPLES)

typedef struct {
    const char *op;
    const uint8_t *bytes;
    size_t len;
    KyotenStatus status;
    bool valid;
    char *json;
} Job;

static Job g_jobs[MAX_JOBS];
static size_t g_job_count = 0;

static void add_job(const char *op, const uint8_t *bytes, size_t len)
{
    if (g_job_count < MAX_JOBS) {
        Job *j = &g_jobs[g_job_count++];
        j->op = op;
        j->bytes = bytes;
        j->len = len;
        j->json = NULL;
        j->status = kyoten_run(op, bytes, len, &j->json, NULL, &j->valid);
    }
}

typedef struct {
    size_t index;
    size_t mismatches;
} Worker;

static void *thread_main(void *arg)
{
    Worker *w = arg;
    size_t r, i;
    for (r = 0; r < ROUNDS; r++) {
        for (i = 0; i < g_job_count; i++) {
            /* Every thread starts at a different job so that calls overlap. */
            const Job *j = &g_jobs[(i + w->index * 7) % g_job_count];
            char *json = NULL;
            bool valid = false;
            KyotenStatus st = kyoten_run(j->op, j->bytes, j->len, &json, NULL, &valid);
            if (st != j->status || valid != j->valid || json == NULL || j->json == NULL ||
                strcmp(json, j->json) != 0) {
                w->mismatches++;
            }
            kyoten_free(&json);
        }
    }
    return NULL;
}

static void test_threads(void)
{
    static const uint8_t not_utf8[] = {0xff, 0xfe};
    pthread_t threads[THREADS];
    Worker workers[THREADS];
    size_t i;
    g_job_count = 0;
    for (i = 0; i < g_op_count; i++) {
        size_t e;
        add_job(g_op_names[i], (const uint8_t *)"{}", 2);
        add_job(g_op_names[i], (const uint8_t *)"{\"x\":1}", 7);
        add_job(g_op_names[i], (const uint8_t *)"{", 1);
        add_job(g_op_names[i], not_utf8, sizeof not_utf8);
        for (e = 0; e < g_example_count; e++) {
            if (strcmp(g_examples[e].stem, g_op_stems[i]) == 0) {
                add_job(g_op_names[i], (const uint8_t *)g_examples[e].bytes, g_examples[e].len);
            }
        }
    }
    add_job("no.such", (const uint8_t *)"{}", 2);
    for (i = 0; i < THREADS; i++) {
        workers[i].index = i;
        workers[i].mismatches = 0;
        CHECK(pthread_create(&threads[i], NULL, thread_main, &workers[i]) == 0);
    }
    for (i = 0; i < THREADS; i++) {
        CHECK(pthread_join(threads[i], NULL) == 0);
        CHECK(workers[i].mismatches == 0);
    }
    for (i = 0; i < g_job_count; i++) {
        kyoten_free(&g_jobs[i].json);
    }
    printf("     %d threads x %d rounds x %zu calls\n", THREADS, ROUNDS, g_job_count);
}

/* ---------------------------------------------------------------- hostile-input table */

/* core/tests/hostile-inputs.tsv (beside FIXTURES_DIR): the table of SECURITY.md, shared
 * with the Rust and WASM tests. Each row names an operation (or * for all), the input as
 * HEX or HEX*COUNT parts, the first finding's code and the status (| = alternatives). */

static int hex_value(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* Builds the row's input; returns NULL on a malformed row. */
static uint8_t *hostile_bytes(char *parts, size_t *out_len)
{
    size_t cap = 1024, len = 0;
    uint8_t *buf = malloc(cap);
    char *save = NULL;
    char *part;
    if (buf == NULL) return NULL;
    for (part = strtok_r(parts, " ", &save); part != NULL; part = strtok_r(NULL, " ", &save)) {
        uint8_t unit[512];
        size_t ulen = 0, count = 1, k;
        char *star = strchr(part, '*');
        const char *h;
        if (star != NULL) {
            *star = '\0';
            count = (size_t)strtoull(star + 1, NULL, 10);
        }
        for (h = part; h[0] != '\0' && h[1] != '\0' && ulen < sizeof unit; h += 2) {
            int hi = hex_value(h[0]), lo = hex_value(h[1]);
            if (hi < 0 || lo < 0) { free(buf); return NULL; }
            unit[ulen++] = (uint8_t)(hi * 16 + lo);
        }
        while (len + ulen * count + 1 > cap) {
            uint8_t *grown;
            cap *= 2;
            grown = realloc(buf, cap);
            if (grown == NULL) { free(buf); return NULL; }
            buf = grown;
        }
        for (k = 0; k < count; k++) {
            memcpy(buf + len, unit, ulen);
            len += ulen;
        }
    }
    *out_len = len;
    return buf;
}

/* True if `value` is one of the |-separated `alternatives`. */
static int one_of(const char *value, const char *alternatives)
{
    size_t n = strlen(value);
    const char *p = alternatives;
    while (p != NULL && *p != '\0') {
        const char *bar = strchr(p, '|');
        size_t len = bar != NULL ? (size_t)(bar - p) : strlen(p);
        if (len == n && strncmp(p, value, n) == 0) return 1;
        p = bar != NULL ? bar + 1 : NULL;
    }
    return 0;
}

static void test_hostile_table(void)
{
    char path[1024];
    size_t file_len = 0, rows = 0, calls = 0;
    char *text, *line, *save = NULL;
    if (g_fixtures_dir == NULL) {
        fprintf(stderr, "  no FIXTURES_DIR given\n");
        g_case_failures++;
        return;
    }
    snprintf(path, sizeof path, "%s/../hostile-inputs.tsv", g_fixtures_dir);
    text = read_file(path, &file_len);
    CHECK(text != NULL);
    if (text == NULL) return;
    for (line = strtok_r(text, "\n", &save); line != NULL; line = strtok_r(NULL, "\n", &save)) {
        char *cols[6];
        char *tab_save = NULL;
        size_t c = 0, i, input_len = 0;
        uint8_t *input;
        char *col;
        if (line[0] == '#' || line[0] == '\0') continue;
        for (col = strtok_r(line, "\t", &tab_save); col != NULL && c < 6;
             col = strtok_r(NULL, "\t", &tab_save)) {
            cols[c++] = col;
        }
        /* An empty input column collapses under strtok: the row then has 5 columns. */
        if (c == 5) {
            for (i = 5; i > 2; i--) cols[i] = cols[i - 1];
            cols[2] = "";
            c = 6;
        }
        CHECK(c == 6);
        if (c != 6) continue;
        input = hostile_bytes(cols[2], &input_len);
        CHECK(input != NULL);
        if (input == NULL) continue;
        /* KYOTEN_HOSTILE_MAX_PARSE (set by test-c.sh under valgrind): skip rows that make
         * the library parse more bytes than this; rows refused by size still run. */
        if (getenv("KYOTEN_HOSTILE_MAX_PARSE") != NULL && strstr(cols[4], "TOO_LARGE") == NULL &&
            input_len > (size_t)strtoull(getenv("KYOTEN_HOSTILE_MAX_PARSE"), NULL, 10)) {
            printf("     skip %s (%zu bytes) under KYOTEN_HOSTILE_MAX_PARSE\n", cols[0], input_len);
            free(input);
            continue;
        }
        rows++;
        for (i = 0; i < g_op_count; i++) {
            char *json = NULL, code[MAX_NAME];
            size_t out_len = 0;
            bool valid = true;
            enum KyotenStatus st;
            const char *findings;
            if (strcmp(cols[1], "*") != 0 && strcmp(cols[1], g_op_names[i]) != 0) continue;
            st = kyoten_run(g_op_names[i], input_len == 0 ? NULL : input, input_len, &json,
                            &out_len, &valid);
            calls++;
            if (!one_of(kyoten_status_name((int32_t)st), cols[4])) {
                fprintf(stderr, "  %s on %s: status %s, expected %s\n", g_op_names[i], cols[0],
                        kyoten_status_name((int32_t)st), cols[4]);
                g_case_failures++;
            }
            CHECK(json != NULL);
            CHECK(!valid);
            findings = json != NULL ? strstr(json, "\"findings\":[") : NULL;
            CHECK(findings != NULL);
            if (findings != NULL && string_after(findings, "\"code\":\"", code, sizeof code) != NULL) {
                if (!one_of(code, cols[3])) {
                    fprintf(stderr, "  %s on %s: first code %s, expected %s\n", g_op_names[i],
                            cols[0], code, cols[3]);
                    g_case_failures++;
                }
            } else {
                g_case_failures++;
            }
            kyoten_free(&json);
        }
        free(input);
    }
    free(text);
    CHECK(rows >= (getenv("KYOTEN_HOSTILE_MAX_PARSE") != NULL ? 18u : 20u));
    printf("     %zu rows, %zu calls\n", rows, calls);
}

/* ---------------------------------------------------------------- main */

/* True if the finding at `pointer` in report `json` has rule code `code` (the finding
 * whose "path" is `pointer`; its "code" key comes before its "path"). */
static bool code_at(const char *json, const char *pointer, const char *code)
{
    char path_key[256];
    char code_key[128];
    const char *at;
    const char *c;
    const char *last = NULL;
    snprintf(path_key, sizeof path_key, "\"path\":\"%s\"", pointer);
    snprintf(code_key, sizeof code_key, "\"code\":\"%s\"", code);
    at = strstr(json, path_key);
    if (at == NULL) {
        return false;
    }
    for (c = strstr(json, "\"code\":\""); c != NULL && c < at; c = strstr(c + 1, "\"code\":\"")) {
        last = c;
    }
    return last != NULL && strncmp(last, code_key, strlen(code_key)) == 0;
}

/* Every input problem in one report (issue 13): a summary with ten problems of nine
 * kinds gets all of them, each at its pointer with a readable location. */
static void test_every_input_problem_at_once(void)
{
    static const char *const codes[] = {
        "input.wrong_type",    "input.unknown_field", "input.missing_field",
        "input.invalid_value", "input.invalid_date",  "input.unknown_value",
        "input.invalid_value", "input.invalid_date",  "input.unknown_value",
        "input.wrong_type",
    };
    static const char *const bare[] = {
        "/summary/child/sex",
        "/summary/child/nmae",
        "/summary/child/kana",
        "/summary/clinical/care/0/hours_per_day",
        "/summary/clinical/care/1/since",
        "/summary/clinical/care/2/frequency/per",
        "/summary/clinical/iq",
        "/summary/clinical/nicu_discharge",
        "/summary/allergies/status",
        "/summary/vital_signs/weight_kg",
    };
    static const char *const pointers[] = {
        "\"path\":\"/summary/child/sex\"",
        "\"path\":\"/summary/child/nmae\"",
        "\"path\":\"/summary/child/kana\"",
        "\"path\":\"/summary/clinical/care/0/hours_per_day\"",
        "\"path\":\"/summary/clinical/care/1/since\"",
        "\"path\":\"/summary/clinical/care/2/frequency/per\"",
        "\"path\":\"/summary/clinical/iq\"",
        "\"path\":\"/summary/clinical/nicu_discharge\"",
        "\"path\":\"/summary/allergies/status\"",
        "\"path\":\"/summary/vital_signs/weight_kg\"",
    };
    char path[1024];
    size_t len = 0;
    char *doc;
    char *json = NULL;
    bool valid = true;
    size_t i;
    if (g_examples_dir == NULL) {
        return;
    }
    snprintf(path, sizeof path, "%s/invalid/summary-request.nine-problems.json", g_examples_dir);
    doc = read_file(path, &len);
    CHECK(doc != NULL);
    if (doc == NULL) {
        return;
    }
    CHECK_STATUS(kyoten_run("summary.validate", (const uint8_t *)doc, len, &json, NULL, &valid),
                 KYOTEN_STATUS_INVALID_SHAPE);
    CHECK(!valid);
    CHECK(contains(json, "\"errors\":10"));
    for (i = 0; i < sizeof pointers / sizeof pointers[0]; i++) {
        CHECK(contains(json, pointers[i]));
    }
    CHECK(count_of(json, "\"location_ja\"") == 10);
    CHECK(count_of(json, "\"location_en\"") == 10);
    for (i = 0; i < sizeof bare / sizeof bare[0]; i++) {
        if (!code_at(json, bare[i], codes[i])) {
            fprintf(stderr, "     %s: expected %s\n", bare[i], codes[i]);
        }
        CHECK(code_at(json, bare[i], codes[i]));
    }
    CHECK(!code_at(json, "/summary/child/sex", "input.unknown_value"));
    CHECK(contains(json, "\"location_en\":\"summary › clinical › care 1 (oxygen therapy) › hours per day\""));
    CHECK(contains(json, "医療的ケア 3（吸引） › 頻度 › 単位"));
    CHECK(contains(json, "care 3 (suctioning) › frequency › per"));
    CHECK(contains(json, "使える値: hour（1時間あたり）"));
    kyoten_free(&json);
    free(doc);
}

/* Draft mode through the run-options document (issue 13): the same options the core reads
 * for every surface. A form in progress gets its reminders and a provisional result; a
 * draft never grants a short-stay entitlement; bad options get their own findings. */
static void test_run_with_options(void)
{
    /* A score request of a ventilated child with the date of birth not yet filled in. */
    static const char draft_doc[] =
        "{\"as_of\":\"2025-10-01\",\"birth_date\":\"\",\"clinical\":{\"care\":["
        "{\"kind\":\"ventilator\",\"since\":\"2018-02-01\",\"watch\":\"high\","
        "\"ventilation\":[\"invasive\"],\"hours_per_day\":24},"
        "{\"kind\":\"tracheostomy\",\"since\":\"2018-02-01\",\"watch\":\"high\"}],"
        "\"motor_level\":\"bedridden\",\"iq\":10}}";
    static const char complete_doc[] =
        "{\"as_of\":\"2025-10-01\",\"birth_date\":\"2017-07-14\",\"clinical\":{\"care\":["
        "{\"kind\":\"ventilator\",\"since\":\"2018-02-01\",\"watch\":\"high\","
        "\"ventilation\":[\"invasive\"],\"hours_per_day\":24},"
        "{\"kind\":\"tracheostomy\",\"since\":\"2018-02-01\",\"watch\":\"high\"}],"
        "\"motor_level\":\"bedridden\",\"iq\":10}}";
    static const char draft[] = "{\"draft\":true}";
    static const char bad[] = "{\"draft\":\"yes\",\"colour\":1}";
    char *json = NULL;
    size_t len = 0;
    bool valid = false;

    /* Without draft mode: an error, no result. */
    CHECK_STATUS(kyoten_run_with_options("scores.compute", (const uint8_t *)draft_doc,
                                         strlen(draft_doc), NULL, 0, &json, &len, &valid),
                 KYOTEN_STATUS_INVALID_SHAPE);
    CHECK(!valid);
    CHECK(contains(json, "\"code\":\"input.invalid_date\""));
    CHECK(!contains(json, "\"result\""));
    kyoten_free(&json);

    /* Draft mode: a reminder at the field, a provisional result, no entitlement. */
    CHECK_STATUS(kyoten_run_with_options("scores.compute", (const uint8_t *)draft_doc,
                                         strlen(draft_doc), (const uint8_t *)draft,
                                         strlen(draft), &json, &len, &valid),
                 KYOTEN_STATUS_OK);
    CHECK(valid);
    CHECK(len == strlen(json));
    CHECK(contains(json, "\"code\":\"input.draft.not_filled\""));
    CHECK(contains(json, "\"path\":\"/birth_date\""));
    CHECK(contains(json, "\"provisional\":true"));
    CHECK(contains(json, "\"code\":\"scores.short_stay.draft\""));
    CHECK(contains(json, "\"short_stay\":{\"eligible\":false"));
    CHECK(contains(json, "\"total\":"));
    kyoten_free(&json);

    /* The complete document in draft mode is not a draft: entitled. */
    CHECK_STATUS(kyoten_run_with_options("scores.compute", (const uint8_t *)complete_doc,
                                         strlen(complete_doc), (const uint8_t *)draft,
                                         strlen(draft), &json, &len, &valid),
                 KYOTEN_STATUS_OK);
    CHECK(valid);
    CHECK(!contains(json, "\"provisional\""));
    CHECK(!contains(json, "scores.short_stay.draft"));
    CHECK(contains(json, "\"short_stay\":{\"eligible\":true"));
    kyoten_free(&json);

    /* Bad options: their own findings, pointers into the options; the input is not read. */
    valid = true;
    CHECK_STATUS(kyoten_run_with_options("scores.compute", (const uint8_t *)complete_doc,
                                         strlen(complete_doc), (const uint8_t *)bad,
                                         strlen(bad), &json, &len, &valid),
                 KYOTEN_STATUS_INVALID_OPTIONS);
    CHECK(!valid);
    CHECK(count_of(json, "\"code\":\"options.invalid\"") == 2);
    CHECK(contains(json, "\"path\":\"/draft\""));
    CHECK(contains(json, "\"path\":\"/colour\""));
    CHECK(contains(json, "(input.unknown_field)"));
    CHECK(!contains(json, "\"result\""));
    kyoten_free(&json);

    /* Options that are not JSON, and a limit smaller than the input. */
    CHECK_STATUS(kyoten_run_with_options("scores.compute", (const uint8_t *)complete_doc,
                                         strlen(complete_doc), (const uint8_t *)"{\"draft\":", 9,
                                         &json, NULL, NULL),
                 KYOTEN_STATUS_INVALID_OPTIONS);
    CHECK(contains(json, "options.invalid"));
    kyoten_free(&json);
    CHECK_STATUS(kyoten_run_with_options("scores.compute", (const uint8_t *)complete_doc,
                                         strlen(complete_doc),
                                         (const uint8_t *)"{\"max_input_bytes\":10}", 22, &json,
                                         NULL, NULL),
                 KYOTEN_STATUS_TOO_LARGE);
    kyoten_free(&json);
    CHECK_STATUS(kyoten_run_with_options("scores.compute", (const uint8_t *)complete_doc,
                                         strlen(complete_doc),
                                         (const uint8_t *)"{\"max_input_bytes\":0}", 21, &json,
                                         NULL, NULL),
                 KYOTEN_STATUS_INVALID_OPTIONS);
    CHECK(contains(json, "options.max_input_bytes.out_of_range"));
    kyoten_free(&json);

    /* NULL options with a length; an unknown operation. */
    CHECK_STATUS(kyoten_run_with_options("scores.compute", (const uint8_t *)complete_doc,
                                         strlen(complete_doc), NULL, 3, &json, NULL, NULL),
                 KYOTEN_STATUS_NULL_ARGUMENT);
    kyoten_free(&json);
    CHECK_STATUS(kyoten_run_with_options("no.such", (const uint8_t *)"{}", 2,
                                         (const uint8_t *)draft, strlen(draft), &json, NULL, NULL),
                 KYOTEN_STATUS_UNKNOWN_OPERATION);
    kyoten_free(&json);
    CHECK_STATUS(kyoten_run_with_options("scores.compute", NULL, 0, NULL, 0, NULL, &len, &valid),
                 KYOTEN_STATUS_NULL_ARGUMENT);
}

/* The nine-problem summary in draft mode: the missing field is a reminder, the other
 * nine problems stay errors (no result). */
static void test_nine_problems_in_draft_mode(void)
{
    static const char draft[] = "{\"draft\":true}";
    char path[1024];
    size_t len = 0;
    char *doc;
    char *json = NULL;
    bool valid = true;
    if (g_examples_dir == NULL) {
        return;
    }
    snprintf(path, sizeof path, "%s/invalid/summary-request.nine-problems.json", g_examples_dir);
    doc = read_file(path, &len);
    CHECK(doc != NULL);
    if (doc == NULL) {
        return;
    }
    CHECK_STATUS(kyoten_run_with_options("summary.validate", (const uint8_t *)doc, len,
                                         (const uint8_t *)draft, strlen(draft), &json, NULL,
                                         &valid),
                 KYOTEN_STATUS_INVALID_SHAPE);
    CHECK(!valid);
    CHECK(contains(json, "\"errors\":9"));
    CHECK(contains(json, "\"warnings\":1"));
    CHECK(contains(json, "\"code\":\"input.draft.not_filled\""));
    CHECK(count_of(json, "\"location_en\"") == 10);
    CHECK(contains(json, "\"location_en\":\"summary › child › kana\""));
    kyoten_free(&json);
    free(doc);
}

int main(int argc, char **argv)
{
    g_examples_dir = argc > 1 ? argv[1] : NULL;
    g_fixtures_dir = argc > 2 ? argv[2] : NULL;
    if (load_operations() != 0) {
        fprintf(stderr, "kyoten_operations failed\n");
        return 2;
    }
    load_examples();

    RUN(test_versions);
    RUN(test_operation_list);
    RUN(test_every_operation);
    RUN(test_fuzz_fixtures);
    RUN(test_schemas);
    RUN(test_status_ok);
    RUN(test_status_null_argument);
    RUN(test_status_not_utf8);
    RUN(test_status_not_json);
    RUN(test_zero_length);
    RUN(test_status_too_large);
    RUN(test_status_unknown_operation);
    RUN(test_status_invalid_shape);
    RUN(test_every_input_problem_at_once);
    RUN(test_run_with_options);
    RUN(test_nine_problems_in_draft_mode);
    RUN(test_status_internal);
    RUN(test_status_names);
    RUN(test_free_is_null_safe_and_double_free_harmless);
    RUN(test_typed_entry_points);
    RUN(test_threads);
    RUN(test_hostile_table);

    free_examples();
    printf("%d passed, %d failed\n", g_passed, g_failed);
    return g_failed == 0 ? 0 : 1;
}
