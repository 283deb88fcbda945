#include "CCurlShim.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stddef.h>
#include <stdio.h>

// The libcurl functions Lanyard calls, resolved once by `load`.
static struct {
    CURLcode (*global_init)(long);
    CURL *(*easy_init)(void);
    void (*easy_cleanup)(CURL *);
    CURLcode (*easy_perform)(CURL *);
    const char *(*easy_strerror)(CURLcode);
    CURLcode (*easy_setopt)(CURL *, CURLoption, ...);
    CURLcode (*easy_getinfo)(CURL *, CURLINFO, ...);
    struct curl_slist *(*slist_append)(struct curl_slist *, const char *);
    void (*slist_free_all)(struct curl_slist *);
} curl;

static pthread_once_t once = PTHREAD_ONCE_INIT;
static const char *failure = NULL;
static char failure_text[512];

static int resolve(void *library, const char *name, void **slot) {
    *slot = dlsym(library, name);
    if (*slot != NULL) return 1;
    const char *why = dlerror();
    snprintf(failure_text, sizeof failure_text, "libcurl has no %s (%s)", name, why ? why : "not found");
    failure = failure_text;
    return 0;
}

static void load(void) {
#ifdef __APPLE__
    static const char *const names[] = {"libcurl.4.dylib", "libcurl.dylib"};
#else
    static const char *const names[] = {"libcurl.so.4", "libcurl.so"};
#endif
    void *library = NULL;
    const char *why = NULL;
    for (size_t i = 0; i < sizeof names / sizeof names[0] && library == NULL; i++) {
        library = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
        if (library == NULL && why == NULL) why = dlerror();
    }
    if (library == NULL) {
        snprintf(failure_text, sizeof failure_text, "libcurl could not be loaded (%s); install libcurl4-openssl-dev (Scripts/bootstrap)",
                 why ? why : "libcurl.so.4 not found");
        failure = failure_text;
        return;
    }
    if (!resolve(library, "curl_global_init", (void **)&curl.global_init)) return;
    if (!resolve(library, "curl_easy_init", (void **)&curl.easy_init)) return;
    if (!resolve(library, "curl_easy_cleanup", (void **)&curl.easy_cleanup)) return;
    if (!resolve(library, "curl_easy_perform", (void **)&curl.easy_perform)) return;
    if (!resolve(library, "curl_easy_strerror", (void **)&curl.easy_strerror)) return;
    if (!resolve(library, "curl_easy_setopt", (void **)&curl.easy_setopt)) return;
    if (!resolve(library, "curl_easy_getinfo", (void **)&curl.easy_getinfo)) return;
    if (!resolve(library, "curl_slist_append", (void **)&curl.slist_append)) return;
    if (!resolve(library, "curl_slist_free_all", (void **)&curl.slist_free_all)) return;
}

const char *lanyard_curl_load(void) {
    pthread_once(&once, load);
    return failure;
}

CURLcode lanyard_curl_global_init(long flags) {
    if (lanyard_curl_load() != NULL) return CURLE_FAILED_INIT;
    return curl.global_init(flags);
}

CURL *lanyard_curl_easy_init(void) {
    if (lanyard_curl_load() != NULL) return NULL;
    return curl.easy_init();
}

// The functions below are only reached with a handle or list that libcurl made, so it is loaded.

void lanyard_curl_easy_cleanup(CURL *handle) {
    curl.easy_cleanup(handle);
}

CURLcode lanyard_curl_easy_perform(CURL *handle) {
    return curl.easy_perform(handle);
}

const char *lanyard_curl_easy_strerror(CURLcode code) {
    if (lanyard_curl_load() != NULL) return "libcurl is not loaded";
    return curl.easy_strerror(code);
}

struct curl_slist *lanyard_curl_slist_append(struct curl_slist *list, const char *value) {
    if (lanyard_curl_load() != NULL) return NULL;
    return curl.slist_append(list, value);
}

void lanyard_curl_slist_free_all(struct curl_slist *list) {
    if (list != NULL) curl.slist_free_all(list);
}

CURLcode lanyard_curl_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl.easy_setopt(handle, option, value);
}

CURLcode lanyard_curl_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return curl.easy_setopt(handle, option, value);
}

CURLcode lanyard_curl_setopt_pointer(CURL *handle, CURLoption option, void *value) {
    return curl.easy_setopt(handle, option, value);
}

CURLcode lanyard_curl_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value) {
    return curl.easy_setopt(handle, option, value);
}

CURLcode lanyard_curl_setopt_read_function(CURL *handle, lanyard_curl_read_callback callback) {
    return curl.easy_setopt(handle, CURLOPT_READFUNCTION, callback);
}

CURLcode lanyard_curl_setopt_debug_function(CURL *handle, lanyard_curl_debug_callback callback) {
    return curl.easy_setopt(handle, CURLOPT_DEBUGFUNCTION, callback);
}

CURLcode lanyard_curl_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return curl.easy_getinfo(handle, info, value);
}

CURLoption lanyard_curlopt_mail_rcpt_allowfails(void) {
#if LIBCURL_VERSION_NUM >= 0x080200
    return CURLOPT_MAIL_RCPT_ALLOWFAILS;
#else
    return CURLOPT_MAIL_RCPT_ALLLOWFAILS;
#endif
}
