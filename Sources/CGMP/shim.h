#ifndef TABELLA_CGMP_SHIM_H
#define TABELLA_CGMP_SHIM_H
#include <gmp.h>
#include <string.h>

/*
 * GMP spells its public API as macros (mpz_powm is __gmpz_powm, mpn_add_n is __gmpn_add_n, mpz_sgn is a
 * function-like macro). Swift imports none of them, so each name Tabella uses gets a static inline wrapper here.
 */

static inline void tgmp_mpz_init(mpz_ptr x) { mpz_init(x); }
static inline void tgmp_mpz_clear(mpz_ptr x) { mpz_clear(x); }
static inline void tgmp_mpz_import_be(mpz_ptr rop, const unsigned char *bytes, size_t count) {
    mpz_import(rop, count, 1, 1, 1, 0, bytes);
}
static inline mpz_srcptr tgmp_mpz_roinit_n(mpz_ptr x, const mp_limb_t *limbs, mp_size_t count) {
    return mpz_roinit_n(x, limbs, count);
}
static inline void tgmp_mpz_powm(mpz_ptr rop, mpz_srcptr base, mpz_srcptr exp, mpz_srcptr mod) {
    mpz_powm(rop, base, exp, mod);
}
static inline void tgmp_mpz_powm_sec(mpz_ptr rop, mpz_srcptr base, mpz_srcptr exp, mpz_srcptr mod) {
    mpz_powm_sec(rop, base, exp, mod);
}
static inline int tgmp_mpz_legendre(mpz_srcptr a, mpz_srcptr p) { return mpz_legendre(a, p); }
static inline int tgmp_mpz_probab_prime_p(mpz_srcptr n, int reps) { return mpz_probab_prime_p(n, reps); }
static inline size_t tgmp_mpz_size(mpz_srcptr x) { return mpz_size(x); }
static inline const mp_limb_t *tgmp_mpz_limbs_read(mpz_srcptr x) { return mpz_limbs_read(x); }

static inline mp_limb_t tgmp_mpn_add_n(mp_limb_t *r, const mp_limb_t *a, const mp_limb_t *b, mp_size_t n) {
    return mpn_add_n(r, a, b, n);
}
static inline mp_limb_t tgmp_mpn_sub_n(mp_limb_t *r, const mp_limb_t *a, const mp_limb_t *b, mp_size_t n) {
    return mpn_sub_n(r, a, b, n);
}
static inline mp_limb_t tgmp_mpn_cnd_add_n(mp_limb_t cnd, mp_limb_t *r, const mp_limb_t *a, const mp_limb_t *b,
                                           mp_size_t n) {
    return mpn_cnd_add_n(cnd, r, a, b, n);
}
static inline mp_limb_t tgmp_mpn_cnd_sub_n(mp_limb_t cnd, mp_limb_t *r, const mp_limb_t *a, const mp_limb_t *b,
                                           mp_size_t n) {
    return mpn_cnd_sub_n(cnd, r, a, b, n);
}
static inline int tgmp_mpn_cmp(const mp_limb_t *a, const mp_limb_t *b, mp_size_t n) { return mpn_cmp(a, b, n); }
static inline void tgmp_mpn_mul_n(mp_limb_t *r, const mp_limb_t *a, const mp_limb_t *b, mp_size_t n) {
    mpn_mul_n(r, a, b, n);
}
static inline void tgmp_mpn_sqr(mp_limb_t *r, const mp_limb_t *a, mp_size_t n) { mpn_sqr(r, a, n); }
static inline void tgmp_mpn_tdiv_qr(mp_limb_t *q, mp_limb_t *r, const mp_limb_t *n, mp_size_t nn,
                                    const mp_limb_t *d, mp_size_t dn) {
    mpn_tdiv_qr(q, r, 0, n, nn, d, dn);
}
static inline mp_size_t tgmp_mpn_sec_mul_itch(mp_size_t an, mp_size_t bn) { return mpn_sec_mul_itch(an, bn); }
static inline void tgmp_mpn_sec_mul(mp_limb_t *r, const mp_limb_t *a, mp_size_t an, const mp_limb_t *b,
                                    mp_size_t bn, mp_limb_t *scratch) {
    mpn_sec_mul(r, a, an, b, bn, scratch);
}
static inline mp_size_t tgmp_mpn_sec_div_r_itch(mp_size_t nn, mp_size_t dn) { return mpn_sec_div_r_itch(nn, dn); }
static inline void tgmp_mpn_sec_div_r(mp_limb_t *np, mp_size_t nn, const mp_limb_t *dp, mp_size_t dn,
                                      mp_limb_t *scratch) {
    mpn_sec_div_r(np, nn, dp, dn, scratch);
}
static inline mp_size_t tgmp_mpn_sec_invert_itch(mp_size_t n) { return mpn_sec_invert_itch(n); }
static inline int tgmp_mpn_sec_invert(mp_limb_t *r, mp_limb_t *a, const mp_limb_t *m, mp_size_t n,
                                      mp_bitcnt_t bits, mp_limb_t *scratch) {
    return mpn_sec_invert(r, a, m, n, bits, scratch);
}
static inline mp_size_t tgmp_mpn_sec_powm_itch(mp_size_t bn, mp_bitcnt_t enb, mp_size_t n) {
    return mpn_sec_powm_itch(bn, enb, n);
}
static inline void tgmp_mpn_sec_powm(mp_limb_t *rp, const mp_limb_t *bp, mp_size_t bn, const mp_limb_t *ep,
                                     mp_bitcnt_t enb, const mp_limb_t *mp, mp_size_t n, mp_limb_t *scratch) {
    mpn_sec_powm(rp, bp, bn, ep, enb, mp, n, scratch);
}

static inline void tgmp_mpq_init(mpq_ptr x) { mpq_init(x); }
static inline void tgmp_mpq_clear(mpq_ptr x) { mpq_clear(x); }
static inline void tgmp_mpq_set_ui(mpq_ptr x, unsigned long numerator, unsigned long denominator) {
    mpq_set_ui(x, numerator, denominator);
    mpq_canonicalize(x);
}
static inline int tgmp_mpq_set_str(mpq_ptr x, const char *text) {
    int status = mpq_set_str(x, text, 10);
    if (status == 0) mpq_canonicalize(x);
    return status;
}
static inline char *tgmp_mpq_get_str(mpq_srcptr x) { return mpq_get_str(NULL, 10, x); }
static inline void tgmp_free_str(char *text) {
    void (*release)(void *, size_t);
    mp_get_memory_functions(NULL, NULL, &release);
    release(text, strlen(text) + 1);
}
static inline void tgmp_mpq_add(mpq_ptr r, mpq_srcptr a, mpq_srcptr b) { mpq_add(r, a, b); }
static inline void tgmp_mpq_sub(mpq_ptr r, mpq_srcptr a, mpq_srcptr b) { mpq_sub(r, a, b); }
static inline void tgmp_mpq_mul(mpq_ptr r, mpq_srcptr a, mpq_srcptr b) { mpq_mul(r, a, b); }
static inline void tgmp_mpq_div(mpq_ptr r, mpq_srcptr a, mpq_srcptr b) { mpq_div(r, a, b); }
static inline int tgmp_mpq_cmp(mpq_srcptr a, mpq_srcptr b) { return mpq_cmp(a, b); }
static inline int tgmp_mpq_sgn(mpq_srcptr a) { return mpq_sgn(a); }

#endif
