internal import COpenSSL

/// Montgomery-form arithmetic modulo p as an ``ExponentiationWorkspace``, for multi-exponentiation.
struct MontgomeryWorkspace: ExponentiationWorkspace {
    let domain: MontgomeryDomain
    let scratch = BigNumberContext()

    /// Moves a residue into Montgomery form.
    func enter(_ limbs: [UInt]) -> BigNumber { domain.toMontgomery(BigNumber(limbs: limbs), scratch) }

    /// Moves a Montgomery-form value back to a residue.
    func leave(_ value: BigNumber) -> [UInt] {
        domain.fromMontgomery(value, scratch)
        return value.limbs(count: domain.limbCount)
    }

    func makeIdentity() -> BigNumber { domain.one(scratch) }

    func copy(_ value: BigNumber) -> BigNumber {
        let result = BigNumber()
        _ = BN_copy(result.pointer, value.pointer)
        return result
    }

    func multiply(_ accumulator: BigNumber, by factor: BigNumber) { domain.multiply(accumulator, by: factor, scratch) }

    func square(_ accumulator: BigNumber) { domain.square(accumulator, scratch) }
}
