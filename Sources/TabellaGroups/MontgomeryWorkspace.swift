internal import COpenSSL

/// Montgomery-form arithmetic modulo p as an ``ExponentiationWorkspace``, for multi-exponentiation. Values and
/// bases are `BIGNUM` objects updated in place.
struct MontgomeryWorkspace: ExponentiationWorkspace {
    let domain: MontgomeryDomain
    let scratch = BigNumberContext()

    /// Every operation is one Montgomery multiplication; inverting the bases takes three per base (Montgomery's
    /// trick) and one modular inversion, which costs about as much as a few hundred multiplications.
    var costs: ExponentiationCosts {
        ExponentiationCosts(inversion: ExponentiationCosts.Inversion(perBase: 3, fixed: 300))
    }

    /// Moves a residue into Montgomery form.
    func enter(_ limbs: [UInt]) -> BigNumber { domain.toMontgomery(BigNumber(limbs: limbs), scratch) }

    /// Moves a Montgomery-form value back to a residue.
    func leave(_ value: BigNumber) -> [UInt] {
        domain.fromMontgomery(value, scratch)
        return value.limbs(count: domain.limbCount)
    }

    func makeIdentity() -> BigNumber { domain.one(scratch) }

    func value(of base: BigNumber) -> BigNumber { copy(base) }

    func copy(_ value: BigNumber) -> BigNumber {
        let result = BigNumber()
        _ = BN_copy(result.pointer, value.pointer)
        return result
    }

    func multiply(_ accumulator: inout BigNumber, by factor: BigNumber) {
        domain.multiply(accumulator, by: factor, scratch)
    }

    func multiply(_ accumulator: inout BigNumber, byBase factor: BigNumber) {
        domain.multiply(accumulator, by: factor, scratch)
    }

    func square(_ accumulator: inout BigNumber) { domain.square(accumulator, scratch) }

    /// The inverses by Montgomery's trick: prefix products, one inversion of their total, then back.
    func inverses(of bases: [BigNumber]) -> [BigNumber] {
        var prefixes = [BigNumber]()
        prefixes.reserveCapacity(bases.count)
        var running = makeIdentity()
        for base in bases {
            prefixes.append(copy(running))
            multiply(&running, by: base)
        }
        // running = (∏ b)·R; leave Montgomery form, invert, and come back: (∏ b)⁻¹·R.
        domain.fromMontgomery(running, scratch)
        guard let total = domain.inverse(running, scratch) else {
            preconditionFailure("group elements are invertible modulo p")
        }
        var inverse = domain.toMontgomery(total, scratch)
        var inverses = [BigNumber]()
        inverses.reserveCapacity(bases.count)
        for index in stride(from: bases.count - 1, through: 0, by: -1) {
            var result = prefixes[index]
            multiply(&result, by: inverse)
            inverses.append(result)
            multiply(&inverse, by: bases[index])
        }
        return inverses.reversed()
    }
}
