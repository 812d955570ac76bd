#ifndef P2G_CCURL_SHIM_H
#define P2G_CCURL_SHIM_H
// libcurl, for its SMTP client (Debian: libcurl4-openssl-dev). curl_easy_setopt and
// curl_easy_getinfo are variadic, which Swift cannot call: these wrappers give each argument
// type a function of its own.
#include <curl/curl.h>

static inline CURLcode p2g_curl_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode p2g_curl_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode p2g_curl_setopt_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}

typedef size_t (*p2g_curl_read_callback)(char *buffer, size_t size, size_t count, void *context);

static inline CURLcode p2g_curl_setopt_read_function(CURL *handle, p2g_curl_read_callback callback) {
    return curl_easy_setopt(handle, CURLOPT_READFUNCTION, callback);
}

static inline CURLcode p2g_curl_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}
#endif
