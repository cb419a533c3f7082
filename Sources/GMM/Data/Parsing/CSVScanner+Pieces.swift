import Dispatch
import Foundation

extension CSVScanner {
    /// How the rows may be cut into pieces that are parsed at the same time.
    struct Splitting: Sendable, Equatable {
        /// The most pieces.
        var maxPieces: Int
        /// The fewest bytes of rows per piece: below about 1 MB, starting a second thread costs
        /// more than it saves, so a small input stays one piece.
        var minimumPieceBytes: Int

        /// Four pieces per active core, each at least 1 MiB. More pieces than cores, because
        /// `concurrentPerform` hands the next piece to whichever thread is free: when another
        /// process takes a core for a while, the other threads parse more of the pieces instead
        /// of waiting for one half of the file.
        static var automatic: Splitting {
            Splitting(maxPieces: 4 * ProcessInfo.processInfo.activeProcessorCount, minimumPieceBytes: 1 << 20)
        }

        /// The number of pieces for `bytes` bytes of rows.
        func pieces(forBytes bytes: Int) -> Int {
            max(1, min(maxPieces, bytes / max(1, minimumPieceBytes)))
        }
    }

    /// All data rows from `state.position` to `end` as values appended to `sink`, by
    /// ``scanRows`` on several pieces of the rows at once when `splitting` allows more than
    /// one; `state` then holds what the one-piece reader would have left in it.
    ///
    /// The pieces are cut at record starts, near equal byte counts. A record start is the rows'
    /// start or the byte after a separator that is not inside quotes: the row loop never reads
    /// past such a separator within a row (a CR that is not a line end is part of a cell, and
    /// the CR of a CRLF pair is before the LF that ends the piece), so each piece is exactly the
    /// records the one-piece reader would read there, and a piece's scanner, whose `end` is the
    /// piece's end, reads them the same way.
    ///
    /// Two concurrent passes:
    /// 1. Candidate cuts are made at line starts, and each piece between them counts its
    ///    separators and its quotes in one pass (``ByteScan/count(_:_:in:)``, near memory speed;
    ///    measured no slower than counting separators alone on a file without quotes). A cut
    ///    after an odd number of quotes is inside a quoted field (see `CSVScanner+Cells.swift`
    ///    for why the count tells), so it is dropped and its two pieces become one. A piece
    ///    other than the last ends with a separator, so the count is its number of physical
    ///    lines, blank ones included; the last piece has one line more when the input does not
    ///    end with a separator. Lines bound rows from above, so the sums before a piece give both
    ///    its first line number and its first row's slot in one array of Σ lines × `width`
    ///    values.
    /// 2. Each piece runs the row loop from its first line number into its slots, with its own
    ///    text-cell counts and first bad cell per column.
    ///
    /// Counting first costs one extra pass over the bytes (in the cache: the window was just
    /// read) but lets every piece write its values straight into one run of Σ lines × `width`
    /// slots of the sink, normally the array that becomes the data set's: parsing into an
    /// array per piece and copying them together instead would touch (and fault in) twice the
    /// values' memory. Only blank lines leave gaps (a slot per blank line), closed by moving
    /// the later pieces down once at the end; the common file has none but at its end, after
    /// the last value.
    ///
    /// The merge follows file order, so the outcome is the one-piece reader's for any cut: the
    /// first piece (in file order) whose loop threw gives the error, which already names its
    /// absolute line (a quote out of place is such an error, thrown where it is, so a piece
    /// that a misplaced quote put out of step is always after the piece that reports it); otherwise counts are added and each column's first bad cell is taken from
    /// the first piece that has one (offsets are from the common `base`).
    func readRows(width: Int, firstLine: Int, state: inout RowState, splitting: Splitting, into sink: inout ValueBlocks) throws {
        let rowsStart = state.position
        let wanted = splitting.pieces(forBytes: end - rowsStart)
        // The cuts, without empty pieces (two cuts within one line fall on the same line start),
        // so that the last piece is the one that holds the last line.
        var cuts = [rowsStart]
        for k in 1 ..< max(wanted, 1) {
            let cut = lineStart(atOrAfter: rowsStart + (end - rowsStart) * k / wanted)
            if let last = cuts.last, cut > last, cut < end { cuts.append(cut) }
        }
        cuts.append(end)
        guard cuts.count > 2 else { return try readRowsInOnePiece(width: width, firstLine: firstLine, state: &state, into: &sink) }

        // Pass 1: the lines and the quotes between cuts.
        var counts = [(lines: Int, quotes: Int)](repeating: (0, 0), count: cuts.count - 1)
        let separator = self.separator
        counts.withUnsafeMutableBufferPointer { counts in
            let shared = UncheckedSendable((cuts, counts))
            DispatchQueue.concurrentPerform(iterations: counts.count) { k in
                let (cuts, counts) = shared.value
                let (lines, quotes) = ByteScan.count(separator, Self.quote, in: UnsafeBufferPointer(start: cuts[k], count: cuts[k + 1] - cuts[k]))
                counts[k] = (lines, quotes)
            }
        }
        // A cut after an odd number of quotes is inside a quoted field: the pieces on either side
        // of it become one.
        var bounds = [rowsStart]
        var lines = [counts[0].lines]
        var quotesBefore = counts[0].quotes
        for k in 1 ..< counts.count {
            if quotesBefore % 2 == 0 {
                bounds.append(cuts[k])
                lines.append(0)
            }
            lines[lines.count - 1] += counts[k].lines
            quotesBefore += counts[k].quotes
        }
        bounds.append(end)
        let pieces = bounds.count - 1
        guard pieces > 1 else { return try readRowsInOnePiece(width: width, firstLine: firstLine, state: &state, into: &sink) }
        if end > bounds[pieces - 1], (end - 1).pointee != separator { lines[pieces - 1] += 1 }
        var firstSlot = [Int](repeating: 0, count: pieces)
        var lineBefore = [Int](repeating: state.line, count: pieces)
        for k in 1 ..< pieces {
            firstSlot[k] = firstSlot[k - 1] + lines[k - 1] * width
            lineBefore[k] = lineBefore[k - 1] + lines[k - 1]
        }
        let slots = firstSlot[pieces - 1] + lines[pieces - 1] * width

        // Pass 2: each piece's rows into its slots.
        let empty = RowState(position: rowsStart, line: 0, textCells: Array(repeating: 0, count: width),
                             firstBad: Array(repeating: nil, count: width))
        var states = [RowState](repeating: empty, count: pieces)
        var filledSlots = [Int](repeating: 0, count: pieces)
        var errors = [(any Error)?](repeating: nil, count: pieces)
        var merged = empty
        let buffer = sink.room(atLeast: slots)
        var filled = 0
        if let out = buffer.baseAddress {
            states.withUnsafeMutableBufferPointer { states in
                filledSlots.withUnsafeMutableBufferPointer { counts in
                    errors.withUnsafeMutableBufferPointer { errors in
                        // Each piece reads the shared bytes and writes only its own slots and
                        // its own entries of `states`, `counts` and `errors`.
                        let shared = UncheckedSendable((self, bounds, lines, firstSlot, lineBefore, out, states, counts, errors))
                        DispatchQueue.concurrentPerform(iterations: pieces) { k in
                            let (scanner, bounds, lines, firstSlot, lineBefore, out, states, counts, errors) = shared.value
                            let piece = CSVScanner(base: scanner.base, end: bounds[k + 1], separator: scanner.separator, source: scanner.source)
                            states[k].position = bounds[k]
                            states[k].line = lineBefore[k]
                            do {
                                try piece.scanRows(width: width, firstLine: firstLine,
                                                   into: UnsafeMutableBufferPointer(start: out + firstSlot[k], count: lines[k] * width),
                                                   count: &counts[k], state: &states[k])
                            } catch {
                                errors[k] = error
                            }
                        }
                    }
                }
            }
            for k in 0 ..< pieces {
                if let error = errors[k] { throw error }
                let piece = states[k]
                // A piece has room for all its lines, so its loop reads to its end.
                precondition(piece.position == bounds[k + 1], "a piece of CSV rows stopped before its end")
                merged.rows += piece.rows
                for c in 0 ..< width {
                    merged.textCells[c] += piece.textCells[c]
                    if merged.firstBad[c] == nil { merged.firstBad[c] = piece.firstBad[c] }
                }
                if merged.firstRowStart == nil {
                    merged.firstRowStart = piece.firstRowStart
                    merged.firstRowLine = piece.firstRowLine
                }
                if firstSlot[k] != filled, filledSlots[k] > 0 {
                    UnsafeMutableRawPointer(out + filled).copyMemory(from: out + firstSlot[k], byteCount: filledSlots[k] * MemoryLayout<Double>.stride)
                }
                filled += filledSlots[k]
            }
        }
        sink.commit(filled)
        state.position = end
        state.line = lineBefore[pieces - 1] + lines[pieces - 1]
        state.rows = merged.rows
        state.textCells = merged.textCells
        state.firstBad = merged.firstBad
        state.firstRowStart = merged.firstRowStart
        state.firstRowLine = merged.firstRowLine
    }

    /// The first line start at or after `target` (which is within the rows): `target` itself
    /// when the byte before it is a separator, else the byte after the next separator, or the
    /// end of the input.
    func lineStart(atOrAfter target: UnsafePointer<UInt8>) -> UnsafePointer<UInt8> {
        guard target < end else { return end }
        if target > base, (target - 1).pointee == separator { return target }
        guard let found = memchr(target, Int32(separator), end - target) else { return end }
        return UnsafePointer(found.assumingMemoryBound(to: UInt8.self)) + 1
    }
}
