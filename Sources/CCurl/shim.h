#ifndef LANYARD_CCURL_SHIM_H
#define LANYARD_CCURL_SHIM_H
#include <curl/curl.h>
#endif
