#ifndef TABELLA_COPENSSL_SHIM_H
#define TABELLA_COPENSSL_SHIM_H
#define OPENSSL_SUPPRESS_DEPRECATED 1
#include <openssl/bn.h>
#include <openssl/crypto.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/kdf.h>
#include <openssl/core_names.h>
#include <openssl/obj_mac.h>
#include <openssl/params.h>
#include <openssl/sha.h>

/* OPENSSL_free and OPENSSL_cleanse-style helpers are macros; Swift sees these wrappers instead. */
static inline void topenssl_free(void *pointer) { OPENSSL_free(pointer); }

#endif
