import Synchronization

/// The raster stamps of every point look on a frame — each size step of ``PointSize`` and the
/// hollow ring — for one base radius, in one flat array: the taps of slot s (size step s, or
/// ``PointSize/levels`` for the ring) at quantised centre q are
/// `taps[ranges[s · subdivisions² + q]]`.
///
/// Building them costs about as much as stamping a few hundred points, and every frame of an
/// animation uses the same radii, so they are made once per process for each set of radii and
/// kept in a small cache shared by all threads.
struct PointStamps: Sendable {
    let taps: [PointStamper.Tap]
    let ranges: [Range<Int>]

    /// The slots: one per size step, then the hollow ring.
    static let slots = PointSize.levels + 1

    /// The slot of a size step or of ``PointSize/hollow``.
    static func slot(_ level: UInt8) -> Int {
        level == PointSize.hollow ? PointSize.levels : min(Int(level), PointSize.levels - 1)
    }

    /// Stamps for base radius `radius` with a rim of width `rim` on filled points and a ring of
    /// width `ring` on hollow ones, all in device pixels.
    init(radius: Double, rim: Double, ring: Double) {
        var taps = [PointStamper.Tap]()
        var ranges = [Range<Int>]()
        let q = PointStamper.subdivisions * PointStamper.subdivisions
        ranges.reserveCapacity(Self.slots * q)
        for s in 0 ..< Self.slots {
            let hollow = s == PointSize.levels
            let level = hollow ? PointSize.hollow : UInt8(s)
            let set = PointStamper.stamps(radius: radius * PointSize.radiusFactor(level), rim: hollow ? ring : rim, hollow: hollow)
            for stamp in set {
                ranges.append(taps.count ..< taps.count + stamp.count)
                taps += stamp
            }
        }
        self.taps = taps
        self.ranges = ranges
    }

    private struct Key: Hashable {
        let radius: Double, rim: Double, ring: Double
    }

    /// Stamp sets made so far; a handful of sizes in practice, cleared if it ever grows large.
    private static let cache = Mutex([Key: PointStamps]())

    /// The stamps for these radii, made on first use.
    static func cached(radius: Double, rim: Double, ring: Double) -> PointStamps {
        let key = Key(radius: radius, rim: rim, ring: ring)
        if let found = cache.withLock({ $0[key] }) { return found }
        let made = PointStamps(radius: radius, rim: rim, ring: ring)
        cache.withLock { stored in
            if stored.count >= 32 { stored.removeAll() }
            stored[key] = made
        }
        return made
    }
}
