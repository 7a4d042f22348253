internal import COpenSSL

/// Multiplication modulo an odd modulus p in Montgomery form, through OpenSSL's `BN_MONT_CTX`.
///
/// The context is built once per group and only read afterwards, which OpenSSL allows from several threads.
final class MontgomeryDomain: @unchecked Sendable {
    /// The modulus p.
    let modulus: BigNumber
    /// The number of limbs of p.
    let limbCount: Int
    // Set once in `init`, read-only afterwards.
    let context: OpaquePointer

    init(modulusLimbs: [UInt]) {
        modulus = BigNumber(limbs: modulusLimbs)
        limbCount = modulusLimbs.count
        guard let context = BN_MONT_CTX_new() else { fatalError("OpenSSL could not allocate a BN_MONT_CTX") }
        let scratch = BigNumberContext()
        guard BN_MONT_CTX_set(context, modulus.pointer, scratch.pointer) == 1 else {
            fatalError("OpenSSL could not set up Montgomery arithmetic for the modulus")
        }
        self.context = context
    }

    deinit { BN_MONT_CTX_free(context) }

    /// `value · R mod p`, the Montgomery form of a reduced value.
    func toMontgomery(_ value: BigNumber, _ scratch: BigNumberContext) -> BigNumber {
        let result = BigNumber()
        _ = BN_to_montgomery(result.pointer, value.pointer, context, scratch.pointer)
        return result
    }

    /// Turns a Montgomery-form value back into an ordinary residue, in place.
    func fromMontgomery(_ value: BigNumber, _ scratch: BigNumberContext) {
        _ = BN_from_montgomery(value.pointer, value.pointer, context, scratch.pointer)
    }

    /// `accumulator ← accumulator · factor · R⁻¹ mod p` (both in Montgomery form).
    func multiply(_ accumulator: BigNumber, by factor: BigNumber, _ scratch: BigNumberContext) {
        _ = BN_mod_mul_montgomery(accumulator.pointer, accumulator.pointer, factor.pointer, context, scratch.pointer)
    }

    /// `accumulator ← accumulator² · R⁻¹ mod p` (in Montgomery form).
    func square(_ accumulator: BigNumber, _ scratch: BigNumberContext) {
        _ = BN_mod_mul_montgomery(accumulator.pointer, accumulator.pointer, accumulator.pointer, context,
                                  scratch.pointer)
    }

    /// `p − value`, the residue of `−value` (`value` below p).
    func negative(_ value: UInt) -> BigNumber {
        let result = BigNumber(limbs: modulus.limbs(count: limbCount))
        _ = BN_sub_word(result.pointer, value)
        return result
    }

    /// `value⁻¹ mod p` (variable-time: for public values), or nil for a value with no inverse.
    func inverse(_ value: BigNumber, _ scratch: BigNumberContext) -> BigNumber? {
        let result = BigNumber()
        return BN_mod_inverse(result.pointer, value.pointer, modulus.pointer, scratch.pointer) == nil ? nil : result
    }

    /// The Montgomery form of one, `R mod p`.
    func one(_ scratch: BigNumberContext) -> BigNumber {
        let value = BigNumber(limbs: [1])
        return toMontgomery(value, scratch)
    }

    /// `base^exponent mod p` in constant time (`BN_mod_exp_mont_consttime`).
    func powerConstantTime(_ base: BigNumber, _ exponent: BigNumber, _ scratch: BigNumberContext) -> BigNumber {
        let result = BigNumber()
        exponent.markSecret()
        _ = BN_mod_exp_mont_consttime(result.pointer, base.pointer, exponent.pointer, modulus.pointer,
                                      scratch.pointer, context)
        return result
    }

    /// `base^exponent mod p`, variable-time (`BN_mod_exp_mont`).
    func power(_ base: BigNumber, _ exponent: BigNumber, _ scratch: BigNumberContext) -> BigNumber {
        let result = BigNumber()
        _ = BN_mod_exp_mont(result.pointer, base.pointer, exponent.pointer, modulus.pointer, scratch.pointer, context)
        return result
    }
}
