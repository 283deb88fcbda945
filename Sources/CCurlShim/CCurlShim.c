#include "CCurlShim.h"

CURLcode lanyard_curl_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

CURLcode lanyard_curl_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}

CURLcode lanyard_curl_setopt_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}

CURLcode lanyard_curl_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value) {
    return curl_easy_setopt(handle, option, value);
}

CURLcode lanyard_curl_setopt_read_function(CURL *handle, lanyard_curl_read_callback callback) {
    return curl_easy_setopt(handle, CURLOPT_READFUNCTION, callback);
}

CURLcode lanyard_curl_setopt_debug_function(CURL *handle, lanyard_curl_debug_callback callback) {
    return curl_easy_setopt(handle, CURLOPT_DEBUGFUNCTION, callback);
}

CURLcode lanyard_curl_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}

CURLoption lanyard_curlopt_mail_rcpt_allowfails(void) {
#if LIBCURL_VERSION_NUM >= 0x080200
    return CURLOPT_MAIL_RCPT_ALLOWFAILS;
#else
    return CURLOPT_MAIL_RCPT_ALLLOWFAILS;
#endif
}
