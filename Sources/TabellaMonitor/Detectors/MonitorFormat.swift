/// How alerts write their numbers, identically on every machine.
enum MonitorFormat {
    /// A probability as "1 in N" for small ones, else as a percentage.
    static func probability(_ p: Double) -> String {
        if p < 1e-15 { return "below 1 in a million billion" }
        if p < 0.01 { return "about 1 in \(Int((1 / p).rounded()))" }
        return "\(Int((p * 100).rounded())) %"
    }

    /// A count with one decimal.
    static func decimal(_ value: Double) -> String {
        "\((value * 10).rounded() / 10)"
    }

    /// A share as a percentage with one decimal.
    static func percent(_ share: Double) -> String {
        "\((share * 1000).rounded() / 10) %"
    }
}
