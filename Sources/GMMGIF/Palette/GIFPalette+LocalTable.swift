extension GIFPalette {
    /// Maps `image` like ``indices(for:dither:)``, and keeps the pixels at `protected` offsets
    /// within `tolerance` levels per channel of their colour, giving the frame a local colour
    /// table where the global palette cannot.
    ///
    /// A frame's few pixels that carry its meaning — the centre of every data point — may have
    /// any blend of colours: a point under an ellipse outline or a neighbour's anti-aliased
    /// edge. No global table of 256 entries holds every such blend of a whole animation, but
    /// one frame has few of them. So:
    /// 1. a protected pixel is served when some palette entry lies within `tolerance` in every
    ///    channel; the colours of the others are covered greedily, most frequent first: a
    ///    colour becomes a new entry unless one already lies within `tolerance` in every
    ///    channel;
    /// 2. the new entries fill the table's unused slots after the transparent index, then
    ///    replace the entries this frame uses least (never one serving a protected pixel; at
    ///    most half of them), so the local table keeps the palette's size and transparent
    ///    index;
    /// 3. the frame is mapped to the palette; pixels on a replaced entry, and pixels of an
    ///    unserved protected colour (a point's whole fill, not only its centre), move to their
    ///    nearest local colour; every other pixel keeps its palette index, so a pixel that does
    ///    not change keeps its index and colour across frames whatever their tables, and frame
    ///    differencing still skips it;
    /// 4. each protected pixel then takes the entry nearest to it by the largest channel
    ///    difference if its nearest colour is still farther than `tolerance` in one channel.
    ///
    /// The result depends only on the palette, the image and `protected`, so frames may be
    /// mapped in parallel. Without a transparent index (see ``GIFFramePreparer``) or when every
    /// protected pixel is close enough, the frame uses the global palette.
    ///
    /// - Parameters:
    ///   - image: the frame to map.
    ///   - dither: how the colours between palette entries are approximated.
    ///   - protected: offsets into `image.pixels` (row-major); out-of-range offsets are ignored.
    ///   - tolerance: the largest difference allowed in any channel, 0...255.
    public func indices(for image: RGBImage, dither: GIFDither = .none, protecting protected: [Int],
                        tolerance: Int) -> IndexedFrame {
        let offsets = protected.filter { $0 >= 0 && $0 < image.pixels.count }
        guard !offsets.isEmpty, transparentIndex != nil,
              let (cover, locked, farColors) = farColors(image, protected: offsets, tolerance: tolerance) else {
            var frame = indices(for: image, dither: dither)
            for o in offsets where dither != .none { frame.indices[o] = grid.nearest(image.pixels[o]).index }
            return frame
        }
        var frame: IndexedFrame
        let local: [UInt32]
        if dither == .none {
            var out = [UInt8](repeating: 0, count: image.pixels.count)
            let global = mapNearest(image.pixels, into: &out, marking: farColors)
            frame = IndexedFrame(width: image.width, height: image.height, indices: out)
            local = localTable(cover: cover, locked: locked, usage: global.usage)
            remap(image.pixels, to: local, indices: &frame.indices, usage: global.usage, marked: global.marked)
        } else {
            frame = indices(for: image, dither: dither)
            var usage = [Int](repeating: 0, count: 256)
            for i in frame.indices { usage[Int(i)] += 1 }
            local = localTable(cover: cover, locked: locked, usage: usage)
            let table = GIFPalette(checkedColors: local, reserveTransparent: false)
            frame = table.indices(for: image, dither: dither)
            for o in offsets { frame.indices[o] = table.grid.nearest(image.pixels[o]).index }
        }
        for o in offsets {
            let pixel = image.pixels[o]
            // The nearest colour in Euclidean distance may still differ by more than the
            // tolerance in one channel (up to √3 times it); then take the entry nearest by the
            // largest channel difference.
            if Self.channelDistance(pixel, local[Int(frame.indices[o])]) > tolerance {
                frame.indices[o] = Self.closestByChannel(pixel, in: local)
            }
        }
        frame.localColors = local
        return frame
    }

    /// Step 1: the new entries the protected pixels need, most frequent first; which palette
    /// entries serve protected pixels (to keep); and the unserved protected colours. Nil if
    /// every protected pixel is served.
    private func farColors(_ image: RGBImage, protected: [Int], tolerance: Int)
        -> (cover: [UInt32], locked: [Bool], far: Set<UInt32>)? {
        var far: [UInt32: Int] = [:]
        var locked = [Bool](repeating: false, count: colors.count)
        for o in protected {
            let pixel = image.pixels[o] & 0xFF_FFFF
            let index = Int(grid.nearest(pixel).index)
            if Self.channelDistance(pixel, colors[index]) <= tolerance {
                locked[index] = true
            } else if let close = colors.indices.first(where: { Self.channelDistance(pixel, colors[$0]) <= tolerance }) {
                locked[close] = true
            } else {
                far[pixel, default: 0] += 1
            }
        }
        guard !far.isEmpty else { return nil }
        var cover: [UInt32] = []
        let ranked = far.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        for (color, _) in ranked where !cover.contains(where: { Self.channelDistance($0, color) <= tolerance }) {
            cover.append(color)
        }
        return (cover, locked, Set(far.keys))
    }

    /// Step 2: the local table. The palette's colours, the transparent index's slot (holding
    /// entry 0's colour, so that no search ever picks it: ties go to the lower index), then as
    /// many of `cover` as the table has unused slots; the rest of `cover` replaces the entries
    /// this frame uses least (`usage`, per index), never a `locked` one, at most half of them.
    /// On a tie the entry least used by the animation's samples goes first, then the later
    /// entry (a palette lists its exact colours, the scene's, first).
    private func localTable(cover: [UInt32], locked: [Bool], usage: [Int]) -> [UInt32] {
        var local = colors + [colors[0]]
        let spare = min(cover.count, tableSize - local.count)
        local += cover.prefix(spare)
        guard spare < cover.count else { return local }
        let overall = sampleUsage.count == colors.count ? sampleUsage : [Int](repeating: 0, count: colors.count)
        let free = colors.indices.filter { !locked[$0] }
            .sorted { (usage[$0], overall[$0], -$0) < (usage[$1], overall[$1], -$1) }
            .prefix(min(cover.count - spare, colors.count / 2))
        for (slot, color) in zip(free.sorted(), cover.dropFirst(spare)) { local[slot] = color }
        local[colors.count] = local[0]
        return local
    }

    /// Step 3: `indices`, the frame mapped to the palette (``mapNearest(_:into:marking:)``,
    /// which also counted `usage` and found the `marked` pixels), mapped to `local`
    /// where needed. A pixel whose entry was replaced is searched over all of `local`; a
    /// `marked` pixel moves to a new entry if one is nearer (its palette entry was the nearest
    /// of the rest, ties to the lower index, so this is its nearest local colour). Every other
    /// pixel keeps its entry.
    private func remap(_ pixels: [UInt32], to local: [UInt32], indices: inout [UInt8], usage: [Int], marked: [Int32]) {
        var replaced = [Bool](repeating: false, count: 256)
        var added: [(index: Int, color: UInt32)] = []
        for i in local.indices where i != colors.count && (i > colors.count || local[i] != colors[i]) {
            added.append((i, local[i]))
            if i < colors.count { replaced[i] = true }
        }
        func search(_ p: UInt32) -> UInt8 {
            var best = 0
            var bestD = Self.squaredDistance(p, local[0])
            for j in local.indices.dropFirst() {
                let d = Self.squaredDistance(p, local[j])
                if d < bestD { best = j; bestD = d }
            }
            return UInt8(best)
        }
        // Only replaced entries some pixel uses (`usage`, per index) send pixels elsewhere.
        if replaced.indices.contains(where: { replaced[$0] && usage[$0] > 0 }) {
            var memo: [UInt32: UInt8] = [:]
            indices.withUnsafeMutableBufferPointer { indices in
                replaced.withUnsafeBufferPointer { replaced in
                    for i in 0 ..< min(indices.count, pixels.count) where replaced[Int(indices[i])] {
                        let p = pixels[i] & 0xFF_FFFF
                        if let hit = memo[p] {
                            indices[i] = hit
                        } else {
                            let hit = search(p)
                            memo[p] = hit
                            indices[i] = hit
                        }
                    }
                }
            }
        }
        for o in marked {
            let i = Int(o)
            var best = Int(indices[i])
            guard !replaced[best] else { continue }
            let p = pixels[i] & 0xFF_FFFF
            var bestD = Self.squaredDistance(p, local[best])
            for entry in added {
                let d = Self.squaredDistance(p, entry.color)
                if d < bestD || (d == bestD && entry.index < best) { best = entry.index; bestD = d }
            }
            indices[i] = UInt8(best)
        }
    }

    /// The index of the entry of `colors` whose largest channel difference from `color` is
    /// smallest; ties go to the nearer in Euclidean distance, then to the lower index.
    private static func closestByChannel(_ color: UInt32, in colors: [UInt32]) -> UInt8 {
        var best = 0
        var bestKey = (Int.max, Int.max)
        for (i, c) in colors.enumerated() {
            let key = (channelDistance(color, c), squaredDistance(color, c))
            if key < bestKey {
                bestKey = key
                best = i
            }
        }
        return UInt8(best)
    }

    /// The largest difference of one channel between two `0x00RRGGBB` colours.
    static func channelDistance(_ a: UInt32, _ b: UInt32) -> Int {
        let dr = abs(Int((a >> 16) & 0xFF) - Int((b >> 16) & 0xFF))
        let dg = abs(Int((a >> 8) & 0xFF) - Int((b >> 8) & 0xFF))
        let db = abs(Int(a & 0xFF) - Int(b & 0xFF))
        return max(dr, dg, db)
    }

    /// The squared Euclidean distance between two `0x00RRGGBB` colours.
    static func squaredDistance(_ a: UInt32, _ b: UInt32) -> Int {
        let dr = Int((a >> 16) & 0xFF) - Int((b >> 16) & 0xFF)
        let dg = Int((a >> 8) & 0xFF) - Int((b >> 8) & 0xFF)
        let db = Int(a & 0xFF) - Int(b & 0xFF)
        return dr * dr + dg * dg + db * db
    }
}
import GMMImage
