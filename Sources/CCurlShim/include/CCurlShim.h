#ifndef LANYARD_CCURLSHIM_H
#define LANYARD_CCURLSHIM_H

#include <curl/curl.h>

/// libcurl, loaded on first use. Linking it would load it, and the thirty-odd libraries it
/// needs (TLS, Kerberos, LDAP, ...), into every process at start: about 10 ms of every
/// command, when only sending mail uses it. These functions call the real ones through
/// pointers that `lanyard_curl_load` resolves once (dlopen of the system's libcurl.so.4).

/// Loads libcurl if not yet done; NULL when it is loaded, else why it could not be (the loader's
/// message). Thread-safe; every function below calls it.
const char *lanyard_curl_load(void);

CURLcode lanyard_curl_global_init(long flags);
/// NULL when libcurl cannot be loaded or cannot make a handle.
CURL *lanyard_curl_easy_init(void);
void lanyard_curl_easy_cleanup(CURL *handle);
CURLcode lanyard_curl_easy_perform(CURL *handle);
const char *lanyard_curl_easy_strerror(CURLcode code);
struct curl_slist *lanyard_curl_slist_append(struct curl_slist *list, const char *value);
void lanyard_curl_slist_free_all(struct curl_slist *list);

/// Typed wrappers over the variadic curl_easy_setopt / curl_easy_getinfo, which Swift cannot call.

CURLcode lanyard_curl_setopt_long(CURL *handle, CURLoption option, long value);
CURLcode lanyard_curl_setopt_string(CURL *handle, CURLoption option, const char *value);
CURLcode lanyard_curl_setopt_pointer(CURL *handle, CURLoption option, void *value);
CURLcode lanyard_curl_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value);

/// The read callback's C type; curl calls it to pull the message body.
typedef size_t (*lanyard_curl_read_callback)(char *buffer, size_t size, size_t nitems, void *userdata);
CURLcode lanyard_curl_setopt_read_function(CURL *handle, lanyard_curl_read_callback callback);

/// The debug callback's C type; used to observe the SMTP dialogue (never logs bodies).
typedef int (*lanyard_curl_debug_callback)(CURL *handle, curl_infotype type, char *data, size_t size, void *userdata);
CURLcode lanyard_curl_setopt_debug_function(CURL *handle, lanyard_curl_debug_callback callback);

CURLcode lanyard_curl_getinfo_long(CURL *handle, CURLINFO info, long *value);

/// CURLOPT_MAIL_RCPT_ALLLOWFAILS (7.88 spelling) / CURLOPT_MAIL_RCPT_ALLOWFAILS (8.2+).
CURLoption lanyard_curlopt_mail_rcpt_allowfails(void);

#endif
