internal import CGMP
internal import COpenSSL
internal import CSodium
import TabellaGroups

/// The raw C library calls that Tabella's groups are compared with, timed in the same process.
enum RawLibraryReferences {
    /// `mpz_powm_sec` and `BN_mod_exp_mont_consttime` (cached `BN_MONT_CTX`) for a modulus and an exponent size, and
    /// `BN_mod_exp_mont_consttime` by exponents one bit longer with that bit set: the fixed length a secret exponent
    /// is given before the call (``ScalarField``'s `e + q` or `e + 2q`; OpenSSL's DSA and DH pad alike). Returns the
    /// three operations, named `mpz_powm_sec`, `BN_mod_exp_mont_consttime` and
    /// `BN_mod_exp_mont_consttime, fixed length`, and what frees their data.
    static func integerExponentiation(
        modulus: [UInt8], exponentBytes: Int, iterations: Int
    ) -> (operations: [Stopwatch.Operation], release: () -> Void) {
        let bases = (0..<iterations).map { _ in SecureRandom.bytes(count: modulus.count - 1) }
        let exponents = (0..<iterations).map { _ in SecureRandom.bytes(count: exponentBytes) }

        let gmp = GMPWorkspace(modulus: modulus)
        let gmpOperation = Stopwatch.Operation(name: "mpz_powm_sec", iterations: iterations) { index in
            gmp.powerSecret(base: bases[index], exponent: exponents[index])
        }

        let context = BN_CTX_new()
        let mont = BN_MONT_CTX_new()
        let bnModulus = BN_bin2bn(modulus, Int32(modulus.count), nil)
        _ = BN_MONT_CTX_set(mont, bnModulus, context)
        let bnBases = bases.map { BN_bin2bn($0, Int32($0.count), nil) }
        let exponent = { (bytes: [UInt8]) -> OpaquePointer? in
            let value = BN_bin2bn(bytes, Int32(bytes.count), nil)
            BN_set_flags(value, BN_FLG_CONSTTIME)
            return value
        }
        let bnExponents = exponents.map(exponent)
        let bnFixedLength = exponents.map { exponent([1] + $0) }
        let bnResult = BN_new()
        let openssl = Stopwatch.Operation(name: "BN_mod_exp_mont_consttime", iterations: iterations) { index in
            _ = BN_mod_exp_mont_consttime(bnResult, bnBases[index], bnExponents[index], bnModulus, context, mont)
        }
        let fixedLength = Stopwatch.Operation(name: "BN_mod_exp_mont_consttime, fixed length",
                                              iterations: iterations) { index in
            _ = BN_mod_exp_mont_consttime(bnResult, bnBases[index], bnFixedLength[index], bnModulus, context, mont)
        }
        return ([gmpOperation, openssl, fixedLength], {
            (bnBases + bnExponents + bnFixedLength + [bnResult, bnModulus]).forEach { BN_free($0) }
            BN_MONT_CTX_free(mont)
            BN_CTX_free(context)
            withExtendedLifetime(gmp) {}
        })
    }

    /// `crypto_scalarmult_ristretto255` on a random point, `crypto_scalarmult_ristretto255_base`, and the
    /// validation of a random point's encoding. Returns operations named `crypto_scalarmult_ristretto255`,
    /// `crypto_scalarmult_ristretto255_base` and `crypto_core_ristretto255_is_valid_point`, and what frees their data.
    static func ristretto255(iterations: Int) -> (operations: [Stopwatch.Operation], release: () -> Void) {
        let points = (0..<iterations).map { _ -> [UInt8] in
            var point = [UInt8](repeating: 0, count: 32)
            crypto_core_ristretto255_random(&point)
            return point
        }
        let scalars = (0..<iterations).map { _ -> [UInt8] in
            var scalar = [UInt8](repeating: 0, count: 32)
            crypto_core_ristretto255_scalar_random(&scalar)
            return scalar
        }
        let output = UnsafeMutablePointer<UInt8>.allocate(capacity: 32)
        let operations = [
            Stopwatch.Operation(name: "crypto_scalarmult_ristretto255", iterations: iterations) { index in
                _ = crypto_scalarmult_ristretto255(output, scalars[index], points[index])
            },
            Stopwatch.Operation(name: "crypto_scalarmult_ristretto255_base", iterations: iterations) { index in
                _ = crypto_scalarmult_ristretto255_base(output, scalars[index])
            },
            Stopwatch.Operation(name: "crypto_core_ristretto255_is_valid_point", iterations: iterations) { index in
                _ = crypto_core_ristretto255_is_valid_point(points[index])
            },
        ]
        return (operations, { output.deallocate() })
    }

