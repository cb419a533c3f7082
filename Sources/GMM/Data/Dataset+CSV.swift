extension Dataset {
    /// The data set as CSV text that ``CSVReader`` reads back to the same values, bit for bit.
    ///
    /// A header row first: ``columnNames`` when every name can stand in a header as it is (no
    /// comma, quote or line break, and not a number, which would make the reader take the row
    /// for data), otherwise `x`, `y`, `z`, then `x4`, `x5`, …. Then one line per sample, its
    /// D values separated by commas, each written as Swift's `description` of a `Double`: the
    /// shortest decimal that converts back to the same double, so the reader's correctly
    /// rounded conversion returns it exactly. Every line ends in `\n`.
    public func csvText() -> String {
        var text = csvHeader.joined(separator: ",") + "\n"
        text.reserveCapacity(values.count * 20)
        for i in 0 ..< count {
            text += self[sample: i].map { "\($0)" }.joined(separator: ",")
            text += "\n"
        }
        return text
    }

    /// The header row's cells: the column names, or generic names when one of them would not
    /// read back as a header cell.
    private var csvHeader: [String] {
        if let names = columnNames, names.allSatisfy(Self.standsInHeader) { return names }
        return (1 ... dimension).map { $0 <= 3 ? ["x", "y", "z"][$0 - 1] : "x\($0)" }
    }

    private static func standsInHeader(_ name: String) -> Bool {
        !name.isEmpty && Double(name) == nil && !name.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline })
    }
}
