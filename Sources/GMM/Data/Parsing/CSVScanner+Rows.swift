extension CSVScanner {
    /// Reads rows of `width` cells from `state.position` into `out` from index `count` on,
    /// until the input ends or fewer than `width` slots remain; `count` and `state` then say
    /// where it stopped. A cell that is not a finite number stores NaN and is remembered in
    /// `state` (the first per column); the values of such rows are never used, since the reader
    /// then either drops the column or reports the cell.
    ///
    /// A quoted field may hold line breaks: `line` counts physical lines, so a row's number is
    /// the line it starts on.
    ///
    /// - Throws: ``DataError`` at the first line whose number of fields is not `width`, or at
    ///   the first quote out of place.
    func scanRows(width: Int, firstLine: Int, into out: UnsafeMutableBufferPointer<Double>, count: inout Int, state: inout RowState) throws {
        guard let values = out.baseAddress else { return }
        var p = state.position
        var line = state.line
        var n = count
        var rows = state.rows
        defer {
            state.position = p
            state.line = line
            state.rows = rows
            count = n
        }
        let last = width - 1
        while p < end, n + width <= out.count {
            line += 1
            let lineStart = p
            var next = p
            if blankLine(p, next: &next) {
                p = next
                continue
            }
            if state.firstRowStart == nil {
                state.firstRowStart = lineStart
                state.firstRowLine = line
            }
            var c = 0
            // Separators inside quoted fields of this row so far: the row's later fields are
            // on later physical lines.
            var breaks = 0
            while true {
                // The fast path: a finite number, optionally in quotes, optional spaces, then the
                // right delimiter.
                var q = p
                while q < end, q.pointee == Self.space || q.pointee == Self.tab { q += 1 }
                let quoted = q < end && q.pointee == Self.quote
                if quoted { q += 1 }
                var v = 0.0
                if let e = DecimalParser.parse(q, end, &v), v.isFinite, !quoted || (e < end && e.pointee == Self.quote) {
                    var r = quoted ? e + 1 : e
                    while r < end, r.pointee == Self.space || r.pointee == Self.tab { r += 1 }
                    if c < last {
                        if r < end, r.pointee == Self.comma {
                            values[n + c] = v
                            c += 1
                            p = r + 1
                            continue
                        }
                    } else if let after = afterLineEnd(r) {
                        values[n + c] = v
                        p = after
                        break
                    }
                }
                // Anything else: find the cell's end, check the row's shape, then classify it.
                let cell = try self.cell(from: p, line: line + breaks, column: c + 1)
                breaks += cell.lineBreaks
                let atComma = cell.stop < end && cell.stop.pointee == Self.comma
                if atComma != (c < last) {
                    let fields = fieldCount(from: lineStart, line: line)
                    throw fail(line, nil, "has \(fields) field\(fields == 1 ? "" : "s") but line \(firstLine) has \(width); every row needs the same number of comma-separated values")
                }
                let value = classify(cell.start, cell.end)
                values[n + c] = value ?? .nan
                if value == nil { state.textCells[c] += 1 }
                if state.firstBad[c] == nil, !(value?.isFinite ?? false) {
                    let kind: BadKind = value != nil ? .nonFinite : cellText(cell.start, cell.end, quoted: cell.quoted).isEmpty ? .empty : .text
                    state.firstBad[c] = BadCell(line: line, kind: kind, start: cell.start - base, end: cell.end - base, quoted: cell.quoted)
                }
                if atComma {
                    c += 1
                    p = cell.stop + 1
                } else {
                    p = cell.stop < end ? cell.stop + 1 : end
                    break
                }
            }
            line += breaks
            n += width
            rows += 1
        }
    }
}