    /// OpenSSL `EC_POINT_mul` on P-256 with a random point, and with the generator.
    /// Returns operations named `EC_POINT_mul`, `EC_POINT_mul generator` and `EC_POINTs_mul` (one call with
    /// `terms` points and scalars: OpenSSL's own multi-exponentiation), and what frees their data.
    static func p256(iterations: Int, terms: Int) -> (operations: [Stopwatch.Operation], release: () -> Void) {
        let group = EC_GROUP_new_by_curve_name(NID_X9_62_prime256v1)
        let context = BN_CTX_new()
        let order = BN_new()
        _ = EC_GROUP_get_order(group, order, context)
        let scalars = (0..<iterations).map { _ -> OpaquePointer? in
            let value = BN_new()
            _ = BN_rand_range(value, order)
            BN_set_flags(value, BN_FLG_CONSTTIME)
            return value
        }
        let points = scalars.map { scalar -> OpaquePointer? in
            let point = EC_POINT_new(group)
            _ = EC_POINT_mul(group, point, scalar, nil, nil, context)
            return point
        }
        let result = EC_POINT_new(group)
        var manyPoints = (0..<terms).map { points[$0 % iterations] }
        var manyScalars = (0..<terms).map { scalars[($0 + 1) % iterations] }
        let operations = [
            Stopwatch.Operation(name: "EC_POINTs_mul", iterations: 1) { _ in
                manyPoints.withUnsafeMutableBufferPointer { points in
                    manyScalars.withUnsafeMutableBufferPointer { scalars in
                        _ = EC_POINTs_mul(group, result, nil, terms, points.baseAddress, scalars.baseAddress, context)
                    }
                }
            },
            Stopwatch.Operation(name: "EC_POINT_mul", iterations: iterations) { index in
                _ = EC_POINT_mul(group, result, nil, points[(index + 1) % iterations], scalars[index], context)
            },
            Stopwatch.Operation(name: "EC_POINT_mul generator", iterations: iterations) { index in
                _ = EC_POINT_mul(group, result, scalars[index], nil, nil, context)
            },
        ]
        return (operations, {
            (points + [result]).forEach { EC_POINT_free($0) }
            (scalars + [order]).forEach { BN_free($0) }
            BN_CTX_free(context)
            EC_GROUP_free(group)
        })
    }
}

/// GMP integers for the `mpz_powm_sec` reference: the modulus and reusable temporaries.
final class GMPWorkspace {
    private var modulus = __mpz_struct()
    private var base = __mpz_struct()
    private var exponent = __mpz_struct()
    private var result = __mpz_struct()

    init(modulus bytes: [UInt8]) {
        tgmp_mpz_init(&modulus)
        tgmp_mpz_init(&base)
        tgmp_mpz_init(&exponent)
        tgmp_mpz_init(&result)
        tgmp_mpz_import_be(&modulus, bytes, bytes.count)
    }

    deinit {
        tgmp_mpz_clear(&modulus)
        tgmp_mpz_clear(&base)
        tgmp_mpz_clear(&exponent)
        tgmp_mpz_clear(&result)
    }

    /// `base^exponent mod p` with `mpz_powm_sec`, from big-endian bytes.
    func powerSecret(base baseBytes: [UInt8], exponent exponentBytes: [UInt8]) {
        tgmp_mpz_import_be(&base, baseBytes, baseBytes.count)
        tgmp_mpz_import_be(&exponent, exponentBytes, exponentBytes.count)
        tgmp_mpz_powm_sec(&result, &base, &exponent, &modulus)
    }
}
