extension TimeOfDayProfile {
    /// A flat day, for a board with no learned profile: the same share of arrivals in every slot, Poisson counts,
    /// no day-to-day spread of the cumulative curve (the forecast's interval is then counting noise only).
    ///
    /// Each region's rate is learned from its own slots as voting goes on; `arrivalsPerVoter` is only the prior
    /// (worth ``MonitorConfiguration/priorWeight`` of a day), `revoteShare` the revote-storm test's baseline.
    public static func flat(duration: Double = BoardWatch.dayLength, slotLength: Double = 300,
                            arrivalsPerVoter: Double = 0.6, revoteShare: Double = 0.02) -> TimeOfDayProfile {
        let slots = max(1, Int((duration / slotLength).rounded()))
        return TimeOfDayProfile(
            slotLength: slotLength, slotShare: [Double](repeating: 1 / Double(slots), count: slots),
            arrivalsPerVoter: arrivalsPerVoter, dispersion: .infinity,
            cumulativeShareSpread: [Double](repeating: 0, count: slots), revoteShare: revoteShare)
    }
}
